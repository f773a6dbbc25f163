// Crash consistency: SIGKILL `policygraph ingest` at seeded random moments, 20 times; after each kill
// the store holds whole documents only (each equal to a clean ingest of it), and a re-run completes
// the store with nothing duplicated or missing.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
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
  /** Milliseconds per document written, from the store's creation to exit. */
  perDocMs: number;
  /** Documents (re)written by this run before it ended. */
  written: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Documents stored (or re-stored) since `sinceIso`, read through a second connection while the child writes (WAL allows it). */
function writtenSince(data: string, sinceIso: string, reader: { db?: Database.Database }): number | null {
  if (!reader.db) {
    if (!existsSync(path.join(data, 'policygraph.db'))) return null;
    try {
      reader.db = new Database(path.join(data, 'policygraph.db'), { readonly: true, fileMustExist: true });
    } catch {
      return null; // not created yet
    }
  }
  try {
    return Number((reader.db.prepare('SELECT COUNT(*) AS n FROM documents WHERE ingested_at >= ?').get(sinceIso) as { n: number }).n);
  } catch {
    return null; // schema not there yet
  }
}

/**
 * Runs the real CLI. With `kill`, SIGKILLs it `delayMs` after it has written `afterDocs` documents,
 * so the kills spread over the documents whatever the machine's speed (a busy machine slows the
 * process start, which a timer from spawn would mostly hit).
 */
function ingest(data: string, extra: string[] = [], kill?: { afterDocs: number; delayMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const since = new Date(Date.now() - 1).toISOString();
    const reader: { db?: Database.Database } = {};
    let opened = 0;
    let written = 0;
    const child = spawn(process.execPath, [BIN, 'ingest', corpus, '--data', data, ...extra], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    let killTimer: NodeJS.Timeout | undefined;
    const poll = setInterval(() => {
      const n = writtenSince(data, since, reader);
      if (n === null) return;
      opened ||= performance.now();
      written = n;
      if (kill && !killTimer && n >= kill.afterDocs) killTimer = setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
    }, 3);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(killTimer);
      const end = performance.now();
      written = writtenSince(data, since, reader) ?? written;
      reader.db?.close();
      resolve({ ms: end - t0, perDocMs: opened ? (end - opened) / DOCS : 0, written, code, signal, stderr });
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
let perDocMs: number;

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
  perDocMs = run.perDocMs;
  expect(perDocMs).toBeGreaterThan(0);
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
      const kill = { afterDocs: Math.floor(rand() * DOCS), delayMs: rand() * perDocMs };
      const run = await ingest(data, force ? ['--force'] : [], kill);
      if (run.signal !== 'SIGKILL') continue; // finished before the kill: not a crash, try another moment
      kills++;
      await checkConsistent(data);
      if (run.written > 0 && run.written < DOCS) midRun++;

      const resume = await ingest(data);
      expect(resume.code, resume.stderr).toBe(0);
      expect((await checkConsistent(data)).sort()).toEqual([...reference.keys()].sort());
    }
    expect(kills).toBe(KILLS);
    // The kills must land inside the work (some documents written, some not), not only before or after it.
    expect(midRun).toBeGreaterThanOrEqual(KILLS / 2);
  }, 180_000);
});
