/** Every call across a boundary answers with a value or an error the UI can show. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'workspace_missing'
  | 'workspace_corrupt'
  | 'workspace_from_newer_build'
  | 'import_invalid'
  | 'conflict'
  | 'unauthorized'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  /** A sentence for a person: what went wrong, where, and what to do next. */
  message: string;
  /** Structured detail, e.g. the bad rows of an import or the backup path. */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** An error that carries a code across the backend, the CLI and the API. */
export class WorkbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'WorkbenchError';
  }

  toAppError(): AppError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
