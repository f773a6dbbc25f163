/**
 * The extraction scorer: precision, recall and F1 per entity type and per relation type against
 * hand-made gold files (test/gold/README.md), plus a runner over gold files and a printable table.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PolicygraphError } from '../core/errors.js';
import { extract, prepareExtraction, type ExtractionOutput } from './extract.js';
import { loadFile } from './load.js';
import { parseSource } from './parse-source.js';
import { splitSections } from './split-sections.js';
import { splitSentences } from './split-sentences.js';
import { ENTITY_TYPES, RELATION_TYPES, type Entity, type EntityType, type RelationType } from './types.js';

const GoldSchema = z.object({
  doc: z.string().min(1),
  about: z.string().optional(),
  entities: z.array(
    z.object({ type: z.enum(ENTITY_TYPES), label: z.string().min(1), match: z.array(z.string().min(1)).min(1), exact: z.boolean().optional() }),
  ),
  relations: z.array(z.object({ type: z.enum(RELATION_TYPES), source: z.string().min(1), target: z.string().min(1) })),
});

export type GoldFile = z.infer<typeof GoldSchema>;
export type GoldEntity = GoldFile['entities'][number];

export interface Prf {
  /** Extracted items that match some gold item. */
  correct: number;
  extracted: number;
  /** Gold items matched by some extracted item. */
  found: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface DocScore {
  /** The gold file's `doc` (path relative to the project root). */
  doc: string;
  gold: string;
  entities: Partial<Record<EntityType, Prf>>;
  /** Only relation types the gold file annotates at least once. */
  relations: Partial<Record<RelationType, Prf>>;
  /** Micro-averages over all scored entity / relation types. */
  entityAll: Prf;
  relationAll: Prf;
  /** For diagnosis: labels of extracted entities matching no gold entity, and gold entities never found. */
  unmatchedExtracted: string[];
  missedGold: string[];
}

export interface Report {
  docs: DocScore[];
}

export function prf(correct: number, extracted: number, found: number, gold: number): Prf {
  const precision = extracted === 0 ? (gold === 0 ? 1 : 0) : correct / extracted;
  const recall = gold === 0 ? 1 : found / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { correct, extracted, found, gold, precision, recall, f1 };
}

const sum = (xs: Prf[]): Prf =>
  prf(
    xs.reduce((a, x) => a + x.correct, 0),
    xs.reduce((a, x) => a + x.extracted, 0),
    xs.reduce((a, x) => a + x.found, 0),
    xs.reduce((a, x) => a + x.gold, 0),
  );

/** The matching rule of the gold format: label or an alias contains (or, when exact, equals) a fragment. */
export function entityMatches(e: Pick<Entity, 'type' | 'label' | 'aliases'>, g: GoldEntity): boolean {
  if (e.type !== g.type) return false;
  const names = [e.label, ...e.aliases];
  return g.match.some((f) => names.some((n) => (g.exact ? n === f : n.includes(f))));
}

export function parseGold(data: unknown, file = 'gold'): GoldFile {
  const r = GoldSchema.safeParse(data);
  if (!r.success) throw new PolicygraphError('BAD_INPUT', `invalid gold file: ${r.error.message}`, { file });
  return r.data;
}

