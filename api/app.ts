/** Builds the Express app from its dependencies without listening, so tests call it in-process. */
import fs from 'node:fs';
import express, { type Express, type RequestHandler } from 'express';
import { uiDistDir } from '../core/paths.js';
import type { AppDeps } from './deps.js';
import { errorHandler, notFound } from './errors.js';
import { cypherRouter } from './routes/cypher.js';
import { documentsRouter } from './routes/documents.js';
import { entitiesRouter } from './routes/entities.js';
import { graphRouter } from './routes/graph.js';
import { healthRouter } from './routes/health.js';
import { queryRouter } from './routes/query.js';
import { readLimiter, requireWrite, securityHeaders, writeLimiter } from './security.js';

export type { AppDeps } from './deps.js';

/** One structured log line per request. */
function requestLog(deps: AppDeps): RequestHandler {
  return (req, res, next) => {
    const t0 = performance.now();
    res.on('finish', () => {
      deps.log.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round((performance.now() - t0) * 10) / 10 }, 'request');
    });
    next();
  };
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders());
  app.use(requestLog(deps));

  const api = express.Router();
  api.use(readLimiter());
  api.use(express.json({ limit: '64kb' }));
  api.use(healthRouter(deps));
  api.use(queryRouter(deps));
  api.use(entitiesRouter(deps));
  api.use(graphRouter(deps));
  api.use(documentsRouter(deps, [writeLimiter(), requireWrite(deps)]));
  api.use(cypherRouter(deps));
  api.use(notFound);
  app.use('/api', api);

  const ui = uiDistDir();
  if (fs.existsSync(ui)) app.use(express.static(ui, { index: 'index.html', maxAge: '1h' }));
  else app.get('/', (_req, res) => void res.type('text').send('policygraph API is running; the explorer is not built (run `npm run build`).'));
  app.use(notFound);
  app.use(errorHandler(deps.log));
  return app;
}
