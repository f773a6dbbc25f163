/**
 * Which nodes and edges to light up for a set of answers: the answer nodes, the edges at an
 * answer whose evidence overlaps the answer's evidence sentences, and the nodes across those
 * edges. Everything else is dimmed by the graph view. Pure.
 */
import type { CytoscapeElements, EvidenceSpan } from '../elements.js';

export interface HighlightInput {
  id: string;
  evidence: { doc: string; start: number; end: number }[];
}

export interface HighlightSet {
  nodes: Set<string>;
  /** Answer nodes themselves (drawn strongest). */
  answers: Set<string>;
  edges: Set<string>;
  /** The best answer present in the graph (drawn strongest of all). */
  top?: string;
}

const overlaps = (a: EvidenceSpan, b: EvidenceSpan): boolean => a.doc === b.doc && a.start < b.end && b.start < a.end;

/**
 * `focus` = entities the question itself names (its constraint, e.g. a mechanism): an edge
 * between an answer and one of them is evidence of the answer even without span overlap.
 */
export function highlightFor(elements: CytoscapeElements, answers: HighlightInput[], focus: string[] = []): HighlightSet {
  const focusIds = new Set(focus);
  const present = new Set(elements.nodes.map((n) => n.data.id));
  const answerIds = new Set(answers.map((a) => a.id).filter((id) => present.has(id)));
  const nodes = new Set(answerIds);
  const edges = new Set<string>();
  const evidenceOf = new Map(answers.map((a) => [a.id, a.evidence]));
  for (const { data: e } of elements.edges) {
    for (const end of [e.source, e.target]) {
      if (!answerIds.has(end)) continue;
      const ev = evidenceOf.get(end) ?? [];
      const other = end === e.source ? e.target : e.source;
      if (focusIds.has(other) || ev.some((a) => (e.spans ?? []).some((s) => overlaps(a, s)))) {
        edges.add(e.id);
        nodes.add(e.source);
        nodes.add(e.target);
      }
    }
  }
  const top = answers.find((a) => answerIds.has(a.id))?.id;
  return { nodes, answers: answerIds, edges, ...(top ? { top } : {}) };
}
