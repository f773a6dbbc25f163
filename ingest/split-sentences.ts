/**
 * Stage `split-sentences`: sentences with exact offsets (text === doc.text.slice(start, end)), each
 * tagged with its innermost section. Punctuation and length limits come from structure/sentences.json.
 */
import { isSpace, lines, trimSpan, type Span } from './structure/lines.js';
import { sentenceRules, type SentenceRules } from './structure/rules.js';
import type { Section, Sentence } from './types.js';

/** Does the terminator at `i` end a sentence? ASCII ones need a boundary after them (see sentences.json). */
function endsSentence(text: string, i: number, end: number, r: SentenceRules): boolean {
  const ch = text[i];
  if (!r.terminators.has(ch)) return false;
  if (!r.asciiTerminators.has(ch)) return true;
  if (ch === '.') {
    // A period after a digit or a space is a decimal point, list marker or abbreviation dot.
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    if ((prev >= 0x30 && prev <= 0x39) || isSpace(prev)) return false;
  }
  if (i + 1 >= end) return true;
  const next = text.charCodeAt(i + 1);
  return isSpace(next) || next >= 0x80 || r.closers.has(text[i + 1]) || r.terminators.has(text[i + 1]);
}

/** A closer at `j` belongs to the sentence; a symmetric quote (ASCII '"') only when one is open in it. */
function closes(text: string, from: number, j: number, r: SentenceRules): boolean {
  const q = text[j];
  if (!r.symmetricQuotes.has(q)) return true;
  let n = 0;
  for (let k = from; k < j; k++) if (text[k] === q) n++;
  return n % 2 === 1;
}

/** Split [start, end) of one line into trimmed sentence spans at terminators (keeping closers). */
export function sentenceSpans(text: string, start: number, end: number, r: SentenceRules = sentenceRules): Span[] {
  const out: Span[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (!endsSentence(text, i, end, r)) continue;
    let j = i + 1;
    while (j < end && (r.terminators.has(text[j]) || (r.closers.has(text[j]) && closes(text, from, j, r)))) j++;
    pushCut(out, text, from, j, r);
    from = j;
    i = j - 1;
  }
  pushCut(out, text, from, end, r);
  return out;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Push a trimmed span, cutting it into pieces of at most maxSentenceLength (at a soft break if one is near). */
function pushCut(out: Span[], text: string, start: number, end: number, r: SentenceRules): void {
  let s = trimSpan(text, start, end);
  while (s.end - s.start > r.maxSentenceLength) {
    let cut = -1;
    for (let k = s.start + r.maxSentenceLength; k > s.start + r.minCutLength; k--) {
      if (r.softBreaks.has(text[k - 1])) {
        cut = k;
        break;
      }
    }
    if (cut < 0) {
      cut = s.start + r.maxSentenceLength;
      if (isLowSurrogate(text.charCodeAt(cut)) && cut - 1 > s.start) cut--; // never split a surrogate pair
    }
    const piece = trimSpan(text, s.start, cut);
    if (piece.end > piece.start) out.push(piece);
    s = trimSpan(text, cut, s.end);
  }
  if (s.end > s.start) out.push(s);
}

export function splitSentences(text: string, sections: Section[], docId: string, r: SentenceRules = sentenceRules): Sentence[] {
  const byStart = [...sections].sort((a, b) => a.start - b.start || a.level - b.level);
  const byId = new Map(sections.map((s) => [s.id, s]));
  const headings = sections.filter((s) => s.headingEnd > s.headingStart).sort((a, b) => a.headingStart - b.headingStart);
  const out: Sentence[] = [];
  let si = 0;
  let hi = 0;

  const sectionFor = (start: number, end: number): Section | undefined => {
    while (si + 1 < byStart.length && byStart[si + 1].start <= start) si++;
    let s: Section | undefined = byStart[si];
    while (s && !(s.start <= start && end <= s.end)) s = s.parentId ? byId.get(s.parentId) : undefined;
    return s ?? byStart.find((x) => x.level === 0);
  };
  const push = (span: Span, isHeading: boolean) => {
    const section = sectionFor(span.start, span.end);
    const index = out.length;
    out.push({
      id: `${docId}#${index}`,
      docId,
      index,
      sectionId: section?.id ?? `${docId}#s0`,
      sectionPath: section ? section.path.join(' > ') : '',
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      isHeading,
    });
  };

  for (const line of lines(text)) {
    let from = line.start;
    while (hi < headings.length && headings[hi].headingStart < line.start) hi++;
    if (hi < headings.length && headings[hi].headingStart < line.end) {
      // A heading (whole line or run-in prefix) is one sentence of its own.
      const h = headings[hi];
      const span = trimSpan(text, h.headingStart, Math.min(h.headingEnd, line.end));
      for (const s of sentenceSpans(text, line.start, span.start, r)) push(s, false);
      if (span.end > span.start) push(span, true);
      from = Math.max(span.end, line.start);
      while (hi < headings.length && headings[hi].headingStart < from) hi++;
    }
    for (const s of sentenceSpans(text, from, line.end, r)) push(s, false);
  }
  return out;
}
