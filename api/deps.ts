/** What the API needs, passed in by whoever builds the app (server, tests, benchmarks). */
import type { Config } from '../core/config.js';
import type { Logger } from '../core/log.js';
import type { Embedder, EmbedderStatus } from '../ingest/embedder.js';
import type { GraphStore } from '../graph/types.js';

export interface AppDeps {
  config: Config;
  store: GraphStore;
  embedder: Embedder | null;
  modelStatus: EmbedderStatus;
  log: Logger;
}

/** Writes are possible when uploads are allowed; a token is then required beyond loopback (see server.ts). */
export const isWritable = (deps: AppDeps): boolean => deps.config.allowUpload;
