// Bad input through the HTTP API and the batch ingest: every bad file is reported by name and code,
// the good files beside it are ingested, nothing of a bad file reaches the store, and the server stays up.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.js';
import { loadConfig, type Config } from '../core/config.js';
import type { ErrorCode } from '../core/errors.js';
import { silentLogger } from '../core/log.js';
import { EmbeddedStore } from '../graph/embedded-store.js';
import { documentId, ingestPaths } from '../ingest/pipeline.js';
import { generateDocuments } from '../bench/synthetic.js';
import { buildDocx, buildHtml, foundingBytes } from './fixtures/build-fixtures.js';
import { tempDir } from './helpers/corpus-store.js';

const LIMIT_MB = 1;
const pdf = readFileSync(new URL('./fixtures/founding.pdf', import.meta.url));
const founding = foundingBytes().toString('utf8');
const half = Math.floor(founding.length / 2);

interface Upload {
  name: string;
  bytes: Buffer;
}

/** Files an analyst could plausibly drop in, each bad in one way, with the code it must be refused with. */
async function badFiles(): Promise<(Upload & { code: ErrorCode })[]> {
  const docx = await buildDocx();
  return [
    { name: 'empty.txt', bytes: Buffer.alloc(0), code: 'EMPTY_FILE' },
    { name: 'picture.txt', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]), code: 'CORRUPT_FILE' },
    { name: 'huge.txt', bytes: Buffer.alloc(LIMIT_MB * 1024 * 1024 + 10, 0x61), code: 'FILE_TOO_LARGE' },
    { name: 'cut.docx', bytes: docx.subarray(0, Math.floor(docx.length * 0.6)), code: 'CORRUPT_FILE' },
    { name: 'cut.pdf', bytes: pdf.subarray(0, Math.floor(pdf.length * 0.5)), code: 'CORRUPT_FILE' },
    { name: 'mixed.txt', bytes: Buffer.concat([Buffer.from(founding.slice(0, half)), iconv.encode(founding.slice(half), 'gbk')]), code: 'ENCODING' },
    { name: 'sjis.txt', bytes: iconv.encode('日本語のテキストです。産学連携について説明します。'.repeat(10), 'shift_jis'), code: 'ENCODING' },
    { name: 'program.exe', bytes: Buffer.from('MZ\x90\x00'), code: 'UNSUPPORTED_FORMAT' },
  ];
}

/** Awkward but readable files: they must be ingested, not refused. */
function awkwardFiles(): Upload[] {
  return [
    { name: 'broken-markup.html', bytes: Buffer.from(`<html><body><p>未闭合段落<div><b>${founding.slice(0, 300)}<p>另一段</i></table>正文。`) },
    { name: 'one-long-line.txt', bytes: Buffer.from('产学研合作'.repeat(40_000)) },
    { name: 'gb18030.txt', bytes: iconv.encode(founding, 'gb18030') },
  ];
}

function goodFiles(): Upload[] {
  return generateDocuments(2, { seed: 11 }).map((d) => ({ name: d.name, bytes: Buffer.from(d.text) }));
}

const TRAVERSAL = ['../../etc/passwd.txt', '..\\x.txt', '/abs/olute.txt', 'sub/dir.txt', '.hidden.txt', '..'];

let store: EmbeddedStore;
let server: Server;
let base: string;
let config: Config;

beforeAll(async () => {
  const dir = tempDir('pg-api-bad-');
  store = new EmbeddedStore(dir);
  await store.init();
  config = loadConfig({ POLICYGRAPH_MAX_FILE_MB: String(LIMIT_MB) }, { dataDir: dir });
  const app = createApp({ config, store, embedder: null, modelStatus: { available: false, modelId: config.model, reason: 'test' }, log: silentLogger });
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await store?.close();
});

async function upload(files: Upload[]): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await fetch(`${base}/api/documents`, { method: 'POST', body: form });
  return { status: res.status, body: await res.json() };
}

const health = async () => (await fetch(`${base}/api/health`)).status;

describe('uploads with bad files among good ones', () => {
  it('ingests the good and awkward files and refuses each bad one by name and code, storing nothing of it', async () => {
    const bad = await badFiles();
    const good = [...goodFiles(), ...awkwardFiles()];
    // Interleaved, so a failure cannot stop the files after it.
    const batch = bad.flatMap((b, i) => (good[i] ? [b, good[i]] : [b]));
    const { status, body } = await upload(batch);
    expect(status).toBe(200);
    expect(body.ingested.map((d: { id: string }) => d.id).sort()).toEqual(good.map((g) => documentId(g.name)).sort());
    expect(body.errors).toHaveLength(bad.length);
    for (const b of bad) {
      const err = body.errors.find((e: { file: string }) => e.file === b.name);
      expect(err, `no error reported for ${b.name}`).toBeDefined();
      expect(err.code, `${b.name}: ${err.message}`).toBe(b.code);
      expect(err.message).toContain(b.name);
    }
    const stored = (await store.listDocuments()).map((d) => d.id);
    for (const b of bad) expect(stored).not.toContain(documentId(b.name));
    expect(await health()).toBe(200);
  }, 60_000);

  it('refuses a batch of only bad files with 422 and every file named', async () => {
    const bad = (await badFiles()).filter((b) => b.code !== 'FILE_TOO_LARGE');
    const before = await store.counts();
    const { status, body } = await upload(bad);
    expect(status).toBe(422);
    expect(body.errors.map((e: { file: string }) => e.file).sort()).toEqual(bad.map((b) => b.name).sort());
    expect(await store.counts()).toEqual(before);
  });
});

