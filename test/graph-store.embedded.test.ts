// Runs the GraphStore contract on the embedded store (SQLite in memory), plus what only it does.
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../graph/embedded-store.js';
import { graphStoreContract } from './graph-store.contract.js';

graphStoreContract('embedded', async () => {
  const store = new EmbeddedStore(':memory:');
  await store.init();
  return store;
});

describe('embedded store specifics', () => {
  it('refuses Cypher with NOT_IMPLEMENTED', async () => {
    const store = new EmbeddedStore(':memory:');
    await store.init();
    await expect(store.cypher()).rejects.toMatchObject({ code: 'NOT_IMPLEMENTED' });
    await store.close();
  });
});
