/**
 * Stage `split-sections`: find heading lines (numbering schemes from structure/headings.json plus the
 * format's HeadingHints) and nest them into sections with exact offsets into the normalised text.
 */
import { lines, trimSpan } from './structure/lines.js';
import { headingRules, type HeadingRules, type HeadingScheme } from './structure/rules.js';
import type { DecodedDocument, HeadingHint, Section } from './types.js';

/** 第一，/ 其一： / 类型一： a lead run into its paragraph, by the comma or colon that closes its marker. */
const RUN_IN_MARKER = /[，,：:]\s*$/u;

/** A heading found at the start of a trimmed line. */
export interface HeadingMatch {
  schemeId: string;
  /** Nesting key: lines with the same key are siblings. */
  key: string;
  rank: number;
  /** Ranks compare only within one family (numbering schemes, explicit h1-h6 levels, bold lines). */
  family: 'number' | 'hint' | 'bold';
  marker: string;
  heading: string;
  /** Length of the heading span from the line start: the whole line, or a run-in heading / marker prefix. */
  length: number;
}

/** Longest line prefix the heading rules ever look at; longer lines are only matched by prefix. */
const prefixLimit = (r: HeadingRules): number => Math.max(r.maxHeadingLength, r.maxHintLength, r.maxTitleLength) + r.maxRunInLength + 16;

function stripTrailing(s: string, r: HeadingRules): string {
  let end = s.length;
  while (end > 0 && r.trailingStrip.has(s[end - 1])) end--;
  return s.slice(0, end);
}

const hasAny = (s: string, set: Set<string>): boolean => {
  for (const ch of s) if (set.has(ch)) return true;
  return false;
};

function markerOf(line: string, r: HeadingRules): { scheme: HeadingScheme; marker: string } | null {
  for (const scheme of r.schemes) {
    const m = scheme.re.exec(line);
    if (m) return { scheme, marker: m[0] };
  }
  return null;
}

/** Nesting key and rank of a numbered heading; '1.1.1' ranks just below '1.1' when keyed by depth. */
function numberedKey(scheme: HeadingScheme, marker: string): { key: string; rank: number } {
  if (!scheme.keyByDepth) return { key: scheme.id, rank: scheme.rank };
  const depth = marker.split(/[.．]/).filter(Boolean).length;
  return { key: `${scheme.id}:${depth}`, rank: scheme.rank + depth / 100 };
}

/**
 * Classify one trimmed line (or its prefix, when `fullLength` is longer) as a numbered heading.
 * Whole-line headings are short and carry no sentence terminator except at the end; a longer
 * line may open with a run-in heading ('（一）加强领导。正文…') or, for law articles, with its marker.
 */
export function matchHeadingLine(line: string, fullLength = line.length, r: HeadingRules = headingRules): HeadingMatch | null {
  const found = markerOf(line, r);
  if (!found) return null;
  const { scheme, marker } = found;
  const base = { schemeId: scheme.id, ...numberedKey(scheme, marker), family: 'number' as const, marker };
  const rest = line.slice(marker.length);
  const restTrim = rest.trim();
  const whole = fullLength === line.length;

  if (whole && restTrim.length === 0) return { ...base, heading: marker, length: line.length };
  if (whole && restTrim.length <= r.maxHeadingLength) {
    const heading = stripTrailing(restTrim, r);
    const strippedTail = restTrim.slice(heading.length);
    const endsWithTerminator = hasAny(strippedTail, r.forbiddenInHeading);
    // A short line ending in '。' with a colon inside is a label plus a sentence: left to the run-in rule.
    const labelled = endsWithTerminator && hasAny(heading, r.runInColons);
    if (heading && !hasAny(heading, r.forbiddenInHeading) && (scheme.allowTrailingTerminator || !endsWithTerminator) && !labelled) {
      return { ...base, heading, length: line.length };
    }
  }
  if (scheme.runIn) {
    const lead = rest.length - rest.trimStart().length;
    let i = 0;
    let colon = -1;
    for (const ch of rest) {
      if (r.runInTerminators.has(ch)) break;
      if (colon < 0 && r.runInColons.has(ch)) colon = i;
      i += ch.length;
    }
    // '（一）总体目标：到2025年…' (a short label before a colon) or '（一）加强领导。正文…' (a short first sentence)
    const cut = colon >= 0 && colon - lead <= r.maxRunInColonLength ? colon : i < rest.length && i - lead <= r.maxRunInLength ? i : -1;
    if (cut >= 0) {
      const head = stripTrailing(rest.slice(0, cut).trim(), r);
      if (head && !hasAny(head, r.forbiddenInHeading)) return { ...base, heading: head, length: marker.length + cut + 1 };
    }
  }
  if (scheme.inlineBody) return { ...base, heading: marker.trim(), length: marker.length };
  return null;
}

