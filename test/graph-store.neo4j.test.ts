// Runs the GraphStore contract on a real Neo4j (NEO4J_TEST_URI; CI always sets it). The test
// database is WIPED before each case: never point NEO4J_TEST_URI at a database you care about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../graph/neo4j-store.js';
import { docA, docB, graphStoreContract } from './graph-store.contract.js';
import { LOCK_WAIT_MS, lockTestDatabase, neo4jTestConfig, skipReason } from './neo4j-test-env.js';

const config = neo4jTestConfig();
if (config) {
  let release = () => {};
  beforeAll(async () => {
    release = await lockTestDatabase(config);
  }, LOCK_WAIT_MS);
  afterAll(() => release());
  graphStoreContract('neo4j', async () => {
    const store = new Neo4jStore(config);
    await store.init();
    await store.clearAll();
    return store;
  });
} else {
  console.warn(`graph-store.neo4j.test.ts skipped: ${skipReason}`);
  describe.skip(`GraphStore contract: neo4j (skipped: ${skipReason})`, () => {});
}

// Beyond the contract: a failure inside the Neo4j transaction (after nodes were created) rolls
// everything back, for a new document and for a re-ingest of an existing one.
// The file-level lock above covers this block too.
(config ? describe : describe.skip)('Neo4j write transaction', () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = new Neo4jStore(config!);
    await store.init();
    await store.clearAll();
    await store.writeDocument(docA());
  }, LOCK_WAIT_MS);
  afterAll(async () => {
    await store?.close();
  });

  it('rolls back when a mention points at a sentence the document lacks', async () => {
    const before = await store.counts();
    const bad = docB();
    bad.mentions.push({ ...bad.mentions[0], start: 1, end: 3, sentenceId: 'docB#99' });
    await expect(store.writeDocument(bad)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await store.documentHash('docB')).toBeNull();
    expect(await store.counts()).toEqual(before);
    const badA = docA('short');
    badA.mentions.push({ ...badA.mentions[0], start: 1, end: 3, sentenceId: 'docA#99' });
    await expect(store.writeDocument(badA)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await store.documentHash('docA')).toBe('hash-docA-full');
    expect(await store.counts()).toEqual(before);
  });
});

describe('Neo4j store connection errors', () => {
  it('an unreachable server is STORE_UNAVAILABLE naming the URI', async () => {
    const store = new Neo4jStore({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'x', database: 'neo4j' });
    await expect(store.init()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('bolt://127.0.0.1:1') });
    await store.close();
  });

  (config ? it : it.skip)('a wrong password is STORE_UNAVAILABLE', async () => {
    const store = new Neo4jStore({ ...config!, password: `${config!.password}-wrong` });
    await expect(store.init()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await store.close();
  });
});
