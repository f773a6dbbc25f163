/**
 * Shortest paths between two entities over the loaded graph, ignoring edge direction.
 * graphology-shortest-path's Brandes pass gives the predecessor lists of every shortest path;
 * we only walk that DAG back from the target to list the paths (up to `limit`).
 */
import { UndirectedGraph } from 'graphology';
import { brandes } from 'graphology-shortest-path/unweighted.js';
import type { CytoscapeElements } from '../elements.js';

export interface ElementPath {
  /** Node ids from source to target. */
  nodes: string[];
  /** For each hop, the ids of every edge (relation) joining the two nodes, any direction. */
  hops: string[][];
}

export function buildUndirected(elements: CytoscapeElements): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const n of elements.nodes) g.mergeNode(n.data.id);
  for (const e of elements.edges) {
    const { source, target, id } = e.data;
    if (source === target || !g.hasNode(source) || !g.hasNode(target)) continue;
    // One undirected edge per pair; keep every relation id between them as an attribute.
    if (g.hasEdge(source, target)) {
      const key = g.edge(source, target)!;
      (g.getEdgeAttribute(key, 'ids') as string[]).push(id);
    } else g.addEdge(source, target, { ids: [id] });
  }
  return g;
}

export function shortestPaths(
  elements: CytoscapeElements,
  from: string,
  to: string,
  opts: { maxHops?: number; limit?: number } = {},
): ElementPath[] {
  const maxHops = opts.maxHops ?? 6;
  const limit = opts.limit ?? 5;
  const g = buildUndirected(elements);
  if (!g.hasNode(from) || !g.hasNode(to) || from === to) return [];
  const [, pred] = brandes(g, from);
  if (!(pred[to]?.length ?? 0)) return [];
  const out: string[][] = [];
  const walk = (node: string, suffix: string[]): void => {
    if (out.length >= limit) return;
    if (node === from) {
      out.push([from, ...suffix]);
      return;
    }
    for (const p of pred[node] ?? []) walk(p, [node, ...suffix]);
  };
  walk(to, []);
  return out
    .filter((nodes) => nodes.length - 1 <= maxHops)
    .map((nodes) => ({
      nodes,
      hops: nodes.slice(1).map((n, i) => [...(g.getEdgeAttribute(g.edge(nodes[i]!, n)!, 'ids') as string[])]),
    }));
}
