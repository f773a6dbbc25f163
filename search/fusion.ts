/**
 * Pure parts of hybrid retrieval: weighted reciprocal rank fusion, the graph ranking of candidate
 * passages by the query's matching entities, and removal of overlapping hits (a window and its sentence).
 */

/** Weight of each ranked list in the fusion; 0 switches a list off. Defaults measured by bench/fusion-weights.ts. */
export interface FusionWeights {
  lexical: number;
  vector: number;
  graph: number;
}

/** The usual RRF constant (Cormack et al. 2009): damps the gap between the first ranks. */
export const RRF_K = 60;

export interface RankedList {
  weight: number;
  /** Ids best first; duplicates after the first occurrence are ignored. */
  ids: string[];
}

/** score(id) = sum over lists of weight / (RRF_K + rank), rank starting at 1. */
export function reciprocalRankFusion(lists: RankedList[], k0 = RRF_K): Map<string, number> {
  const scores = new Map<string, number>();
  for (const { weight, ids } of lists) {
    if (weight <= 0) continue;
    const seen = new Set<string>();
    let rank = 0;
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      rank++;
      scores.set(id, (scores.get(id) ?? 0) + weight / (k0 + rank));
    }
  }
  return scores;
}

/** Ids sorted by descending score, ties broken by id so results are deterministic. */
export function rankByScore(scores: Map<string, number>): string[] {
  return [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([id]) => id);
}

/**
 * Orders candidate passages by how strongly they mention the entities the query matched:
 * the sum of the weights of the distinct matched entities each mentions. Passages mentioning
 * none are left out (the graph list only boosts).
 */
export function graphRanking(passageEntities: Map<string, Set<string>>, entityWeights: Map<string, number>): string[] {
  const scores = new Map<string, number>();
  for (const [pid, ents] of passageEntities) {
    let s = 0;
    for (const e of ents) s += entityWeights.get(e) ?? 0;
    if (s > 0) scores.set(pid, s);
  }
  return rankByScore(scores);
}

export interface Span {
  id: string;
  docId: string;
  start: number;
  end: number;
}

/** Keeps ranked spans best first, dropping any that overlaps one already kept in the same document. */
export function dropOverlaps<T extends Span>(ranked: T[], k: number): T[] {
  const kept: T[] = [];
  for (const s of ranked) {
    if (kept.length >= k) break;
    if (kept.some((o) => o.docId === s.docId && s.start < o.end && o.start < s.end)) continue;
    kept.push(s);
  }
  return kept;
}
