// Crash consistency: SIGKILL `policygraph ingest` at seeded random moments, 20 times; after each kill
// the store holds whole documents only (each equal to a clean ingest of it), and a re-run completes
// the store with nothing duplicated or missing.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng, writeSyntheticCorpus } from '../bench/synthetic.js';
import { EmbeddedStore } from '../graph/embedded-store.js';
import type { ExtractedDocument } from '../ingest/types.js';

const ROOT = path.resolve('.');
const KILLS = 20;
const DOCS = 10;
const SEED = 7;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'pg-crash-'));
const corpus = path.join(tmp, 'corpus');
/** A private copy of the built CLI: teammates rebuilding dist/ mid-run must not change the code under test. */
const snapshot = path.join(tmp, 'build');
const BIN = path.join(snapshot, 'bin', 'policygraph.js');
/** Lexical mode: the model would make each run ~10x longer without adding a write path. */
const env = { ...process.env, POLICYGRAPH_NO_MODEL: '1', LOG_LEVEL: 'silent' };

interface Run {
  ms: number;
  /** From the first change of the store's write-ahead log to exit: the part of the run that writes. */
  writeMs: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Size and mtime of the store's WAL: it changes when the store is created and with each committed document. */
function walState(data: string): string {
  try {
    const s = statSync(path.join(data, 'policygraph.db-wal'));
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'absent';
  }
}

/**
 * Runs the real CLI. With `killAfterWriteMs`, SIGKILLs it that long after its first write to the
 * store (timed from the write, not the spawn, so slow process start-up on a busy machine does not
 * push every kill to the end).
 */
function ingest(data: string, extra: string[] = [], killAfterWriteMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstWrite = 0;
    const initial = walState(data);
    const child = spawn(process.execPath, [BIN, 'ingest', corpus, '--data', data, ...extra], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    let killTimer: NodeJS.Timeout | undefined;
    const poll = setInterval(() => {
      if (firstWrite || walState(data) === initial) return;
      firstWrite = performance.now();
      if (killAfterWriteMs !== undefined) killTimer = setTimeout(() => child.kill('SIGKILL'), killAfterWriteMs);
    }, 2);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(killTimer);
      const end = performance.now();
      resolve({ ms: end - t0, writeMs: firstWrite ? end - firstWrite : 0, code, signal, stderr });
    });
  });
}

/** What must be identical between a clean ingest and a recovered one (timestamps and merged entity state aside). */
function comparable(b: ExtractedDocument) {
  const { ingestedAt: _at, ...document } = b.document;
  return {
    document,
    sections: b.sections,
    sentences: b.sentences,
    passages: b.passages.map(({ embedding: _e, ...p }) => p),
    mentions: b.mentions,
    entityIds: b.entities.map((e) => e.id).sort(),
    relations: b.relations,
  };
}

async function withStore<T>(data: string, fn: (s: EmbeddedStore) => Promise<T>): Promise<T> {
  const store = new EmbeddedStore(data);
  await store.init();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

let reference: Map<string, ReturnType<typeof comparable>>;
let writeMs: number;

/** Every document present equals its clean ingest; totals equal the sum over present documents (no orphans). */
async function checkConsistent(data: string): Promise<string[]> {
  return withStore(data, async (store) => {
    const docs = await store.listDocuments();
    const ids = docs.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const entityIds = new Set<string>();
    const relationIds = new Set<string>();
    let sentences = 0;
    let passages = 0;
    for (const id of ids) {
      const ref = reference.get(id);
      expect(ref, `unexpected document ${id}`).toBeDefined();
      const bundle = await store.readDocumentBundle(id);
      expect(comparable(bundle!), `document ${id} differs from a clean ingest`).toEqual(ref);
      ref!.entityIds.forEach((e) => entityIds.add(e));
      ref!.relations.forEach((r) => relationIds.add(r.id));
      sentences += ref!.sentences.length;
      passages += ref!.passages.length;
    }
    expect(await store.counts()).toEqual({ documents: ids.length, sentences, passages, entities: entityIds.size, relations: relationIds.size });
    return ids;
  });
}

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is not built: run `npm run build` first');
  cpSync(path.join(ROOT, 'dist'), path.join(snapshot, 'dist'), { recursive: true, filter: (src) => !src.startsWith(path.join(ROOT, 'dist', 'ui')) });
  cpSync(path.join(ROOT, 'bin'), path.join(snapshot, 'bin'), { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(snapshot, 'package.json'));
  mkdirSync(path.join(snapshot, 'corpus')); // projectRoot() looks for package.json beside corpus/
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(snapshot, 'node_modules'));
  await writeSyntheticCorpus(corpus, DOCS, { seed: SEED, minChars: 500, maxChars: 1200 });
  const refData = path.join(tmp, 'reference');
  const run = await ingest(refData);
  expect(run.code, run.stderr).toBe(0);
  writeMs = run.writeMs;
  expect(writeMs).toBeGreaterThan(0);
  reference = await withStore(refData, async (store) => {
    const map = new Map<string, ReturnType<typeof comparable>>();
    for (const d of await store.listDocuments()) map.set(d.id, comparable((await store.readDocumentBundle(d.id))!));
    return map;
  });
  expect(reference.size).toBe(DOCS);
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('crash consistency', () => {
  it(`${KILLS} SIGKILLs during ingest lose or duplicate nothing`, async () => {
    const rand = prng(SEED);
    const data = path.join(tmp, 'data');
    let kills = 0;
    let midRun = 0;
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 3; attempt++) {
      // Even kills hit a fresh store (first writes); odd ones a full store re-written with --force (replacement path).
      const force = kills % 2 === 1;
      if (!force) rmSync(data, { recursive: true, force: true });
      const at = writeMs * rand();
      const run = await ingest(data, force ? ['--force'] : [], at);
      if (run.signal !== 'SIGKILL') continue; // finished before the kill: not a crash, try another moment
      kills++;
      const present = await checkConsistent(data);
      if (present.length > 0 && present.length < DOCS) midRun++;

      const resume = await ingest(data);
      expect(resume.code, resume.stderr).toBe(0);
      expect((await checkConsistent(data)).sort()).toEqual([...reference.keys()].sort());
    }
    expect(kills).toBe(KILLS);
    // The kills must land inside the work, not only before or after it.
    expect(midRun).toBeGreaterThan(2);
  }, 180_000);
});
