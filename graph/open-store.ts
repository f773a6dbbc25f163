/** Picks the GraphStore the configuration asks for: Neo4j when NEO4J_URI is set, else the embedded store. */
import type { Config } from '../core/config.js';
import { EmbeddedStore } from './embedded-store.js';
import type { GraphStore } from './types.js';

export async function openStore(config: Config): Promise<GraphStore> {
  let store: GraphStore;
  if (config.neo4j) {
    // Loaded lazily so the embedded path never pays for the driver.
    const modulePath = './neo4j-store.js';
    const { Neo4jStore } = (await import(modulePath)) as { Neo4jStore: new (c: NonNullable<Config['neo4j']>) => GraphStore };
    store = new Neo4jStore(config.neo4j);
  } else {
    store = new EmbeddedStore(config.dataDir);
  }
  await store.init();
  return store;
}
