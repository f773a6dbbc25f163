// Runs the GraphStore contract on a real Neo4j (NEO4J_TEST_URI; CI always sets it). The test
// database is WIPED before each case: never point NEO4J_TEST_URI at a database you care about.
import { afterAll, beforeAll, describe } from 'vitest';
import { Neo4jStore } from '../graph/neo4j-store.js';
import { graphStoreContract } from './graph-store.contract.js';
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
