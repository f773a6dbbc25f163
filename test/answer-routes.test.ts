// search/answer-routes.ts, search/ask.ts and search/focus.ts helpers: masking sibling names, trusting an English
// translation, clauses without a subject, relations that say the asked predicate, focus by head or X的Y, word senses.
import { describe, expect, it } from 'vitest';
import type { DocumentDetail, GraphStore } from '../graph/types.js';
import type { Entity } from '../ingest/types.js';
import { clauseSupport, cuedGroups, decisionBodyRoute, maskSpans, mentionClause, paragraphRoute, relationRoute, roleShare, sectionRoute, type ScoredSentence } from '../search/answer-routes.js';
import { namesKindsAsModes, preferDocumentWords, translationConfidence } from '../search/ask.js';
import { findFocus, namedApart, namedInParts } from '../search/focus.js';
import { inLeaderSlot } from '../search/ask.js';
import type { ParsedQuestion } from '../search/question.js';
import { relevance } from '../search/evidence-score.js';
import type { TermGroup } from '../search/translate.js';

describe('maskSpans', () => {
  it.each<[string, Array<[number, number]>, string]>([
    ['包括甲模式、乙模式两类', [[2, 5]], '包括\u3000\u3000\u3000、乙模式两类'],
    ['包括甲模式、乙模式两类', [], '包括甲模式、乙模式两类'],
    ['短', [[0, 9]], '\u3000'],
  ])('%s %j', (text, spans, expected) => {
    const out = maskSpans(text, spans);
    expect(out).toBe(expected);
    expect(out.length).toBe(text.length);
  });
  it('removes a match that lies only inside a sibling name', () => {
    const groups = [{ alternatives: ['政府主导'], weight: 1, weak: false }];
    const text = '包括企业牵头主导多方参与、企业参与政府主导三类';
    expect(relevance(text, groups).score).toBe(1);
    const at = text.indexOf('企业参与政府主导');
    expect(relevance(maskSpans(text, [[at, at + 8]]), groups).score).toBe(0);
  });
});

describe('translationConfidence', () => {
  const g = (alternatives: string[], weak = false): TermGroup => ({ source: alternatives[0], alternatives, weak, negated: false, origin: 'dictionary' });
  const texts = ['企业提供资金和产业资源。'];
  it.each<[string, TermGroup[], string[], number]>([
    ['every content word found', [g(['企业']), g(['资金'])], [], 1],
    ['half found', [g(['企业']), g(['种族'])], [], 0.5],
    ['weak words do not count', [g(['企业']), g(['采用'], true)], [], 1],
    ['untranslated words halve it', [g(['企业'])], ['zork'], 0.5],
    ['nothing to embed', [g(['采用'], true)], [], 0],
  ])('%s', (_name, groups, unknown, expected) => expect(translationConfidence({ lang: 'en', groups, unknown }, texts)).toBeCloseTo(expected));
  it('Chinese questions are trusted as they are', () => expect(translationConfidence({ lang: 'zh', groups: [g(['种族'])], unknown: [] }, texts)).toBe(1));
});

describe('mentionClause: a clause without a subject continues the one naming the actor', () => {
  const text = '概念验证中心设立由校内外技术专家和投资人组成的评审委员会，负责项目遴选和资助决策；入选项目配备专职技术经理人。';
  const at = (name: string) => text.indexOf(name);
  const typed = ['概念验证中心', '技术专家', '评审委员会', '技术经理人'].map(at);
  it('the last actor of a clause speaks in the verb-initial clause after it', () => {
    expect(mentionClause(text, at('评审委员会'), typed)?.text).toContain('资助决策');
  });
  it('an actor followed by another in its clause keeps its own clause', () => {
    expect(mentionClause(text, at('概念验证中心'), typed)?.text).not.toContain('资助决策');
  });
  it('a clause with a subject of its own (由…) is not continued', () => {
    const t = '联盟设立理事会，由秘书处负责日常运行';
    expect(mentionClause(t, t.indexOf('理事会'), [t.indexOf('理事会'), t.indexOf('秘书处')])?.text).toBe('联盟设立理事会');
  });
});

