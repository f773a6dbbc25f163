/**
 * `npm run bench`: ingest time and throughput, embedding overhead, read latency on both stores at
 * corpus size and at 1,000 synthetic documents, API load from a second process, explorer render.
 * Writes bench/results/latest.json and latest.md, prints the table, and puts it in the README.
 */
import { execFileSync, spawn } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../core/config.js';
import { projectRoot } from '../core/paths.js';
import { EmbeddedStore } from '../graph/embedded-store.js';
import type { GraphStore } from '../graph/types.js';
import { createEmbedder, type Embedder } from '../ingest/embedder.js';
import { ingestPaths, type IngestReport } from '../ingest/pipeline.js';
import { benchQuestions, measureLatency, type LatencyReport } from './latency.js';
import { runLoad, startServerProcess, type LoadResult } from './load.js';
import { neo4jUnavailableReason, startDedicatedNeo4j, type Neo4jInstance } from './neo4j-instance.js';
import { loadVocabulary, prng, writeSyntheticCorpus } from './synthetic.js';

const ROOT = projectRoot();
const RESULTS = path.join(ROOT, 'bench', 'results');
/** Flags for trying the runner out quickly: `--docs N` (default 1000), `--no-neo4j`, `--no-readme`. */
const ARGS = process.argv.slice(2);
const flagValue = (name: string) => (ARGS.includes(name) ? ARGS[ARGS.indexOf(name) + 1] : undefined);
const SYNTHETIC_DOCS = Number(flagValue('--docs') ?? 1000);
if (!Number.isInteger(SYNTHETIC_DOCS) || SYNTHETIC_DOCS < 1) throw new Error('--docs expects a positive whole number');
/** Stop starting optional phases past this, so the whole run stays inside 15 minutes on 2 cores. */
const BUDGET_MS = 12.5 * 60_000;
const started = performance.now();
const elapsed = () => performance.now() - started;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const log = (msg: string) => process.stderr.write(`[bench ${round(elapsed() / 1000, 0)}s] ${msg}\n`);
const rssMb = () => round(process.resourceUsage().maxRSS / 1024);

interface IngestMeasure {
  documents: number;
  chars: number;
  sentences: number;
  passages: number;
  seconds: number;
  charsPerSecond: number;
  sentencesPerSecond: number;
  /** Milliseconds per stage, summed over documents. */
  stages: Record<string, number>;
  errors: number;
  note?: string;
}

function ingestMeasure(report: IngestReport, chars: number, ms: number, passages: number, note?: string): IngestMeasure {
  const sentences = report.ingested.reduce((s, d) => s + d.sentences, 0);
  const stages: Record<string, number> = {};
  for (const d of report.ingested) for (const [k, v] of Object.entries(d.timings)) stages[k] = round((stages[k] ?? 0) + (v ?? 0), 0);
  return {
    documents: report.ingested.length,
    chars,
    sentences,
    passages,
    seconds: round(ms / 1000, 2),
    charsPerSecond: round(chars / (ms / 1000), 0),
    sentencesPerSecond: round(sentences / (ms / 1000), 0),
    stages,
    errors: report.errors.length,
    ...(note ? { note } : {}),
  };
}

async function textChars(dir: string): Promise<number> {
  let n = 0;
  for (const f of await fs.readdir(dir)) if (!f.startsWith('.')) n += (await fs.readFile(path.join(dir, f), 'utf8')).length;
  return n;
}

const tempDir = (prefix: string) => fs.mkdtemp(path.join(os.tmpdir(), prefix));

/**
 * Deterministic stand-in vectors for the synthetic corpus (hash-seeded, unit length, the model's
 * dimension): embedding 1,000 documents with the real model would take most of an hour on 2 cores,
 * and the vector scan costs the same whatever the numbers are. Never used for relevance.
 */
function pseudoEmbedder(dim: number): Embedder {
  const vector = (text: string) => {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    const rand = prng(h >>> 0);
    const v = new Float32Array(dim);
    let norm = 0;
    for (let i = 0; i < dim; i++) norm += (v[i] = rand() - 0.5) ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < dim; i++) v[i] /= norm;
    return v;
  };
  return { modelId: 'pseudo-hash', dim, embedPassages: async (texts) => texts.map(vector), embedQuery: async (t) => vector(t) };
}

