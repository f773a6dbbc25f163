/**
 * The one mapping from graph types to Cytoscape.js elements. Pure; used by the API's
 * /api/graph and by the explorer in the browser.
 */
import type { Subgraph } from '../graph/types.js';

export interface NodeData {
  id: string;
  label: string;
  labelEn: string;
  type: string;
  aliases: string[];
  parentId?: string;
  degree: number;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  confidence: number;
  evidenceCount: number;
  docs: string[];
  /** Where the relation's evidence sentences are, so the explorer can light the edges behind an answer. */
  spans: EvidenceSpan[];
}

export interface EvidenceSpan {
  doc: string;
  start: number;
  end: number;
}

export interface CytoscapeElements {
  nodes: { data: NodeData }[];
  edges: { data: EdgeData }[];
}

export function toCytoscapeElements(graph: Subgraph): CytoscapeElements {
  const ids = new Set(graph.entities.map((e) => e.id));
  const edges = graph.relations.filter((r) => ids.has(r.source) && ids.has(r.target));
  const degree = new Map<string, number>();
  for (const r of edges) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  return {
    nodes: graph.entities.map((e) => ({
      data: {
        id: e.id,
        label: e.label,
        labelEn: e.labelEn,
        type: e.type,
        aliases: e.aliases,
        ...(e.parentId ? { parentId: e.parentId } : {}),
        degree: degree.get(e.id) ?? 0,
      },
    })),
    edges: edges.map((r) => ({
      data: {
        id: r.id,
        source: r.source,
        target: r.target,
        type: r.type,
        confidence: r.confidence,
        evidenceCount: r.evidence.length,
        docs: [...new Set(r.evidence.map((ev) => ev.doc))],
        spans: r.evidence.map((ev) => ({ doc: ev.doc, start: ev.start, end: ev.end })),
      },
    })),
  };
}
