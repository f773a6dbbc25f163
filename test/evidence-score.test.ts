// search/evidence-score.ts: term matching, IDF weights, coverage in context, clauses and negation (tables).
import { describe, expect, it } from 'vitest';
import { carriesNegation, clauses, matchGroup, relevance, relevanceInContext, weightGroups } from '../search/evidence-score.js';
import type { TermGroup } from '../search/translate.js';

const group = (alternatives: string[], extra: Partial<TermGroup> = {}): TermGroup => ({
  source: alternatives[0],
  alternatives,
  weak: false,
  negated: false,
  origin: 'chinese',
  ...extra,
});

describe('matchGroup', () => {
  it.each([
    ['人员采取项目聘用制', ['项目聘用制'], 1],
    ['人员采取项目聘用制', ['聘任制', '聘用制'], 1],
    ['对项目多采取“里程碑”考核方式', ['里程碑考核'], 0.6], // 3 of 4 bigrams
    ['对项目多采取考核方式', ['里程碑考核'], 0], // 1 of 4 bigrams: no match
    ['政府牵头', ['政府'], 1],
    ['企业', ['科研'], 0],
  ])('%s ~ %j = %s', (text, alts, score) => expect(matchGroup(text, alts).score).toBeCloseTo(score));
});

describe('weightGroups', () => {
  const texts = ['企业提供资金', '企业提供场景', '高校提供人才', '政府牵头确定需求'];
  it('weighs rare words above common ones and light verbs low', () => {
    const [common, rare, weak] = weightGroups([group(['企业']), group(['资金']), group(['资金'], { weak: true })], texts);
    expect(rare.weight).toBeGreaterThan(common.weight);
    expect(weak.weight).toBeCloseTo(rare.weight * 0.3);
  });
  it('weighs a question word the documents never use as the rarest, a dictionary guess at half', () => {
    const [absent, absentGuess, present] = weightGroups(
      [group(['区块链']), group(['区块链'], { origin: 'dictionary' }), group(['需求'])],
      texts,
    );
    expect(absent.weight).toBeGreaterThanOrEqual(present.weight);
    expect(absentGuess.weight).toBeCloseTo(absent.weight / 2);
  });
  it('keeps the role flag without changing the weight', () => {
    const [plain, role] = weightGroups([group(['需求']), group(['需求'], { role: true })], texts);
    expect(role.weight).toBeCloseTo(plain.weight);
    expect(role.role).toBe(true);
  });
  it('a compound joined from two English words weighs what both words weigh', () => {
    const docs = ['数据安全由平台负责', '质量标准逐步统一', '数据标准尚未统一', '平台提供算力'];
    const [joined, alone] = weightGroups([group(['数据标准'], { origin: 'phrase', parts: [['数据'], ['标准']] }), group(['数据标准'], { origin: 'phrase' })], docs);
    const [data, standard] = weightGroups([group(['数据']), group(['标准'])], docs);
    expect(joined.weight).toBeCloseTo(data.weight + standard.weight);
    expect(joined.weight).toBeGreaterThan(alone.weight);
  });
  it('a compound the documents never write keeps the weight of an absent word', () => {
    const [joined, alone] = weightGroups([group(['算力平台'], { origin: 'phrase', parts: [['算力'], ['平台']] }), group(['算力平台'], { origin: 'phrase' })], texts);
    expect(joined.weight).toBeCloseTo(alone.weight);
  });
});

describe('relevance', () => {
  const groups = [
    { alternatives: ['提供'], weight: 1, weak: false },
    { alternatives: ['资金'], weight: 1, weak: false },
  ];
  it('is the weighted share of groups the text matches', () => {
    expect(relevance('企业提供资金', groups).score).toBe(1);
    expect(relevance('企业提供场景', groups).score).toBe(0.5);
    expect(relevance('无关', groups).score).toBe(0);
  });
  it('counts words of enclosing headings at a decaying weight', () => {
    expect(relevanceInContext('企业提供场景', ['资金保障'], groups).score).toBeCloseTo((1 + 0.7) / 2);
    expect(relevanceInContext('企业提供场景', ['无关', '资金保障'], groups).score).toBeCloseTo((1 + 0.49) / 2);
  });
});

describe('clauses', () => {
  it('splits at Chinese and ASCII clause punctuation with sentence-relative offsets', () => {
    const text = '由政府牵头，高校提供人才；企业提供资金。';
    const cs = clauses(text);
    expect(cs.map((c) => c.text)).toEqual(['由政府牵头', '高校提供人才', '企业提供资金。']);
    for (const c of cs) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});

describe('carriesNegation', () => {
  it.each([
    ['通常为非独立法人的创新组织，不设置决策机构', '决策机构', true],
    ['决策机构为理事会', '决策机构', false],
    ['不断完善决策机构', '决策机构', false], // 不断 is not a negation
  ])('%s / %s -> %s', (text, term, expected) => expect(carriesNegation(text, [text.indexOf(term)])).toBe(expected));
});