/** Runs the cold ingest in a fresh process (bench/cold-ingest.ts) and reads back its numbers. */
async function coldIngest(corpus: string): Promise<{ wallSeconds: number; processSeconds: number; maxRssMb: number; report: IngestReport }> {
  const data = await tempDir('pg-bench-cold-');
  const out = path.join(data, 'cold.json');
  const t0 = performance.now();
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'bench', 'cold-ingest.js'), out, 'ingest', corpus, '--data', data, '--json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (text += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`cold ingest exited ${code}: ${err}`))));
  });
  const wallSeconds = round((performance.now() - t0) / 1000, 2);
  const inner = JSON.parse(await fs.readFile(out, 'utf8')) as { ms: number; maxRssMb: number };
  await fs.rm(data, { recursive: true, force: true });
  return { wallSeconds, processSeconds: round(inner.ms / 1000, 2), maxRssMb: inner.maxRssMb, report: JSON.parse(stdout) as IngestReport };
}

/** Copies document bundles (as `policygraph export` does), stopping after `boxMs`. */
async function copyStore(from: GraphStore, to: GraphStore, ids?: string[], boxMs = Infinity): Promise<{ documents: number; seconds: number }> {
  const t0 = performance.now();
  let documents = 0;
  for (const id of ids ?? (await from.listDocuments()).map((d) => d.id)) {
    if (performance.now() - t0 > boxMs) break;
    const bundle = await from.readDocumentBundle(id);
    if (bundle) await to.writeDocument(bundle);
    documents++;
  }
  return { documents, seconds: round((performance.now() - t0) / 1000, 2) };
}

function machine() {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    /* not a checkout */
  }
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGb: round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
    date: new Date().toISOString(),
    commit,
  };
}

