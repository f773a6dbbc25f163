/** The Embedder contract and its factory. (stub: no model yet -> lexical mode) */
import type { Config } from '../core/config.js';

export interface Embedder {
  readonly modelId: string;
  readonly dim: number;
  /** Embeds passages/entities in batches; vectors are L2-normalised. */
  embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  /** Embeds a retrieval query (with the model's query prefix). */
  embedQuery(text: string): Promise<Float32Array>;
}

export interface EmbedderStatus {
  available: boolean;
  modelId: string;
  reason?: string;
}

export async function createEmbedder(config: Config): Promise<{ embedder: Embedder | null; status: EmbedderStatus }> {
  return { embedder: null, status: { available: false, modelId: config.model, reason: 'embedding not implemented yet' } };
}
