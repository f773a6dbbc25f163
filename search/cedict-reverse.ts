/**
 * English -> Chinese through CC-CEDICT read in reverse, ranked by jieba's word frequencies so
 * that common words come first (evaluation -> 考核/评估 before rare literary forms).
 * Both dictionaries are read synchronously on the first lookup (about a second), then cached.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './lexicon.js';
import { cedictEntries } from '../core/cedict.js';

export interface ZhCandidate {
  zh: string;
  score: number;
}

interface ReverseIndex {
  exact: Map<string, ZhCandidate[]>;
  partial: Map<string, ZhCandidate[]>;
}

let index: ReverseIndex | undefined;
let frequencies: Map<string, number> | undefined;

function jiebaFrequencies(): Map<string, number> {
  if (frequencies) return frequencies;
  frequencies = new Map();
  try {
    const file = path.join(projectRoot(), 'node_modules', '@node-rs', 'jieba', 'dict.txt');
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const [w, f] = line.split(' ');
      if (w && f) frequencies.set(w, Number(f));
    }
  } catch {
    // without frequencies the ranking falls back to dictionary order; still usable
  }
  return frequencies;
}

/** A CC-CEDICT sense reduced to plain English: no parentheses, no pinyin refs, no leading "to ". */
export function cleanSense(sense: string): string {
  return sense
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/^\s*(to|a|an|the)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const SKIP_SENSE = /^(variant of|old variant|see |surname|abbr\.|cl:|used in|erhua|lit\.|fig\.|japanese|korean|also written|also pr\.)/i;

function buildIndex(): ReverseIndex {
  const freq = jiebaFrequencies();
  const exact = new Map<string, ZhCandidate[]>();
  const partial = new Map<string, ZhCandidate[]>();
  const add = (m: Map<string, ZhCandidate[]>, key: string, c: ZhCandidate) => {
    const list = m.get(key);
    if (!list) m.set(key, [c]);
    else {
      const same = list.find((x) => x.zh === c.zh);
      if (same) same.score = Math.max(same.score, c.score);
      else list.push(c);
    }
  };
  for (const entry of cedictEntries()) {
    const simp = entry[1] as string;
    const pinyin = entry[2] as string;
    const english = entry[3] as string | string[];
    // proper nouns (capitalised pinyin) and non-Han headwords are not policy vocabulary
    if (!/^\p{Script=Han}{1,6}$/u.test(simp) || /^[A-Z]/.test(pinyin)) continue;
    const f = freq.get(simp) ?? 0;
    // frequent words first; single characters are too ambiguous to stand for an English word
    const base = Math.log10(f + 1) - (simp.length === 1 ? 1.5 : 0) - (simp.length > 4 ? 0.5 : 0);
    const senses = (Array.isArray(english) ? english : [english]).flatMap((s) => s.split(/;/));
    senses.forEach((raw, i) => {
      if (SKIP_SENSE.test(raw.trim())) return;
      const sense = cleanSense(raw);
      if (!sense || sense.length > 40) return;
      const firstBonus = i === 0 ? 0.5 : 0;
      add(exact, sense, { zh: simp, score: base + 2 + firstBonus });
      const words = sense.split(/[\s,/]+/).filter(Boolean);
      if (words.length > 1 && words.length <= 3) {
        for (const w of words) if (w.length > 2) add(partial, w, { zh: simp, score: base + firstBonus - 0.5 * words.length });
      }
    });
  }
  for (const m of [exact, partial]) for (const list of m.values()) list.sort((a, b) => b.score - a.score);
  return { exact, partial };
}

/**
 * Chinese candidates for an English word or phrase, best first (at most `limit`).
 * Exact sense matches win; a word inside a short sense is the fallback. `margin` bounds how far
 * below the best a candidate may score (the long tail of rare words is noise for searching).
 */
export function reverseLookup(english: string, limit = 3, margin = 1.5): ZhCandidate[] {
  index ??= buildIndex();
  const key = english.toLowerCase().trim();
  const exact = index.exact.get(key) ?? [];
  const partial = key.includes(' ') ? [] : index.partial.get(key) ?? [];
  // an unbounded margin asks for every sense: partial ones follow the exact ones
  const hits = margin === Infinity ? [...exact, ...partial.filter((p) => !exact.some((e) => e.zh === p.zh))] : exact.length ? exact : partial;
  if (hits.length === 0) return [];
  const best = hits[0].score;
  return hits.filter((h) => h.score >= best - margin).slice(0, limit);
}

/** Whether some sense reads exactly as this English word or phrase (not just contains it). */
export function hasExactSense(english: string): boolean {
  index ??= buildIndex();
  return index.exact.has(english.toLowerCase().trim());
}
