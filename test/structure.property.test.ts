// Property tests: on any string (random unicode, lone surrogates, policy-like outlines) sections nest,
// sentences are exact, ordered, non-overlapping, bounded and cover all non-space text; parsing never crashes.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicygraphError } from '../core/errors.js';
import { isSpace } from '../ingest/structure/lines.js';
import { markdownToText } from '../ingest/formats/md.js';
import { parseSource } from '../ingest/parse-source.js';
import { splitSections } from '../ingest/split-sections.js';
import { splitSentences } from '../ingest/split-sentences.js';
import { sentenceRules } from '../ingest/structure/rules.js';
import type { DecodedDocument, Format, HeadingHint, Section, Sentence } from '../ingest/types.js';
import { buildDocx } from './fixtures/build-fixtures.js';

const RUNS = 300;

const doc = (text: string, headingHints: HeadingHint[] = []): DecodedDocument => ({
  source: { path: 'p.txt', name: 'p.txt', format: 'txt', bytes: Buffer.alloc(0) },
  encoding: 'utf-8',
  text,
  headingHints,
  title: 'T',
});

/** Any UTF-16 code unit, so lone surrogates and control characters appear. */
const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 });
const anyCodePoints = fc.string({ unit: 'binary', maxLength: 300 });
const markers = ['一、', '二、', '十一、', '（一）', '(二)', '1.', '2．', '3、', '（1）', '(2)', '①', '②', '第一章 ', '第二节', '第三条 ', '1.1 ', '1.1.1 ', ''];
const pieces = ['产学研合作', '企业主导', '“里程碑”', '，', '、', '。', '；', '！', '？', '”', '）', ' ', '　', '\t', 'abc', '1.5', '?', '.', '字'.repeat(90), '\r'];
/** Policy-like outlines: lines of optional marker + random phrase pieces, blank lines, indentation. */
const outline = fc
  .array(fc.tuple(fc.constantFrom(...markers), fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.constantFrom('', ' ', '  ')), { maxLength: 40 })
  .map((ls) => ls.map(([m, ps, ind]) => ind + m + ps.join('')).join('\n'));
/** Long lines (beyond the sentence limit) with sparse soft breaks, spaces and surrogate pairs, to exercise cutting. */
const longLines = fc
  .array(fc.tuple(fc.constantFrom('字', '𠀀', 'a', '，', ' ', '。'), fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: 8 })
  .map((runs) => runs.map(([c, n]) => c.repeat(n)).join(''));
const texts = fc.oneof(anyUnits, anyCodePoints, outline, longLines);

/** Hints over whole (trimmed) lines, as the format readers produce them. */
const withHints = texts.chain((text) => {
  const spans: Array<{ start: number; end: number }> = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (body) spans.push({ start: at + lead, end: at + lead + body.length });
    at += line.length + 1;
  }
  return fc.tuple(fc.constant(text), fc.subarray(spans).chain((ss) => fc.tuple(...ss.map((s) => fc.integer({ min: 0, max: 6 }).map((level) => ({ ...s, level }))))));
});

function checkSections(text: string, sections: Section[]): void {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const [root] = sections;
  expect([root.level, root.start, root.end, root.path]).toEqual([0, 0, text.length, []]);
  sections.forEach((s, i) => {
    expect(s.id).toBe(`d#s${i}`);
    expect(0 <= s.start && s.start <= s.headingStart && s.headingStart <= s.headingEnd && s.headingEnd <= s.end && s.end <= text.length).toBe(true);
    if (i === 0) return;
    const parent = byId.get(s.parentId!)!;
    expect(parent).toBeDefined();
    expect(sections.indexOf(parent)).toBeLessThan(i);
    expect(parent.start <= s.start && s.end <= parent.end).toBe(true);
    expect(s.level).toBe(parent.level + 1);
    expect(s.path).toEqual([...parent.path, s.heading]);
    expect(s.heading.length).toBeGreaterThan(0);
    expect(s.headingEnd).toBeGreaterThan(s.headingStart);
    expect(text.slice(s.headingStart, s.headingEnd).startsWith(s.marker)).toBe(true);
  });
  // siblings are ordered and disjoint
  const children = new Map<string, Section[]>();
  for (const s of sections.slice(1)) children.set(s.parentId!, [...(children.get(s.parentId!) ?? []), s]);
  for (const kids of children.values()) for (let k = 1; k < kids.length; k++) expect(kids[k - 1].end).toBeLessThanOrEqual(kids[k].start);
}

