// API security: token-guarded writes, refusing to start open beyond loopback, body limits, helmet
// headers, rate limits for remote clients, no CORS, and zod validation that names what is wrong.
import type { Server } from 'node:http';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppDeps } from '../api/app.js';
import { startServer } from '../api/server.js';
import { loadConfig, type Config } from '../core/config.js';
import { PolicygraphError } from '../core/errors.js';
import { silentLogger } from '../core/log.js';
import { EmbeddedStore } from '../graph/embedded-store.js';
import { generateDocuments } from '../bench/synthetic.js';
import { tempDir } from './helpers/corpus-store.js';

const TOKEN = 'test-token-0123456789';

let store: EmbeddedStore;

function deps(env: Record<string, string> = {}, overrides: Partial<Config> = {}): AppDeps {
  const config = { ...loadConfig(env, { dataDir: '/nonexistent' }), ...overrides };
  return { config, store, embedder: null, modelStatus: { available: false, modelId: config.model, reason: 'test' }, log: silentLogger };
}

async function listen(d: AppDeps): Promise<{ server: Server; base: string }> {
  const server = createApp(d).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

const close = (server: Server) => new Promise((r) => server.close(r));

function uploadForm(name = 'policy.txt', seed = 1): FormData {
  const form = new FormData();
  form.append('files', new Blob([generateDocuments(1, { seed, minChars: 300, maxChars: 600 })[0].text]), name);
  return form;
}

/** A non-loopback address of this machine, so a request can arrive as a remote client would. */
const externalIPv4 = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

beforeAll(async () => {
  store = new EmbeddedStore(tempDir('pg-sec-'));
  await store.init();
});

afterAll(async () => {
  await store?.close();
});

describe('starting the server', () => {
  it('refuses to listen beyond loopback with writes open and no token', async () => {
    const d = deps({}, { host: '0.0.0.0' });
    await expect(startServer(d, 0, '0.0.0.0')).rejects.toMatchObject({ code: 'CONFIG', message: expect.stringMatching(/POLICYGRAPH_TOKEN/) });
  });

  it.each([
    ['with a token', { POLICYGRAPH_TOKEN: TOKEN }],
    ['read-only', { POLICYGRAPH_ALLOW_UPLOAD: '0' }],
  ])('starts beyond loopback %s', async (_name, env) => {
    const { server } = await startServer(deps(env), 0, '0.0.0.0');
    await close(server);
  });

  it('a token shorter than 8 characters is a configuration error', () => {
    expect(() => loadConfig({ POLICYGRAPH_TOKEN: 'short' })).toThrow(PolicygraphError);
  });
});

describe('writes need the token when one is set', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => ({ server, base } = await listen(deps({ POLICYGRAPH_TOKEN: TOKEN }))));
  afterAll(() => close(server));

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', `Bearer ${TOKEN}x`],
    ['the token without Bearer', TOKEN],
    ['an empty bearer', 'Bearer '],
  ])('upload with %s is 401 and stores nothing', async (_name, auth) => {
    const before = await store.counts();
    const res = await fetch(`${base}/api/documents`, { method: 'POST', body: uploadForm(), headers: auth ? { authorization: auth } : {} });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/Bearer/) });
    expect(await store.counts()).toEqual(before);
  });

  it('upload and delete with the token succeed; delete without it is 401', async () => {
    const up = await fetch(`${base}/api/documents`, { method: 'POST', body: uploadForm('guarded.txt', 2), headers: { authorization: `Bearer ${TOKEN}` } });
    expect(up.status).toBe(200);
    expect(((await up.json()) as any).ingested[0].id).toBe('guarded');
    expect((await fetch(`${base}/api/documents/guarded`, { method: 'DELETE' })).status).toBe(401);
    expect(await store.documentHash('guarded')).not.toBeNull();
    const del = await fetch(`${base}/api/documents/guarded`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(del.status).toBe(200);
    expect(await store.documentHash('guarded')).toBeNull();
  });

  it('reads need no token', async () => {
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect((await fetch(`${base}/api/documents`)).status).toBe(200);
  });
});

describe('a read-only server', () => {
  it('refuses uploads and deletes with 403', async () => {
    const { server, base } = await listen(deps({ POLICYGRAPH_ALLOW_UPLOAD: '0' }));
    try {
      const up = await fetch(`${base}/api/documents`, { method: 'POST', body: uploadForm() });
      expect(up.status).toBe(403);
      expect(((await up.json()) as any).error.message).toMatch(/read-only/);
      expect((await fetch(`${base}/api/documents/x`, { method: 'DELETE' })).status).toBe(403);
    } finally {
      await close(server);
    }
  });
});

