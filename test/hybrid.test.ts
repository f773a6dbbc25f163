// Hybrid retrieval: the pure fusion pieces on tables, the graph boost on a tiny fake store, and
// end-to-end search over the real EmbeddedStore filled by the real pipeline (real model when present).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.js';
import { PolicygraphError } from '../core/errors.js';
import { EmbeddedStore } from '../graph/embedded-store.js';
import type { EntityHit, GraphStore, PassageHit } from '../graph/types.js';
import { createEmbedder, modelDir, type Embedder } from '../ingest/embedder.js';
import { ingestPaths } from '../ingest/pipeline.js';
import { searchTokens } from '../ingest/segment.js';
import type { Entity, Mention, Passage } from '../ingest/types.js';
import { applyBoost, dropOverlaps, graphBoost, queryEntityWeights, rankByScore, reciprocalRankFusion, RRF_K } from '../search/fusion.js';
import { hybridSearch } from '../search/hybrid.js';

describe('reciprocal rank fusion', () => {
  it('sums weight / (k + rank) over lists, ignoring repeats and switched-off lists', () => {
    const s = reciprocalRankFusion([
      { weight: 1, ids: ['a', 'b', 'a'] },
      { weight: 2, ids: ['b', 'c'] },
      { weight: 0, ids: ['z'] },
    ]);
    expect(s.get('a')).toBeCloseTo(1 / (RRF_K + 1));
    expect(s.get('b')).toBeCloseTo(1 / (RRF_K + 2) + 2 / (RRF_K + 1));
    expect(s.get('c')).toBeCloseTo(2 / (RRF_K + 2));
    expect(s.has('z')).toBe(false);
    expect(rankByScore(s)).toEqual(['b', 'c', 'a']);
  });

  it('breaks ties by id', () => {
    expect(rankByScore(new Map([['y', 1], ['x', 1], ['w', 2]]))).toEqual(['w', 'x', 'y']);
  });

  it('gives tied scores the same rank', () => {
    const s = reciprocalRankFusion([{ weight: 1, ids: ['a', 'b', 'c'], scores: [5, 5, 1] }]);
    expect(s.get('a')).toBe(s.get('b'));
    expect(s.get('c')).toBeCloseTo(1 / (RRF_K + 3));
  });

  it('boosts passages by the capped sum of the query entities they mention', () => {
    const mentions = new Map([
      ['p1', new Set(['E1'])],
      ['p2', new Set(['E1', 'E2'])],
      ['p3', new Set(['E3'])],
      ['p4', new Set<string>()],
    ]);
    const boost = graphBoost(mentions, new Map([['E1', 0.75], ['E2', 0.5]]));
    expect([...boost]).toEqual([['p1', 0.75], ['p2', 1]]);
    const fused = applyBoost(new Map([['p1', 0.01], ['p3', 0.02]]), boost, 2);
    expect(fused.get('p1')).toBeCloseTo(0.01 + (2 * 0.75) / (RRF_K + 1));
    expect(fused.get('p3')).toBe(0.02);
    expect(fused.has('p2')).toBe(false); // only candidates already fused are boosted
  });

  it('matches the entities a query names, discounted by how many candidates mention them', () => {
    const base = {
      texts: ['采用双聘制的平台', 'dual appointment platform'],
      tokens: new Set(['采用', '双聘制', '平台', '企业']),
      nearest: [{ id: 'V', score: 0.7 }, { id: 'W', score: 0.6 }],
      margin: 0.05,
      vectorWeight: 0,
      candidates: 10,
    };
    const lexical = [
      { id: 'Mechanism:双聘制', names: ['双聘制', 'dual appointment'], nameTokens: [['双聘制']] },
      { id: 'Actor:企业', names: ['企业', 'enterprise'], nameTokens: [['企业']] },
      { id: 'Mode:平台共建型合作', names: ['平台共建型合作'], nameTokens: [['平台', '共建', '合作']] },
    ];
    const w = queryEntityWeights({ ...base, lexical, df: new Map([['Mechanism:双聘制', 1], ['Actor:企业', 10]]) });
    expect(w.get('Mechanism:双聘制')).toBeCloseTo(1); // named, mentioned by one candidate
    expect(w.get('Actor:企业')!).toBeLessThan(0.35); // named by a token, but everywhere
    expect(w.has('Mode:平台共建型合作')).toBe(false); // only partly named
    expect(w.has('V')).toBe(false); // vector matches off
    const withVector = queryEntityWeights({ ...base, lexical: [], vectorWeight: 0.5, df: new Map() });
    expect([...withVector.keys()]).toEqual(['V']); // W is further than the margin
    expect(withVector.get('V')).toBeCloseTo(0.5);
  });

  it('drops spans overlapping a better one in the same document only', () => {
    const spans = [
      { id: 'w', docId: 'd', start: 0, end: 20 },
      { id: 's1', docId: 'd', start: 0, end: 10 },
      { id: 's3', docId: 'd', start: 20, end: 30 },
      { id: 'o', docId: 'e', start: 0, end: 10 },
    ];
    expect(dropOverlaps(spans, 10).map((s) => s.id)).toEqual(['w', 's3', 'o']);
    expect(dropOverlaps(spans, 1).map((s) => s.id)).toEqual(['w']);
  });
});