export async function runBench(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = { machine: machine() };
  const skipped: Record<string, string> = {};
  results.skipped = skipped;
  const config: Config = loadConfig(process.env);
  const corpus = path.join(ROOT, 'corpus');
  const corpusChars = await textChars(corpus);

  log('cold ingest of the corpus in a fresh process (includes Node start and model load)');
  const cold = await coldIngest(corpus);
  results.coldIngest = { ...cold, report: undefined, documents: cold.report.ingested.length, errors: cold.report.errors.length };

  log('loading the model');
  const { embedder: warmupEmbedder, status } = await createEmbedder(config);
  results.model = status;
  if (!warmupEmbedder) skipped.embedding = `model unavailable: ${status.reason}`;

  log('warm ingest of the corpus (model loaded, fresh embedding cache)');
  const warmupStore = new EmbeddedStore(await tempDir('pg-bench-warmup-'));
  await warmupStore.init();
  await ingestPaths([corpus], { store: warmupStore, embedder: warmupEmbedder, config });
  await warmupStore.close();
  const { embedder } = await createEmbedder(config); // fresh cache: the measured run embeds for real
  const corpusData = await tempDir('pg-bench-corpus-');
  const corpusStore = new EmbeddedStore(corpusData);
  await corpusStore.init();
  let t0 = performance.now();
  const warmReport = await ingestPaths([corpus], { store: corpusStore, embedder, config });
  const warm = ingestMeasure(warmReport, corpusChars, performance.now() - t0, (await corpusStore.counts()).passages);
  results.warmIngest = warm;
  results.memoryAfterCorpusMb = rssMb();

  if (embedder && elapsed() < BUDGET_MS) {
    log('embedding throughput: pipeline stage vs raw model (bench/embedding.ts)');
    const { benchEmbedding } = await import('./embedding.js');
    results.embedding = await benchEmbedding();
  }

  log(`generating ${SYNTHETIC_DOCS} synthetic documents`);
  const synthDir = await tempDir('pg-bench-synthetic-');
  await writeSyntheticCorpus(synthDir, SYNTHETIC_DOCS);
  const synthChars = await textChars(synthDir);
  const bigStore = new EmbeddedStore(await tempDir('pg-bench-big-'));
  await bigStore.init();
  await copyStore(corpusStore, bigStore); // the corpus keeps its real vectors in the large store
  const pseudo = embedder ? pseudoEmbedder(embedder.dim) : null;
  log(`ingesting ${SYNTHETIC_DOCS} synthetic documents (extraction for real, vectors stand-in)`);
  t0 = performance.now();
  const synthReport = await ingestPaths([synthDir], { store: bigStore, embedder: pseudo, config });
  const bigCounts = await bigStore.counts();
  results.syntheticIngest = ingestMeasure(
    synthReport,
    synthChars,
    performance.now() - t0,
    bigCounts.passages,
    pseudo ? 'extraction as in production; passage/entity vectors are hash-seeded stand-ins, not model outputs (the real model would need ~1 h here)' : 'lexical only (no model)',
  );
  results.syntheticCounts = bigCounts;
  results.memoryAfterSyntheticMb = rssMb();

  const questions = benchQuestions(loadVocabulary());
  const latency: Record<string, Record<string, LatencyReport>> = { embedded: {}, neo4j: {} };
  results.latency = latency;
  /** A failing measurement is reported, not fatal: the rest of the run still says what it can. */
  const attempt = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      skipped[name] = `failed: ${(e as Error).message.split('\n')[0]}`;
      log(`${name} failed: ${(e as Error).message.split('\n')[0]}`);
      return undefined;
    }
  };
  log(`latency, embedded store, corpus (${questions.length} questions)`);
  const embeddedCorpus = await attempt('latencyEmbeddedCorpus', () => measureLatency({ store: corpusStore, embedder }, questions, { reps: 5, budgetMsPerOp: 20_000 }));
  if (embeddedCorpus) latency.embedded.corpus = embeddedCorpus;
  log(`latency, embedded store, ${SYNTHETIC_DOCS} documents`);
  const embeddedBig = await attempt('latencyEmbeddedSynthetic', () =>
    measureLatency({ store: bigStore, embedder }, questions, { reps: 3, overviewReps: 3, budgetMsPerOp: 15_000 }),
  );
  if (embeddedBig) latency.embedded.synthetic = embeddedBig;

  if (elapsed() < BUDGET_MS * 0.8) {
    log('API load: server process + autocannon process, 50 connections x 10 s per endpoint');
    await attempt('load', async () => {
      const server = await startServerProcess({ dataDir: corpusData });
      const loads: LoadResult[] = [];
      try {
        const q = (s: string) => encodeURIComponent(s);
        const [q1, q2, q3] = questions;
        const focus = (await corpusStore.listEntities()).sort((a, b) => b.mentionCount - a.mentionCount)[0]?.id;
        const mixes: [string, string[]][] = [
          ['health', ['/api/health']],
          ['ask', [q1, q2, q3].map((x) => `/api/ask?q=${q(x)}`)],
          ['search', [q1, q2, q3].map((x) => `/api/search?q=${q(x)}`)],
          ['graph', ['/api/graph', ...(focus ? [`/api/graph?focus=${q(focus)}&depth=2`, `/api/entities/${q(focus)}`] : [])]],
        ];
        for (const [name, paths] of mixes) loads.push(await runLoad(server.url, name, paths, { connections: 50, seconds: 10 }));
        results.load = { runs: loads, serverPeakRssMb: server.peakRssMb(), serverAlive: server.child.exitCode === null };
      } finally {
        await server.stop();
      }
    });
  } else skipped.load = 'time budget';

  if (elapsed() < BUDGET_MS * 0.85) {
    try {
      log('explorer render (bench/ui-render.ts)');
      const { benchUiRender } = await import('./ui-render.js');
      results.uiRender = await benchUiRender();
    } catch (e) {
      skipped.uiRender = (e as Error).message.split('\n')[0];
    }
  } else skipped.uiRender = 'time budget';

  // Neo4j last: its start-up and writes are the slowest part, so they get what time is left.
  const neo4jReason = neo4jUnavailableReason();
  if (ARGS.includes('--no-neo4j')) skipped.neo4j = '--no-neo4j';
  else if (neo4jReason) skipped.neo4j = neo4jReason;
  else if (BUDGET_MS - elapsed() < 4 * 60_000) skipped.neo4j = `time budget (${round((BUDGET_MS - elapsed()) / 1000, 0)} s left, 240 s needed)`;
  else {
    let instance: Neo4jInstance | undefined;
    try {
      log('starting a dedicated Neo4j');
      instance = await startDedicatedNeo4j({ heap: '1g', pageCacheMb: 256 });
      const { Neo4jStore } = await import('../graph/neo4j-store.js');
      const neo = new Neo4jStore(instance.config, { dimension: embedder?.dim ?? 512 });
      await neo.init();
      try {
        const corpusWrite = await copyStore(corpusStore, neo);
        log('latency, Neo4j, corpus');
        latency.neo4j.corpus = await measureLatency({ store: neo, embedder }, questions, { reps: 3, budgetMsPerOp: 8_000 });
        const synthIds = (await bigStore.listDocuments()).map((d) => d.id).filter((id) => id.startsWith('synthetic_'));
        // Time-boxed: what is left of the budget, less the time the latency pass needs.
        const writeBoxMs = Math.max(30_000, BUDGET_MS - elapsed() - 60_000);
        log(`writing up to ${synthIds.length} synthetic documents to Neo4j (time box ${round(writeBoxMs / 1000, 0)} s)`);
        const synthWrite = await copyStore(bigStore, neo, synthIds, writeBoxMs);
        results.neo4jWrite = {
          corpusSeconds: corpusWrite.seconds,
          syntheticDocuments: synthWrite.documents,
          syntheticSeconds: synthWrite.seconds,
          syntheticDocsPerSecond: round(synthWrite.documents / synthWrite.seconds, 2),
        };
        log(`latency, Neo4j, corpus + ${synthWrite.documents} synthetic documents`);
        latency.neo4j.synthetic = await measureLatency({ store: neo, embedder }, questions, { reps: 1, overviewReps: 2, budgetMsPerOp: 8_000 });
      } finally {
        await neo.close();
      }
    } catch (e) {
      skipped.neo4j = `failed: ${(e as Error).message.split('\n')[0]}`;
    } finally {
      await instance?.dispose();
    }
  }
  await bigStore.close();
  await corpusStore.close();

  await fs.rm(synthDir, { recursive: true, force: true });
  results.runnerPeakRssMb = rssMb();
  results.totalSeconds = round(elapsed() / 1000, 0);
  results.targets = targets(results);
  return results;
}

