/** The one Express error handler: PolicygraphError codes -> statuses; anything else -> 500 (503 when a store is down). */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../core/log.js';
import { HTTP_STATUS, PolicygraphError } from '../core/errors.js';

/** Driver/database errors that mean "the store is unreachable", not "the request is wrong". */
function looksUnavailable(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  const msg = e instanceof Error ? e.message : '';
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|Could not perform discovery|Connection was closed|database is locked/i.test(msg);
}

export function toPolicygraphError(e: unknown): PolicygraphError {
  if (e instanceof PolicygraphError) return e;
  const status = (e as { status?: number; type?: string })?.status;
  if (status === 413) return new PolicygraphError('FILE_TOO_LARGE', 'request body too large', { cause: e });
  if (status === 400 && (e as { type?: string }).type === 'entity.parse.failed') {
    return new PolicygraphError('BAD_INPUT', 'request body is not valid JSON', { cause: e });
  }
  if (looksUnavailable(e)) {
    return new PolicygraphError('STORE_UNAVAILABLE', 'the graph store is unavailable right now; retry shortly', { cause: e });
  }
  return new PolicygraphError('INTERNAL', 'internal error', { cause: e });
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const e = toPolicygraphError(err);
    const status = HTTP_STATUS[e.code];
    const level = status >= 500 ? 'error' : 'info';
    log[level]({ code: e.code, status, method: req.method, path: req.path, err: status >= 500 ? (err as Error)?.message : undefined }, e.message);
    res.status(status).json({ error: { code: e.code, message: e.message, ...(e.file ? { file: e.file } : {}) } });
  };
}

export const notFound: RequestHandler = (req, _res, next) =>
  next(new PolicygraphError('NOT_FOUND', `no route ${req.method} ${req.path}`));
