// Read-only Cypher on the Neo4j store: the graph model analysts query, writes refused, limits kept.
// Needs NEO4J_TEST_URI (the database is wiped first); skipped with the reason otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { createApp } from '../api/app.js';
import { loadConfig } from '../core/config.js';
import { silentLogger } from '../core/log.js';
import { Neo4jStore } from '../graph/neo4j-store.js';
import { docA, docB } from './graph-store.contract.js';
import { LOCK_WAIT_MS, lockTestDatabase, neo4jTestConfig, skipReason } from './neo4j-test-env.js';

const config = neo4jTestConfig();
if (!config) console.warn(`neo4j-cypher.test.ts skipped: ${skipReason}`);
const suite = config ? describe : describe.skip;
const LIMITS = { maxRows: 100, timeoutMs: 10_000 };

suite(`read-only Cypher on Neo4j${config ? '' : ` (skipped: ${skipReason})`}`, () => {
  let store: Neo4jStore;
  let release = () => {};

  beforeAll(async () => {
    release = await lockTestDatabase(config!);
    // neo4j:// (routing) against a single server exercises the same code path as neo4j+s://.
    store = new Neo4jStore({ ...config!, uri: config!.uri.replace(/^bolt:/, 'neo4j:') });
    await store.init();
    await store.clearAll();
    await store.writeDocument(docA());
    await store.writeDocument(docB());
  }, LOCK_WAIT_MS);

  afterAll(async () => {
    await store?.close();
    release();
  });

  it('models entities as typed nodes and relations as real relationships', async () => {
    const res = await store.cypher('MATCH (m:Mode)-[:USES]->(x:Mechanism) RETURN m.label, x.label ORDER BY x.label', {}, LIMITS);
    expect(res.columns).toEqual(['m.label', 'x.label']);
    expect(res.rows).toEqual([
      ['企业主导', '考核'],
      ['企业主导', '项目聘用制'],
    ]);
    expect(res.truncated).toBe(false);
    const ev = await store.cypher(
      'MATCH (:Mode {id: $id})-[r:USES]->(:Mechanism {label: $target}) RETURN r.docs, r.sentenceIds, r.starts',
      { id: 'Mode:企业主导', target: '项目聘用制' },
      LIMITS,
    );
    expect(ev.rows).toEqual([[['docA', 'docB'], ['docA#0', 'docB#0'], [0, 0]]]);
  });

  it('returns nodes as labels and properties, without embeddings', async () => {
    const res = await store.cypher('MATCH (e:Entity {id: $id}) RETURN e', { id: 'Mode:高校主导' }, LIMITS);
    const node = res.rows[0][0] as { labels: string[]; properties: Record<string, unknown> };
    expect(node.labels.sort()).toEqual(['Entity', 'Mode']);
    expect(node.properties).toMatchObject({ id: 'Mode:高校主导', type: 'Mode', label: '高校主导', labelEn: 'University-led' });
    expect(node.properties).not.toHaveProperty('embedding');
  });

  it('refuses writes and changes nothing', async () => {
    const before = await store.counts();
    for (const q of [
      "CREATE (:Entity:Mode {id: 'Mode:x', label: 'x'})",
      'MATCH (n) DETACH DELETE n',
      "MATCH (e:Entity) SET e.label = 'changed'",
      "MERGE (:Document {id: 'evil'})",
      "CALL db.createLabel('Evil')",
      'CREATE INDEX evil FOR (n:Entity) ON (n.labelEn)',
      "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
      'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS',
      'FOREACH (x IN [1] | CREATE (:Evil))',
    ]) {
      await expect(store.cypher(q, {}, LIMITS), q).rejects.toMatchObject({ code: 'CYPHER_REJECTED' });
    }
    expect(await store.counts()).toEqual(before);
    const labels = await store.cypher("MATCH (e:Entity) WHERE e.label = 'changed' RETURN count(e)", {}, LIMITS);
    expect(labels.rows).toEqual([[0]]);
  });

  it('passes whole-number parameters as integers', async () => {
    const res = await store.cypher('MATCH (s:Sentence) RETURN s.id ORDER BY s.id LIMIT $n', { n: 3 }, LIMITS);
    expect(res.rows).toEqual([['docA#0'], ['docA#1'], ['docB#0']]);
  });

  it('reports syntax errors as BAD_INPUT', async () => {
    await expect(store.cypher('MATC (n) RETURN n', {}, LIMITS)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(store.cypher('  ', {}, LIMITS)).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('caps rows and time', async () => {
    const res = await store.cypher('UNWIND range(1, 1000) AS x RETURN x', {}, { maxRows: 10, timeoutMs: 10_000 });
    expect(res.rows).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1]));
    expect(res.truncated).toBe(true);
    await expect(
      store.cypher('UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x)', {}, { maxRows: 10, timeoutMs: 300 }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('POST /api/cypher answers reads and refuses writes', async () => {
    const config = loadConfig({}, { dataDir: '/nonexistent' });
    const app = createApp({ config, store, embedder: null, modelStatus: { available: false, modelId: config.model, reason: 'test' }, log: silentLogger });
    const server: Server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const post = async (body: unknown) => {
      const res = await fetch(`${base}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as any };
    };
    try {
      const before = await store.counts();
      const ok = await post({ query: 'MATCH (m:Mode)-[:USES]->(x:Mechanism) RETURN m.label, x.label ORDER BY x.label', maxRows: 1 });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ columns: ['m.label', 'x.label'], rows: [['企业主导', '考核']], truncated: true });
      const write = await post({ query: 'MATCH (n) DETACH DELETE n' });
      expect(write.status).toBe(400);
      expect(write.body.error.code).toBe('CYPHER_REJECTED');
      const syntax = await post({ query: 'RETURN (' });
      expect(syntax.status).toBe(400);
      expect(syntax.body.error.code).toBe('BAD_INPUT');
      expect(await store.counts()).toEqual(before);
    } finally {
      server.close();
    }
  });
});
