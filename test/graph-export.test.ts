// exportStore copies one store into another: embedded -> embedded always, embedded -> Neo4j
// when NEO4J_TEST_URI is set (that database is wiped first).
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../graph/embedded-store.js';
import { exportStore } from '../graph/export.js';
import { Neo4jStore } from '../graph/neo4j-store.js';
import type { GraphStore } from '../graph/types.js';
import { docA, docB } from './graph-store.contract.js';
import { LOCK_WAIT_MS, lockTestDatabase, neo4jTestConfig, skipReason } from './neo4j-test-env.js';

async function exportAndCompare(to: GraphStore): Promise<void> {
  const from = new EmbeddedStore(':memory:');
  await from.init();
  await from.writeDocument(docA());
  await from.writeDocument(docB());
  const progress: string[] = [];
  const first = await exportStore(from, to, (done, total, id) => progress.push(`${done}/${total} ${id}`));
  expect(first).toEqual({ exported: ['docA', 'docB'], unchanged: [], failed: [] });
  expect(progress).toEqual(['1/2 docA', '2/2 docB']);
  expect(await to.counts()).toEqual(await from.counts());
  for (const id of ['docA', 'docB']) expect(await to.getDocument(id)).toEqual(await from.getDocument(id));
  expect(await to.findRelations({})).toEqual(await from.findRelations({}));
  expect(await to.listEntities()).toEqual(await from.listEntities());
  expect(await to.getEntities(['Mode:企业主导'])).toEqual(await from.getEntities(['Mode:企业主导']));
  // Again: nothing to do, nothing changes.
  const second = await exportStore(from, to);
  expect(second).toEqual({ exported: [], unchanged: ['docA', 'docB'], failed: [] });
  expect(await to.counts()).toEqual(await from.counts());
  await from.close();
}

describe('exportStore', () => {
  it('copies an embedded store into another embedded store', async () => {
    const to = new EmbeddedStore(':memory:');
    await to.init();
    await exportAndCompare(to);
    await to.close();
  });

  const config = neo4jTestConfig();
  (config ? it : it.skip)(`copies an embedded store into Neo4j${config ? '' : ` (skipped: ${skipReason})`}`, async () => {
    const release = await lockTestDatabase(config!);
    const to = new Neo4jStore(config!);
    try {
      await to.init();
      await to.clearAll();
      await exportAndCompare(to);
    } finally {
      await to.close();
      release();
    }
  }, LOCK_WAIT_MS);
});
