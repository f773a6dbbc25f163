/**
 * Pure parts of hybrid retrieval: weighted reciprocal rank fusion, the entities a query names and
 * the boost they give passages mentioning them, and removal of overlapping hits (a window and its sentence).
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
  /**
   * Scores of `ids` (same order), when known: equal scores then share the better rank, so a tie
   * (all passages mentioning one entity, say) is not broken by an arbitrary order.
   */
  scores?: number[];
}

/** score(id) = sum over lists of weight / (RRF_K + rank), rank starting at 1 (ties share a rank). */
export function reciprocalRankFusion(lists: RankedList[], k0 = RRF_K): Map<string, number> {
  const fused = new Map<string, number>();
  for (const { weight, ids, scores } of lists) {
    if (weight <= 0) continue;
    const seen = new Set<string>();
    let position = 0;
    let rank = 0;
    let last: number | undefined;
    ids.forEach((id, i) => {
      if (seen.has(id)) return;
      seen.add(id);
      position++;
      const s = scores?.[i];
      if (s === undefined || s !== last) rank = position;
      last = s;
      fused.set(id, (fused.get(id) ?? 0) + weight / (k0 + rank));
    });
  }
  return fused;
}

/** Ids sorted by descending score, ties broken by id so results are deterministic. */
export function rankByScore(scores: Map<string, number>): string[] {
  return [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([id]) => id);
}

/**
 * The graph's boost of each candidate passage, in [0, 1]: the summed weights of the distinct
 * query entities it mentions, capped at 1. Added to the fused score as `graph / (RRF_K + 1)` times
 * this, i.e. as a first rank scaled by how specific the match is. (A rank list would lose the
 * scale: one generic entity would put every passage mentioning it at rank 1.)
 */
export function graphBoost(passageEntities: Map<string, Set<string>>, entityWeights: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [pid, ents] of passageEntities) {
    let s = 0;
    for (const e of ents) s += entityWeights.get(e) ?? 0;
    if (s > 0) out.set(pid, Math.min(1, s));
  }
  return out;
}

/** Adds `weight * boost / (k0 + 1)` to the fused score of each boosted id already fused. */
export function applyBoost(fused: Map<string, number>, boost: Map<string, number>, weight: number, k0 = RRF_K): Map<string, number> {
  const out = new Map(fused);
  if (weight <= 0) return out;
  for (const [id, b] of boost) if (out.has(id)) out.set(id, out.get(id)! + (weight * b) / (k0 + 1));
  return out;
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

export interface EntityMatchInput {
  /** Query texts an entity's name may appear in: the Chinese query and the original. */
  texts: string[];
  /** Query tokens (segmented Chinese, translated terms, English words). */
  tokens: Set<string>;
  /** Lexical entity hits, best first: kept only when the query names the entity. */
  lexical: { id: string; names: string[]; nameTokens: string[][] }[];
  /** Nearest entities by embedding, best first: kept when within `margin` of the best. */
  nearest: { id: string; score: number }[];
  margin: number;
  /** Weight of a vector-only match relative to a named one. */
  vectorWeight: number;
  /** How many candidate passages mention each entity, out of `candidates`. */
  df: Map<string, number>;
  candidates: number;
}

/**
 * Weights of the entities a query is about. An entity counts when the query names it (a name of
 * it appears in the query, or all the tokens of a name are query tokens) or when its embedding is
 * among the closest to the query's; a match is discounted by how many candidates mention it
 * (an entity every passage mentions, like 企业, says nothing about which passage answers).
 */
export function queryEntityWeights(input: EntityMatchInput): Map<string, number> {
  const raw = new Map<string, number>();
  const named = (names: string[], nameTokens: string[][]) =>
    names.some((n) => n && input.texts.some((t) => t.toLowerCase().includes(n.toLowerCase()))) ||
    nameTokens.some((ts) => ts.length > 0 && ts.every((t) => input.tokens.has(t)));
  for (const e of input.lexical) if (named(e.names, e.nameTokens)) raw.set(e.id, 1);
  const best = input.nearest[0]?.score ?? 0;
  if (input.vectorWeight > 0) {
    for (const e of input.nearest) if (e.score >= best - input.margin) raw.set(e.id, Math.max(raw.get(e.id) ?? 0, input.vectorWeight));
  }
  const out = new Map<string, number>();
  const n = Math.max(1, input.candidates);
  for (const [id, w] of raw) {
    const df = Math.max(1, input.df.get(id) ?? 0);
    out.set(id, (w * Math.log(1 + n / df)) / Math.log(1 + n));
  }
  return out;
}
