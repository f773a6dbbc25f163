// search/eval.ts: the scoring math (hit@1, recall@k, MRR, evidence validity, aggregation) on tiny fixtures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPolicygraphError } from '../core/errors.js';
import type { GraphStore } from '../graph/types.js';
import { aggregate, EvidenceChecker, formatReport, matches, readQuestions, scoreAnswers } from '../search/eval.js';

const modeQ = { type: 'Mode' as const, answers: [['高校主导', '科研机构主导'], ['政府主导']] };
const a = (label: string, type: 'Mode' | 'Actor' = 'Mode') => ({ label, type });

describe('matches', () => {
  it('needs the same type and a contained fragment', () => {
    expect(matches(a('企业参与高校主导的产学研合作'), 'Mode', ['高校主导'])).toBe(true);
    expect(matches(a('企业参与高校主导的产学研合作', 'Actor'), 'Mode', ['高校主导'])).toBe(false);
    expect(matches(a('企业主导'), 'Mode', ['高校主导', '政府主导'])).toBe(false);
  });
});

describe('scoreAnswers', () => {
  it.each([
    // answers, hit1, recall, rr
    [[a('高校主导的合作'), a('政府主导的合作')], true, 1, 1],
    [[a('企业主导'), a('政府主导的合作')], false, 0.5, 0.5],
    [[a('企业主导'), a('x'), a('y'), a('z'), a('政府主导')], false, 0, 0.2], // k = 2 + 2 = 4: rank 5 is outside
    [[], false, 0, 0],
    [[a('高校主导', 'Actor')], false, 0, 0],
  ])('case %#', (answers, hit1, recall, rr) => {
    const s = scoreAnswers(modeQ, answers);
    expect(s.k).toBe(4);
    expect(s.hit1).toBe(hit1);
    expect(s.recall).toBeCloseTo(recall);
    expect(s.rr).toBeCloseTo(rr);
  });

  it('counts a rank beyond 10 as zero reciprocal rank', () => {
    const answers = [...Array.from({ length: 10 }, (_, i) => a(`m${i}`)), a('政府主导')];
    expect(scoreAnswers(modeQ, answers).rr).toBe(0);
  });
});

describe('aggregate', () => {
  it('averages, and is zero on nothing', () => {
    const m = aggregate([
      { hit1: true, recall: 1, rr: 1, evidenceValid: true },
      { hit1: false, recall: 0.5, rr: 0.5, evidenceValid: false },
    ]);
    expect(m).toEqual({ n: 2, hit1: 0.5, recall: 0.75, mrr: 0.75, evidenceValid: 0.5 });
    expect(aggregate([]).hit1).toBe(0);
  });
});

describe('EvidenceChecker', () => {
  const text = '人员采取项目聘用制，校企人员实现双向流动。';
  const store = { getDocument: async (id: string) => (id === 'd1' ? { document: { text } } : null) } as unknown as GraphStore;
  const ev = (quote: string, start: number, doc = 'd1') => ({ doc, section: '', sentenceId: 'd1#0', text: quote, start, end: start + quote.length });

  it('accepts exact quotes at their offsets and rejects anything else', async () => {
    const c = new EvidenceChecker({ store });
    expect(await c.valid(ev('项目聘用制', 4))).toBe(true);
    expect(await c.valid(ev('项目聘用制', 5))).toBe(false);
    expect(await c.valid(ev('项目聘用制', 4, 'nope'))).toBe(false);
    expect(await c.answersValid([{ evidence: [ev('项目聘用制', 4)] }])).toBe(true);
    expect(await c.answersValid([{ evidence: [] }])).toBe(false);
    expect(await c.answersValid([{ evidence: [ev('项目聘用制', 4), ev('双向', 0)] }])).toBe(false);
  });
});

describe('readQuestions and formatReport', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-eval-'));
  it('reads the seed format and rejects other JSON with BAD_INPUT naming the file', async () => {
    const ok = path.join(dir, 'q.json');
    fs.writeFileSync(ok, JSON.stringify({ questions: [{ id: 'x', lang: 'zh', q: '哪种模式', type: 'Mode', answers: [['政府主导']] }] }));
    expect((await readQuestions(ok))[0].id).toBe('x');
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ questions: [{ id: 'x', q: 'no type' }] }));
    const err = await readQuestions(bad).catch((e) => e);
    expect(isPolicygraphError(err) && err.code).toBe('BAD_INPUT');
    expect(String(err.message)).toContain('bad.json');
    const missing = await readQuestions(path.join(dir, 'none.json')).catch((e) => e);
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('reads a question written under `question` instead of `q`', async () => {
    const alt = path.join(dir, 'alt.json');
    fs.writeFileSync(alt, JSON.stringify({ questions: [{ id: 'y', lang: 'en', question: 'which mode', type: 'Mode', answers: [['政府主导']] }] }));
    expect((await readQuestions(alt))[0].q).toBe('which mode');
  });

  it('prints one row per language plus overall and lists misses', () => {
    const q = { id: 'x1', lang: 'en', q: 'which', type: 'Mode' as const, askedType: 'Actor' as const, hit1: false, recall: 0, k: 3, rr: 0, evidenceValid: true, top: ['企业 [Actor]'] };
    const m = aggregate([q]);
    const out = formatReport({ file: 'q.json', overall: m, byLang: { en: m }, questions: [q] });
    expect(out).toMatch(/^en\s+1\s+0\.000/m);
    expect(out).toMatch(/^overall/m);
    expect(out).toContain('x1 [en] which -> got 企业 [Actor]; understood type Actor');
  });
});