describe('clauseSupport: the relation a question asks for says its cue words', () => {
  const e = { id: 'a', type: 'Actor', label: '链主企业', aliases: [] } as unknown as Entity;
  const lead = { alternatives: ['主导', '牵头'], weight: 1, weak: false, role: true };
  const ev = '多由产业链上处于核心地位的链主企业发起';
  it('a LED_BY relation says "lead" even where the text writes 发起', () => {
    const said = cuedGroups([lead], 'LED_BY');
    expect(said.has(lead)).toBe(true);
    expect(clauseSupport(ev, e, [lead], said)).toBeCloseTo(1);
    expect(clauseSupport(ev, e, [lead])).toBeCloseTo(0.7);
  });
  it('other relation types do not', () => expect(cuedGroups([lead], 'PARTICIPATES_IN').size).toBe(0));
});

/** A store with no relations, entities and parsed questions for the focus rules. */
const store = { findRelations: async () => [] } as unknown as GraphStore;
const ent = (id: string, type: string, label: string) => ({ id, type, label, aliases: [] }) as unknown as Entity;
const parsed = (answerType: string, alts: string[]): ParsedQuestion =>
  ({ constraint: alts.join(''), answerType, groups: alts.map((a) => ({ source: a, alternatives: [a], weak: false, negated: false, origin: 'phrase' })) }) as unknown as ParsedQuestion;

describe('focus: a compound named by its head or with 的 between its parts', () => {
  it.each<[string, string, boolean]>([
    ['平台公司', '运营中试平台的公司由做决策', true],
    ['中试熟化平台', '中试的熟化平台', true],
    ['平台公司', '平台和公司', false],
    ['董事会', '董的事会', false],
  ])('%s in %s', (name, text, expected) => expect(namedApart(name, text)).toBe(expected));

  it('the strategic alliance names 产业技术创新战略联盟 (another type than the answer)', async () => {
    const f = await findFocus(store, parsed('Actor', ['主导', '战略联盟']), [ent('m', 'Mode', '产业技术创新战略联盟'), ent('r', 'Recommendation', '支持链主企业组建战略联盟')]);
    expect(f.map((x) => x.entity.id)).toEqual(['m']);
  });
  it('a generic word of collaboration (产学研合作) ending kinds’ names names none of them', async () => {
    const modes = [ent('a', 'Mode', '企业主导多方参与的产学研合作'), ent('b', 'Mode', '企业参与政府主导的产学研合作')];
    expect(await findFocus(store, parsed('Requirement', ['乳业', '产学研合作', '转变']), modes)).toEqual([]);
  });
  it('not an entity of the asked type, nor a term that is itself a name', async () => {
    expect(await findFocus(store, parsed('Mechanism', ['遴选技术路线']), [ent('x', 'Mechanism', '赛马制遴选技术路线')])).toEqual([]);
    const f = await findFocus(store, parsed('Actor', ['科研机构']), [ent('a', 'Actor', '科研机构'), ent('b', 'Mode', '新型科研机构')]);
    expect(f.map((x) => x.entity.id)).toEqual(['a']);
  });
});

describe('focus: a mode named by who leads it', () => {
  const entities = [ent('a', 'Actor', '船舶集团'), ent('m', 'Mode', '船舶集团牵头的总装协同模式'), ent('n', 'Mode', '高校主导的设计联盟'), ent('g', 'Actor', '企业')];
  it('the collaboration led by the shipbuilding group -> 船舶集团牵头的…模式', async () => {
    const f = await findFocus(store, parsed('Driver', ['协同', '船舶集团']), entities);
    expect(f.map((x) => x.entity.id)).toContain('m');
    expect(f.map((x) => x.entity.id)).not.toContain('n');
  });
  it('a generic two-character actor (企业) names no mode', async () => {
    const f = await findFocus(store, parsed('Driver', ['协同', '企业']), [...entities, ent('k', 'Mode', '企业为核心的集成模式')]);
    expect(f.map((x) => x.entity.id)).not.toContain('k');
  });
});