/** A line the format marked as a heading: its level comes from the hint, its marker (if any) is split off. */
function matchHintedLine(line: string, fullLength: number, hint: HeadingHint, r: HeadingRules): HeadingMatch | null {
  if (fullLength > r.maxHintLength) return null;
  const found = markerOf(line, r);
  const marker = found?.marker ?? '';
  const heading = stripTrailing(line.slice(marker.length).trim(), r) || line;
  if (hint.level > 0) return { schemeId: `h${hint.level}`, key: `h${hint.level}`, rank: hint.level, family: 'hint', marker, heading, length: line.length };
  // A wholly bold paragraph is only emphasis when it reads like a sentence.
  if (hasAny(heading, r.forbiddenInHeading)) return null;
  if (found) return { schemeId: found.scheme.id, ...numberedKey(found.scheme, marker), family: 'number', marker, heading, length: line.length };
  return { schemeId: 'bold', key: 'bold', rank: 0, family: 'bold', marker, heading, length: line.length };
}

/** The first non-empty line is the document title when it is unnumbered, short and not a sentence, or marked as a heading. */
function isTitleLine(line: string, fullLength: number, hinted: boolean, r: HeadingRules): boolean {
  if (markerOf(line, r)) return false;
  if (hinted) return fullLength <= r.maxHintLength;
  return fullLength <= r.maxTitleLength && !hasAny(line, r.forbiddenInHeading);
}

interface Open {
  key: string;
  rank: number;
  family: HeadingMatch['family'];
  section: Section;
}

/** 一类是 / 一种是 opening a line, and a 二类是 line that makes it a numbering rather than one of a pair. */
const FIRST_KIND_LINE = /^一(?:类|种)(?:是|为)/u;
const SECOND_KIND_LINE = /(?:^|\n)[ \t\u3000]*[二两](?:类|种)(?:是|为)/u;

/**
 * Sections of a document: the root (level 0, the whole text; its heading span is the title line when
 * the document opens with one, else empty), then one section per heading in document order, each
 * spanning its heading and body up to the next heading of the same or a higher level.
 */
export function splitSections(doc: DecodedDocument, docId: string, r: HeadingRules = headingRules): Section[] {
  const text = doc.text;
  const hints = [...doc.headingHints].sort((a, b) => a.start - b.start);
  const root: Section = { id: `${docId}#s0`, docId, heading: doc.title, marker: '', level: 0, path: [], start: 0, end: text.length, headingStart: 0, headingEnd: 0 };
  const sections: Section[] = [root];
  const stack: Open[] = [];
  const limit = prefixLimit(r);
  // 一类是…。另一类是…: a pair of kinds in running text (read as an enumeration), not a numbering —
  // a line opened by 一类是 / 一种是 is a heading only when a 二类是 / 二种是 line follows it.
  const lonePairOpener = !SECOND_KIND_LINE.test(text);
  let first = true;
  let hi = 0;

  const close = (from: number, at: number) => {
    for (let i = stack.length - 1; i >= from; i--) stack[i].section.end = at;
    stack.length = from;
  };

  for (const raw of lines(text)) {
    const t = trimSpan(text, raw.start, raw.end);
    if (t.start === t.end) continue;
    const fullLength = t.end - t.start;
    const line = text.slice(t.start, Math.min(t.end, t.start + limit));
    while (hi < hints.length && hints[hi].end <= t.start) hi++;
    const hint = hi < hints.length && hints[hi].start <= t.start && hints[hi].end >= t.end ? hints[hi] : undefined;

    if (first) {
      first = false;
      if (isTitleLine(line, fullLength, hint !== undefined, r)) {
        root.heading = stripTrailing(line, r) || line;
        root.headingStart = t.start;
        root.headingEnd = t.end;
        continue;
      }
    }

    const m = hint ? matchHintedLine(line, fullLength, hint, r) : matchHeadingLine(line, fullLength, r);
    if (!m || (lonePairOpener && FIRST_KIND_LINE.test(line))) continue;

    // Nesting by order of appearance: a key already open closes everything below it and becomes
    // their sibling; a new key nests one level deeper, unless a conventionally lower scheme of the
    // same family is open (e.g. '一、' after '1.'), which it closes first.
    const at = stack.findIndex((o) => o.key === m.key);
    if (at >= 0) close(at, t.start);
    else {
      let keep = stack.length;
      // (a heading with no text of its own yet — 4 政策建议 right before 第一，… — takes run-in leads as its children)
      const top = stack[stack.length - 1];
      const bodiless = top !== undefined && RUN_IN_MARKER.test(m.marker) && text.slice(top.section.headingEnd, t.start).trim() === '';
      while (!bodiless && keep > 0 && stack[keep - 1].family === m.family && stack[keep - 1].rank >= m.rank) keep--;
      close(keep, t.start);
    }
    const parent = stack.length ? stack[stack.length - 1].section : root;
    const section: Section = {
      id: `${docId}#s${sections.length}`,
      docId,
      heading: m.heading,
      marker: m.marker,
      level: stack.length + 1,
      path: [...parent.path, m.heading],
      start: t.start,
      end: text.length,
      headingStart: t.start,
      headingEnd: t.start + m.length,
      parentId: parent.id,
    };
    sections.push(section);
    stack.push({ key: m.key, rank: m.rank, family: m.family, section });
  }
  close(0, text.length);
  return sections;
}
