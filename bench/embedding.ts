/**
 * Embedding throughput: the `embed` stage of the pipeline (dedupe, length-sorted batches, copies)
 * next to raw model calls on the same texts in document order; their ratio is the stage's overhead.
 * Also sweeps the raw batch size. Wired into bench/run.ts; standalone: `node dist/bench/embedding.js`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../core/config.js';
import { embedDocument, entityText } from '../ingest/embed.js';
import { createEmbedder, DEFAULT_BATCH, TransformersEmbedder } from '../ingest/embedder.js';
import { loadFile } from '../ingest/load.js';
import { extractDocument } from '../ingest/pipeline.js';
import type { Entity, Passage } from '../ingest/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The documents of bench/fixtures/passage-queries.json: the founding essay and an unseen policy text. */
const FIXTURES = path.join(ROOT, 'bench', 'fixtures', 'passage-queries.json');

interface Throughput {
  texts: number;
  chars: number;
  seconds: number;
  textsPerSecond: number;
  charsPerSecond: number;
}

const rate = (texts: string[], ms: number): Throughput => {
  const chars = texts.reduce((s, t) => s + t.length, 0);
  const seconds = ms / 1000;
  return { texts: texts.length, chars, seconds: round(seconds), textsPerSecond: round(texts.length / seconds), charsPerSecond: round(chars / seconds) };
};
const round = (x: number) => Math.round(x * 100) / 100;
const REPEATS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchEmbedding(): Promise<object> {
  const config = loadConfig();
  const { embedder: probe, status } = await createEmbedder(config);
  if (!probe) return { skipped: true, reason: status.reason };
  if (!(probe instanceof TransformersEmbedder)) return { skipped: true, reason: `${status.modelId}: not a transformers.js embedder` };
  const docs = Object.values((JSON.parse(readFileSync(FIXTURES, 'utf8')) as { documents: Record<string, string> }).documents);
  const drafts: { passages: Passage[]; entities: Entity[] }[] = [];
  for (const f of docs) {
    const source = await loadFile(path.join(ROOT, f), { maxBytes: config.maxFileBytes });
    const extracted = await extractDocument(source, null);
    drafts.push({ passages: extracted.passages, entities: extracted.entities });
  }
  const perDoc = drafts.map((d) => [...d.passages.map((p) => p.text), ...d.entities.map(entityText)]);
  const texts = perDoc.flat();

  // Raw: the model alone, batches per document, no dedupe or cache. Sorted by length as the stage
  // does (the baseline of `overhead`), and in document order (what sorting saves).
  await probe.run(texts.slice(0, DEFAULT_BATCH)); // warm-up: first calls allocate
  const rawBatches = async (lists: string[][], size: number) => {
    const t0 = performance.now();
    for (const list of lists) for (let i = 0; i < list.length; i += size) await probe.run(list.slice(i, i + size));
    return performance.now() - t0;
  };
  const sorted = perDoc.map((l) => [...l].sort((a, b) => a.length - b.length));
  // Pipeline: the embed stage on the same drafts with an empty cache.
  const stage = async () => {
    probe.clearCache();
    const t0 = performance.now();
    for (const d of drafts) await embedDocument(d, probe);
    return performance.now() - t0;
  };
  // The machine is shared: raw and stage runs alternate, so both see the same load; medians of REPEATS.
  const rawMs: number[] = [];
  const stageMs: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    rawMs.push(await rawBatches(sorted, DEFAULT_BATCH));
    stageMs.push(await stage());
  }
  const raw = rate(texts, median(rawMs));
  const pipeline = rate(texts, median(stageMs));
  const rawDocumentOrder = rate(texts, await rawBatches(perDoc, DEFAULT_BATCH));
  const batchSweep: Record<string, number> = {};
  for (const size of [1, 8, 16, 32]) batchSweep[size] = rate(texts, await rawBatches(sorted, size)).textsPerSecond;

  // Re-embedding the same drafts in one run is served by the identical-text cache.
  const t1 = performance.now();
  for (const d of drafts) await embedDocument(d, probe);
  const cachedMs = performance.now() - t1;

  return {
    model: probe.modelId,
    dim: probe.dim,
    batch: DEFAULT_BATCH,
    documents: docs.length,
    meanChars: round(raw.chars / raw.texts),
    repeats: REPEATS,
    /** The model alone on the same texts, length-sorted batches: the baseline of `overhead`. */
    raw,
    /** The model alone, batches in document order: what length-sorting saves. */
    rawDocumentOrder,
    pipeline,
    /** Pipeline seconds / raw seconds: the cost of the stage's own work (dedupe, cache, copies). */
    overhead: round(pipeline.seconds / raw.seconds),
    /** Raw texts/s of length-sorted batches by batch size (why DEFAULT_BATCH). */
    rawTextsPerSecondByBatch: batchSweep,
    cachedRerunMs: round(cachedMs),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchEmbedding(), null, 2));
}