/** Just the store methods hybrid search calls, over fixed data. */
function fakeStore(data: { passages: Passage[]; lexical: string[]; entities: Entity[]; matched: string[]; mentions: Mention[] }): GraphStore {
  const byId = new Map(data.passages.map((p) => [p.id, p]));
  const hit = (id: string, i: number): PassageHit => ({ passage: byId.get(id)!, score: 10 - i });
  const ent = new Map(data.entities.map((e) => [e.id, e]));
  const store: Partial<GraphStore> = {
    searchPassages: async (_q, k) => data.lexical.slice(0, k).map(hit),
    nearestPassages: async () => [],
    searchEntities: async (_q, k) => data.matched.slice(0, k).map((id, i): EntityHit => ({ entity: ent.get(id)!, score: 5 - i })),
    nearestEntities: async () => [],
    mentionsInSentences: async (ids) => data.mentions.filter((m) => ids.includes(m.sentenceId)),
    getEntities: async (ids) => ids.flatMap((id) => (ent.has(id) ? [ent.get(id)!] : [])),
  };
  return store as GraphStore;
}

const passage = (i: number, text: string): Passage => ({
  id: `d#p${i}`,
  docId: 'd',
  kind: 'sentence',
  sentenceIds: [`d#${i}`],
  sectionPath: '一、模式',
  start: i * 100,
  end: i * 100 + text.length,
  text,
  tokens: '',
});