interface Target {
  target: string;
  measured: string;
  met: boolean | null;
}

/** The issue's targets, judged on what was measured; null = not measured in this run. */
function targets(r: Record<string, any>): Target[] {
  const lat = r.latency as Record<string, Record<string, LatencyReport>>;
  const out: Target[] = [];
  const add = (target: string, value: number | undefined, unit: string, ok: (v: number) => boolean) =>
    out.push(value === undefined || Number.isNaN(value) ? { target, measured: 'not measured', met: null } : { target, measured: `${value} ${unit}`, met: ok(value) });
  add('corpus ingest cold < 5 s', r.coldIngest?.wallSeconds, 's', (v) => v < 5);
  const overhead = r.embedding?.overhead as number | undefined;
  add('embedding pipeline >= 70% of raw model throughput', overhead ? round(100 / overhead, 0) : undefined, '%', (v) => v >= 70);
  add('ask p95 < 50 ms at corpus size (embedded)', lat.embedded.corpus?.ask.p95, 'ms', (v) => v < 50);
  add(`ask p95 < 250 ms at ${SYNTHETIC_DOCS} documents (embedded)`, lat.embedded.synthetic?.ask.p95, 'ms', (v) => v < 250);
  for (const size of ['corpus', 'synthetic'] as const) {
    const label = `Neo4j ask p95 within 2x of embedded (${size === 'corpus' ? 'corpus' : `${SYNTHETIC_DOCS} docs`})`;
    const written = r.neo4jWrite?.syntheticDocuments as number | undefined;
    if (size === 'synthetic' && written !== undefined && written < SYNTHETIC_DOCS) {
      out.push({ target: label, measured: `not measured: only ${written} of ${SYNTHETIC_DOCS} documents written to Neo4j in the time box`, met: null });
      continue;
    }
    const e = lat.embedded[size]?.ask.p95;
    const n = lat.neo4j[size]?.ask.p95;
    add(label, e && n ? round(n / e, 2) : undefined, 'x', (v) => v <= 2);
  }
  const loads = (r.load?.runs ?? []) as LoadResult[];
  add('0 errors at 50 connections for 10 s', loads.length ? loads.reduce((s, l) => s + l.errors, 0) : undefined, 'errors', (v) => v === 0);
  return out;
}

