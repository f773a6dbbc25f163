/** GET /api/graph (Cytoscape elements), /api/paths (shortest paths), /api/matrix (type x type evidence counts). */
import { Router } from 'express';
import { z } from 'zod';
import type { Evidence } from '../../ingest/types.js';
import { toCytoscapeElements } from '../../ui/elements.js';
import type { AppDeps } from '../deps.js';
import { entityType, entityTypes, id, idList, parse, relationTypes } from '../validate.js';

const GraphQuery = z.object({
  focus: id.optional(),
  depth: z.coerce.number().int().min(1).max(4).default(1),
  types: entityTypes.optional(),
  relations: relationTypes.optional(),
  docs: idList.optional(),
  limit: z.coerce.number().int().min(1).max(20000).default(3000),
});

const PathQuery = z.object({
  from: id,
  to: id,
  max: z.coerce.number().int().min(1).max(8).default(6),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

const MatrixQuery = z.object({ rows: entityType.default('Mode'), cols: entityType.default('Mechanism'), doc: idList.optional() });

export function graphRouter(deps: AppDeps): Router {
  const r = Router();
  r.get('/graph', async (req, res) => {
    const q = parse(GraphQuery, req.query);
    const sub = await deps.store.subgraph({
      focus: q.focus,
      depth: q.depth,
      entityTypes: q.types,
      relationTypes: q.relations,
      docIds: q.docs,
      limit: q.limit,
    });
    res.json({ elements: toCytoscapeElements(sub), truncated: sub.entities.length >= q.limit });
  });

  r.get('/paths', async (req, res) => {
    const q = parse(PathQuery, req.query);
    res.json({ paths: await deps.store.shortestPaths(q.from, q.to, { maxHops: q.max, limit: q.limit }) });
  });

  r.get('/matrix', async (req, res) => {
    const q = parse(MatrixQuery, req.query);
    const [rows, cols] = await Promise.all([
      deps.store.listEntities({ type: q.rows, docIds: q.doc }),
      deps.store.listEntities({ type: q.cols, docIds: q.doc }),
    ]);
    const [forward, backward] = await Promise.all([
      deps.store.findRelations({ sourceType: q.rows, targetType: q.cols, docIds: q.doc }),
      deps.store.findRelations({ sourceType: q.cols, targetType: q.rows, docIds: q.doc }),
    ]);
    const cells = new Map<string, { row: string; col: string; evidence: Map<string, Evidence> }>();
    const oriented = [
      ...forward.map((rel) => ({ rel, row: rel.source, col: rel.target })),
      ...backward.map((rel) => ({ rel, row: rel.target, col: rel.source })),
    ];
    for (const { rel, row, col } of oriented) {
      const key = `${row}\u0000${col}`;
      const cell = cells.get(key) ?? { row, col, evidence: new Map() };
      for (const ev of rel.evidence) cell.evidence.set(`${ev.doc}:${ev.start}:${ev.end}`, ev);
      cells.set(key, cell);
    }
    const used = (ids: Set<string>) => (e: { id: string }) => ids.has(e.id);
    const rowIds = new Set([...cells.values()].map((c) => c.row));
    const colIds = new Set([...cells.values()].map((c) => c.col));
    res.json({
      rows: rows.filter(used(rowIds)),
      cols: cols.filter(used(colIds)),
      cells: [...cells.values()].map((c) => ({ row: c.row, col: c.col, count: c.evidence.size, evidence: [...c.evidence.values()] })),
    });
  });
  return r;
}