describe('upload names', () => {
  it.each(TRAVERSAL)('%s is refused as given (not trimmed to a base name), nothing stored', async (name) => {
    const before = await store.counts();
    const { status, body } = await upload([{ name, bytes: Buffer.from('产学研合作的一个句子。') }]);
    expect(status).toBe(422);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ file: name, code: 'BAD_INPUT' });
    expect(body.errors[0].message).toMatch(/plain file name/);
    expect(await store.counts()).toEqual(before);
  });

  it('a traversal name beside a good file does not stop the good one', async () => {
    const [good] = generateDocuments(1, { seed: 12 }).map((d) => ({ name: `named_${d.name}`, bytes: Buffer.from(d.text) }));
    const { status, body } = await upload([{ name: '../../etc/passwd.txt', bytes: Buffer.from('root:x:0:0') }, good]);
    expect(status).toBe(200);
    expect(body.ingested.map((d: { id: string }) => d.id)).toEqual([documentId(good.name)]);
    expect(body.errors).toMatchObject([{ file: '../../etc/passwd.txt', code: 'BAD_INPUT' }]);
  });

  it('a UTF-8 Chinese file name is kept', async () => {
    const { status, body } = await upload([{ name: '关于产学研合作的意见.txt', bytes: Buffer.from(generateDocuments(1, { seed: 13 })[0].text) }]);
    expect(status).toBe(200);
    expect(body.ingested[0].id).toBe('关于产学研合作的意见');
  });
});

describe('malformed requests', () => {
  it('a multipart body with no files field is a 400 that says so', async () => {
    const form = new FormData();
    form.append('other', 'x');
    const res = await fetch(`${base}/api/documents`, { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toMatch(/files/);
  });

  it('a non-multipart upload is a 400, not a crash', async () => {
    const res = await fetch(`${base}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
  });

  it('a multipart body cut off mid-file is refused and the server stays healthy', async () => {
    const boundary = 'XbOuNdArYx';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="cut.txt"\r\nContent-Type: text/plain\r\n\r\n产学研合作`;
    const res = await fetch(`${base}/api/documents`, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await health()).toBe(200);
  });

  it('a file far over the limit (4x) aborts the request with 413 naming it', async () => {
    const { status, body } = await upload([{ name: 'enormous.txt', bytes: Buffer.alloc(4 * LIMIT_MB * 1024 * 1024 + 10, 0x61) }]);
    expect(status).toBe(413);
    expect(body.error).toMatchObject({ code: 'FILE_TOO_LARGE', file: 'enormous.txt' });
    expect(await health()).toBe(200);
  });

  it('more files than allowed is a 400 naming the limit', async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ name: `f${i}.txt`, bytes: Buffer.from('句子。') }));
    const { status, body } = await upload(many);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/files|many/i);
  });
});

describe('batch ingest of a folder (CLI path)', () => {
  it('reports every bad file by path and code, ingests the rest, stores nothing of the bad ones', async () => {
    const dir = tempDir('pg-batch-');
    const folder = path.join(dir, 'in');
    mkdirSync(folder);
    const bad = await badFiles();
    for (const f of [...bad, ...goodFiles(), ...awkwardFiles()]) writeFileSync(path.join(folder, f.name), f.bytes);
    const batchStore = new EmbeddedStore(path.join(dir, 'data'));
    await batchStore.init();
    try {
      const report = await ingestPaths([folder], { store: batchStore, embedder: null, config });
      // A folder walk skips unsupported extensions as "unsupported file type"; an explicit path is an error.
      expect(report.skipped).toMatchObject([{ file: path.join(folder, 'program.exe'), reason: expect.stringMatching(/unsupported/) }]);
      const expected = bad.filter((b) => b.code !== 'UNSUPPORTED_FORMAT');
      expect(report.errors.map((e) => e.file).sort()).toEqual(expected.map((b) => path.join(folder, b.name)).sort());
      for (const b of expected) {
        const err = report.errors.find((e) => e.file.endsWith(b.name))!;
        expect(err.code, `${b.name}: ${err.message}`).toBe(b.code);
        expect(err.message).toContain(b.name);
      }
      expect(report.ingested).toHaveLength(goodFiles().length + awkwardFiles().length);
      const stored = (await batchStore.listDocuments()).map((d) => d.id);
      for (const b of bad) expect(stored).not.toContain(documentId(b.name));

      const explicit = await ingestPaths([path.join(folder, 'program.exe')], { store: batchStore, embedder: null, config });
      expect(explicit.errors).toMatchObject([{ code: 'UNSUPPORTED_FORMAT', message: expect.stringContaining('program.exe') }]);
    } finally {
      await batchStore.close();
    }
  }, 60_000);
});
