/** Stage `segment`: Chinese word segmentation with jieba plus the domain dictionary. (stub) */
import type { Token } from './types.js';

export function segment(text: string): Token[] {
  const out: Token[] = [];
  const re = /[\p{Script=Han}]|[A-Za-z0-9]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Tokens for lexical indexes and queries (lower-cased, punctuation dropped). */
export function searchTokens(text: string): string[] {
  return segment(text).map((t) => t.text.toLowerCase());
}
