/**
 * Measures passage recall@k and MRR of hybrid search for several fusion weights on query -> gold
 * sentence pairs (bench/fixtures/passage-queries.json), over a fresh in-memory store of their documents.
 * Run: `npm run build && node dist/bench/fusion-weights.js [--json]`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../core/config.js';
import { PolicygraphError } from '../core/errors.js';
import { EmbeddedStore } from '../graph/embedded-store.js';
import type { GraphStore } from '../graph/types.js';
import { createEmbedder, type Embedder } from '../ingest/embedder.js';
import { documentId, ingestPaths } from '../ingest/pipeline.js';
import type { FusionWeights } from '../search/fusion.js';
import { DEFAULT_WEIGHTS, hybridSearch } from '../search/hybrid.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = path.join(ROOT, 'bench', 'fixtures', 'passage-queries.json');
const KS = [1, 3, 5, 10] as const;

interface QuerySet {
  documents: Record<string, string>;
  queries: { doc: string; lang: 'zh' | 'en'; q: string; gold: string[] }[];
}

export interface Variant {
  weights: FusionWeights;
  /** HybridOptions.entityVectorWeight (default DEFAULT_ENTITY_VECTOR_WEIGHT). */
  entityVectorWeight?: number;
}

export interface WeightResult extends Variant {
  /** Share of queries whose gold sentence lies inside one of the first k hits. */
  recall: Record<string, number>;
  mrr: number;
  /** recall@5 and MRR per language and per document: where the weights help or hurt. */
  recall5By: Record<string, number>;
  mrrBy: Record<string, number>;
}

/** The grid: lexical fixed at 1 (RRF only cares about ratios), the others varied; plus single-list baselines. */
export const WEIGHT_GRID: Variant[] = [
  { weights: { lexical: 1, vector: 0, graph: 0 } },
  { weights: { lexical: 0, vector: 1, graph: 0 } },
  { weights: { lexical: 1, vector: 0, graph: 0.5 } },
  ...[0.5, 1, 2, 3].flatMap((vector) => [0, 0.1, 0.25, 0.5].map((graph) => ({ weights: { lexical: 1, vector, graph } }))),
  // entities matched by embedding as well as by name
  ...[0.25, 0.5].map((graph) => ({ weights: { lexical: 1, vector: 1, graph }, entityVectorWeight: 0.5 })),
];

/** Memoises query embeddings: every weight setting asks for the same queries. */
function memoQueries(e: Embedder): Embedder {
  const memo = new Map<string, Promise<Float32Array>>();
  return {
    modelId: e.modelId,
    dim: e.dim,
    embedPassages: (t, p) => e.embedPassages(t, p),
    embedQuery: (t) => {
      if (!memo.has(t)) memo.set(t, e.embedQuery(t));
      return memo.get(t)!;
    },
  };
}

/** Gold sentence spans of each query, found by their fragments in the stored sentences. */
async function goldSpans(store: GraphStore, set: QuerySet): Promise<{ docId: string; start: number; end: number }[][]> {
  const sentencesByDoc = new Map<string, { start: number; end: number; text: string }[]>();
  for (const [key, file] of Object.entries(set.documents)) {
    const docId = documentId(path.basename(file));
    const detail = await store.getDocument(docId);
    if (!detail) throw new PolicygraphError('INTERNAL', `bench document not ingested`, { file });
    sentencesByDoc.set(key, detail.sentences);
  }
  return set.queries.map((q) => {
    const docId = documentId(path.basename(set.documents[q.doc]));
    return q.gold.map((frag) => {
      const s = sentencesByDoc.get(q.doc)!.find((x) => x.text.includes(frag));
      if (!s) throw new PolicygraphError('INTERNAL', `gold fragment not inside one sentence: ${frag}`, { file: DATA });
      return { docId, start: s.start, end: s.end };
    });
  });
}

