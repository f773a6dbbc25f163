/**
 * The store-independent parts of GraphStore.subgraph, shared by both adapters so they pick
 * the same entities: one breadth-first level around a frontier, and the overview selection.
 */
import type { EntityType } from '../ingest/types.js';
import type { EntityWithStats } from './types.js';

/**
 * Adds to `seen` (and returns) the entities one relation away from `frontier`, ignoring
 * direction, that `allowed` accepts, while `seen` stays within `limit`.
 */
export function expandLevel(
  frontier: string[],
  relations: Iterable<{ source: string; target: string }>,
  seen: Set<string>,
  allowed: (id: string) => boolean,
  limit: number,
): string[] {
  const front = new Set(frontier);
  const next: string[] = [];
  for (const r of relations) {
    for (const [a, b] of [[r.source, r.target], [r.target, r.source]]) {
      if (front.has(a) && !seen.has(b) && allowed(b) && seen.size < limit) {
        seen.add(b);
        next.push(b);
      }
    }
  }
  return next;
}

/** The whole-graph view: the most mentioned entities of the wanted types, ties by id. */
export function overviewEntityIds(entities: EntityWithStats[], types: EntityType[] | undefined, limit: number): string[] {
  return entities
    .filter((e) => !types?.length || types.includes(e.type))
    .sort((a, b) => b.mentionCount - a.mentionCount || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((e) => e.id);
}
