import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { recordAudit } from '../audit/audit.service.js';
import { AppError, type ErrorDetail } from '../errors.js';
import type { ErrorCode } from '../i18n/en.js';
import { errorMessage } from '../i18n/translate.js';

/** Fastify's own 4xx errors, by code, mapped to ours. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'ROUTE_NOT_FOUND',
};

/** PostgreSQL errors a request's content can cause; anything else is our fault (500). */
function fromPostgres(err: { code?: unknown }): AppError | null {
  const code = typeof err.code === 'string' ? err.code : '';
  if (code === '23505' || code === '40001' || code === '40P01') return new AppError('CONFLICT', 409);
  if (code.startsWith('22') || code === '23502' || code === '23503' || code === '23514') {
    return new AppError('VALIDATION_FAILED', 400, { fields: '—' });
  }
  return null;
}

function toAppError(err: FastifyError | Error, req: FastifyRequest): AppError | null {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details: ErrorDetail[] = err.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (err.validationContext ?? ''),
      message: v.message ?? 'invalid',
    }));
    const fields = [...new Set(details.map((d) => d.path || 'body'))].join(', ');
    return new AppError('VALIDATION_FAILED', 400, { fields }, details);
  }
  if (isResponseSerializationError(err)) return null;
  const fe = err as FastifyError;
  if (fe.code && fastifyCodes[fe.code]) {
    const code = fastifyCodes[fe.code] as ErrorCode;
    return new AppError(code, fe.statusCode ?? 400, { fields: fe.validationContext ?? 'body', method: req.method, url: req.url });
  }
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED', 429);
  const pgErr = fromPostgres(err as { code?: unknown });
  if (pgErr) return pgErr;
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return new AppError('VALIDATION_FAILED', fe.statusCode, { fields: 'body' });
  return null;
}

export function sendError(req: FastifyRequest, reply: FastifyReply, e: AppError) {
  const message = errorMessage(req.ctx?.locale ?? 'en', e.code, e.params);
  return reply.status(e.status).send({ error: { code: e.code, message, ...(e.details ? { details: e.details } : {}) } });
}

export async function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(err, req);
  if (!appError) {
    req.log.error({ err }, 'request failed');
    return sendError(req, reply, new AppError('INTERNAL_ERROR', 500, { requestId: String(req.id) }));
  }
  if (appError.code === 'FORBIDDEN' && req.actor) {
    await recordAudit(req.ctx, {
      action: 'access.denied',
      entity: 'route',
      entityId: `${req.method} ${req.routeOptions.url ?? req.url}`,
    }).catch((auditErr) => req.log.error({ err: auditErr }, 'could not audit a denial'));
  }
  return sendError(req, reply, appError);
}