describe('hybrid search on a fake store', () => {
  const entities: Entity[] = [
    { id: 'Mechanism:双聘制', type: 'Mechanism', label: '双聘制', labelEn: 'dual appointment', aliases: [] },
    { id: 'Actor:高校', type: 'Actor', label: '高校', labelEn: 'university', aliases: [] },
  ];
  const data = {
    passages: [passage(0, '高校教师可以兼职。'), passage(1, '平台推行双聘制。'), passage(2, '其他内容。')],
    lexical: ['d#p0', 'd#p2', 'd#p1'],
    entities,
    matched: ['Mechanism:双聘制'],
    mentions: [
      { entityId: 'Actor:高校', docId: 'd', sentenceId: 'd#0', start: 0, end: 2, text: '高校' },
      { entityId: 'Mechanism:双聘制', docId: 'd', sentenceId: 'd#1', start: 104, end: 107, text: '双聘制' },
    ],
  };
  const noTranslation = (text: string) => ({ zh: text, terms: [], english: false });

  it('lifts the passage mentioning a matched entity, as far as the graph weight allows', async () => {
    const store = fakeStore(data);
    const lexicalOnly = await hybridSearch({ store, embedder: null, translate: noTranslation }, '推行双聘制', { k: 3, weights: { lexical: 1, vector: 0, graph: 0 } });
    expect(lexicalOnly.hits.map((h) => h.id)).toEqual(['d#p0', 'd#p2', 'd#p1']);
    const withGraph = await hybridSearch({ store, embedder: null, translate: noTranslation }, '推行双聘制', { k: 3, weights: { lexical: 1, vector: 0, graph: 1 } });
    expect(withGraph.hits[0].id).toBe('d#p1');
    expect(withGraph.mode).toBe('lexical');
    expect(withGraph.hits[0].entities).toEqual([{ id: 'Mechanism:双聘制', label: '双聘制', labelEn: 'dual appointment', type: 'Mechanism' }]);
    expect(withGraph.hits.find((h) => h.id === 'd#p0')!.entities.map((e) => e.id)).toEqual(['Actor:高校']);
  });

  it('reports the translation of an English query and searches with its Chinese', async () => {
    let asked: string[] = [];
    const store = fakeStore(data);
    store.searchPassages = async (q) => {
      asked = q.tokens;
      return [];
    };
    const res = await hybridSearch(
      { store, embedder: null, translate: (t) => ({ zh: '双聘制', terms: ['双聘制', '兼职'], english: /[a-z]/.test(t) }) },
      'dual appointment',
      { k: 5 },
    );
    expect(res.translated).toEqual({ zh: '双聘制', terms: ['双聘制', '兼职'] });
    expect(asked).toEqual(expect.arrayContaining([...searchTokens('兼职'), ...searchTokens('dual')]));
    const zh = await hybridSearch({ store, embedder: null, translate: noTranslation }, '双聘制', { k: 5 });
    expect(zh.translated).toBeUndefined();
  });

  it('falls back to lexical when the model fails on the query', async () => {
    const failing: Embedder = {
      modelId: 'fake/broken',
      dim: 2,
      embedPassages: async () => [],
      embedQuery: async () => Promise.reject(new PolicygraphError('MODEL_UNAVAILABLE', 'model crashed')),
    };
    const res = await hybridSearch({ store: fakeStore(data), embedder: failing, translate: noTranslation }, '推行双聘制', { k: 3 });
    expect(res.mode).toBe('lexical');
    expect(res.hits.length).toBe(3);
    const bug: Embedder = { ...failing, embedQuery: async () => Promise.reject(new TypeError('bug')) };
    await expect(hybridSearch({ store: fakeStore(data), embedder: bug, translate: noTranslation }, '推行双聘制', { k: 3 })).rejects.toThrow(TypeError);
  });

  it('rejects an empty query with BAD_INPUT', async () => {
    await expect(hybridSearch({ store: fakeStore(data), embedder: null }, '  ', { k: 5 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

const ROOT = path.resolve(import.meta.dirname, '..');
const FOUNDING = path.join(ROOT, 'corpus', '000_b86ad707c747c04c.txt');
const UNSEEN = path.join(ROOT, 'test', 'gold', 'unseen', '101_policy_unseen.txt');
const config = loadConfig({ ...process.env, POLICYGRAPH_NO_MODEL: '0' });
const modelPresent = existsSync(path.join(modelDir(config), 'onnx', 'model_quantized.onnx'));
if (!modelPresent) console.warn(`hybrid.test: vector and hybrid cases skipped: no model at ${modelDir(config)} (run \`npm run models\`)`);

describe('search over the real embedded store', () => {
  let store: EmbeddedStore;
  let embedder: Embedder | null = null;
  let texts: Map<string, string>;
  beforeAll(async () => {
    embedder = modelPresent ? (await createEmbedder(config)).embedder : null;
    store = new EmbeddedStore(':memory:');
    await store.init();
    const report = await ingestPaths([FOUNDING, UNSEEN], { store, embedder, config });
    expect(report.errors).toEqual([]);
    texts = new Map();
    for (const d of await store.listDocuments()) texts.set(d.id, (await store.getDocument(d.id))!.document.text);
  });
  afterAll(async () => store?.close());

  const checkHits = (hits: { doc: string; start: number; end: number; text: string }[]) => {
    for (const h of hits) expect(texts.get(h.doc)!.slice(h.start, h.end)).toBe(h.text);
    for (const [i, a] of hits.entries()) for (const b of hits.slice(i + 1)) expect(a.doc === b.doc && a.start < b.end && b.start < a.end).toBe(false);
  };

  it.runIf(modelPresent)('ranks the milestone-evaluation sentence first for the English query', async () => {
    const res = await hybridSearch({ store, embedder }, 'milestone evaluation', { k: 5 });
    expect(res.mode).toBe('hybrid');
    expect(res.translated?.zh).toMatch(/里程碑/);
    expect(res.hits[0].text).toContain('“里程碑”考核');
    checkHits(res.hits);
  });

  it.runIf(modelPresent)('finds a paraphrase with little word overlap in an unseen document', async () => {
    const res = await hybridSearch({ store, embedder }, '几支队伍同时攻关，中期评估后优胜者继续获得支持', { k: 3 });
    expect(res.hits.some((h) => h.text.includes('赛马制'))).toBe(true);
    const funding = await hybridSearch({ store, embedder }, '根据关键节点完成情况分批拨付资金', { k: 3 });
    expect(funding.hits[0].text).toContain('里程碑式拨款');
    checkHits(funding.hits);
  });

  it('works lexically without a model, and says so', async () => {
    const res = await hybridSearch({ store, embedder: null }, '里程碑考核', { k: 5 });
    expect(res.mode).toBe('lexical');
    expect(res.hits.length).toBeGreaterThan(0);
    expect(res.hits[0].text).toContain('里程碑');
    checkHits(res.hits);
  });

  it('attaches the entities each hit mentions', async () => {
    const res = await hybridSearch({ store, embedder }, '理事会决策机构', { k: 5 });
    for (const h of res.hits) {
      const detail = (await store.getDocument(h.doc))!;
      const inside = new Set(detail.mentions.filter((m) => m.start >= h.start && m.end <= h.end).map((m) => m.entityId));
      expect(new Set(h.entities.map((e) => e.id))).toEqual(inside);
    }
  });
});