const ms = (x?: number) => (x === undefined ? '—' : `${x}`);
const pct = (p?: { p50: number; p95: number; p99: number }) => (p ? `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}` : '—');

/** The markdown report (also printed): machine, ingest, latency, load, targets. */
export function toMarkdown(r: Record<string, any>): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC at commit ${m.commit} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, ${m.os}, Node ${m.node} (load average at start ${m.loadAverageAtStart.join(' / ')}); whole run ${r.totalSeconds} s.`, '');
  const w = r.warmIngest as IngestMeasure;
  const s = r.syntheticIngest as IngestMeasure;
  lines.push('| ingest | corpus | synthetic |', '|---|---|---|');
  lines.push(`| documents / chars / sentences | ${w.documents} / ${w.chars} / ${w.sentences} | ${s.documents} / ${s.chars} / ${s.sentences} |`);
  lines.push(`| cold, fresh process incl. model load | ${r.coldIngest.wallSeconds} s (peak ${r.coldIngest.maxRssMb} MB) | — |`);
  lines.push(`| warm | ${w.seconds} s | ${s.seconds} s |`);
  lines.push(`| throughput chars/s | ${w.charsPerSecond} | ${s.charsPerSecond} |`);
  lines.push(`| throughput sentences/s | ${w.sentencesPerSecond} | ${s.sentencesPerSecond} |`);
  lines.push(`| peak memory (bench process so far) | ${r.memoryAfterCorpusMb} MB | ${r.memoryAfterSyntheticMb} MB |`, '');
  if (s.note) lines.push(`Synthetic corpus: ${SYNTHETIC_DOCS} deterministic policy-style documents from the lexicon (bench/synthetic.ts), for scale only; ${s.note}.`, '');
  if (r.embedding && !r.embedding.skipped) {
    const e = r.embedding;
    lines.push(`Embedding (${e.model}, batch ${e.batch}): raw model ${e.raw.textsPerSecond} texts/s, pipeline stage ${e.pipeline.textsPerSecond} texts/s = ${round(100 / e.overhead, 0)}% of raw.`, '');
  }
  const lat = r.latency as Record<string, Record<string, LatencyReport>>;
  const neoDocs = r.neo4jWrite ? `corpus + ${r.neo4jWrite.syntheticDocuments} docs` : `${SYNTHETIC_DOCS} docs`;
  lines.push(`| latency ms p50 / p95 / p99 | embedded, corpus | embedded, corpus + ${SYNTHETIC_DOCS} docs | Neo4j, corpus | Neo4j, ${neoDocs} |`, '|---|---|---|---|---|');
  const ops: [string, keyof LatencyReport][] = [['ask', 'ask'], ['search', 'search'], ['graph (focus, depth 2)', 'graphFocus'], ['graph (overview, 3,000)', 'graphOverview']];
  for (const [label, op] of ops) {
    const cell = (store: string, size: string) => pct(lat[store]?.[size]?.[op] as any);
    lines.push(`| ${label} | ${cell('embedded', 'corpus')} | ${cell('embedded', 'synthetic')} | ${cell('neo4j', 'corpus')} | ${cell('neo4j', 'synthetic')} |`);
  }
  if (r.neo4jWrite) lines.push('', `Neo4j writes (bundles copied from the embedded store, as \`policygraph export\` does): corpus ${r.neo4jWrite.corpusSeconds} s; ${r.neo4jWrite.syntheticDocuments} of ${SYNTHETIC_DOCS} synthetic documents in ${r.neo4jWrite.syntheticSeconds} s (${r.neo4jWrite.syntheticDocsPerSecond} docs/s, time-boxed).`);
  lines.push('', 'Latency is in-process (store + ask/search code, no HTTP); samples per cell are in latest.json.', '');
  if (r.load) {
    lines.push('| API under load (autocannon, own process, loopback, corpus store) | connections | req/s | latency p50 / p97.5 / p99 ms | errors |', '|---|---|---|---|---|');
    for (const l of r.load.runs as LoadResult[]) lines.push(`| ${l.name} | ${l.connections} × ${l.seconds} s | ${round(l.rps)} | ${l.latencyMs.p50} / ${l.latencyMs.p97_5} / ${l.latencyMs.p99} | ${l.errors} |`);
    lines.push('', `Server peak memory under load: ${r.load.serverPeakRssMb} MB.`, '');
  }
  const ui = r.uiRender;
  if (ui && !ui.skipped) {
    lines.push(`Explorer render (bench/ui-render.ts, headless Chromium): ${ui.nodes} nodes, ${ui.edges} edges; first layout ${ui.firstLayoutMs} ms, interactive ${ui.interactiveMs} ms, drag frame p95 ${ui.dragFrameMs?.p95} ms, wheel frame p95 ${ui.wheelFrameMs?.p95} ms.`, '');
  }
  lines.push('| target | measured | met |', '|---|---|---|');
  for (const t of r.targets as Target[]) lines.push(`| ${t.target} | ${t.measured} | ${t.met === null ? 'not measured' : t.met ? 'yes' : 'no'} |`);
  const skips = Object.entries(r.skipped as Record<string, string>);
  if (skips.length) lines.push('', `Skipped: ${skips.map(([k, v]) => `${k} (${v})`).join('; ')}.`);
  return `${lines.join('\n')}\n`;
}