describe('inLeaderSlot: actors named between 由 and a verb of leading', () => {
  it.each<[string, string, boolean]>([
    ['这一模式由船舶集团、配套企业等龙头企业主导，高校参与。', '配套企业', true],
    ['这一模式由船舶集团、配套企业等龙头企业主导，高校参与。', '高校', false],
    ['由港务局牵头，物流企业参加。', '港务局', true],
    ['由港务局牵头，物流企业参加。', '物流企业', false],
    ['成果由高校转让给企业。', '高校', false],
  ])('%s: %s', (sentence, name, expected) => expect(inLeaderSlot(sentence, name)).toBe(expected));
});

describe('preferDocumentWords: senses the documents write as words', () => {
  const g: TermGroup = { source: 'horizontal', alternatives: ['水平'], more: ['横向', '横贯'], weak: false, negated: false, origin: 'dictionary' };
  it('horizontal -> 横向 (a word) rather than 水平 (inside 高水平)', () => {
    expect(preferDocumentWords([g], ['联合高水平大学。', '同行业企业横向联合组建的共性技术联盟。'])[0].alternatives).toEqual(['横向']);
  });
  it('keeps the best sense when it is a word', () => {
    expect(preferDocumentWords([g], ['水平较高。', '横向联合。'])[0].alternatives).toEqual(['水平']);
  });
});

describe('roleShare: an actor before the role verb is its agent', () => {
  const role = [{ alternatives: ['出资'], weight: 1, weak: false, role: true }];
  const text = '地方政府和投资机构共同出资设立平台运营公司';
  const clause = { start: 0, end: text.length, text };
  it.each<[string, number]>([
    ['地方政府', 1],
    ['投资机构', 1],
    // the object of 出资设立 earns half
    ['平台运营公司', 0.5],
  ])('%s -> %s', (name, expected) => expect(roleShare(clause, text.indexOf(name), role, 'Actor')).toBeCloseTo(expected));
  it('a copula between keeps it whole (决策机构为理事会)', () => {
    const t = '平台决策机构为理事会';
    expect(roleShare({ start: 0, end: t.length, text: t }, t.indexOf('理事会'), [{ alternatives: ['决策机构'], weight: 1, weak: false, role: true }], 'Actor')).toBe(1);
  });
  it('other answer types are not affected', () => expect(roleShare(clause, text.indexOf('平台运营公司'), role, 'Mechanism')).toBe(1));
});

describe('preferDocumentWords: a curated word the documents lack falls back to its core', () => {
  const g: TermGroup = { source: 'decision makers', alternatives: ['决策者'], weak: false, negated: false, origin: 'glossary' };
  it('决策者 -> 决策 when only 决策 is written', () => {
    expect(preferDocumentWords([g], ['不追究相关负责人的决策责任。'])[0].alternatives).toEqual(['决策者', '决策']);
    expect(preferDocumentWords([g], ['决策者应当勤勉尽责。'])[0].alternatives).toEqual(['决策者']);
  });
});

