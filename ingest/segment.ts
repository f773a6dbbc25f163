/**
 * Stage `segment`: Chinese word segmentation with jieba plus the domain dictionary
 * (ingest/lexicon), and the token stream used by lexical indexes and queries.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { lexicon, segmenterTerms } from './lexicon.js';
import type { Token } from './types.js';

/** A token with jieba's part-of-speech tag (used by the extractor to find phrase boundaries). */
export interface TaggedToken extends Token {
  tag: string;
}

// Domain terms get a high frequency so jieba keeps them whole instead of splitting them.
const DOMAIN_FREQ = 200000;

let instance: Jieba | undefined;
let domainTerms: string[] | undefined;

function jieba(): Jieba {
  if (instance) return instance;
  const j = Jieba.withDict(dict);
  const terms = segmenterTerms();
  j.loadDict(Buffer.from(terms.map((t) => `${t} ${DOMAIN_FREQ} n`).join('\n') + '\n', 'utf8'));
  domainTerms = [...terms].sort((a, b) => b.length - a.length);
  instance = j;
  return j;
}

function withOffsets<T extends { word: string }>(parts: T[], text: string): Array<T & { start: number; end: number }> {
  const out: Array<T & { start: number; end: number }> = [];
  let pos = 0;
  for (const p of parts) {
    // jieba returns a partition of the input; indexOf guards against any normalisation drift.
    const at = text.startsWith(p.word, pos) ? pos : text.indexOf(p.word, pos);
    if (at < 0) continue;
    out.push({ ...p, start: at, end: at + p.word.length });
    pos = at + p.word.length;
  }
  return out;
}

/** Tokens of `text` with offsets into `text` (whitespace dropped). */
export function segment(text: string): Token[] {
  const parts = jieba().cut(text, false).map((word) => ({ word }));
  return withOffsets(parts, text)
    .filter((t) => t.word.trim() !== '')
    .map((t) => ({ text: t.word, start: t.start, end: t.end }));
}

/** Tokens with part-of-speech tags (jieba tag set: n, v, vn, a, b, x for punctuation, ...). */
export function segmentTagged(text: string): TaggedToken[] {
  return withOffsets(jieba().tag(text, false), text)
    .filter((t) => t.word.trim() !== '')
    .map((t) => ({ text: t.word, start: t.start, end: t.end, tag: t.tag }));
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Tokens for lexical indexes and queries: search-mode segmentation (words and their
 * sub-words), lower-cased, punctuation and stop words dropped, plus every domain term
 * found in the text emitted whole (once per occurrence) even where jieba split it.
 */
export function searchTokens(text: string): string[] {
  const j = jieba();
  const stop = lexicon().stopwords;
  const out = j
    .cutForSearch(text, true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '' && WORDLIKE.test(t) && !stop.has(t));
  const have = new Map<string, number>();
  for (const t of out) have.set(t, (have.get(t) ?? 0) + 1);
  for (const term of domainTerms ?? []) {
    let count = 0;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) count++;
    for (let k = have.get(term) ?? 0; k < count; k++) out.push(term);
  }
  return out;
}