export function scoreExtraction(gold: GoldFile, output: Pick<ExtractionOutput, 'entities' | 'relations'>, goldPath = ''): DocScore {
  const entities: DocScore['entities'] = {};
  const unmatchedExtracted: string[] = [];
  const missedGold: string[] = [];
  for (const type of ENTITY_TYPES) {
    const ex = output.entities.filter((e) => e.type === type);
    const gs = gold.entities.filter((g) => g.type === type);
    if (ex.length === 0 && gs.length === 0) continue;
    const correct = ex.filter((e) => gs.some((g) => entityMatches(e, g)));
    const found = gs.filter((g) => ex.some((e) => entityMatches(e, g)));
    for (const e of ex) if (!correct.includes(e)) unmatchedExtracted.push(`${type}:${e.label}`);
    for (const g of gs) if (!found.includes(g)) missedGold.push(`${type}:${g.label}`);
    entities[type] = prf(correct.length, ex.length, found.length, gs.length);
  }
  const byId = new Map(output.entities.map((e) => [e.id, e]));
  const goldByLabel = (label: string) => gold.entities.filter((g) => g.label === label);
  const endpointMatches = (id: string, label: string) => {
    const e = byId.get(id);
    return e !== undefined && goldByLabel(label).some((g) => entityMatches(e, g));
  };
  const relations: DocScore['relations'] = {};
  for (const type of RELATION_TYPES) {
    const gs = gold.relations.filter((r) => r.type === type);
    if (gs.length === 0) continue;
    const ex = output.relations.filter((r) => r.type === type);
    const hit = (r: (typeof ex)[number], g: (typeof gs)[number]) => endpointMatches(r.source, g.source) && endpointMatches(r.target, g.target);
    const correct = ex.filter((r) => gs.some((g) => hit(r, g))).length;
    const found = gs.filter((g) => ex.some((r) => hit(r, g)));
    for (const g of gs) if (!found.includes(g)) missedGold.push(`${type}:${g.source}->${g.target}`);
    relations[type] = prf(correct, ex.length, found.length, gs.length);
  }
  return {
    doc: gold.doc,
    gold: goldPath,
    entities,
    relations,
    entityAll: sum(Object.values(entities)),
    relationAll: sum(Object.values(relations)),
    unmatchedExtracted,
    missedGold,
  };
}

/** The project root for a gold file: the nearest ancestor directory holding package.json. */
async function projectRoot(from: string): Promise<string> {
  for (let dir = path.resolve(path.dirname(from)); ; dir = path.dirname(dir)) {
    if (await fs.stat(path.join(dir, 'package.json')).then(() => true, () => false)) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

const MAX_DOC_BYTES = 50 * 1024 * 1024;

/** Runs the ingest stages up to extraction on a file (no store, no embeddings). */
export async function extractFile(file: string): Promise<ExtractionOutput & { text: string; docId: string }> {
  const source = await loadFile(file, { maxBytes: MAX_DOC_BYTES });
  const decoded = await parseSource(source);
  const docId = path.basename(file).replace(/\.[^.]+$/, '');
  const sections = splitSections(decoded, docId);
  const sentences = splitSentences(decoded.text, sections, docId);
  return { ...extract({ docId, text: decoded.text, sections, sentences }), text: decoded.text, docId };
}

export async function runExtractionEval(goldFiles: string[]): Promise<Report> {
  await prepareExtraction();
  const docs: DocScore[] = [];
  for (const file of goldFiles) {
    let raw: unknown;
    try {
      raw = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (e) {
      throw new PolicygraphError('BAD_INPUT', 'cannot read gold file as JSON', { file, cause: e });
    }
    const gold = parseGold(raw, file);
    const out = await extractFile(path.join(await projectRoot(file), gold.doc));
    docs.push(scoreExtraction(gold, out, file));
  }
  return { docs };
}

/** test/gold/*.gold.json and test/gold/unseen/*.gold.json under the project root, sorted. */
export async function defaultGoldFiles(root = process.cwd()): Promise<string[]> {
  const out: string[] = [];
  for (const dir of ['test/gold', 'test/gold/unseen']) {
    const names = await fs.readdir(path.join(root, dir)).catch(() => [] as string[]);
    out.push(...names.filter((n) => n.endsWith('.gold.json')).sort().map((n) => path.join(root, dir, n)));
  }
  return out;
}

const pct = (x: number) => x.toFixed(2);

/** A plain-text table: one row per type, per document. */
export function formatExtractionReport(report: Report): string {
  const lines: string[] = [];
  const row = (name: string, p: Prf) =>
    `  ${name.padEnd(18)} ${pct(p.precision).padStart(5)} ${pct(p.recall).padStart(5)} ${pct(p.f1).padStart(5)}   ${String(p.correct).padStart(3)}/${String(p.extracted).padEnd(3)} ${String(p.found).padStart(3)}/${p.gold}`;
  for (const d of report.docs) {
    lines.push(`${d.doc}`, `  ${'type'.padEnd(18)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}   ok/ext  found/gold`);
    for (const [t, p] of Object.entries(d.entities)) lines.push(row(t, p));
    lines.push(row('entities (micro)', d.entityAll));
    for (const [t, p] of Object.entries(d.relations)) lines.push(row(t, p));
    lines.push(row('relations (micro)', d.relationAll), '');
  }
  return lines.join('\n');
}
