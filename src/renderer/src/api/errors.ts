import { formatMessage, type MessageRef } from '@shared/messages';
import type { AppError, ErrorCode } from '@shared/result';

/**
 * A failed call, carrying the backend's AppError so screens can explain what happened
 * and what to do next (the code picks the advice, the catalog message names the detail).
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly say: MessageRef;
  readonly details: unknown;

  constructor(
    readonly channel: string,
    error: AppError,
  ) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.say = error.say;
    this.details = error.details;
  }

  /** The server could not be reached at all (as opposed to answering with an error). */
  get isNetwork(): boolean {
    return (
      typeof this.details === 'object' &&
      this.details !== null &&
      (this.details as { transport?: unknown }).transport === 'network'
    );
  }
}

/** What went wrong, in the person's language: the backend's catalog message, else the error's own text. */
export function errorText(error: unknown, language: string): string {
  if (error instanceof ApiError) return formatMessage(error.say, language);
  return error instanceof Error ? error.message : String(error);
}
