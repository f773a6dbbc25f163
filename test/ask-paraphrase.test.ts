// search/ask.ts on the real model: a colloquial question in words the essay does not use is answered
// when the model finds a passage that says it (its own words alone would leave it unanswered), and a
// question nothing in the essay answers stays honestly empty.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.js';
import type { EmbeddedStore } from '../graph/embedded-store.js';
import { createEmbedder, modelDir, type Embedder } from '../ingest/embedder.js';
import { ASK_PARAMS } from '../search/ask-params.js';
import { ask } from '../search/ask.js';
import { corpusStore, FOUNDING } from './helpers/corpus-store.js';

const config = loadConfig({ ...process.env, POLICYGRAPH_NO_MODEL: '0' });
const modelPresent = fs.existsSync(path.join(modelDir(config), 'onnx', 'model_quantized.onnx'));
if (!modelPresent) console.warn(`ask-paraphrase.test: skipped: no model at ${modelDir(config)} (run \`npm run models\`)`);

describe.runIf(modelPresent)('answers said in other words (real model)', () => {
  let store: EmbeddedStore;
  let dir: string;
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = (await createEmbedder(config)).embedder!;
    ({ store, dir } = await corpusStore({ embedder, paths: [FOUNDING] }));
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a colloquial paraphrase of the milestone sentence, though few of its words are the essay’s', async () => {
    const r = await ask({ store, embedder }, '研究人员的工作按阶段打分、过一关才拿下一笔钱，是哪种模式？', { k: 5 });
    expect(r.interpretation.coverage).toBeLessThan(ASK_PARAMS.minRelevance);
    expect(r.answers[0]?.label).toContain('高校');
  });

  it('stays empty where nothing in the essay says it, model or not', async () => {
    const r = await ask({ store, embedder }, '哪种模式使用无人机巡检', { k: 5 });
    expect(r.answers).toEqual([]);
    expect(r.closest).toBeDefined();
  });
});