const BEGIN = '<!-- bench:begin -->';
const END = '<!-- bench:end -->';

/** Puts the table between the README's bench markers (added under "## Benchmarks" the first time). */
async function updateReadme(markdown: string): Promise<void> {
  const file = path.join(ROOT, 'README.md');
  let readme: string;
  try {
    readme = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const block = `${BEGIN}\n${markdown}${END}`;
  if (readme.includes(BEGIN) && readme.includes(END)) {
    readme = readme.slice(0, readme.indexOf(BEGIN)) + block + readme.slice(readme.indexOf(END) + END.length);
  } else {
    const heading = /^## Benchmarks[^\n]*\n/m.exec(readme);
    if (heading) {
      // After the section's first paragraph, if it has one.
      let at = heading.index + heading[0].length;
      const rest = readme.slice(at);
      const para = /^\n*[^#\n][^\n]*(?:\n[^#\n][^\n]*)*\n?/.exec(rest);
      if (para) at += para[0].length;
      readme = `${readme.slice(0, at)}\n${block}\n${readme.slice(at)}`;
    } else readme = `${readme.trimEnd()}\n\n## Benchmarks\n\n${block}\n`;
  }
  await fs.writeFile(file, readme);
}

async function main(): Promise<void> {
  const results = await runBench();
  await fs.mkdir(RESULTS, { recursive: true });
  await fs.writeFile(path.join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = toMarkdown(results);
  await fs.writeFile(path.join(RESULTS, 'latest.md'), markdown);
  const readme = !ARGS.includes('--no-readme') && SYNTHETIC_DOCS === 1000;
  if (readme) await updateReadme(markdown);
  process.stdout.write(`\n${markdown}`);
  process.stdout.write(`\nwritten: bench/results/latest.json, bench/results/latest.md${readme ? ', README.md (Benchmarks)' : ''}\n`);
}

await main();
