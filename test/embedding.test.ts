// The embedder on the real model in models/ (CI provisions it with `npm run models`), its lexical
// fallback when there is none, the embed stage, and the identical-text cache.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.js';
import { embedDocument, entityText } from '../ingest/embed.js';
import { createEmbedder, modelDir, readModelUsage, TransformersEmbedder, type Embedder } from '../ingest/embedder.js';
import type { Entity, Passage } from '../ingest/types.js';

const config = loadConfig({ ...process.env, POLICYGRAPH_NO_MODEL: '0' });
const modelPresent = existsSync(path.join(modelDir(config), 'onnx', 'model_quantized.onnx'));
if (!modelPresent) console.warn(`embedding.test: real-model tests skipped: no model at ${modelDir(config)} (run \`npm run models\`)`);

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);
const norm = (a: Float32Array) => Math.sqrt(dot(a, a));

describe.runIf(modelPresent)('embedder on the real model', () => {
  let embedder: Embedder;
  beforeAll(async () => {
    const made = await createEmbedder(config);
    expect(made.status).toEqual({ available: true, modelId: config.model });
    embedder = made.embedder!;
  });

  it('gives unit vectors of the model dimension', async () => {
    const [v] = await embedder.embedPassages(['高校与企业共建联合实验室。']);
    expect(embedder.dim).toBe(512);
    expect(v).toBeInstanceOf(Float32Array);
    expect(v.length).toBe(512);
    expect(norm(v)).toBeCloseTo(1, 4);
  });

  it('puts a Chinese paraphrase nearer its source than an unrelated sentence', async () => {
    const cases = [
      ['科研经费按照项目关键节点的完成情况分阶段拨付。', '根据关键环节的进度分期发放研究资金。', '今年夏天沿海地区降雨偏多。'],
      ['企业技术骨干可以同时在高校兼职任教。', '公司的技术人员能够到大学兼任教师。', '该市地铁新线路将于年底通车。'],
      ['联盟设立理事会作为最高决策机构。', '联盟的最高决策机构是理事会。', '学生应按时完成课后作业。'],
    ];
    for (const [source, paraphrase, unrelated] of cases) {
      const [s, p, u] = await embedder.embedPassages([source, paraphrase, unrelated]);
      expect(dot(s, p), `${source} / ${paraphrase}`).toBeGreaterThan(dot(s, u) + 0.1);
    }
  });

  it('ranks the passage answering a query first (query prefix applied)', async () => {
    const passages = ['对项目采取里程碑式考核。', '政府提供税收优惠政策。', '高校负责学位授予和课程设置。'];
    const vs = await embedder.embedPassages(passages);
    const q = await embedder.embedQuery('按阶段节点评估项目进展');
    const sims = vs.map((v) => dot(q, v));
    expect(sims.indexOf(Math.max(...sims))).toBe(0);
    // the prefix changes the vector: a query is not embedded as a passage
    const [asPassage] = await embedder.embedPassages(['按阶段节点评估项目进展']);
    expect(dot(q, asPassage)).toBeLessThan(0.999);
  });

  it('keeps input order, repeats identical texts, and reports batch progress', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `第${i % 20}条：产学研合作项目${'的'.repeat((i % 20) % 7)}考核。`);
    const seen: [number, number][] = [];
    const vs = await embedder.embedPassages(texts, (done, total) => seen.push([done, total]));
    expect(vs).toHaveLength(40);
    expect(vs[3]).toEqual(vs[23]); // same text, same vector
    expect(dot(vs[3], vs[4])).toBeLessThan(0.9999);
    const single = await embedder.embedPassages([texts[5]]);
    expect(dot(single[0], vs[5])).toBeCloseTo(1, 5);
    expect(seen[0]).toEqual([0, 20]); // 20 distinct texts
    expect(seen.at(-1)).toEqual([20, 20]);
    expect(seen.length).toBeGreaterThan(2); // more than one batch
  });

  it('embeds a document draft: every passage and every entity', async () => {
    const passages: Passage[] = ['企业牵头组建创新联合体。', '高校提供人才支撑。'].map((text, i) => ({
      id: `d#p${i}`,
      docId: 'd',
      kind: 'sentence',
      sentenceIds: [`d#${i}`],
      sectionPath: '',
      start: i * 20,
      end: i * 20 + text.length,
      text,
      tokens: '',
    }));
    const entities: Entity[] = [
      { id: 'Actor:高校', type: 'Actor', label: '高校', labelEn: 'university', aliases: ['大学'] },
      { id: 'Mode:企业主导', type: 'Mode', label: '企业主导', labelEn: 'enterprise-led', aliases: [] },
    ];
    const out = await embedDocument({ passages, entities }, embedder);
    expect(out.passages.map((p) => p.embedding?.length)).toEqual([512, 512]);
    expect(Object.keys(out.entityEmbeddings).sort()).toEqual(['Actor:高校', 'Mode:企业主导']);
    expect(passages[0].embedding).toBeUndefined(); // the draft itself is not mutated
    // the entity vector is the one of its text
    const [direct] = await embedder.embedPassages([entityText(entities[0])]);
    expect(dot(direct, out.entityEmbeddings['Actor:高校'])).toBeCloseTo(1, 5);
  });
});

