/**
 * Document structure as the extractor sees it: heading spans (marker stripped), their nesting
 * and the span each heading governs. Uses the splitter's sections when it found any, otherwise
 * falls back to numbered heading lines so extraction still has structural cues.
 */
import type { Section, Sentence } from './types.js';

export interface Heading {
  /** Span of the heading text without its numbering marker. */
  start: number;
  end: number;
  text: string;
  marker: string;
  level: number;
  /** Span governed by the heading (heading + body + nested sections). */
  scopeStart: number;
  scopeEnd: number;
  /** Index of the enclosing heading in `Structure.headings`, if any. */
  parent?: number;
  hasChildren: boolean;
}

export interface Structure {
  headings: Heading[];
  /** Heading index per sentence id when the sentence is (part of) a heading line. */
  headingOfSentence: Map<string, number>;
}

const MARKERS: Array<{ re: RegExp; level: number }> = [
  { re: /^第[一二三四五六七八九十百\d]+[章节部分篇]\s*/u, level: 1 },
  { re: /^[一二三四五六七八九十]+[、.．]\s*/u, level: 1 },
  { re: /^[（(][一二三四五六七八九十]+[）)]\s*/u, level: 2 },
  { re: /^\d{1,2}[.．、](?!\d)\s*/u, level: 3 },
  { re: /^[（(]\d{1,2}[）)]\s*/u, level: 4 },
  { re: /^[①②③④⑤⑥⑦⑧⑨⑩]\s*/u, level: 5 },
];

const MAX_HEADING_CHARS = 60;

function fromSections(text: string, sections: Section[]): Heading[] {
  const out: Heading[] = [];
  for (const s of sections) {
    if (s.level === 0 || s.headingEnd <= s.headingStart || !s.heading) continue;
    const at = text.indexOf(s.heading, s.headingStart);
    const start = at >= 0 && at < s.headingEnd ? at : s.headingStart;
    const end = at >= 0 && at < s.headingEnd ? at + s.heading.length : s.headingEnd;
    out.push({ start, end, text: text.slice(start, end), marker: s.marker, level: s.level, scopeStart: s.start, scopeEnd: s.end, hasChildren: false });
  }
  return out;
}

/** Numbered lines without sentence-final punctuation, as headings (used when the splitter gave none). */
function fromLines(text: string): Heading[] {
  const out: Heading[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const line = m[0];
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (!body || body.length > MAX_HEADING_CHARS || /[。；;！？!?]$/u.test(body)) continue;
    const marker = MARKERS.find((k) => k.re.test(body));
    if (!marker) continue;
    const mk = body.match(marker.re)?.[0] ?? '';
    const start = m.index + lead + mk.length;
    const end = m.index + lead + body.length;
    out.push({ start, end, text: text.slice(start, end), marker: mk.trim(), level: marker.level, scopeStart: m.index + lead, scopeEnd: text.length, hasChildren: false });
  }
  // A heading governs the text up to the next heading of the same or a higher level.
  for (let i = 0; i < out.length; i++) {
    const next = out.slice(i + 1).find((h) => h.level <= out[i].level);
    out[i].scopeEnd = next ? next.scopeStart : text.length;
  }
  return out;
}

export function buildStructure(text: string, sections: Section[], sentences: Sentence[]): Structure {
  const fromSplitter = fromSections(text, sections);
  const headings = (fromSplitter.length > 0 ? fromSplitter : fromLines(text)).sort((a, b) => a.start - b.start);
  headings.forEach((h, i) => {
    for (let j = i - 1; j >= 0; j--) {
      const p = headings[j];
      if (p.scopeStart <= h.scopeStart && h.scopeEnd <= p.scopeEnd && p.level < h.level) {
        h.parent = j;
        p.hasChildren = true;
        break;
      }
    }
  });
  const headingOfSentence = new Map<string, number>();
  for (const s of sentences) {
    const i = headings.findIndex((h) => h.start < s.end && s.start < h.end);
    if (i >= 0) headingOfSentence.set(s.id, i);
  }
  return { headings, headingOfSentence };
}

/** The chain of headings (outermost first) whose scope contains `offset`. */
export function headingChain(structure: Structure, offset: number): number[] {
  const out: number[] = [];
  structure.headings.forEach((h, i) => {
    if (h.scopeStart <= offset && offset < h.scopeEnd) out.push(i);
  });
  return out.sort((a, b) => structure.headings[a].level - structure.headings[b].level);
}
