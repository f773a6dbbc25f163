/** POST /api/cypher: read-only Cypher for analysts, with row and time limits (Neo4j only). */
import { Router } from 'express';
import { z } from 'zod';
import { PolicygraphError } from '../../core/errors.js';
import type { AppDeps } from '../deps.js';
import { parse } from '../validate.js';

const Body = z.object({
  query: z.string().trim().min(1).max(10_000),
  params: z.record(z.string(), z.unknown()).default({}),
  maxRows: z.number().int().min(1).max(10_000).default(1000),
});

export function cypherRouter(deps: AppDeps): Router {
  const r = Router();
  r.post('/cypher', async (req, res) => {
    const body = parse(Body, req.body ?? {});
    if (!deps.store.cypher) {
      throw new PolicygraphError('NOT_IMPLEMENTED', 'Cypher queries need the Neo4j store: set NEO4J_URI (see README, "Neo4j")');
    }
    res.json(await deps.store.cypher(body.query, body.params, { maxRows: body.maxRows, timeoutMs: 10_000 }));
  });
  return r;
}
