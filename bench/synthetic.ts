/**
 * A deterministic synthetic corpus of policy-style Chinese documents, for scale only (never scored):
 * shapes from bench/fixtures/synthetic-templates.json, words from the extraction lexicon, a seeded PRNG.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../core/paths.js';

const ROOT = projectRoot();
const LEXICON = path.join(ROOT, 'ingest', 'lexicon');
const TEMPLATES = path.join(ROOT, 'bench', 'fixtures', 'synthetic-templates.json');

/**
 * Only the lexicon fields the generator needs, all optional: the lexicon belongs to the extractor and
 * evolves; a missing list falls back to `fallbackWords` in the templates file.
 */
const words = z.array(z.string()).optional();
const Actors = z.object({ actors: z.array(z.object({ label: z.string(), aliases: z.array(z.string()).default([]) })) });
const Cues = z.object({
  mode: z.object({ leadVerbs: words, participateVerbs: words, heads: words }).partial().default({}),
  mechanism: z.object({ lexicon: words }).partial().default({}),
  driver: z.object({ canonical: words }).partial().default({}),
  recommendation: z.object({ imperativeVerbs: words }).partial().default({}),
});
const RelationCues = z.object({ explicitUse: words, providesVerbs: words, provides: words });
const Terms = z.object({ terms: words });
const Templates = z.object({
  titles: z.array(z.string()).min(1),
  sectionHeadings: z.array(z.string()).min(1),
  subHeadings: z.array(z.string()).min(1),
  sentences: z.array(z.string()).min(1),
  markers: z.object({ top: z.array(z.string()).min(1), sub: z.array(z.string()).min(1) }),
  fallbackWords: z.record(z.string(), z.array(z.string()).min(1)),
});

export interface Vocabulary {
  actors: string[];
  lead: string[];
  part: string[];
  head: string[];
  mechanism: string[];
  driver: string[];
  imperative: string[];
  use: string[];
  provides: string[];
  term: string[];
}

export interface SyntheticDocument {
  name: string;
  text: string;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** The words slots are filled with, read from the lexicon data (actors include their aliases). */
export function loadVocabulary(dir = LEXICON): Vocabulary {
  const actors = Actors.parse(readJson(path.join(dir, 'actors.json')));
  const cues = Cues.parse(readJson(path.join(dir, 'cues.json')));
  const rel = RelationCues.parse(readJson(path.join(dir, 'relation-cues.json')));
  const terms = Terms.parse(readJson(path.join(dir, 'domain-terms.json')));
  const fallback = Templates.parse(readJson(TEMPLATES)).fallbackWords;
  // Single-character cues ("以", "按") read badly in the "X{use}Y" slot; they stay for the extractor, not here.
  const list = (slot: string, xs: string[] | undefined, minLength = 2): string[] => {
    const kept = (xs ?? []).filter((x) => x.length >= minLength);
    return kept.length ? kept : fallback[slot] ?? [];
  };
  return {
    actors: actors.actors.flatMap((a) => [a.label, ...a.aliases]),
    lead: list('lead', cues.mode.leadVerbs),
    part: list('part', cues.mode.participateVerbs),
    head: list('head', cues.mode.heads, 4),
    mechanism: list('mechanism', cues.mechanism.lexicon),
    driver: list('driver', cues.driver.canonical),
    imperative: list('imperative', cues.recommendation.imperativeVerbs),
    use: list('use', rel.explicitUse),
    provides: list('provides', rel.providesVerbs ?? rel.provides),
    term: list('term', terms.terms),
  };
}

/** mulberry32: tiny, fast, good enough for shuffling words; same seed, same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CN_DIGITS = '零一二三四五六七八九';
/** 1..99 as Chinese numerals (一, 十, 十一, 二十三). */
export function cnNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** Generates `count` documents of roughly minChars..maxChars each; identical for identical arguments. */
export function generateDocuments(
  count: number,
  opts: { seed?: number; minChars?: number; maxChars?: number; vocabulary?: Vocabulary } = {},
): SyntheticDocument[] {
  const { seed = 20261126, minChars = 1000, maxChars = 3000 } = opts;
  const vocab = opts.vocabulary ?? loadVocabulary();
  const shapes = Templates.parse(readJson(TEMPLATES));
  const rand = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

  const fill = (template: string): string => {
    // Distinct actors within one sentence, so "由A主导，A参与" does not happen.
    const actors = new Set<string>();
    const actor = () => {
      for (let i = 0; i < 8; i++) {
        const a = pick(vocab.actors);
        if (!actors.has(a)) {
          actors.add(a);
          return a;
        }
      }
      return pick(vocab.actors);
    };
    return template.replace(/\{(\w+?)\d?\}/g, (_m, slot: string) => {
      switch (slot) {
        case 'actor': return actor();
        case 'n': return cnNumeral(int(1, 9));
        case 'year': return String(int(2025, 2035));
        default: {
          const list = (vocab as unknown as Record<string, string[]>)[slot];
          if (!list?.length) throw new Error(`synthetic-templates.json uses an unknown slot {${slot}}`);
          return pick(list);
        }
      }
    });
  };
  const marker = (scheme: string, i: number) => scheme.replace('{cn}', cnNumeral(i)).replace('{arabic}', String(i));
  const paragraph = () => Array.from({ length: int(1, 3) }, () => fill(pick(shapes.sentences))).join('');

  const docs: SyntheticDocument[] = [];
  const width = String(count).length;
  for (let d = 0; d < count; d++) {
    const target = int(minChars, maxChars);
    const top = pick(shapes.markers.top);
    const sub = pick(shapes.markers.sub);
    const lines = [fill(pick(shapes.titles)), '', paragraph(), ''];
    let length = lines.join('\n').length;
    for (let s = 1; length < target && s < 20; s++) {
      lines.push(`${marker(top, s)}${fill(pick(shapes.sectionHeadings))}`, '', paragraph(), '');
      const subs = int(0, 3);
      for (let u = 1; u <= subs && length < target; u++) {
        lines.push(`${marker(sub, u)}${fill(pick(shapes.subHeadings))}`, '');
        for (let p = int(1, 3); p > 0; p--) lines.push(paragraph(), '');
        length = lines.join('\n').length;
      }
      length = lines.join('\n').length;
    }
    docs.push({ name: `synthetic_${String(d + 1).padStart(width, '0')}.txt`, text: `${lines.join('\n').trimEnd()}\n` });
  }
  return docs;
}

/** Writes the documents as UTF-8 .txt files into `dir` (created); returns their paths. */
export async function writeSyntheticCorpus(dir: string, count: number, opts: Parameters<typeof generateDocuments>[1] = {}): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const docs = generateDocuments(count, opts);
  const files: string[] = [];
  for (const doc of docs) {
    const file = path.join(dir, doc.name);
    await fs.writeFile(file, doc.text, 'utf8');
    files.push(file);
  }
  return files;
}
