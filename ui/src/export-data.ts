/**
 * Nodes and edges of the current view as CSV (RFC 4180 quoting) and JSON. Pure; the export
 * module turns the strings into downloads.
 */
import type { CytoscapeElements } from '../elements.js';

export function csvField(v: unknown): string {
  const s = Array.isArray(v) ? v.join('|') : v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function table(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function nodesCsv(el: CytoscapeElements): string {
  return table(
    ['id', 'label', 'labelEn', 'type', 'aliases', 'degree'],
    el.nodes.map(({ data: d }) => [d.id, d.label, d.labelEn, d.type, d.aliases, d.degree]),
  );
}

export function edgesCsv(el: CytoscapeElements): string {
  return table(
    ['id', 'source', 'target', 'type', 'confidence', 'evidenceCount', 'docs'],
    el.edges.map(({ data: d }) => [d.id, d.source, d.target, d.type, d.confidence, d.evidenceCount, d.docs]),
  );
}

export function elementsJson(el: CytoscapeElements, meta: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...meta, nodes: el.nodes.map((n) => n.data), edges: el.edges.map((e) => e.data) }, null, 2);
}