export async function benchFusionWeights(grid: Variant[] = WEIGHT_GRID): Promise<{
  model: string | null;
  queries: number;
  results: WeightResult[];
  best: WeightResult;
  current: WeightResult;
}> {
  const set = JSON.parse(readFileSync(DATA, 'utf8')) as QuerySet;
  const config = loadConfig();
  const { embedder: raw, status } = await createEmbedder(config);
  if (!raw) throw new PolicygraphError('MODEL_UNAVAILABLE', `fusion weights need the embedding model: ${status.reason}`);
  const embedder = memoQueries(raw);
  const store = new EmbeddedStore(':memory:');
  await store.init();
  try {
    const report = await ingestPaths(Object.values(set.documents).map((f) => path.join(ROOT, f)), { store, embedder, config });
    if (report.errors.length) throw new PolicygraphError('INTERNAL', `bench ingest failed: ${JSON.stringify(report.errors)}`);
    const gold = await goldSpans(store, set);
    const evaluate = async ({ weights, entityVectorWeight }: Variant): Promise<WeightResult> => {
      const ranks: number[] = [];
      for (const [i, q] of set.queries.entries()) {
        const res = await hybridSearch({ store, embedder }, q.q, { k: 10, weights, entityVectorWeight });
        const r = res.hits.findIndex((h) => gold[i].some((g) => g.docId === h.doc && h.start <= g.start && g.end <= h.end));
        ranks.push(r < 0 ? Infinity : r + 1);
      }
      const share = (idx: number[], k: number) => (idx.length ? idx.filter((i) => ranks[i] <= k).length / idx.length : 0);
      const all = set.queries.map((_, i) => i);
      const by = (pred: (q: QuerySet['queries'][number]) => boolean) => all.filter((i) => pred(set.queries[i]));
      const mrr = (idx: number[]) => (idx.length ? idx.reduce((s, i) => s + (Number.isFinite(ranks[i]) ? 1 / ranks[i] : 0), 0) / idx.length : 0);
      const recall5By: Record<string, number> = {};
      const mrrBy: Record<string, number> = {};
      const groups: [string, number[]][] = [
        ...['zh', 'en'].map((lang): [string, number[]] => [lang, by((q) => q.lang === lang)]),
        ...Object.keys(set.documents).map((doc): [string, number[]] => [doc, by((q) => q.doc === doc)]),
      ];
      for (const [name, idx] of groups) {
        recall5By[name] = round(share(idx, 5));
        mrrBy[name] = round(mrr(idx));
      }
      return {
        weights,
        ...(entityVectorWeight !== undefined ? { entityVectorWeight } : {}),
        recall: Object.fromEntries(KS.map((k) => [`@${k}`, round(share(all, k))])),
        mrr: round(mrr(all)),
        recall5By,
        mrrBy,
      };
    };
    const results: WeightResult[] = [];
    for (const w of grid) results.push(await evaluate(w));
    // Best by recall@5, then MRR, then recall@1: what a reader of the first screen of hits sees.
    const best = [...results].sort((a, b) => b.recall['@5'] - a.recall['@5'] || b.mrr - a.mrr || b.recall['@1'] - a.recall['@1'])[0];
    const current = await evaluate({ weights: DEFAULT_WEIGHTS });
    return { model: raw.modelId, queries: set.queries.length, results, best, current };
  } finally {
    await store.close();
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function table(results: WeightResult[]): string {
  const head = '| lexical | vector | graph | entity by vector | R@1 | R@3 | R@5 | R@10 | MRR | MRR zh | MRR en | MRR founding | MRR unseen |';
  const rows = results.map((r) => {
    const w = r.weights;
    return `| ${w.lexical} | ${w.vector} | ${w.graph} | ${r.entityVectorWeight ?? '-'} | ${r.recall['@1']} | ${r.recall['@3']} | ${r.recall['@5']} | ${r.recall['@10']} | ${r.mrr} | ${r.mrrBy.zh} | ${r.mrrBy.en} | ${r.mrrBy.founding} | ${r.mrrBy.unseen} |`;
  });
  return [head, '|---|---|---|---|---|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await benchFusionWeights();
  if (process.argv.includes('--json')) console.log(JSON.stringify(out, null, 2));
  else {
    console.log(`${out.queries} queries, model ${out.model}\n`);
    console.log(table(out.results));
    console.log(`\nbest: ${JSON.stringify(out.best.weights)}  current default: ${JSON.stringify(out.current.weights)} (R@5 ${out.current.recall['@5']}, MRR ${out.current.mrr})`);
  }
}
