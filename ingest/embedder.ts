/**
 * The Embedder contract and its factory: a local transformers.js model laid out by `npm run models`
 * under config.modelsDir. No model (absent, disabled, broken) is not an error: the factory returns
 * `embedder: null` with a status saying why, and search stays lexical.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.js';
import { PolicygraphError } from '../core/errors.js';

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

export type Pooling = 'cls' | 'mean';

/** What `npm run models` writes beside a verified model (scripts/models.js STAMP). */
const STAMP = 'policygraph-model.json';
/** Texts per model call: 16 measured best on 2 cores (bench/embedding.ts); larger batches pad more. */
export const DEFAULT_BATCH = 16;
/** Bound of the identical-text cache, so a long ingest run cannot grow memory without limit (512 floats each). */
const CACHE_LIMIT = 20_000;

/** The slice of a transformers.js feature-extraction pipeline we use. */
type Extractor = (
  texts: string[],
  opts: { pooling: Pooling; normalize: boolean },
) => Promise<{ data: Float32Array; dims: number[] }>;

/** Where the model's files live for transformers.js: `<modelsDir>/<org>/<name>/`. */
export function modelDir(config: Pick<Config, 'modelsDir' | 'model'>): string {
  return path.join(config.modelsDir, ...config.model.split('/'));
}

/** How a model wants its input pooled and prefixed: what the model card says, recorded in its stamp. */
export interface ModelUsage {
  pooling: Pooling;
  /** Prepended to passages (e5-style models want `passage: `); bge wants none. */
  passagePrefix: string;
}

/**
 * Usage declared in the model's stamp (written by scripts/models.js, or by hand for a model laid
 * out manually); without one, mean pooling and no prefix, the usual sentence-embedding defaults.
 */
export function readModelUsage(dir: string): ModelUsage {
  const stampPath = path.join(dir, STAMP);
  if (!existsSync(stampPath)) return { pooling: 'mean', passagePrefix: '' };
  let stamp: { pooling?: unknown; passagePrefix?: unknown };
  try {
    stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
  } catch (e) {
    throw new PolicygraphError('MODEL_UNAVAILABLE', `unreadable model stamp`, { file: stampPath, cause: e });
  }
  return { pooling: stamp.pooling === 'cls' ? 'cls' : 'mean', passagePrefix: typeof stamp.passagePrefix === 'string' ? stamp.passagePrefix : '' };
}

/** Embeds with a transformers.js pipeline: dedupes identical texts, batches by similar length, caches results. */
export class TransformersEmbedder implements Embedder {
  private readonly cache = new Map<string, Float32Array>();

  constructor(
    readonly modelId: string,
    readonly dim: number,
    private readonly extract: Extractor,
    private readonly pooling: Pooling,
    private readonly queryPrefix: string,
    private readonly batchSize = DEFAULT_BATCH,
    private readonly passagePrefix = '',
  ) {}

  async embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
    const todo = [...new Set(texts.filter((t) => !this.cache.has(t)))];
    // Similar lengths in one batch: the tokenizer pads to the longest, so sorting cuts wasted compute.
    todo.sort((a, b) => a.length - b.length);
    const total = todo.length;
    onProgress?.(0, total);
    const fresh = new Map<string, Float32Array>();
    for (let i = 0; i < todo.length; i += this.batchSize) {
      const batch = todo.slice(i, i + this.batchSize);
      const vectors = await this.run(this.passagePrefix ? batch.map((t) => this.passagePrefix + t) : batch);
      batch.forEach((t, j) => fresh.set(t, vectors[j]));
      onProgress?.(Math.min(i + this.batchSize, total), total);
    }
    const out = texts.map((t) => fresh.get(t) ?? this.cache.get(t)!);
    for (const [t, v] of fresh) this.remember(t, v);
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [v] = await this.run([this.queryPrefix + text]);
    return v;
  }

  /** Raw model call with no cache or dedupe: the baseline bench/embedding.ts compares the pipeline with. */
  async run(batch: string[]): Promise<Float32Array[]> {
    if (batch.length === 0) return [];
    let out: { data: Float32Array; dims: number[] };
    try {
      out = await this.extract(batch, { pooling: this.pooling, normalize: true });
    } catch (e) {
      throw new PolicygraphError('MODEL_UNAVAILABLE', `embedding model ${this.modelId} failed: ${(e as Error).message}`, { cause: e });
    }
    const dim = out.dims[out.dims.length - 1];
    if (dim !== this.dim) throw new PolicygraphError('MODEL_UNAVAILABLE', `model ${this.modelId} returned ${dim} dims, expected ${this.dim}`);
    return batch.map((_, i) => out.data.slice(i * dim, (i + 1) * dim));
  }

  /** Forgets cached vectors (benchmarks measure cold runs; long-lived servers may free memory). */
  clearCache(): void {
    this.cache.clear();
  }

  private remember(text: string, v: Float32Array): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(text, v);
  }
}

/**
 * Loads the configured model, or says why not. Never throws for a missing or broken model:
 * the caller prints `status.reason` once and carries on lexically.
 */
export async function createEmbedder(config: Config): Promise<{ embedder: Embedder | null; status: EmbedderStatus }> {
  const modelId = config.model;
  const none = (reason: string) => ({ embedder: null, status: { available: false, modelId, reason } });
  if (config.noModel) return none('disabled by POLICYGRAPH_NO_MODEL=1 / --no-model');
  const dir = modelDir(config);
  const onnx = path.join(dir, 'onnx', 'model_quantized.onnx');
  if (!existsSync(onnx)) {
    return none(`no model files at ${onnx}; run \`npm run models\` to install them`);
  }
  try {
    const { pooling, passagePrefix } = readModelUsage(dir);
    // Imported lazily: loading onnxruntime costs time and memory that lexical-only runs do not need.
    const { pipeline, env } = await import('@xenova/transformers');
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = config.modelsDir + path.sep;
    const extractor = (await pipeline('feature-extraction', modelId, { quantized: true })) as unknown as Extractor;
    // One probe call gives the dimension and proves the files load and run.
    const probe = await extractor(['探测'], { pooling, normalize: true });
    const dim = probe.dims[probe.dims.length - 1];
    const embedder = new TransformersEmbedder(modelId, dim, extractor, pooling, config.queryPrefix, DEFAULT_BATCH, passagePrefix);
    return { embedder, status: { available: true, modelId } };
  } catch (e) {
    return none(`the model in ${dir} could not be loaded: ${(e as Error).message}`);
  }
}
