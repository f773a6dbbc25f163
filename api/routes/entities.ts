/** GET /api/entities and /api/entities/:id (entity, neighbours, evidence). */
import { Router } from 'express';
import { z } from 'zod';
import { PolicygraphError } from '../../core/errors.js';
import type { AppDeps } from '../deps.js';
import { entityType, id, idList, parse } from '../validate.js';

export function entitiesRouter(deps: AppDeps): Router {
  const r = Router();
  r.get('/entities', async (req, res) => {
    const q = parse(z.object({ type: entityType.optional(), doc: idList.optional() }), req.query);
    res.json({ entities: await deps.store.listEntities({ type: q.type, docIds: q.doc }) });
  });
  r.get('/entities/:id', async (req, res) => {
    const entityId = parse(id, req.params.id);
    const detail = await deps.store.getEntity(entityId);
    if (!detail) throw new PolicygraphError('NOT_FOUND', `no entity ${entityId}`);
    res.json(detail);
  });
  return r;
}