describe('sectionRoute: a kind named within a section speaks for itself, not for the section owner', () => {
  // a synthetic document: a heading mode (园区共建型) whose section introduces two kinds of it
  const lines = ['园区共建型', '其中一类是孵化转化型平台，由园区管委会牵头。', '孵化转化型平台多采用技术入股的方式转化成果。', '园区共建型普遍实行技术入股。'];
  const text = lines.join('\n');
  const pos = (s: string, from = 0) => text.indexOf(s, from);
  const sentences = lines.map((l, i) => ({
    id: `d#${i}`,
    docId: 'd',
    index: i,
    sectionId: 'd#s1',
    sectionPath: '园区共建型',
    start: pos(l),
    end: pos(l) + l.length,
    text: l,
    isHeading: i === 0,
  }));
  const sections = [
    { id: 'd#s0', docId: 'd', heading: '', marker: '', level: 0, path: [], start: 0, end: text.length, headingStart: 0, headingEnd: 0 },
    { id: 'd#s1', docId: 'd', heading: '园区共建型', marker: '一、', level: 1, path: ['园区共建型'], start: 0, end: text.length, headingStart: 0, headingEnd: 5, parentId: 'd#s0' },
  ];
  const mention = (entityId: string, surface: string, i: number) => {
    const start = pos(surface, sentences[i].start);
    return { entityId, docId: 'd', sentenceId: `d#${i}`, start, end: start + surface.length, text: surface };
  };
  const mentions = [
    mention('Mode:园区共建型', '园区共建型', 0),
    mention('Mode:孵化转化型平台', '孵化转化型平台', 1),
    mention('Mode:孵化转化型平台', '孵化转化型平台', 2),
    mention('Mode:园区共建型', '园区共建型', 3),
  ];
  const d = { document: { id: 'd', title: '', source: '', format: 'txt', encoding: 'utf-8', hash: '', text, ingestedAt: '' }, sections, sentences, mentions } as unknown as DocumentDetail;
  const mode = (label: string) => ({ id: `Mode:${label}`, type: 'Mode', label, aliases: [] }) as unknown as Entity;
  const entities = new Map([mode('园区共建型'), mode('孵化转化型平台')].map((e) => [e.id, e]));
  const byId = new Map(sentences.map((s) => [s.id, { sentence: s, rel: 1, own: 1, saysPredicate: true, docText: text } as ScoredSentence]));
  const run = (relatedIn?: Map<string, Set<string>>) => {
    const got = new Map<string, number>();
    sectionRoute(d, byId, entities, 'Mode', (id, c) => {
      if (c.evidence.sentenceId === 'd#2' || c.evidence.sentenceId === 'd#3') got.set(`${id}@${c.evidence.sentenceId}`, c.score);
    }, relatedIn);
    return got;
  };
  it('the owner keeps full scope where the graph relates nothing in the sentence', () => {
    const plain = run();
    expect(plain.get('Mode:园区共建型@d#2')).toBeCloseTo(plain.get('Mode:园区共建型@d#3')!);
  });
  it('the owner is discounted where the graph relates the kind in that sentence', () => {
    const got = run(new Map([['d#2', new Set(['Mode:孵化转化型平台'])]]));
    expect(got.get('Mode:园区共建型@d#2')!).toBeLessThan(got.get('Mode:园区共建型@d#3')!);
  });
  it('not where the owner is related in that sentence too', () => {
    const got = run(new Map([['d#2', new Set(['Mode:孵化转化型平台', 'Mode:园区共建型'])]]));
    expect(got.get('Mode:园区共建型@d#2')).toBeCloseTo(got.get('Mode:园区共建型@d#3')!);
  });
});