describe('no model: lexical mode', () => {
  it('is reported, not thrown, when the model folder is missing', async () => {
    const cfg = { ...config, modelsDir: path.join(config.modelsDir, 'does-not-exist') };
    const { embedder, status } = await createEmbedder(cfg);
    expect(embedder).toBeNull();
    expect(status.available).toBe(false);
    expect(status.reason).toMatch(/npm run models/);
  });

  it('is reported when the model files are corrupt', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-models-'));
    try {
      const cfg = { ...config, modelsDir: dir, model: 'broken/model' };
      mkdirSync(path.join(modelDir(cfg), 'onnx'), { recursive: true });
      writeFileSync(path.join(modelDir(cfg), 'onnx', 'model_quantized.onnx'), 'not a model');
      const { embedder, status } = await createEmbedder(cfg);
      expect(embedder).toBeNull();
      expect(status).toMatchObject({ available: false, modelId: 'broken/model' });
      expect(status.reason).toMatch(/could not be loaded/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is reported when disabled by configuration', async () => {
    const { embedder, status } = await createEmbedder({ ...config, noModel: true });
    expect(embedder).toBeNull();
    expect(status.reason).toMatch(/disabled/);
  });

  it('leaves a draft unchanged in the embed stage', async () => {
    const draft = { passages: [], entities: [] };
    expect(await embedDocument(draft, null)).toEqual({ passages: [], entityEmbeddings: {} });
  });
});

describe('TransformersEmbedder around a counting fake model', () => {
  const fake = () => {
    const calls: string[][] = [];
    const extract = async (texts: string[]) => {
      calls.push(texts);
      const data = new Float32Array(texts.length * 2);
      texts.forEach((t, i) => data.set([t.length, 1], i * 2));
      return { data, dims: [texts.length, 2] };
    };
    return { calls, embedder: new TransformersEmbedder('fake/model', 2, extract, 'cls', 'Q:', 2) };
  };

  it('embeds each distinct text once per run, length-sorted, and serves repeats from its cache', async () => {
    const { calls, embedder } = fake();
    const out = await embedder.embedPassages(['ccc', 'a', 'ccc', 'bb']);
    expect(calls).toEqual([['a', 'bb'], ['ccc']]);
    expect(out.map((v) => v[0])).toEqual([3, 1, 3, 2]);
    await embedder.embedPassages(['bb', 'dddd', 'a']);
    expect(calls.at(-1)).toEqual(['dddd']);
    embedder.clearCache();
    await embedder.embedPassages(['a']);
    expect(calls.at(-1)).toEqual(['a']);
  });

  it('prefixes queries and wraps model failures as MODEL_UNAVAILABLE', async () => {
    const { calls, embedder } = fake();
    await embedder.embedQuery('问');
    expect(calls.at(-1)).toEqual(['Q:问']);
    const broken = new TransformersEmbedder('fake/broken', 2, async () => Promise.reject(new Error('boom')), 'cls', '');
    await expect(broken.embedPassages(['x'])).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });

  it('prefixes passages when the model asks for it (e5-style), not queries twice', async () => {
    const calls: string[][] = [];
    const e = new TransformersEmbedder('fake/e5', 1, async (t: string[]) => (calls.push(t), { data: new Float32Array(t.length), dims: [t.length, 1] }), 'mean', 'query: ', 16, 'passage: ');
    await e.embedPassages(['甲']);
    await e.embedQuery('乙');
    expect(calls).toEqual([['passage: 甲'], ['query: 乙']]);
  });

  it('reads pooling and passage prefix from the model stamp, with defaults when there is none', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-stamp-'));
    try {
      expect(readModelUsage(dir)).toEqual({ pooling: 'mean', passagePrefix: '' });
      writeFileSync(path.join(dir, 'policygraph-model.json'), JSON.stringify({ pooling: 'cls' }));
      expect(readModelUsage(dir)).toEqual({ pooling: 'cls', passagePrefix: '' });
      writeFileSync(path.join(dir, 'policygraph-model.json'), '{broken');
      expect(() => readModelUsage(dir)).toThrow(/policygraph-model.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a model whose vectors have the wrong dimension', async () => {
    const e = new TransformersEmbedder('fake/dim', 3, async (t: string[]) => ({ data: new Float32Array(t.length * 2), dims: [t.length, 2] }), 'cls', '');
    await expect(e.embedPassages(['x'])).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });
});
