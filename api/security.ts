/**
 * Security middleware: helmet headers, rate limits for non-loopback clients, and the write guard
 * (uploads/deletes need the bearer token when one is configured).
 */
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { isLoopback } from '../core/config.js';
import { PolicygraphError } from '../core/errors.js';
import type { AppDeps } from './deps.js';

const clientIsLoopback = (ip: string | undefined): boolean => !!ip && (isLoopback(ip) || ip === '::ffff:127.0.0.1');

export const securityHeaders = (): RequestHandler =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'"],
      },
    },
  });

/** Remote clients are rate limited; loopback (the analyst's own machine, benchmarks) is not. */
export const readLimiter = (): RequestHandler =>
  rateLimit({ windowMs: 60_000, limit: 600, standardHeaders: 'draft-7', legacyHeaders: false, skip: (req) => clientIsLoopback(req.ip), handler: (_req, _res, next) => next(new PolicygraphError('RATE_LIMITED', 'too many requests; slow down')) });

export const writeLimiter = (): RequestHandler =>
  rateLimit({ windowMs: 60_000, limit: 30, standardHeaders: 'draft-7', legacyHeaders: false, skip: (req) => clientIsLoopback(req.ip), handler: (_req, _res, next) => next(new PolicygraphError('RATE_LIMITED', 'too many uploads; slow down')) });

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function requireWrite(deps: AppDeps): RequestHandler {
  return (req, _res, next) => {
    if (!deps.config.allowUpload) return next(new PolicygraphError('FORBIDDEN', 'this server is read-only (POLICYGRAPH_ALLOW_UPLOAD=0)'));
    const token = deps.config.token;
    if (token) {
      const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
      if (!sameSecret(given, token)) return next(new PolicygraphError('UNAUTHORIZED', 'writes need "Authorization: Bearer <POLICYGRAPH_TOKEN>"'));
    } else if (!clientIsLoopback(req.ip)) {
      return next(new PolicygraphError('UNAUTHORIZED', 'writes from other machines need POLICYGRAPH_TOKEN to be set on the server'));
    }
    next();
  };
}
