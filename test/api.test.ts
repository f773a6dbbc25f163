// The Express API in-process on a store built from the corpus: shapes, validation, errors.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.js';
import { loadConfig } from '../core/config.js';
import { silentLogger } from '../core/log.js';
import type { EmbeddedStore } from '../graph/embedded-store.js';
import { corpusStore } from './helpers/corpus-store.js';

let store: EmbeddedStore;
let server: Server;
let base: string;

const get = async (path: string) => {
  const res = await fetch(base + path);
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};

beforeAll(async () => {
  ({ store } = await corpusStore());
  const config = loadConfig({}, { dataDir: '/nonexistent' });
  const app = createApp({ config, store, embedder: null, modelStatus: { available: false, modelId: config.model, reason: 'test' }, log: silentLogger });
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const addr = server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});

afterAll(async () => {
  server?.close();
  await store?.close();
});

describe('api', () => {
  it('GET /api/health reports store, model and counts', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', store: 'embedded', model: { available: false } });
    expect(body.counts.documents).toBe(1);
    expect(body.counts.sentences).toBeGreaterThan(30);
  });

  it('sets security headers and no CORS wildcard', async () => {
    const { headers } = await get('/api/health');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('access-control-allow-origin')).toBeNull();
  });

  it('GET /api/documents/:id returns text with mentions at exact offsets', async () => {
    const { body: list } = await get('/api/documents');
    expect(list.documents).toHaveLength(1);
    const { status, body } = await get(`/api/documents/${encodeURIComponent(list.documents[0].id)}`);
    expect(status).toBe(200);
    for (const m of body.mentions) expect(body.document.text.slice(m.start, m.end)).toBe(m.text);
    for (const s of body.sentences) expect(body.document.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('GET /api/graph returns Cytoscape elements whose edges connect returned nodes', async () => {
    const { status, body } = await get('/api/graph');
    expect(status).toBe(200);
    const ids = new Set(body.elements.nodes.map((n: any) => n.data.id));
    for (const e of body.elements.edges) {
      expect(ids.has(e.data.source) && ids.has(e.data.target)).toBe(true);
    }
  });

  it('GET /api/entities/:id of an unknown id is a 404 with a code', async () => {
    const { status, body } = await get('/api/entities/Mode%3Anope');
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });

  it.each([
    ['/api/ask', 'q'],
    ['/api/ask?q=x&k=0', 'k'],
    ['/api/search?q=' + 'x'.repeat(600), 'q'],
    ['/api/entities?type=Nope', 'type'],
    ['/api/graph?depth=99', 'depth'],
  ])('GET %s is a 400 naming %s', async (path, param) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_INPUT');
    expect(body.error.message).toContain(param);
  });

  it('POST /api/cypher on the embedded store is 501 with a clear message', async () => {
    const res = await fetch(base + '/api/cypher', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'RETURN 1' }) });
    expect(res.status).toBe(501);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('NOT_IMPLEMENTED');
    expect(body.error.message).toMatch(/Neo4j/);
  });

  it('malformed JSON bodies are a 400', async () => {
    const res = await fetch(base + '/api/cypher', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(res.status).toBe(400);
  });

  it('GET /api/ask answers with the contract shape and exact evidence offsets', async () => {
    const { status, body } = await get('/api/ask?q=' + encodeURIComponent('哪种合作模式实行项目聘用制'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ question: '哪种合作模式实行项目聘用制', type: 'Mode' });
    expect(Array.isArray(body.answers)).toBe(true);
    const doc = (await get('/api/documents/000_b86ad707c747c04c')).body.document;
    for (const a of body.answers) {
      expect(a).toEqual(expect.objectContaining({ id: expect.any(String), label: expect.any(String), labelEn: expect.any(String), type: 'Mode', score: expect.any(Number) }));
      for (const ev of a.evidence) expect(doc.text.slice(ev.start, ev.end)).toBe(ev.text);
    }
  });
});
