/**
 * Embedding throughput: the `embed` stage of the pipeline (dedupe, length-sorted batches, copies)
 * next to raw model calls on the same texts in document order; their ratio is the stage's overhead.
 * Also sweeps the raw batch size. Wired into bench/run.ts; standalone: `node dist/bench/embedding.js`.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
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
  /** CPU seconds of this process (all onnxruntime threads): steadier than wall time on a shared machine. */
  cpuSeconds: number;
}

/** Wall and CPU time of one run. */
interface Timing {
  ms: number;
  cpuMs: number;
}

async function timed(fn: () => Promise<unknown>): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

const rate = (texts: string[], t: Timing): Throughput => {
  const chars = texts.reduce((s, x) => s + x.length, 0);
  const seconds = t.ms / 1000;
  return {
    texts: texts.length,
    chars,
    seconds: round(seconds),
    textsPerSecond: round(texts.length / seconds),
    charsPerSecond: round(chars / seconds),
    cpuSeconds: round(t.cpuMs / 1000),
  };
};
const round = (x: number) => Math.round(x * 100) / 100;
const REPEATS = 5;
/** The run of median wall time. */
const median = (xs: Timing[]) => [...xs].sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)];

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
  const rawBatches = (lists: string[][], size: number) =>
    timed(async () => {
      for (const list of lists) for (let i = 0; i < list.length; i += size) await probe.run(list.slice(i, i + size));
    });
  const sorted = perDoc.map((l) => [...l].sort((a, b) => a.length - b.length));
  // Pipeline: the embed stage on the same drafts with an empty cache.
  const stage = () => {
    probe.clearCache();
    return timed(async () => {
      for (const d of drafts) await embedDocument(d, probe);
    });
  };
  // The machine is shared: raw and stage runs alternate, so both see the same load; medians of REPEATS.
  const rawMs: Timing[] = [];
  const stageMs: Timing[] = [];
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
  const cached = await timed(async () => {
    for (const d of drafts) await embedDocument(d, probe);
  });

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
    /** The same ratio in CPU time, less disturbed by other processes. */
    overheadCpu: round(pipeline.cpuSeconds / raw.cpuSeconds),
    /** Raw texts/s of length-sorted batches by batch size (why DEFAULT_BATCH). */
    rawTextsPerSecondByBatch: batchSweep,
    cachedRerunMs: round(cached.ms),
    /** Load average over the run: the machine is shared, so read wall times with it. */
    loadAverage: os.loadavg().map(round),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchEmbedding(), null, 2));
}