describe('paragraphRoute: a paragraph goes on about the one entity its lead names', () => {
  const paragraphs = [
    ['不同于甲方案，第二种做法可以称为“双轮驱动”的联合攻关模式。', '资金分三批下达，每批以考核通过为前提。', '另有开放共享模式，资金一次下达。'],
    ['两类模式各有侧重：联合攻关模式和开放共享模式。', '资金按年度下达。'],
    ['近年出现了新的做法。', '一是联合攻关模式。', '资金分批下达。', '二是开放共享模式。', '资金一次下达。'],
  ];
  const text = paragraphs.map((p) => p.join('')).join('\n');
  let at = 0;
  const sentences: Array<{ id: string; docId: string; index: number; sectionId: string; sectionPath: string; start: number; end: number; text: string; isHeading: boolean }> = [];
  paragraphs.forEach((p, pi) => {
    for (const t of p) {
      sentences.push({ id: `d#${sentences.length}`, docId: 'd', index: sentences.length, sectionId: 'd#s0', sectionPath: '', start: at, end: at + t.length, text: t, isHeading: false });
      at += t.length;
    }
    if (pi < paragraphs.length - 1) at += 1;
  });
  const mentions = sentences.flatMap((s) =>
    ['联合攻关模式', '开放共享模式', '甲方案'].flatMap((name) => {
      const i = s.text.indexOf(name);
      return i < 0 ? [] : [{ entityId: `Mode:${name}`, docId: 'd', sentenceId: s.id, start: s.start + i, end: s.start + i + name.length, text: name }];
    }),
  );
  const d = {
    document: { id: 'd', title: '', source: '', format: 'txt', encoding: 'utf-8', hash: '', text, ingestedAt: '' },
    sections: [{ id: 'd#s0', docId: 'd', heading: '', marker: '', level: 0, path: [], start: 0, end: text.length, headingStart: 0, headingEnd: 0 }],
    sentences,
    mentions,
  } as unknown as DocumentDetail;
  const entities = new Map(['联合攻关模式', '开放共享模式', '甲方案'].map((l) => [`Mode:${l}`, { id: `Mode:${l}`, type: 'Mode', label: l, aliases: [] } as unknown as Entity]));
  const byId = new Map(sentences.map((s) => [s.id, { sentence: s, rel: 1, own: 1, saysPredicate: true, docText: text } as ScoredSentence]));
  const got: string[] = [];
  paragraphRoute(d, byId, entities, 'Mode', (id, c) => got.push(`${id}@${c.evidence.sentenceId}`));
  it('the lead names one mode (the compared one aside): it owns the next sentence', () => expect(got).toContain('Mode:联合攻关模式@d#1'));
  it('not a sentence naming another mode of its own', () => expect(got).not.toContain('Mode:联合攻关模式@d#2'));
  it('a lead naming two modes gives the paragraph to neither', () => expect(got.filter((g) => g.endsWith('@d#4'))).toEqual([]));
  it('an enumeration passes the paragraph from one named mode to the next', () => {
    expect(got.filter((g) => /@d#[5-9]$/.test(g))).toEqual(['Mode:联合攻关模式@d#7', 'Mode:开放共享模式@d#9']);
  });
  it('only owner types', () => {
    const none: string[] = [];
    paragraphRoute(d, byId, entities, 'Actor', (id) => none.push(id));
    expect(none).toEqual([]);
  });
});

describe('namesKindsAsModes: the documents name kinds of an organisation as modes', () => {
  const doc = (text: string, names: string[]) =>
    ({
      document: { id: 'd', text },
      sections: [],
      sentences: [],
      mentions: names.map((n) => ({ entityId: `Mode:${n}`, docId: 'd', sentenceId: 'd#0', start: text.indexOf(n), end: text.indexOf(n) + n.length, text: n })),
    }) as unknown as DocumentDetail;
  const modes = (names: string[]) => new Map(names.map((n) => [`Mode:${n}`, { id: `Mode:${n}`, type: 'Mode', label: n, aliases: [] } as unknown as Entity]));
  it.each<[string, string, string[], string[], boolean]>([
    ['a mode written before the noun', '高校主导型平台负责中试，企业主导型平台负责量产。', ['高校主导型', '企业主导型'], ['平台'], true],
    ['a mode whose name ends with it', '各地设立了孵化型中心和服务型中心。', ['孵化型中心'], ['中心'], true],
    ['a mode with 型 between', '一些地方探索了企业主导型机构。', ['企业主导'], ['机构'], true],
    ['the noun elsewhere only', '联盟模式由多家机构共同参与。', ['联盟模式'], ['机构'], false],
  ])('%s', (_n, text, names, nouns, expected) => expect(namesKindsAsModes([doc(text, names)], modes(names), nouns)).toBe(expected));
});

describe('relationRoute: relation confidence ranks cued participants above subject-only ones', () => {
  const actor = (label: string) => ({ id: `Actor:${label}`, type: 'Actor', label, aliases: [] }) as unknown as Entity;
  const mode = { id: 'Mode:园区共建型', type: 'Mode', label: '园区共建型', aliases: [] } as unknown as Entity;
  const ev = (text: string, i: number) => ({ doc: 'd', section: '', sentenceId: `d#${i}`, text, start: i * 100, end: i * 100 + text.length });
  const relations = [
    { id: 'r1', type: 'PARTICIPATES_IN', source: 'Actor:检测机构', target: mode.id, confidence: 0.5, evidence: [ev('园区共建型吸纳检测机构参与。', 1)] },
    { id: 'r2', type: 'PARTICIPATES_IN', source: 'Actor:园区企业', target: mode.id, confidence: 0.4, evidence: [ev('园区企业参与园区共建型。', 2)] },
  ];
  const store = { findRelations: async () => relations, getEntities: async () => [] } as unknown as GraphStore;
  it('scores the cued relation higher and reports the asked relation confidence', async () => {
    const entities = new Map([mode, actor('检测机构'), actor('园区企业')].map((e) => [e.id, e]));
    const got = new Map<string, number>();
    const asked = new Map<string, number>();
    const parsed = { answerType: 'Actor' } as ParsedQuestion;
    const predicate = [{ source: '参与', alternatives: ['参与'], weak: false, negated: false, origin: 'chinese', weight: 1 }] as never;
    await relationRoute(store, parsed, [{ entity: mode, score: 1 }], entities, ['d'], predicate, (id, c) => got.set(id, Math.max(got.get(id) ?? 0, c.score)), asked);
    expect(got.get('Actor:检测机构')!).toBeGreaterThan(got.get('Actor:园区企业')!);
    expect(asked.get('Actor:检测机构')).toBe(0.5);
    expect(asked.get('Actor:园区企业')).toBe(0.4);
  });
});

describe('decisionBodyRoute: known decision bodies answer what body decides', () => {
  const text = '该平台的重大事项由管委会召集的联席会议审定。';
  const s = { id: 'd#0', docId: 'd', index: 0, sectionId: 'd#s0', sectionPath: '', start: 0, end: text.length, text, isHeading: false };
  const at = (w: string) => text.indexOf(w);
  const d = {
    document: { id: 'd', text },
    sections: [],
    sentences: [s],
    mentions: [
      { entityId: 'Actor:管委会', docId: 'd', sentenceId: 'd#0', start: at('管委会'), end: at('管委会') + 3, text: '管委会' },
      { entityId: 'Actor:联席会议', docId: 'd', sentenceId: 'd#0', start: at('联席会议'), end: at('联席会议') + 4, text: '联席会议' },
    ],
  } as unknown as DocumentDetail;
  const actor = (label: string) => ({ id: `Actor:${label}`, type: 'Actor', label, aliases: [] }) as unknown as Entity;
  // the graph knows 联席会议 as a decision body from another document only
  const relations = [{ id: 'r', type: 'HAS_DECISION_BODY', source: 'Mode:其他', target: 'Actor:联席会议', confidence: 0.65, evidence: [{ doc: 'other', section: '', sentenceId: 'o#0', text: '', start: 0, end: 0 }] }];
  const store = { findRelations: async () => relations, getEntities: async () => [] } as unknown as GraphStore;
  it('credits a known decision body mentioned in a relevant sentence, and reports the bodies', async () => {
    const entities = new Map([actor('管委会'), actor('联席会议')].map((e) => [e.id, e]));
    const byId = new Map([[s.id, { sentence: s, rel: 1, own: 1, saysPredicate: true, docText: text } as ScoredSentence]]);
    const got = new Map<string, number>();
    const bodies = await decisionBodyRoute(store, [d], byId, entities, [], (id, c) => got.set(id, c.score));
    expect([...bodies]).toEqual(['Actor:联席会议']);
    expect(got.get('Actor:联席会议')).toBeGreaterThan(0);
    expect(got.has('Actor:管委会')).toBe(false);
  });
});

describe('namedInParts: a mode named by its content words written apart', () => {
  const g = (...alts: string[][]) => ({ groups: alts.map((a) => ({ source: a[0], alternatives: a, weak: false, negated: false, origin: 'glossary' })) }) as never;
  it.each([
    ['高校院所牵头的中试熟化模式', g(['中试熟化'], ['高校院所']), true],
    ['高校院所牵头的中试熟化模式', g(['中试熟化']), false], // one part only
    ['高校院所牵头的中试熟化模式', g(['高校院所'], ['中试']), false], // 熟化 is content, unsaid
    ['园区企业主导的联合实验室', g(['园区企业'], ['联合实验室']), true],
  ])('%s', (name, parsed, expected) => {
    expect(namedInParts(name, parsed)).toBe(expected);
  });
});