describe('headers, CORS and body limits', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => ({ server, base } = await listen(deps())));
  afterAll(() => close(server));

  it('sends helmet security headers and no X-Powered-By', async () => {
    const res = await fetch(`${base}/api/health`);
    const h = res.headers;
    expect(h.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(h.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(h.get('referrer-policy')).toBe('no-referrer');
    expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(h.get('x-powered-by')).toBeNull();
  });

  it('never answers with a CORS wildcard, for simple requests or preflights', async () => {
    const simple = await fetch(`${base}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${base}/api/documents`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('a JSON body over 64 kB is 413', async () => {
    const res = await fetch(`${base}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'MATCH (n) RETURN n', params: { pad: 'x'.repeat(70_000) } }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('FILE_TOO_LARGE');
  });

  it('Cypher is refused on the embedded store (read-only Cypher needs Neo4j)', async () => {
    const res = await fetch(`${base}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'CREATE (n:X) RETURN n' }) });
    expect(res.status).toBe(501);
  });
});

describe('validation: a 400 that says what is wrong', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => ({ server, base } = await listen(deps())));
  afterAll(() => close(server));

  const long = encodeURIComponent('产'.repeat(501));
  it.each([
    ['/api/ask', /^q:/],
    ['/api/ask?q=%20%20', /q: must not be empty/],
    [`/api/search?q=${long}`, /q: at most 500/],
    ['/api/ask?q=x&q=y', /^q:/],
    ['/api/ask?q=x&k=0', /^k:/],
    ['/api/search?q=x&k=abc', /^k:/],
    ['/api/search?q=x&k=101', /^k:/],
    ['/api/graph?depth=9', /^depth:/],
    ['/api/graph?limit=-1', /^limit:/],
    ['/api/graph?types=Actor,Nonsense', /^types/],
    ['/api/graph?relations=DROPS', /^relations/],
    ['/api/paths?from=a', /^to:/],
    ['/api/paths?from=a&to=b&max=99', /^max:/],
    ['/api/matrix?rows=Bogus', /^rows:/],
    ['/api/entities?type=Person', /^type:/],
  ])('GET %s', async (url, message) => {
    const res = await fetch(base + url);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as any;
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(message);
  });

  it.each([
    ['{}', /^query:/],
    ['{"query": 5}', /^query:/],
    ['{"query": "MATCH (n) RETURN n", "maxRows": 0}', /^maxRows:/],
    ['{"query": "MATCH (n) RETURN n", "params": [1]}', /^params:/],
    ['{"query": ', /not valid JSON/],
  ])('POST /api/cypher %s', async (body, message) => {
    const res = await fetch(`${base}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toMatch(message);
  });

  it('an unknown route is a 404 with a code, not an HTML page', async () => {
    const res = await fetch(`${base}/api/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('NOT_FOUND');
  });
});

describe('rate limits', () => {
  it('loopback clients (the analyst, the benchmarks) are not limited', async () => {
    const { server, base } = await listen(deps());
    try {
      const statuses = new Set<number>();
      for (let i = 0; i < 650; i += 50) {
        const batch = await Promise.all(Array.from({ length: 50 }, () => fetch(`${base}/api/health`).then((r) => r.status)));
        batch.forEach((s) => statuses.add(s));
      }
      expect([...statuses]).toEqual([200]);
    } finally {
      await close(server);
    }
  });

  const remote = externalIPv4 ? it : it.skip;
  remote(`remote clients get 429 past the read and write limits${externalIPv4 ? '' : ' (skipped: no non-loopback IPv4 interface)'}`, async () => {
    const { server, url } = await startServer(deps({ POLICYGRAPH_TOKEN: TOKEN }), 0, '0.0.0.0');
    const port = new URL(url).port;
    const base = `http://${externalIPv4}:${port}`;
    try {
      // Writes: 30 a minute. Deletes of absent documents are cheap and count the same.
      const writes: number[] = [];
      for (let i = 0; i < 31; i++) {
        writes.push((await fetch(`${base}/api/documents/absent`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } })).status);
      }
      expect(writes.slice(0, 30).every((s) => s === 404)).toBe(true);
      expect(writes[30]).toBe(429);
      // Reads: 600 a minute (the deletes above counted too).
      const reads: number[] = [];
      for (let i = 0; i < 600; i += 50) {
        reads.push(...(await Promise.all(Array.from({ length: 50 }, () => fetch(`${base}/api/health`).then((r) => r.status)))));
      }
      const limited = await fetch(`${base}/api/health`);
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as any).error.message).toMatch(/too many/);
      expect(limited.headers.get('ratelimit-policy')).toMatch(/600/);
      expect(reads.filter((s) => s === 200).length).toBeGreaterThan(500);
    } finally {
      await close(server);
    }
  }, 30_000);
});
