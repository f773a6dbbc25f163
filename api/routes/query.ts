/** GET /api/ask and GET /api/search: questions and searches, same shapes as the CLI's --json. */
import { Router } from 'express';
import { z } from 'zod';
import { ask } from '../../search/ask.js';
import { hybridSearch } from '../../search/hybrid.js';
import type { AppDeps } from '../deps.js';
import { idList, k, parse, queryText } from '../validate.js';

const Query = z.object({ q: queryText, k });
const AskQuery = z.object({ q: queryText, k, doc: idList.optional() });

export function queryRouter(deps: AppDeps): Router {
  const r = Router();
  r.get('/ask', async (req, res) => {
    const { q, k, doc } = parse(AskQuery, req.query);
    res.json(await ask(deps, q, { k, docIds: doc }));
  });
  r.get('/search', async (req, res) => {
    const { q, k } = parse(Query, req.query);
    res.json(await hybridSearch(deps, q, { k }));
  });
  return r;
}
