import { formatMessage, type MessageRef } from '@shared/messages';

/** Every call across a boundary answers with a value or an error the UI can show. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'workspace_missing'
  | 'workspace_corrupt'
  | 'workspace_from_newer_build'
  | 'workspace_prerelease'
  | 'import_invalid'
  | 'conflict'
  | 'busy'
  | 'unauthorized'
  /** The CRM could not be synced (unreachable, refused, limited): the message says why. */
  | 'crm'
  | 'internal';

export interface AppError {
  /** The kind of failure: what the UI does about it (offer a retry, show the workspace screen…). */
  code: ErrorCode;
  /** What to tell the person, from the message catalog, rendered in their language. */
  say: MessageRef;
  /** The same sentence in English, for logs, the CLI and anyone reading the raw answer. */
  message: string;
  /** Structured detail, e.g. the bad rows of an import or the backup path. */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** An AppError from a catalog message. */
export function appError(code: ErrorCode, say: MessageRef, details?: unknown): AppError {
  const error: AppError = { code, say, message: formatMessage(say, 'en') };
  if (details !== undefined) error.details = details;
  return error;
}

/** An error that carries a code and a catalog message across the backend, the CLI and the API. */
export class WorkbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly say: MessageRef,
    readonly details?: unknown,
  ) {
    super(formatMessage(say, 'en'));
    this.name = 'WorkbenchError';
  }

  toAppError(): AppError {
    return appError(this.code, this.say, this.details);
  }
}
