import type { AppError, ErrorCode } from '../../../shared/result';

/**
 * A failed call, carrying the backend's AppError so screens can explain what happened
 * and what to do next (the code picks the advice, the message names the detail).
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(
    readonly channel: string,
    error: AppError,
  ) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
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

export const isUnauthorized = (e: unknown): boolean => e instanceof ApiError && e.code === 'unauthorized';