function checkSentences(text: string, sections: Section[], sentences: Sentence[]): void {
  const byId = new Map(sections.map((s) => [s.id, s]));
  let prevEnd = 0;
  sentences.forEach((s, i) => {
    expect([s.id, s.index]).toEqual([`d#${i}`, i]);
    expect(s.text).toBe(text.slice(s.start, s.end));
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(s.end).toBeGreaterThan(s.start);
    prevEnd = s.end;
    expect(isSpace(s.text.charCodeAt(0)) || isSpace(s.text.charCodeAt(s.text.length - 1))).toBe(false);
    expect(s.text.includes('\n')).toBe(false);
    expect(s.text.length).toBeLessThanOrEqual(sentenceRules.maxSentenceLength);
    const sec = byId.get(s.sectionId)!;
    expect(sec.start <= s.start && s.end <= sec.end).toBe(true);
    expect(s.sectionPath).toBe(sec.path.join(' > '));
    // innermost: no child of its section contains it
    for (const c of sections) if (c.parentId === sec.id) expect(c.start <= s.start && s.end <= c.end).toBe(false);
  });
  // nothing is lost: every non-space character lies in some sentence
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    while (k < sentences.length && sentences[k].end <= i) k++;
    const inside = k < sentences.length && sentences[k].start <= i;
    if (!inside) expect(isSpace(text.charCodeAt(i))).toBe(true);
  }
  // heading sentences are exactly the (non-empty) heading spans
  const headingSpans = sections.filter((s) => s.headingEnd > s.headingStart).map((s) => `${s.headingStart}-${s.headingEnd}`);
  expect(sentences.filter((s) => s.isHeading).map((s) => `${s.start}-${s.end}`)).toEqual(headingSpans);
}

describe('structure properties', () => {
  it('sections nest and sentences are exact on any text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const sections = splitSections(doc(text), 'd');
        checkSections(text, sections);
        checkSentences(text, sections, splitSentences(text, sections, 'd'));
      }),
      { numRuns: RUNS },
    );
  });

  it('the same holds with heading hints of any level', () => {
    fc.assert(
      fc.property(withHints, ([text, hints]) => {
        const sections = splitSections(doc(text, hints), 'd');
        checkSections(text, sections);
        checkSentences(text, sections, splitSentences(text, sections, 'd'));
      }),
      { numRuns: RUNS },
    );
  });

  it('markdown stripping keeps hints on whole lines of its own output', () => {
    fc.assert(
      fc.property(fc.oneof(anyUnits, outline.map((t) => t.replace(/^/gm, '# '))), (md) => {
        const { text, headingHints } = markdownToText(md);
        for (const h of headingHints) {
          expect(0 <= h.start && h.start < h.end && h.end <= text.length).toBe(true);
          expect(text.slice(h.start, h.end)).toBe(text.slice(h.start, h.end).trim());
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parsing never crashes', () => {
  const formats: Format[] = ['txt', 'md', 'html'];
  it.each(formats)('%s: random bytes give a document or a PolicygraphError', async (format) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 400 }), anyCodePoints.map((s) => new Uint8Array(Buffer.from(s)))), async (bytes) => {
        try {
          const d = await parseSource({ path: `r.${format}`, name: `r.${format}`, format, bytes: Buffer.from(bytes) });
          expect(d.text.includes('\r')).toBe(false);
          expect(d.text.startsWith('\uFEFF')).toBe(false);
          expect(d.text).toBe(d.text.normalize('NFC'));
          for (const h of d.headingHints) expect(h.end).toBeLessThanOrEqual(d.text.length);
        } catch (e) {
          expect(e).toBeInstanceOf(PolicygraphError);
          expect(['EMPTY_FILE', 'ENCODING', 'CORRUPT_FILE']).toContain((e as PolicygraphError).code);
          expect((e as Error).message).toContain(`r.${format}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it.each<[Format, () => Promise<Buffer>]>([
    ['pdf', async () => readFileSync(new URL('./fixtures/founding.pdf', import.meta.url))],
    ['docx', buildDocx],
  ])('%s: a valid file with random bytes overwritten gives a document or a PolicygraphError', async (format, build) => {
    const good = await build();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), async (edits) => {
        const bytes = Buffer.from(good);
        for (const [at, v] of edits) bytes[at] = v;
        try {
          const d = await parseSource({ path: `m.${format}`, name: `m.${format}`, format, bytes });
          const sections = splitSections(d, 'd');
          for (const s of splitSentences(d.text, sections, 'd')) expect(d.text.slice(s.start, s.end)).toBe(s.text);
        } catch (e) {
          expect(e).toBeInstanceOf(PolicygraphError);
          expect((e as Error).message).toContain(`m.${format}`);
        }
      }),
      { numRuns: 15 },
    );
  });
});
