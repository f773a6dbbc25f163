/** GET /api/health: status, store kind, model status, counts. */
import { Router } from 'express';
import { isWritable, type AppDeps } from '../deps.js';

export function healthRouter(deps: AppDeps): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    const counts = await deps.store.counts();
    res.json({
      status: 'ok',
      store: deps.store.kind,
      model: deps.modelStatus,
      counts,
      writable: isWritable(deps),
      auth: Boolean(deps.config.token),
    });
  });
  return r;
}
