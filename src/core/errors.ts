import type { ErrorCode } from './i18n/en.js';

export interface ErrorDetail {
  path: string;
  message: string;
}

/** An expected failure: a stable code, an HTTP status, and parameters for the localised message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly details?: ErrorDetail[],
  ) {
    super(code);
  }
}

export const notFound = () => new AppError('NOT_FOUND', 404);
export const forbidden = () => new AppError('FORBIDDEN', 403);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 401);
export const conflict = () => new AppError('CONFLICT', 409);
