// Every extracted entity mention and relation evidence quotes its document exactly, and two
// documents that share entities become one node per entity in the store.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../graph/embedded-store.js';
import { extractFile } from '../ingest/eval-extract.js';
import { prepareExtraction } from '../ingest/extract.js';
import { extractDocument } from '../ingest/pipeline.js';
import { loadFile } from '../ingest/load.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DOCS = [
  ...readdirSync(path.join(ROOT, 'corpus')).filter((n) => n.endsWith('.txt')).map((n) => path.join(ROOT, 'corpus', n)),
  ...readdirSync(path.join(ROOT, 'test/fixtures/extract-dev')).filter((n) => n.endsWith('.txt')).map((n) => path.join(ROOT, 'test/fixtures/extract-dev', n)),
];

beforeAll(async () => {
  await prepareExtraction();
});

describe.each(DOCS)('%s', (file) => {
  it('quotes the source at the stated offsets for every mention and every relation evidence', async () => {
    const out = await extractFile(file);
    expect(out.entities.length).toBeGreaterThan(5);
    const ids = new Set(out.entities.map((e) => e.id));
    for (const m of out.mentions) {
      expect(ids.has(m.entityId)).toBe(true);
      expect(out.text.slice(m.start, m.end)).toBe(m.text);
    }
    for (const e of out.entities) expect(out.mentions.some((m) => m.entityId === e.id)).toBe(true);
    for (const r of out.relations) {
      expect(ids.has(r.source) && ids.has(r.target)).toBe(true);
      expect(r.evidence.length).toBeGreaterThan(0);
      for (const ev of r.evidence) {
        expect(out.text.slice(ev.start, ev.end)).toBe(ev.text);
        expect(ev.doc).toBe(out.docId);
      }
    }
  });
});

describe('two documents sharing entities', () => {
  let dir: string;
  let store: EmbeddedStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pg-extract-'));
    store = new EmbeddedStore(dir);
    await store.init();
    for (const file of DOCS) await store.writeDocument(await extractDocument(await loadFile(file, { maxBytes: 1 << 24 }), null));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores one entity per type and canonical label, mentioned from both documents', async () => {
    expect(DOCS.length).toBeGreaterThanOrEqual(2);
    const entities = await store.listEntities();
    const keys = entities.map((e) => `${e.type}:${e.label}`);
    expect(new Set(keys).size).toBe(keys.length);
    const shared = entities.filter((e) => e.docIds.length >= 2);
    expect(shared.map((e) => e.id)).toEqual(expect.arrayContaining(['Actor:高校', 'Actor:地方政府', 'Actor:科研机构']));
  });
});
