/**
 * How well a piece of text answers the constraint of a question: weighted coverage of the
 * question's term groups (exact match, or character-bigram coverage for compounds the text
 * writes differently), with IDF weights over the candidate sentences. Pure.
 */
import type { TermGroup } from './translate.js';
import { findNegations, negatedAt } from './negation.js';

export interface WeightedGroup {
  alternatives: string[];
  weight: number;
  weak: boolean;
  /** Names what the answer is or does (决策机构 in X的决策机构是什么, 决策 in 由谁决策). */
  role?: boolean;
}

export interface Match {
  /** 1 for an exact alternative, less for partial (bigram) matches, 0 for none. */
  score: number;
  /** Position of the match in the text (-1 when none). */
  at: number;
}

const bigrams = (s: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
};

/** Best match of any alternative in `text`. Partial matches need half of a compound's bigrams. */
export function matchGroup(text: string, alternatives: string[]): Match {
  let best: Match = { score: 0, at: -1 };
  for (const alt of alternatives) {
    const at = text.indexOf(alt);
    if (at >= 0) return { score: 1, at };
    if (alt.length < 3) continue;
    const bg = bigrams(alt);
    let hit = 0;
    let first = -1;
    for (const b of bg) {
      const i = text.indexOf(b);
      if (i >= 0) {
        hit += 1;
        if (first < 0) first = i;
      }
    }
    const coverage = hit / bg.length;
    // a compound written with other words between its parts (里程碑考核 / “里程碑”考核) still counts
    if (coverage >= 0.5 && 0.8 * coverage > best.score) best = { score: 0.8 * coverage, at: first };
  }
  return best;
}

/** Weights: IDF of the best-known alternative over the candidate texts; light verbs count little. */
export function weightGroups(groups: TermGroup[], texts: string[]): WeightedGroup[] {
  const n = texts.length;
  const docFreq = (alternatives: string[]) => {
    let df = Infinity;
    for (const alt of alternatives) {
      const d = texts.reduce((acc, t) => acc + (t.includes(alt) ? 1 : 0), 0);
      if (d > 0) df = Math.min(df, d);
    }
    return df;
  };
  return groups.map((g) => {
    const df = docFreq(g.alternatives);
    // Absent everywhere: a word the question itself uses (or a curated translation) means the
    // documents do not talk about it, which must weigh as much as the rarest word; a dictionary
    // guess may just be the wrong sense, so it weighs half.
    const absent = g.origin === 'dictionary' ? 0.5 * Math.log(1 + n) : Math.log(1 + n);
    let idf = df === Infinity ? absent : Math.log(1 + n / df);
    // a compound the documents write as one word (safety liability -> 安全责任) still says each of
    // its words: it weighs what they weigh together, as the same words asked in Chinese would
    if (g.parts && g.parts.length > 1 && df !== Infinity) {
      const sum = g.parts.reduce((acc, p) => {
        const d = docFreq(p);
        return acc + (d === Infinity ? idf : Math.log(1 + n / d));
      }, 0);
      idf = Math.max(idf, sum);
    }
    // the role word keeps its weight here (it must not make a question look answerable);
    // the answer routes require it of the clause naming the answer instead
    return { alternatives: g.alternatives, weight: idf * (g.weak ? 0.3 : 1), weak: g.weak, role: g.role };
  });
}

export interface Relevance {
  /** Weighted share of the constraint the text covers, in [0, 1]. */
  score: number;
  /** Positions of the matched non-weak groups. */
  positions: number[];
}

export function relevance(text: string, groups: WeightedGroup[]): Relevance {
  const total = groups.reduce((a, g) => a + g.weight, 0);
  if (total <= 0) return { score: 0, positions: [] };
  let sum = 0;
  const positions: number[] = [];
  for (const g of groups) {
    const m = matchGroup(text, g.alternatives);
    sum += g.weight * m.score;
    if (m.score > 0 && !g.weak) positions.push(m.at);
  }
  return { score: sum / total, positions };
}

/**
 * Relevance of a sentence read in its section: each group counts at full weight when the
 * sentence says it, and at a decaying weight when only an enclosing heading does (a sentence
 * under 企业参与政府主导的产学研合作 is about government-led collaboration).
 */
export function relevanceInContext(text: string, headings: string[], groups: WeightedGroup[], decay = 0.7): Relevance {
  const total = groups.reduce((a, g) => a + g.weight, 0);
  if (total <= 0) return { score: 0, positions: [] };
  let sum = 0;
  const positions: number[] = [];
  for (const g of groups) {
    const own = matchGroup(text, g.alternatives);
    let best = own.score;
    // nearest heading first
    headings.forEach((h, i) => {
      best = Math.max(best, decay ** (i + 1) * matchGroup(h, g.alternatives).score);
    });
    sum += g.weight * best;
    if (own.score > 0 && !g.weak) positions.push(own.at);
  }
  return { score: sum / total, positions };
}

/** Does the text negate what it matched (不设置决策机构)? */
export function carriesNegation(text: string, positions: number[]): boolean {
  const hits = findNegations(text);
  return positions.some((p) => negatedAt(text, p, 6, hits));
}

export interface Clause {
  start: number;
  end: number;
  text: string;
}

/** Clauses of a sentence (split at ，；： and their ASCII forms), offsets relative to the sentence. */
export function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || /[，；：,;:]/.test(text[i])) {
      if (i > start) out.push({ start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  return out;
}
