// The pipeline end to end on the embedded store: idempotent re-ingest, all-or-nothing writes.
import { afterAll, describe, expect, it } from 'vitest';
import type { EmbeddedStore } from '../graph/embedded-store.js';
import { documentId, expandPaths } from '../ingest/pipeline.js';
import { corpusStore } from './helpers/corpus-store.js';
import { loadConfig } from '../core/config.js';
import { ingestPaths } from '../ingest/pipeline.js';

describe('documentId', () => {
  it.each([
    ['corpus/000_b86ad707c747c04c.txt', '000_b86ad707c747c04c'],
    ['/x/政策 文件(2024).docx', '政策_文件_2024_'],
    ['../../etc/passwd', 'passwd'],
    ['.hidden.md', 'hidden'],
  ])('%s -> %s', (file, id) => expect(documentId(file)).toBe(id));
});

describe('ingest pipeline on the embedded store', () => {
  let store: EmbeddedStore;
  afterAll(() => store?.close());

  it('ingests the corpus and is idempotent', async () => {
    const first = await corpusStore();
    store = first.store;
    expect(first.report.errors).toEqual([]);
    expect(first.report.ingested).toHaveLength(1);
    const before = await store.counts();
    expect(before.sentences).toBeGreaterThan(30);
    const again = await ingestPaths(['corpus'], { store, embedder: null, config: loadConfig({}, { dataDir: first.dir }) });
    expect(again.ingested).toHaveLength(0);
    expect(again.skipped.map((s) => s.reason)).toEqual(['unchanged']);
    const forced = await ingestPaths(['corpus'], { store, embedder: null, config: loadConfig({}, { dataDir: first.dir }) }, { force: true });
    expect(forced.ingested).toHaveLength(1);
    expect(await store.counts()).toEqual(before);
  });

  it('every stored sentence and mention quotes the document text exactly', async () => {
    const [doc] = await store.listDocuments();
    const detail = (await store.getDocument(doc.id))!;
    for (const s of detail.sentences) expect(detail.document.text.slice(s.start, s.end)).toBe(s.text);
    for (const m of detail.mentions) expect(detail.document.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('a failure inside the write transaction leaves nothing of the new document and keeps the old version', async () => {
    const [doc] = await store.listDocuments();
    const bundle = (await store.readDocumentBundle(doc.id))!;
    const before = await store.counts();

    // A brand-new document whose last relation is malformed: the write must fail as a whole.
    const broken = structuredClone(bundle);
    broken.document = { ...broken.document, id: 'broken-doc', hash: 'x' };
    broken.sentences = broken.sentences.map((s) => ({ ...s, id: s.id.replace(doc.id, 'broken-doc'), docId: 'broken-doc' }));
    broken.sections = broken.sections.map((s) => ({ ...s, id: s.id.replace(doc.id, 'broken-doc'), docId: 'broken-doc' }));
    broken.passages = broken.passages.map((p) => ({ ...p, id: p.id.replace(doc.id, 'broken-doc'), docId: 'broken-doc' }));
    broken.mentions = broken.mentions.map((m) => ({ ...m, docId: 'broken-doc' }));
    broken.relations = [{ id: 'USES:a->b', type: 'USES', source: 'a', target: 'b', confidence: 1, evidence: [{ doc: 'elsewhere', section: '', sentenceId: 'x', text: 'x', start: 0, end: 1 }] }];
    await expect(store.writeDocument(broken)).rejects.toThrow(/nothing of it was stored/);
    expect(await store.documentHash('broken-doc')).toBeNull();
    expect(await store.counts()).toEqual(before);

    // Re-writing an existing document that fails midway keeps the previous version intact.
    const badUpdate = structuredClone(bundle);
    badUpdate.document = { ...badUpdate.document, hash: 'new-hash' };
    badUpdate.relations = [...badUpdate.relations, broken.relations[0]];
    await expect(store.writeDocument(badUpdate)).rejects.toThrow();
    expect(await store.documentHash(doc.id)).toBe(doc.hash);
    expect(await store.counts()).toEqual(before);
  });

  it('expandPaths walks folders and reports unsupported files as skipped', async () => {
    const { files, skipped } = await expandPaths(['corpus', 'package.json']);
    expect(files).toContain('corpus/000_b86ad707c747c04c.txt');
    expect(files).toContain('package.json'); // explicit files are tried, so the error names them
    expect(skipped).toEqual([]);
  });
});
