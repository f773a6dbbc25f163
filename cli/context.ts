/** What a CLI command needs: configuration, an open store and (when asked) the embedder. */
import { loadConfig, type Config, type ConfigOverrides } from '../core/config.js';
import { createEmbedder, type Embedder, type EmbedderStatus } from '../ingest/embedder.js';
import { openStore } from '../graph/open-store.js';
import type { GraphStore } from '../graph/types.js';

export interface Context {
  config: Config;
  store: GraphStore;
  embedder: Embedder | null;
  modelStatus: EmbedderStatus;
  close(): Promise<void>;
}

let warnedNoModel = false;

export async function openContext(overrides: ConfigOverrides, opts: { model: boolean }): Promise<Context> {
  const config = loadConfig(process.env, overrides);
  const store = await openStore(config);
  let embedder: Embedder | null = null;
  let modelStatus: EmbedderStatus = { available: false, modelId: config.model, reason: 'not loaded for this command' };
  if (opts.model) {
    ({ embedder, status: modelStatus } = await createEmbedder(config));
    if (!embedder && !warnedNoModel) {
      warnedNoModel = true;
      process.stderr.write(
        `policygraph: embedding model ${config.model} unavailable: ${modelStatus.reason}. Using lexical search only.\n`,
      );
    }
  }
  return { config, store, embedder, modelStatus, close: () => store.close() };
}
