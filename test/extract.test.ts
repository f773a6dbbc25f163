// Unit tests of extraction on small sentences written for these tests: segmentation, entity
// types, resolution, relations with evidence, English labels, and the scorer's arithmetic.
import { beforeAll, describe, expect, it } from 'vitest';
import { PolicygraphError } from '../core/errors.js';
import { parseGold, prf, scoreExtraction } from '../ingest/eval-extract.js';
import { extract, prepareExtraction, type ExtractionOutput } from '../ingest/extract.js';
import { englishLabel } from '../ingest/labels.js';
import { compilePattern, lexicon } from '../ingest/lexicon.js';
import { searchTokens, segment } from '../ingest/segment.js';
import { splitSections } from '../ingest/split-sections.js';
import { splitSentences } from '../ingest/split-sentences.js';
import type { DecodedDocument, Entity, EntityType } from '../ingest/types.js';

function run(text: string, docId = 't'): ExtractionOutput & { text: string } {
  const doc: DecodedDocument = {
    source: { path: `${docId}.txt`, name: `${docId}.txt`, format: 'txt', bytes: Buffer.from(text) },
    encoding: 'utf-8',
    text,
    headingHints: [],
    title: text.split('\n')[0],
  };
  const sections = splitSections(doc, docId);
  const sentences = splitSentences(text, sections, docId);
  return { ...extract({ docId, text, sections, sentences }), text };
}

const labels = (out: ExtractionOutput, type: EntityType) => out.entities.filter((e) => e.type === type).map((e) => e.label);
const entity = (out: ExtractionOutput, type: EntityType, label: string): Entity | undefined => out.entities.find((e) => e.type === type && e.label === label);
const rel = (out: ExtractionOutput, type: string, source: string, target: string) =>
  out.relations.find((r) => r.type === type && r.source === source && r.target === target);

describe('segment', () => {
  it('keeps domain terms whole and gives offsets into the text', () => {
    const text = '各单位实行揭榜挂帅，推动产学研协同创新。';
    const tokens = segment(text);
    expect(tokens.map((t) => t.text)).toContain('揭榜挂帅');
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it.each([
    ['哪些模式采用赛马制？', ['赛马制'], ['哪些', '？']],
    ['Which MODES use Milestone evaluation', ['modes', 'milestone', 'evaluation'], ['which', 'Which']],
    ['研究型大学与龙头企业的合作', ['研究型大学', '龙头企业', '合作'], ['的', '与']],
  ])('searchTokens(%s)', (text, present, absent) => {
    const tokens = searchTokens(text);
    for (const p of present) expect(tokens).toContain(p);
    for (const a of absent) expect(tokens).not.toContain(a);
  });

  it('emits a domain term whole even where the search segmentation splits it', () => {
    expect(searchTokens('完善利益共享机制')).toContain('利益共享机制');
  });
});

describe('entities', () => {
  it.each<[string, EntityType, string[], string[]]>([
    ['央企和研究型大学联合成立了实验室。', 'Actor', ['中央企业', '高校'], []],
    ['地方政府和高校院所共同出资。', 'Actor', ['地方政府', '高校', '科研机构'], []],
    ['用户单位与技术经理人对接。', 'Actor', ['技术经理人'], []],
    ['研究团队实行年薪制和双导师制。', 'Mechanism', ['年薪制', '双导师制'], []],
    ['对完成情况进行考核，并完善体制机制。', 'Mechanism', [], ['考核', '体制机制']],
    ['团队成员通过期权方式进行激励。', 'Mechanism', ['期权激励'], []],
    ['对教师以专利转让数量为指标进行考核。', 'Mechanism', ['以专利转让数量为指标考核'], []],
    ['项目采用“包干制”管理经费。', 'Mechanism', ['包干制'], []],
    ['这一阶段需要从封闭创新迈向开放创新。', 'Requirement', ['从封闭创新迈向开放创新'], []],
    ['推动合作由跟跑向并跑转变。', 'Requirement', ['由跟跑向并跑转变'], []],
    ['这种合作侧重数据驱动。', 'Driver', ['数据驱动'], []],
    ['政府主导的产学研合作以用户需求为牵引开展攻关。', 'Driver', ['用户需求牵引'], []],
    ['高校评价仍以论文为导向。', 'Driver', [], ['论文导向']],
    ['实施创新驱动发展战略。', 'Driver', [], ['创新驱动']],
    ['地方政府主导的校地合作正在兴起。', 'Mode', ['地方政府主导的校地合作'], []],
    ['以行业协会为主导的产业联盟发展较快。', 'Mode', ['以行业协会为主导的产业联盟'], []],
  ])('%s -> %s', (text, type, present, absent) => {
    const out = run(text);
    for (const p of present) expect(labels(out, type)).toContain(p);
    for (const a of absent) expect(labels(out, type)).not.toContain(a);
  });

  it('finds modes named by headings under a heading that announces kinds of collaboration', () => {
    const text = [
      '校地合作研究',
      '一、两类组织形式',
      '1.共建实验室型合作',
      '高校提供人员，企业提供经费。',
      '2.以园区为主导的孵化合作',
      '园区管委会负责日常管理。',
    ].join('\n');
    const out = run(text);
    expect(labels(out, 'Mode')).toEqual(expect.arrayContaining(['共建实验室型合作', '以园区为主导的孵化合作']));
  });

  it('treats headings under a requirements heading as requirements and imperative leaf headings as recommendations', () => {
    const text = ['政策研究', '一、新形势提出的要求', '1.从单兵作战迈向体系协同', '正文。', '二、几点建议', '1.完善人才评价制度', '正文。'].join('\n');
    const out = run(text);
    expect(labels(out, 'Requirement')).toContain('从单兵作战迈向体系协同');
    expect(labels(out, 'Recommendation')).toContain('完善人才评价制度');
  });

  it('merges aliases into one canonical entity and keeps every mention', () => {
    const out = run('大学和科研院所参与。高等院校与研究机构也参与。高校发挥作用。');
    const uni = entity(out, 'Actor', '高校');
    expect(uni?.aliases).toEqual(expect.arrayContaining(['大学', '高等院校']));
    expect(out.mentions.filter((m) => m.entityId === 'Actor:高校')).toHaveLength(3);
    expect(entity(out, 'Actor', '科研机构')?.aliases).toEqual(expect.arrayContaining(['科研院所', '研究机构']));
    expect(labels(out, 'Actor')).not.toContain('大学');
  });

  it('gives ids as type:label, one entity per id', () => {
    const out = run('企业和高校合作。企业提供资金，高校提供人才。');
    for (const e of out.entities) expect(e.id).toBe(`${e.type}:${e.label}`);
    expect(new Set(out.entities.map((e) => e.id)).size).toBe(out.entities.length);
  });
});

describe('relations', () => {
  const doc = [
    '校企合作的两种模式',
    '一、合作模式',
    '1.高校主导的联合研发',
    '由高校牵头组建团队，企业提供经费，科研人员实行双聘制，对项目采取“节点”考核方式。',
    '这类合作侧重技术驱动，决策机构为管理委员会，管理委员会成员由高校、企业和行业协会代表组成。',
    '2.省级政府主导的联合研发',
    '由政府牵头，通过委托研发或“揭榜挂帅”等方式开展攻关，地方政府给予运行补贴。',
    '其中：地方政府主导的联合研发注重本地产业。',
  ].join('\n');
  let out: ReturnType<typeof run>;
  beforeAll(() => {
    out = run(doc, 'rel');
  });

  it.each([
    ['LED_BY', 'Mode:高校主导的联合研发', 'Actor:高校'],
    ['PARTICIPATES_IN', 'Actor:企业', 'Mode:高校主导的联合研发'],
    ['PARTICIPATES_IN', 'Actor:科研人员', 'Mode:高校主导的联合研发'],
    ['USES', 'Mode:高校主导的联合研发', 'Mechanism:双聘制'],
    ['USES', 'Mode:高校主导的联合研发', 'Mechanism:节点考核'],
    ['DRIVEN_BY', 'Mode:高校主导的联合研发', 'Driver:技术驱动'],
    ['HAS_DECISION_BODY', 'Mode:高校主导的联合研发', 'Actor:管理委员会'],
    ['PART_OF', 'Actor:行业协会', 'Actor:管理委员会'],
    ['USES', 'Mode:省级政府主导的联合研发', 'Mechanism:揭榜挂帅'],
    ['USES', 'Mode:省级政府主导的联合研发', 'Mechanism:委托研发'],
    ['PROVIDES', 'Actor:地方政府', 'Mechanism:运行补贴'],
  ])('%s %s -> %s', (type, source, target) => {
    expect(rel(out, type, source, target)).toBeDefined();
  });

  it('does not attach one mode’s practices to another', () => {
    expect(rel(out, 'USES', 'Mode:省级政府主导的联合研发', 'Mechanism:双聘制')).toBeUndefined();
    expect(rel(out, 'USES', 'Mode:高校主导的联合研发', 'Mechanism:揭榜挂帅')).toBeUndefined();
  });

  it('does not repeat a leader as participant, nor count a body’s members as participants', () => {
    expect(rel(out, 'PARTICIPATES_IN', 'Actor:高校', 'Mode:高校主导的联合研发')).toBeUndefined();
    expect(rel(out, 'PARTICIPATES_IN', 'Actor:行业协会', 'Mode:高校主导的联合研发')).toBeUndefined();
  });

  it('ranks an explicit cue above section co-occurrence', () => {
    const explicit = rel(out, 'USES', 'Mode:高校主导的联合研发', 'Mechanism:双聘制')!;
    const participates = rel(out, 'PARTICIPATES_IN', 'Actor:企业', 'Mode:高校主导的联合研发')!;
    expect(explicit.confidence).toBeGreaterThan(participates.confidence);
  });

  it('attaches each relation to sentences that quote the source exactly', () => {
    expect(out.relations.length).toBeGreaterThan(5);
    for (const r of out.relations) {
      expect(r.evidence.length).toBeGreaterThan(0);
      for (const e of r.evidence) expect(out.text.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('links a sub-mode to its parent when its leader is a kind of the parent’s leader', () => {
    const text = ['合作类型', '一、类型', '1.政府主导的合作', '由政府牵头。其中：地方政府主导的合作侧重本地需求。'].join('\n');
    const r = run(text, 'sub');
    expect(rel(r, 'SUBTYPE_OF', 'Mode:地方政府主导的合作', 'Mode:政府主导的合作')).toBeDefined();
    expect(entity(r, 'Mode', '地方政府主导的合作')?.parentId).toBe('Mode:政府主导的合作');
  });

  it('reads stated inclusion as actor subtypes', () => {
    const r = run('要发挥企业，包括龙头企业和新创企业的作用。');
    expect(rel(r, 'SUBTYPE_OF', 'Actor:龙头企业', 'Actor:企业')).toBeDefined();
    expect(rel(r, 'SUBTYPE_OF', 'Actor:新创企业', 'Actor:企业')).toBeDefined();
  });
});

describe('english labels', () => {
  beforeAll(async () => {
    await prepareExtraction();
  });

  it.each([
    ['里程碑考核', 'Mechanism', 'milestone evaluation'],
    ['高校', 'Actor', 'university'],
    ['从封闭创新迈向开放创新', 'Requirement', /^from .+ to .+$/],
    ['地方政府主导的产学研合作', 'Mode', /local.government/i],
    ['数据驱动', 'Driver', /-driven$/],
  ] as const)('%s', (zh, type, expected) => {
    const en = englishLabel(zh, type);
    if (typeof expected === 'string') expect(en).toBe(expected);
    else expect(en).toMatch(expected);
  });

  it('uses the dictionary for words the glossary lacks', () => {
    const en = englishLabel('院士', 'Actor');
    expect(en).toMatch(/[a-z]/i);
    expect(en).not.toMatch(/\p{Script=Han}/u);
  });

  it('labels every extracted entity in English', () => {
    const out = run('高校和企业签订技术开发合同，采取年薪制。');
    for (const e of out.entities) expect(e.labelEn).toMatch(/[a-z]/i);
  });
});

describe('lexicon', () => {
  it('validates: every glossary entry has Chinese and English', () => {
    expect(lexicon().glossary.length).toBeGreaterThan(200);
    for (const g of lexicon().glossary) {
      expect(g.zh).toMatch(/\p{Script=Han}/u);
      expect(g.en).toMatch(/[a-z]/i);
    }
  });

  it('reports a malformed pattern as a CONFIG error naming the lexicon', () => {
    try {
      compilePattern({ name: 'broken', regex: '(' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicygraphError);
      expect((e as PolicygraphError).code).toBe('CONFIG');
      expect((e as PolicygraphError).message).toContain('ingest/lexicon');
    }
  });
});

describe('scorer', () => {
  const gold = parseGold({
    doc: 'x.txt',
    entities: [
      { type: 'Mode', label: '甲主导的合作', match: ['甲主导'] },
      { type: 'Actor', label: '甲', match: ['甲'], exact: true },
      { type: 'Actor', label: '乙', match: ['乙方'] },
      { type: 'Mechanism', label: '丙制', match: ['丙制'] },
    ],
    relations: [
      { type: 'LED_BY', source: '甲主导的合作', target: '甲' },
      { type: 'USES', source: '甲主导的合作', target: '丙制' },
    ],
  });
  const e = (type: EntityType, label: string, aliases: string[] = []): Entity => ({ id: `${type}:${label}`, type, label, labelEn: label, aliases });
  const output = {
    entities: [e('Mode', '甲主导的合作'), e('Actor', '甲'), e('Actor', '甲乙'), e('Actor', '丁', ['乙方单位']), e('Mechanism', '戊制')],
    relations: [
      { id: 'a', type: 'LED_BY' as const, source: 'Mode:甲主导的合作', target: 'Actor:甲', confidence: 1, evidence: [] },
      { id: 'b', type: 'LED_BY' as const, source: 'Mode:甲主导的合作', target: 'Actor:丁', confidence: 1, evidence: [] },
      { id: 'c', type: 'PART_OF' as const, source: 'Actor:甲', target: 'Actor:丁', confidence: 1, evidence: [] },
    ],
  };
  const score = scoreExtraction(gold, output);

  it('matches by contained fragment, exact when marked, and through aliases', () => {
    // Actors: 甲 (exact) and 丁 (alias 乙方单位 contains 乙方) match; 甲乙 does not equal 甲.
    expect(score.entities.Actor).toMatchObject({ correct: 2, extracted: 3, found: 2, gold: 2 });
    expect(score.entities.Mechanism).toMatchObject({ correct: 0, extracted: 1, found: 0, gold: 1, f1: 0 });
  });

  it('scores only the relation types the gold annotates', () => {
    expect(score.relations.LED_BY).toMatchObject({ correct: 1, extracted: 2, precision: 0.5, recall: 1 });
    expect(score.relations.USES).toMatchObject({ extracted: 0, recall: 0 });
    expect(score.relations.PART_OF).toBeUndefined();
  });

  it('computes F1 as the harmonic mean', () => {
    expect(prf(1, 2, 1, 1).f1).toBeCloseTo(2 / 3);
    expect(prf(0, 0, 0, 3)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('rejects a malformed gold file with BAD_INPUT naming it', () => {
    expect(() => parseGold({ doc: 'x', entities: [{ type: 'Nope' }] }, 'bad.gold.json')).toThrow(/bad\.gold\.json/);
  });
});

describe('structure cues', () => {
  it('reads inline enumerations and announced kinds as sub-modes of the section’s mode', () => {
    const text = [
      '联盟研究',
      '一、合作形式',
      '1.产业联盟型合作',
      '这类合作分为两类：横向联盟，由同行企业组建；区域联盟，由地方政府牵头，实行会员制。',
    ].join('\n');
    const out = run(text, 'kinds');
    expect(labels(out, 'Mode')).toEqual(expect.arrayContaining(['产业联盟型合作', '横向联盟', '区域联盟']));
    expect(rel(out, 'SUBTYPE_OF', 'Mode:区域联盟', 'Mode:产业联盟型合作')).toBeDefined();
    expect(rel(out, 'USES', 'Mode:区域联盟', 'Mechanism:会员制')).toBeDefined();
    expect(rel(out, 'USES', 'Mode:横向联盟', 'Mechanism:会员制')).toBeUndefined();
  });

  it('finds shifts stated as 一是…二是… items', () => {
    const text = ['展望', '一、发展趋势', '一是从单点合作向全链条合作转变；二是由政府推动转为市场主导。'].join('\n');
    expect(labels(run(text, 'enum'), 'Requirement')).toEqual(expect.arrayContaining(['从单点合作向全链条合作转变', '由政府推动转为市场主导']));
  });

  it('reads a leader phrase with a type suffix as a mode when it is a heading', () => {
    const text = ['合作类型', '一、三种类型', '（一）企业主导型', '企业出资，高校参与研发，实行项目经理制。', '（二）政府引导型', '地方政府采取后补助方式支持。'].join('\n');
    const out = run(text, 'types');
    expect(labels(out, 'Mode')).toEqual(expect.arrayContaining(['企业主导型', '政府引导型']));
    expect(rel(out, 'LED_BY', 'Mode:企业主导型', 'Actor:企业')).toBeDefined();
    expect(rel(out, 'USES', 'Mode:企业主导型', 'Mechanism:项目经理制')).toBeDefined();
    expect(rel(out, 'USES', 'Mode:政府引导型', 'Mechanism:后补助')).toBeDefined();
  });

  it('reads a quoted name in apposition to a mode (“链主带动”模式，即以…为主导的…) as another name of it', () => {
    const text = ['氢能', '', '第一类可以概括为“链主带动”模式，即以能源央企为主导的全链条联合攻关。'].join('\n');
    const out = run(text, 'appos');
    const mode = out.entities.find((e) => e.type === 'Mode' && e.label.includes('全链条联合攻关'));
    expect(mode?.aliases.some((a) => a.includes('链主带动'))).toBe(true);
    expect(out.entities.filter((e) => e.type === 'Mode')).toHaveLength(1);
  });

  it('does not read a participation the text denies (加入意愿不强, 难以参与) as a cue', () => {
    const text = ['模式', '一、两种模式', '1．企业主导的攻关模式', '企业牵头开展攻关，高校参与。同行企业加入意愿不强，科研院所难以参与。'].join('\n');
    const out = run(text, 'neg');
    const conf = (a: string) => rel(out, 'PARTICIPATES_IN', `Actor:${a}`, 'Mode:企业主导的攻关模式')?.confidence ?? 0;
    expect(conf('高校')).toBeGreaterThan(conf('同行企业'));
    expect(conf('科研机构')).toBeLessThanOrEqual(0.4);
  });

  it('reads paragraphs opened by 首先，其次，再次，最后， as the measures of an unnumbered recommendations heading', () => {
    const text = ['调研报告', '', '一、现状', '', '各地开展了协同。', '', '几点建议', '', '首先，推动协同走向制度化。发布示范文本。', '', '其次，扩大场景开放。发布清单。', '', '最后，用好耐心资本。推广拨投结合。'].join('\n');
    const recs = labels(run(text, 'seq'), 'Recommendation');
    expect(recs).toEqual(expect.arrayContaining(['推动协同走向制度化', '扩大场景开放', '用好耐心资本']));
  });

  it('reads 一是…二是… items as the measures of a recommendations heading without numbered measures', () => {
    const text = ['研究报告', '一、存在问题', '合作松散。', '二、政策建议', '一是加强企业创新主体地位，支持龙头企业牵头；二是完善成果转化收益分配机制，推行“先投后股”。'].join('\n');
    const out = run(text, 'recs');
    expect(labels(out, 'Recommendation')).toEqual(['加强企业创新主体地位', '完善成果转化收益分配机制']);
    expect(rel(out, 'ADDRESSES', 'Recommendation:完善成果转化收益分配机制', 'Mechanism:先投后股')).toBeDefined();
  });

  it('does not take a goal in a recommendation for a mode', () => {
    expect(labels(run('要打造分工明确、有序协同的集团军作战模式。'), 'Mode')).toEqual([]);
  });
});

// One case per general rule added for held-out generalisation; every sentence is written for the test.
describe('generalisation rules', () => {
  it.each<[string, string, string[], [string, string, string][], [string, string, string][]]>([
    [
      'inline kind list (分为A和B两类) and later mentions of each kind',
      ['机构类型', '一、总体情况', '这类机构分为政府引导型和市场主导型两类。政府引导型机构以地方政府为主导，推行年薪制。市场主导型机构由民营企业发起设立，实行股权激励。'].join('\n'),
      ['Mode:政府引导型', 'Mode:市场主导型'],
      [['LED_BY', 'Mode:政府引导型', 'Actor:地方政府'], ['USES', 'Mode:政府引导型', 'Mechanism:年薪制'], ['LED_BY', 'Mode:市场主导型', 'Actor:民营企业'], ['USES', 'Mode:市场主导型', 'Mechanism:股权激励']],
      [['USES', 'Mode:政府引导型', 'Mechanism:股权激励']],
    ],
    [
      'a list of leaders (由A、B或C发起), a partner (由A联合B发起) and a sub-kind led by its own organiser',
      ['路径比较', '一、三种路径', '第一种：院所牵引型', '这一路径由研究型大学、科研院所或全国重点实验室发起，吸引企业加入。其中一类是由技术转移机构牵头组建的成果孵化型联合体，吸引投资机构参与。', '第二种：平台枢纽型', '这一路径由地方政府联合国有投资公司发起，建设中试线。'].join('\n'),
      ['Mode:院所牵引型', 'Mode:平台枢纽型'],
      [['LED_BY', 'Mode:院所牵引型', 'Actor:高校'], ['LED_BY', 'Mode:院所牵引型', 'Actor:科研机构'], ['LED_BY', 'Mode:院所牵引型', 'Actor:国家实验室'], ['LED_BY', 'Mode:平台枢纽型', 'Actor:地方政府']],
      [['LED_BY', 'Mode:院所牵引型', 'Actor:技术转移机构'], ['LED_BY', 'Mode:平台枢纽型', 'Actor:国有投资公司']],
    ],
    [
      'an overview naming several modes, a denied participation and a proposal in the measures give no participant',
      ['合作模式', '一、三种模式', '实践可以归纳为：企业主导的攻关模式、高校牵头的转化型合作，以及政府搭台的平台模式。', '1．企业主导的攻关模式', '由企业牵头，联合材料企业开展攻关。同行企业加入意愿不强。', '2．高校牵头的转化型合作', '高校联合医院开展研究。', '二、政策建议', '（一）实行分类支持', '对企业主导的攻关模式，重在吸纳配套企业参与。'].join('\n'),
      ['Mode:企业主导的攻关模式'],
      [['PARTICIPATES_IN', 'Actor:材料企业', 'Mode:企业主导的攻关模式']],
      [['PARTICIPATES_IN', 'Actor:政府', 'Mode:高校牵头的转化型合作'], ['PARTICIPATES_IN', 'Actor:配套企业', 'Mode:企业主导的攻关模式']],
    ],
    [
      'a mode named in prose (可以概括为…的X模式) is the topic of the rest of its paragraph; its leader is not also a participant',
      ['种业', '一、组织方式', '1．企业主导的育种联合体', '联合体实行科企双聘。', '', '一些省份还尝试了第三种做法，可以概括为“政府搭台、联盟攻关”的区域性育种攻关联盟模式。联盟由省级农业农村部门发起，联合种业企业开展攻关，项目经费实行分阶段拨付。联盟设联席会议，由省级农业农村部门召集。'].join('\n'),
      ['Mode:区域性育种攻关联盟模式'],
      [['LED_BY', 'Mode:区域性育种攻关联盟模式', 'Actor:省级农业农村部门'], ['USES', 'Mode:区域性育种攻关联盟模式', 'Mechanism:分阶段拨付']],
      [['USES', 'Mode:企业主导的育种联合体', 'Mechanism:分阶段拨付'], ['PARTICIPATES_IN', 'Actor:省级农业农村部门', 'Mode:区域性育种攻关联盟模式']],
    ],
    [
      'kinds opened as 第一类…第二类… paragraphs: each runs over its paragraphs to the next; a parallel item names a mode however its noun reads',
      ['氢能合作', '', '三类合作形态', '', '第一类可以概括为链主带动模式，即以能源央企为主导的全链条联合攻关。这类合作由能源央企发起。', '', '在资金上，成员单位实行赛马制。', '', '第二类是以研究型大学为主导的概念验证型转化。学校实行拨投结合。', '', '第三类则是地方政府主导的区域协同型合作。地方政府给予运营补贴。', '', '几点建议', '', '第一，做实概念验证。推广拨投结合。', '', '第二，健全协同机制。提升联席会议层级。'].join('\n'),
      ['Mode:以能源央企为主导的全链条联合攻关', 'Mode:以研究型大学为主导的概念验证型转化', 'Mode:地方政府主导的区域协同型合作', 'Recommendation:做实概念验证'],
      [['USES', 'Mode:以能源央企为主导的全链条联合攻关', 'Mechanism:赛马制'], ['USES', 'Mode:以研究型大学为主导的概念验证型转化', 'Mechanism:拨投结合']],
      [['USES', 'Mode:以研究型大学为主导的概念验证型转化', 'Mechanism:赛马制']],
    ],
    [
      'a mode heading with aspect sub-headings (1．组织架构 2．运行机制) is the mode; its aspects are not modes',
      ['大模型', '一、三种合作模式', '（一）平台企业牵头的算力—模型协同攻关模式', '1．组织架构', '由平台企业牵头，联合高校开展攻关。', '2．运行机制', '普遍实行双聘制。', '（二）政府搭台的行业联合体模式', '1．省级统筹型', '由省级政府发起，实行揭榜挂帅。', '2．地市场景开放型', '由地市政府主导，实行首购首用。'].join('\n'),
      ['Mode:平台企业牵头的算力—模型协同攻关模式', 'Mode:政府搭台的行业联合体模式', 'Mode:省级统筹型', 'Mode:地市场景开放型'],
      [['USES', 'Mode:平台企业牵头的算力—模型协同攻关模式', 'Mechanism:双聘制'], ['USES', 'Mode:省级统筹型', 'Mechanism:揭榜挂帅']],
      [['USES', 'Mode:省级统筹型', 'Mechanism:双聘制']],
    ],
    [
      'a section whose opening paragraph introduces its only mode is that mode\'s description; 由X发起的<long qualifier>联合体 is a mode',
      ['中医药', '', '从医院药柜到上市新药', '', '最常见的做法是由医院主导的转化路径，业内常称之为接力模式。', '', '在组织上，医院实行双岗双薪。', '', '企业牵头的大品种开发', '', '另一类是由中药龙头企业发起的大品种二次开发联合体。联合体实行首席科学家负责制。'].join('\n'),
      ['Mode:接力模式'],
      [['USES', 'Mode:接力模式', 'Mechanism:双岗双薪']],
      [['USES', 'Mode:接力模式', 'Mechanism:首席科学家负责制']],
    ],
    [
      'a kinds chapter with lead text, numbered kinds with run-in aspects, and unmarked chapters after them',
      ['种业', '', '当前合作的几种组织形态', '', '各地形成了若干组织形态。', '', '1．以种业企业为主导的商业化育种模式', '', '（1）组织方式。由种业企业牵头，实行科企双聘。', '', '（2）考核评价。以审定品种数量为指标考核。', '', '2．由农业农村部门发起的良种联合攻关', '', '联合攻关大量采用赛马制。', '', '新阶段的新要求', '', '一是资源配置由分散支持向集中攻坚转变。二是合作纽带由短期合作向长期联结转变。', '', '政策取向与建议', '', '1．强化种业知识产权保护。加快实施派生品种制度。', '', '2．推进种质资源开放共享。扩大开放范围。'].join('\n'),
      ['Mode:以种业企业为主导的商业化育种模式', 'Mode:由农业农村部门发起的良种联合攻关', 'Recommendation:强化种业知识产权保护', 'Requirement:由分散支持向集中攻坚转变'],
      [['USES', 'Mode:以种业企业为主导的商业化育种模式', 'Mechanism:科企双聘'], ['USES', 'Mode:由农业农村部门发起的良种联合攻关', 'Mechanism:赛马制']],
      [['USES', 'Mode:由农业农村部门发起的良种联合攻关', 'Mechanism:科企双聘']],
    ],
    [
      'unnumbered lines that open and divide a numbered section are its sub-headings',
      ['种业协同', '', '第一部分 主要组织方式', '', '以种业企业为主导的商业化育种联合体', '', '联合体实行科企双聘。', '', '资源共享型协作', '', '这类协作由科研机构牵头，实行惠益分享。', '', '第二部分 新要求', '', '各方要加强协同。'].join('\n'),
      ['Mode:以种业企业为主导的商业化育种联合体', 'Mode:资源共享型协作'],
      [['USES', 'Mode:资源共享型协作', 'Mechanism:惠益分享'], ['LED_BY', 'Mode:资源共享型协作', 'Actor:科研机构']],
      [['USES', 'Mode:以种业企业为主导的商业化育种联合体', 'Mechanism:惠益分享']],
    ],
    [
      'a heading numbered as a path (路径一：) names a mode, and its section describes it',
      ['三条路径', '', '路径一：整机企业牵头的配套式协同', '', '由整机企业牵头，联合高校开展攻关，实行双组长制。', '', '路径二：平台型合作', '', '研究院实行拨投结合。'].join('\n'),
      ['Mode:整机企业牵头的配套式协同', 'Mode:平台型合作'],
      [['USES', 'Mode:整机企业牵头的配套式协同', 'Mechanism:双组长制'], ['USES', 'Mode:平台型合作', 'Mechanism:拨投结合']],
      [['USES', 'Mode:平台型合作', 'Mechanism:双组长制']],
    ],
    [
      'introduced kinds (第一种是…模式) scope the text up to the next kind',
      ['调研', '一、做法', '各地形成两种做法。第一种是以龙头企业为核心的联合攻关模式，龙头企业配备专职工程师，实行项目经理制。第二种是技术入股型合作，高校以专利作价入股。'].join('\n'),
      ['Mode:以龙头企业为核心的联合攻关模式'],
      [['LED_BY', 'Mode:以龙头企业为核心的联合攻关模式', 'Actor:龙头企业'], ['USES', 'Mode:以龙头企业为核心的联合攻关模式', 'Mechanism:项目经理制'], ['PARTICIPATES_IN', 'Actor:工程师', 'Mode:以龙头企业为核心的联合攻关模式']],
      [['USES', 'Mode:以龙头企业为核心的联合攻关模式', 'Mechanism:作价入股']],
    ],
    [
      'a sentence opening with 该模式/这种合作 continues the mode of the sentence before',
      ['观察', '一、现状', '以行业协会为主导的产业联盟发展较快，行业协会联合企业制定标准。该模式通常实行会员制。这种合作的经费按出资比例分摊。', '', '另外，部分地区推行创新券。'].join('\n'),
      [],
      [['USES', 'Mode:以行业协会为主导的产业联盟', 'Mechanism:会员制']],
      [['USES', 'Mode:以行业协会为主导的产业联盟', 'Mechanism:创新券']],
    ],
    [
      'the decision-body owner is in the same clause or an anaphoric subject; otherwise the mode in scope',
      ['平台', '一、两种模式', '1.政企共建型', '地方政府出资建设平台，委托运营公司管理，平台决策机构为理事会。', '2.新型研发机构模式', '地方政府联合高校建设新型研发机构，这类机构实行院长负责制，决策机构为董事会。'].join('\n'),
      [],
      [['HAS_DECISION_BODY', 'Mode:政企共建型', 'Actor:理事会'], ['HAS_DECISION_BODY', 'Actor:新型研发机构', 'Actor:董事会']],
      [['HAS_DECISION_BODY', 'Actor:运营公司', 'Actor:理事会']],
    ],
    [
      '由…决策 and X决策、Y执行 name a decision body; a body is not a participant',
      ['联合体', '一、组织形式', '（一）链主企业牵头型', '联合体设立管理委员会，重大事项由管理委员会决策。', '（二）共建平台模式', '平台实行理事会决策、总经理执行的治理结构。'].join('\n'),
      ['Mechanism:理事会决策、总经理执行的治理结构'],
      [['HAS_DECISION_BODY', 'Mode:链主企业牵头型', 'Actor:管理委员会'], ['HAS_DECISION_BODY', 'Mode:共建平台模式', 'Actor:理事会']],
      [['PARTICIPATES_IN', 'Actor:管理委员会', 'Mode:链主企业牵头型']],
    ],
    [
      'an organiser opening the clause leads a mode whose name names no leader; a carrier does not take part',
      ['园区', '一、两种模式', '1.中试平台模式', '地方政府联合高校建设中试平台，企业按使用时长付费。', '2.平台型协同创新', '以产业园区为载体，园区管委会牵头搭建服务平台，高校共同入驻。'].join('\n'),
      [],
      [['LED_BY', 'Mode:中试平台模式', 'Actor:地方政府'], ['LED_BY', 'Mode:平台型协同创新', 'Actor:管理委员会']],
      [['PARTICIPATES_IN', 'Actor:产业园区', 'Mode:平台型协同创新'], ['PARTICIPATES_IN', 'Actor:地方政府', 'Mode:中试平台模式']],
    ],
    [
      'an unnumbered heading line after a section’s body closes it',
      ['观察', '（1）订单式人才培养合作', '企业向职业院校下达培养订单，实行双导师制。', '（2）技术许可型合作', '高校以普通许可方式授予企业使用专利。', '对策与建议', '①强化企业创新主体地位。推行研发费用加计扣除。', '②完善评价激励。推行代表作评价。'].join('\n'),
      ['Mode:订单式人才培养合作', 'Recommendation:强化企业创新主体地位', 'Recommendation:完善评价激励'],
      [['ADDRESSES', 'Recommendation:完善评价激励', 'Mechanism:代表作评价']],
      [['USES', 'Mode:技术许可型合作', 'Mechanism:代表作评价']],
    ],
  ])('%s', (_name, text, entities, present, absent) => {
    const out = run(text, 'gen');
    const ids = out.entities.map((e) => e.id);
    for (const id of entities) expect(ids).toContain(id);
    for (const [type, source, target] of present) expect(rel(out, type, source, target), `${type} ${source} -> ${target}`).toBeDefined();
    for (const [type, source, target] of absent) expect(rel(out, type, source, target), `${type} ${source} -> ${target}`).toBeUndefined();
  });

  it.each<[string, EntityType, string[], string[]]>([
    ['推动合作由短期委托向长期共建升级。', 'Requirement', ['由短期委托向长期共建升级'], []],
    ['过去从立项到审定的周期明显缩短，产业正处在由示范走向规模化的关口。', 'Requirement', [], ['从立项到审定的周期明显缩短', '由示范走向规模化的关口']],
    ['在合作主体上，单一企业参与向产业链整体参与转变。', 'Requirement', ['单一企业参与向产业链整体参与转变'], []],
    ['要推动产学研合作向深度融合转变。', 'Requirement', ['推动产学研合作向深度融合转变'], []],
    ['机构以成果转化收益为指标进行绩效考核。', 'Mechanism', ['以成果转化收益为指标绩效考核'], []],
    ['联合体以示范线运行时长和制氢成本降幅作为核心指标进行考核。', 'Mechanism', ['以示范线运行时长和制氢成本降幅为指标考核'], []],
    ['企业以技术许可费和销售提成的形式支付对价。', 'Mechanism', ['技术许可费', '销售提成'], ['技术许可']],
    ['这种合作的成果按贡献比例分成。', 'Mechanism', ['成果按贡献比例分成'], ['种合作的成果按贡献比例分成']],
    ['合作实行项目负责人制。', 'Actor', [], ['项目负责人']],
    ['要优化区域创新体系化布局。', 'Actor', [], ['体系化布局']],
    ['重点是由政府推动为主转向市场牵引为主。', 'Actor', [], ['政府']],
    ['推广“平台+基金+园区”运营模式。', 'Mechanism', ['平台+基金+园区'], []],
    ['推广“平台+基金+园区”运营模式。', 'Mode', [], ['运营模式']],
    ['推广“平台+基金+园区”运营模式。', 'Actor', [], ['产业园区']],
    ['投资机构通过基金跟投获得回报。', 'Mechanism', ['基金跟投'], []],
    ['企业对技术人员实施项目跟投机制。', 'Mechanism', ['项目跟投机制'], ['投机制']],
    ['企业采用订单式培养模式。', 'Mode', [], ['订单式培养模式']],
    ['企业采用订单式培养模式。', 'Mechanism', ['订单式培养模式'], []],
    ['订单式培养模式在职业教育中较为普遍。', 'Mode', ['订单式培养模式'], []],
    // a generic head after a modifier names a specific actor; with no modifier it stays generic
    ['链主企业联合材料企业、电网企业和同行专家开展攻关。', 'Actor', ['链主企业', '材料企业', '电网企业', '同行专家'], ['联合材料企业', '企业', '专家学者']],
    ['省内二十余家企业和部分企业参与，目标是建设世界一流企业。', 'Actor', ['企业'], ['部分企业', '世界一流企业', '余家企业']],
    // the slot before a lead verb is the leader's whole name, without counting words
    ['这类协作由国家级农业科研机构牵头，联盟以育繁推一体化企业为主导，另一家由一家龙头企业发起。', 'Actor', ['国家级农业科研机构', '育繁推一体化企业', '龙头企业'], ['一家龙头企业']],
    // a verb right before a unit head names what the unit does; never before 企业
    ['县级农技推广机构负责示范，院所的育种专家受聘，并联合第三方检验检测机构。要强化企业创新主体地位。', 'Actor', ['县级农技推广机构', '育种专家', '第三方检验检测机构', '企业'], ['强化企业', '专家学者']],
    // a named vehicle is an organisation when the text gives it a legal personality of its own
    ['平台以省级生物医药产业创新中心为载体。该中心登记为新型研发机构，具有独立法人资格。', 'Actor', ['省级生物医药产业创新中心'], []],
    ['各地建设了一批区域创新中心和制造业创新中心。', 'Actor', [], ['制造业创新中心']],
    ['遴选省属国有企业参与，吸纳开源社区开发者和同行学者，联合农业高校。', 'Actor', ['省属国有企业', '开源社区开发者', '同行学者', '农业高校'], ['专家学者']],
    ['由省工业和信息化厅会同省财政厅组织实施，其他企业家参与。', 'Actor', ['省工业和信息化厅'], ['信息化厅', '政府', '企业']],
    ['攻关由联合攻关领导小组统筹，省级决策委员会决定淘汰，平台实行理事会决策。', 'Actor', ['联合攻关领导小组', '省级决策委员会', '理事会'], ['实行理事会']],
    ['城市政府一般成立领导小组，相关部门参加。', 'Actor', ['城市政府'], ['地方政府']],
    ['双方派员组成联合指导委员会，联合高校开展研究。', 'Actor', ['联合指导委员会', '高校'], ['指导委员会', '联合高校']],
    ['由整机厂商组织上游供应商、下游厂商、成员单位和首席专家参与。', 'Actor', ['整机厂商', '上游供应商', '下游厂商', '成员单位', '首席专家'], []],
  ])('%s -> %s', (text, type, present, absent) => {
    const out = run(text);
    for (const p of present) expect(labels(out, type)).toContain(p);
    for (const a of absent) expect(labels(out, type)).not.toContain(a);
  });

  it('keeps an opening-subject participant below one with a participation cue', () => {
    const out = run(['合作', '一、合作模式', '1.高校主导的联合研发', '企业按约定支付费用，科研院所参与研发。'].join('\n'), 'conf');
    const subject = rel(out, 'PARTICIPATES_IN', 'Actor:企业', 'Mode:高校主导的联合研发')!;
    const cued = rel(out, 'PARTICIPATES_IN', 'Actor:科研机构', 'Mode:高校主导的联合研发')!;
    expect(subject.confidence).toBeLessThan(cued.confidence);
  });

  it('reads the driver a mode is named for (需求牵引型合作)', () => {
    const out = run(['合作类型', '一、两种模式', '（一）需求牵引型合作', '企业出题，高校答题。', '（二）技术驱动型合作', '高校提供技术。'].join('\n'), 'drv');
    expect(rel(out, 'DRIVEN_BY', 'Mode:需求牵引型合作', 'Driver:需求牵引')).toBeDefined();
    expect(rel(out, 'DRIVEN_BY', 'Mode:技术驱动型合作', 'Driver:技术驱动')).toBeDefined();
    expect(rel(out, 'DRIVEN_BY', 'Mode:需求牵引型合作', 'Driver:技术驱动')).toBeUndefined();
  });

  it('takes imperative headings outside the measures chapter for practice, not recommendations', () => {
    const text = ['报告', '一、典型经验', '（一）强化企业主体地位', '企业牵头组建联合体。', '二、对策建议', '（一）完善评价激励', '推行代表作评价。', '（二）加大财政投入', '给予后补助。'].join('\n');
    expect(labels(run(text, 'meas'), 'Recommendation').sort()).toEqual(['加大财政投入', '完善评价激励']);
  });

  it('reads a decision body named 负责…决策 and an organiser in a later clause of its sentence', () => {
    const text = ['平台', '一、两种模式', '1.概念验证平台模式', '学校设立基金，专家委员会负责项目立项决策。', '2.公共研发平台模式', '地方政府投入启动资金，联合多家高校共同建设平台。'].join('\n');
    const out = run(text, 'later');
    expect(rel(out, 'HAS_DECISION_BODY', 'Mode:概念验证平台模式', 'Actor:专家委员会')).toBeDefined();
    expect(rel(out, 'LED_BY', 'Mode:公共研发平台模式', 'Actor:地方政府')).toBeDefined();
    expect(rel(out, 'LED_BY', 'Mode:公共研发平台模式', 'Actor:高校')).toBeUndefined();
  });

  it('reads …型协同 headings as modes, not measures, even under 分类推进… and when they start like a verb', () => {
    const text = ['意见', '二、分类推进协同创新', '（一）企业出题型协同。由龙头企业提出需求，高校揭榜攻关。', '（二）创新联合体型协同。联合上下游企业组建联合体，实行会员制。'].join('\n');
    const out = run(text, 'xt');
    expect(labels(out, 'Mode')).toEqual(expect.arrayContaining(['企业出题型协同', '创新联合体型协同']));
    expect(labels(out, 'Recommendation')).toEqual([]);
    expect(rel(out, 'USES', 'Mode:创新联合体型协同', 'Mechanism:会员制')).toBeDefined();
  });

  it('does not make an actor of the issuer named only in the title', () => {
    expect(labels(run(['国务院办公厅关于支持高校的意见', '一、要求', '高校实行年薪制。'].join('\n'), 'issuer'), 'Actor')).toEqual(['高校']);
  });

  it('reads 以X方式支持 as the actor providing X, a compound as a list of leaders, 投资建设/设立 as organising', () => {
    const text = ['平台', '一、三种组织形式', '1．龙头企业自建型', '由龙头企业投资建设，对外提供服务。', '2．高校院所主导型', '面向中小企业开放。', '3．政企合作型', '地方政府和投资机构共同出资设立运营公司，地方政府以资本金注入方式支持建设。'].join('\n');
    const out = run(text, 'prov');
    expect(rel(out, 'LED_BY', 'Mode:龙头企业自建型', 'Actor:龙头企业')).toBeDefined();
    expect(rel(out, 'LED_BY', 'Mode:高校院所主导型', 'Actor:高校')).toBeDefined();
    expect(rel(out, 'LED_BY', 'Mode:高校院所主导型', 'Actor:科研机构')).toBeDefined();
    expect(rel(out, 'PROVIDES', 'Actor:地方政府', 'Mechanism:资本金注入')).toBeDefined();
    expect(rel(out, 'PARTICIPATES_IN', 'Actor:运营公司', 'Mode:政企合作型')).toBeDefined();
  });

  it('reads items listed after announced requirements as shifts however phrased, but not problems', () => {
    const text = ['展望', '一、新的要求', '新形势提出三方面新要求：一是由“单兵作战”向“集团作战”；二是从“点”到“链”；三是合作周期更长。', '二、问题', '主要问题：一是资金投入不足；二是人才缺乏。'].join('\n');
    expect(labels(run(text, 'shift'), 'Requirement').sort()).toEqual(['从点到链', '由单兵作战向集团作战']);
  });

  it('reads a heading holding both a measures word and 要求 by its head noun, and keeps shifts to that section', () => {
    const text = [
      '报告',
      '一、两种合作模式',
      '1．企业主导的联合攻关模式',
      '企业牵头组建团队，推动样机从实验室走向生产线。',
      '2．高校主导的概念验证模式',
      '学校设立基金，引导教师把重心从发表论文转到解决问题上来。',
      '二、着力把握的两个转变',
      '一是推动组织方式由“分散攻关”向“协同攻关”延伸。二是推动投入从“财政为主”转向“多元投入”。',
      '三、对策建议',
      '（一）完善评价激励',
      '推行代表作评价。',
    ].join('\n');
    const out = run(text, 'reqsec');
    expect(labels(out, 'Requirement').sort()).toEqual(['从财政为主转向多元投入', '由分散攻关向协同攻关延伸']);
    expect(labels(out, 'Recommendation')).toEqual(['完善评价激励']);
  });

  it('reads bodies set up to decide (设X，由…组成，负责审定…), bodies matters are submitted to, and an earlier-named owner', () => {
    const text = [
      '路径比较',
      '一、三种合作模式',
      '1．企业主导的育种联合体模式',
      '联合体设技术委员会，由牵头企业和院所代表组成，负责确定育种目标。',
      '2．政府主导的攻关联盟模式',
      '重大方向不由一方决定，而是提交由省级部门牵头组建的联盟决策委员会审议决定。',
      '3．高校主导的平台模式',
      '若干高校共建低空技术研究院。',
      '',
      '研究院实行企业化运营，设理事会作为最高决策机构。',
      '4．政府引导型模式',
      '政府引导型机构以地方政府为主导，机构决策机构为管理委员会。',
    ].join('\n');
    const out = run(text, 'body2');
    expect(rel(out, 'HAS_DECISION_BODY', 'Mode:企业主导的育种联合体模式', 'Actor:专家委员会')).toBeDefined();
    expect(out.relations.some((r) => r.type === 'HAS_DECISION_BODY' && r.source === 'Mode:政府主导的攻关联盟模式' && r.target.endsWith('决策委员会'))).toBe(true);
    expect(rel(out, 'HAS_DECISION_BODY', 'Actor:低空技术研究院', 'Actor:理事会')).toBeDefined();
    expect(out.relations.some((r) => r.type === 'HAS_DECISION_BODY' && r.source === 'Actor:低空技术研究院' && r.target === 'Actor:管理委员会')).toBe(false);
  });

  it('reads decision bodies named by X决策、…负责, …组成，负责…决策, 由X研究决定 and X领导下的…', () => {
    const text = [
      '平台',
      '一、三种合作模式',
      '1．企业主导的中试平台模式',
      '运营公司实行董事会决策、经理层执行的管理制度。',
      '2．高校主导的概念验证模式',
      '概念验证中心组建项目评审委员会，成员来自外部专家，由评审委员会研究决定是否立项。',
      '3．政府主导的联合攻关模式',
      '攻关实行领导小组领导下的项目经理负责制。',
    ].join('\n');
    const out = run(text, 'body');
    expect(rel(out, 'HAS_DECISION_BODY', 'Actor:运营公司', 'Actor:董事会')).toBeDefined();
    expect(out.relations.some((r) => r.type === 'HAS_DECISION_BODY' && r.source === 'Actor:概念验证中心' && r.target.endsWith('评审委员会'))).toBe(true);
    expect(rel(out, 'HAS_DECISION_BODY', 'Mode:政府主导的联合攻关模式', 'Actor:领导小组')).toBeDefined();
  });

  it('does not make an actor of an organisation listed as a kind of collaboration; naming it again names the mode', () => {
    const text = ['报告', '一、三种合作形式', '（一）产业技术创新战略联盟', '联盟由链主企业发起，高校参与。', '（二）共建研发平台', '企业和高校共建平台。', '二、对策建议', '（一）发挥链主企业作用', '支持链主企业牵头组建产业技术创新战略联盟。'].join('\n');
    const out = run(text, 'kindorg');
    expect(labels(out, 'Actor').some((l) => l.includes('联盟'))).toBe(false);
    expect(rel(out, 'ADDRESSES', 'Recommendation:发挥链主企业作用', 'Mode:产业技术创新战略联盟')).toBeDefined();
  });

  it('reads X是一种以…为主导的合作形式 as describing the listed mode X, not as another mode', () => {
    const text = ['报告', '一、两种合作方式', '（一）技术许可合作', '高校向企业许可专利。', '（二）联合攻关', '联合攻关是一种以龙头企业为主导的合作形式，高校参与。'].join('\n');
    const out = run(text, 'define');
    expect(labels(out, 'Mode').sort()).toEqual(['技术许可合作', '联合攻关'].sort());
    expect(rel(out, 'LED_BY', 'Mode:联合攻关', 'Actor:龙头企业')).toBeDefined();
  });

  it.each<[string, string[]]>([
    ['平台实行董事会决策、经理层负责的现代企业制度。', ['董事会决策、经理层负责的现代企业制度']],
    ['研究院采取理事会领导下的所长负责制。', ['理事会领导下的所长负责制']],
    ['建设资金分两期拨付，检测服务按机时计费。', ['分两期拨付', '按机时计费']],
    ['攻关经费由龙头企业和财政按一定比例共同承担。', ['攻关经费由龙头企业和财政按一定比例共同承担']],
    ['团队可以按技术许可收入的一定比例获得奖励。', ['按技术许可收入比例获得奖励']],
    ['团队立下责任状，学校推进职务科技成果赋权改革。', ['责任状', '职务科技成果赋权改革']],
  ])('reads the mechanism in %s', (text, expected) => {
    expect(labels(run(text, 'mech'), 'Mechanism')).toEqual(expect.arrayContaining(expected));
  });

  it('does not take an amount or a lender for a mechanism', () => {
    const out = run('财政设立风险补偿资金，对银行发放的贷款损失按一定比例予以补偿，单个项目补偿额度不超过一百万元。', 'amount');
    expect(labels(out, 'Mechanism')).toEqual(['风险补偿']);
  });

  it('reads 财政 as the government where it acts, not where it qualifies a noun (财政资金)', () => {
    expect(labels(run('地方财政设立风险补偿资金。', 'fin1'), 'Actor')).toEqual(['地方政府']);
    expect(labels(run('平台过度依赖财政资金，应加大财政投入。', 'fin2'), 'Actor')).toEqual([]);
  });

  it('reads a kind named after an actor (科研院所孵化型模式) as led by it, and the distinctive noun of a listed mode as the mode', () => {
    const text = ['报告', '一、两种组织模式', '（1）科研院所孵化型模式', '院所设立公司。', '（2）企业出题、高校答题的揭榜攻关', '企业发布榜单。', '二、对策建议', '（一）完善揭榜攻关的组织方式', '提高企业出题比重。'].join('\n');
    const out = run(text, 'tail');
    expect(rel(out, 'LED_BY', 'Mode:科研院所孵化型模式', 'Actor:科研机构')).toBeDefined();
    expect(rel(out, 'ADDRESSES', 'Recommendation:完善揭榜攻关的组织方式', 'Mode:企业出题、高校答题的揭榜攻关')).toBeDefined();
    expect(labels(out, 'Mechanism')).not.toContain('揭榜攻关');
  });

  it('takes members of a body (由…组成的评审委员会) for members, not participants; the pole a shift leaves is no driver', () => {
    const text = ['报告', '一、两种模式', '1．高校主导的概念验证模式', '概念验证中心设立由投资人和技术专家组成的评审委员会，负责立项决策。该模式把科研从“论文导向”转到“应用导向”上来。', '2．企业主导的联合攻关模式', '企业牵头攻关。'].join('\n');
    const out = run(text, 'members');
    expect(out.relations.filter((r) => r.type === 'PARTICIPATES_IN').map((r) => r.source)).not.toContain('Actor:专家学者');
    expect(labels(out, 'Driver')).not.toContain('论文导向');
  });

  it('does not read the verb of a lender (发放贷款) into a practice', () => {
    expect(labels(run('银行向中试项目发放贷款。', 'loan'), 'Mechanism')).toEqual([]);
  });

  it('reads two drivers joined under one verb (由A和B共同驱动)', () => {
    const text = ['报告', '一、两种模式', '1．企业主导的联合攻关模式', '这类合作由产业链安全需求和市场需求共同驱动。', '2．高校主导的概念验证模式', '高校牵头。'].join('\n');
    const out = run(text, 'drivers');
    expect(labels(out, 'Driver').sort()).toEqual(['产业链安全需求驱动', '市场需求驱动']);
    expect(rel(out, 'DRIVEN_BY', 'Mode:企业主导的联合攻关模式', 'Driver:市场需求驱动')).toBeDefined();
  });

  it('takes the actor served (为成员企业提供…) for the beneficiary, and the one before it for the provider', () => {
    const out = run('金融机构则为成员企业提供供应链金融服务。', 'served');
    expect(rel(out, 'PROVIDES', 'Actor:金融机构', 'Mechanism:供应链金融')).toBeDefined();
    expect(rel(out, 'PROVIDES', 'Actor:企业', 'Mechanism:供应链金融')).toBeUndefined();
  });

  it('reads sub-headings announced in the chapter’s lead text (主要有以下三种) as modes, but not measures', () => {
    const text = ['报告', '一、基本情况', '合作形式日趋多样，主要有以下两种。', '（一）校企联合实验室', '实验室实行主任负责制。', '（二）技术服务联盟', '联盟由行业协会发起。', '二、对策建议', '为此提出以下两点建议。', '（一）完善考核制度', '建立年度考核。', '（二）加大财政投入', '给予补助。'].join('\n');
    const out = run(text, 'lead');
    expect(labels(out, 'Mode').sort()).toEqual(['技术服务联盟', '校企联合实验室'].sort());
    expect(rel(out, 'USES', 'Mode:校企联合实验室', 'Mechanism:主任负责制')).toBeDefined();
    expect(labels(out, 'Recommendation').sort()).toEqual(['加大财政投入', '完善考核制度'].sort());
  });

  it('does not take the …机制 that ends a measure heading for a practice; reads 收益按…比例在…之间分配', () => {
    const text = ['报告', '一、两种模式', '1．高校主导的转化服务模式', '转化收益按“七二一”比例在团队、学院和学校之间分配。', '2．企业主导的联合攻关模式', '企业牵头。', '二、对策建议', '（一）健全成果转化激励机制', '提高奖励比例。', '（二）深化利益分享机制改革', '明确收益归属。'].join('\n');
    const out = run(text, 'headmech');
    expect(labels(out, 'Mechanism')).not.toContain('成果转化激励机制');
    expect(labels(out, 'Mechanism')).toEqual(expect.arrayContaining(['转化收益按比例分配', '利益分享机制']));
  });

  it('does not read the sub-headings of 总体要求 (指导思想, 主要目标) as requirements', () => {
    const text = ['意见', '一、总体要求', '（一）指导思想', '坚持需求导向。', '（二）主要目标', '到2027年基本形成融合格局。', '二、重点任务', '（一）完善收益分配', '落实股权激励。'].join('\n');
    expect(labels(run(text, 'overall'), 'Requirement')).toEqual([]);
  });

  it('reads a longer cause under 由…驱动, an organiser named 搭建的…, and a commission charged by proportion', () => {
    const text = ['报告', '一、两类模式', '1．科技服务机构搭建的技术交易平台', '平台实行会员制，交易佣金按成交金额的一定比例收取。', '2．链主企业领衔的协同攻关模式', '这一模式主要由产业链供应链安全需求驱动。'].join('\n');
    const out = run(text, 'o');
    expect(labels(out, 'Driver')).toContain('产业链供应链安全需求驱动');
    expect(out.relations.some((r) => r.type === 'LED_BY' && r.source === 'Mode:科技服务机构搭建的技术交易平台' && r.target.endsWith('服务机构'))).toBe(true);
    expect(labels(out, 'Mechanism')).toContain('交易佣金按成交金额比例收取');
  });

  it('takes an association (行业协会) for a participant, not a decision body', () => {
    const text = ['报告', '一、两类模式', '1．龙头企业领衔的创新联盟', '联盟吸纳行业协会和高校参与。', '2．高校主导的概念验证模式', '高校牵头。'].join('\n');
    expect(rel(run(text, 'assoc'), 'PARTICIPATES_IN', 'Actor:行业协会', 'Mode:龙头企业领衔的创新联盟')).toBeDefined();
  });

  it('keeps 链主企业 apart from 龙头企业 and 银行 apart from 金融机构', () => {
    const out = run('链主企业联合行业龙头企业、银行和其他金融机构组建联盟。', 'chain');
    expect(labels(out, 'Actor').sort()).toEqual(['龙头企业', '金融机构', '链主企业', '银行'].sort());
  });

  it('is not taken in by the title of the document', () => {
    expect(labels(run(['高校科技成果转化组织模式调研报告', '一、做法', '学校设立基金。'].join('\n'), 'title'), 'Mode')).toEqual([]);
  });
});

// Rules for counted kinds, short forms, enumerated and inline kinds, decision bodies, providers, joint
// leaders, drivers and heading kinds; every sentence is written for these tests (farm machinery,
// semiconductors, tourism, water treatment), none is taken from the dev or gold documents.
describe('kinds, bodies, providers and drivers', () => {
  it('does not take a heading that counts kinds (2 三种代表性…模式, 2.4 三种模式的比较) for a mode; the sub-headings are', () => {
    const text = [
      '半导体产学研合作',
      '1 引言',
      '晶圆企业与高校的合作日益紧密。',
      '2 三种代表性合作模式',
      '2.1 晶圆厂牵头的工艺联合体',
      '晶圆厂出资，高校派驻博士生，实行双导师制。',
      '2.2 高校主导的设计服务平台',
      '高校开放设计工具，企业按机时付费。',
      '2.3 政府搭台的封测公共平台',
      '市政府出资建设平台，实行会员制。',
      '2.4 三种模式的比较',
      '三种模式各有侧重。',
      '3 结论',
      '合作仍需深化。',
    ].join('\n');
    const modes = labels(run(text, 'counted'), 'Mode');
    expect(modes.sort()).toEqual(['政府搭台的封测公共平台', '晶圆厂牵头的工艺联合体', '高校主导的设计服务平台'].sort());
  });

  it('joins a short form that follows 的 in a mode’s name to that mode', () => {
    const text = [
      '乡村旅游合作',
      '一、两种合作模式',
      '1．依托景区的平台开放模式',
      '景区管委会开放游客数据，高校团队开展研究。',
      '2．旅行社主导的线路共创模式',
      '旅行社牵头设计线路。',
      '二、比较',
      '平台开放模式的优点是数据丰富，实行分级授权。',
    ].join('\n');
    const out = run(text, 'short');
    const modes = out.entities.filter((e) => e.type === 'Mode' && (e.label.includes('平台开放模式') || e.aliases.includes('平台开放模式')));
    expect(modes.map((e) => e.label)).toEqual(['依托景区的平台开放模式']);
    expect(modes[0].aliases).toContain('平台开放模式');
    expect(rel(out, 'USES', 'Mode:依托景区的平台开放模式', 'Mechanism:分级授权')).toBeDefined();
  });

  it('reads kinds enumerated in a mode’s section (一类是A类…；另一类是B类…) as its subtypes, and a later sentence opening with A类 as describing A类', () => {
    const text = [
      '水务合作报告',
      '一、两种合作模式',
      '1．水务集团主导的技术转让模式',
      '这种模式又可细分为两类：一类是专利许可类，高校把膜处理专利许可给水务集团；另一类是工艺入股类，高校团队以工艺作价入股合资公司。',
      '专利许可类普遍采用“入门费加提成”方式，合同期一般为五年。',
      '2．高校主导的联合实验室模式',
      '高校牵头组建实验室，实行主任负责制。',
    ].join('\n');
    const out = run(text, 'enumkinds');
    expect(labels(out, 'Mode')).toEqual(expect.arrayContaining(['专利许可类', '工艺入股类']));
    expect(rel(out, 'SUBTYPE_OF', 'Mode:专利许可类', 'Mode:水务集团主导的技术转让模式')).toBeDefined();
    expect(rel(out, 'SUBTYPE_OF', 'Mode:工艺入股类', 'Mode:水务集团主导的技术转让模式')).toBeDefined();
    expect(rel(out, 'USES', 'Mode:专利许可类', 'Mechanism:入门费加提成')).toBeDefined();
    expect(rel(out, 'USES', 'Mode:工艺入股类', 'Mechanism:入门费加提成')).toBeUndefined();
  });

  it('reads an inline kind list (又可分为A与B两类) in a mode’s section as its subtypes; a paragraph opening with a kind describes that kind', () => {
    const text = [
      '芯片人才合作',
      '一、两种合作模式',
      '1．晶圆企业主导的联合研究院模式',
      '这种研究院又可分为实体型与协议型两类。',
      '实体型研究院在开发区注册为事业单位，实行理事会决策。',
      '协议型研究院依托双方签署的框架协议运行，不具备独立法人资格，由企业提供经费。企业每年选派工程师进校授课，实行双导师制，学生毕业后优先入职。',
      '2．高校主导的设计服务平台模式',
      '高校开放设计工具。',
    ].join('\n');
    const out = run(text, 'inlinekinds');
    expect(rel(out, 'SUBTYPE_OF', 'Mode:实体型', 'Mode:晶圆企业主导的联合研究院模式')).toBeDefined();
    expect(rel(out, 'SUBTYPE_OF', 'Mode:协议型', 'Mode:晶圆企业主导的联合研究院模式')).toBeDefined();
    expect(rel(out, 'USES', 'Mode:协议型', 'Mechanism:双导师制')).toBeDefined();
    expect(rel(out, 'USES', 'Mode:实体型', 'Mechanism:双导师制')).toBeUndefined();
  });

  it('reads decision bodies headed 办公会 / 大会 as actors', () => {
    const text = [
      '农机合作',
      '一、两种合作模式',
      '1．农机企业主导的整机研发联合体',
      '重大工艺路线由首席工程师主持的技术办公会确定，高校派员参与。',
      '2．行业协会主导的农机创新联盟',
      '联盟的最高决策机构是成员代表大会，秘书处负责日常事务。',
    ].join('\n');
    const out = run(text, 'heads');
    expect(labels(out, 'Actor')).toEqual(expect.arrayContaining(['技术办公会', '成员代表大会']));
  });

  it('gives the mode in scope a decision body for 由…领导小组集体决策, 由…委员会决定 and 设立由…组成的管理委员会', () => {
    const text = [
      '水务合作',
      '一、三种合作模式',
      '1．高校主导的成果转化模式',
      '专利是否转让，由学校水处理成果转化领导小组集体决策。',
      '2．水厂主导的临床式验证模式',
      '新工艺能否进入示范线，由水厂工艺验证委员会决定。',
      '3．政企共建的中试基地模式',
      '双方设立由政企代表组成的管理委员会，负责审定年度试验计划。',
    ].join('\n');
    const out = run(text, 'bodies');
    const body = (mode: string, tail: string) => out.relations.some((r) => r.type === 'HAS_DECISION_BODY' && r.source === `Mode:${mode}` && r.target.startsWith('Actor:') && r.target.endsWith(tail));
    expect(body('高校主导的成果转化模式', '领导小组')).toBe(true);
    expect(body('水厂主导的临床式验证模式', '验证委员会')).toBe(true);
    expect(rel(out, 'HAS_DECISION_BODY', 'Mode:政企共建的中试基地模式', 'Actor:管理委员会')).toBeDefined();
  });

  it('takes the sentence’s subject for the provider of a subjectless 为…提供 clause, not the actor served', () => {
    const text = [
      '农机金融',
      '一、两种合作模式',
      '1．园区主导的试验验证模式',
      '园区提供试验田，高校提供检测服务。当地银行也参与进来，为在园区完成验证的企业提供知识产权质押融资。',
      '2．企业主导的联合研发模式',
      '企业牵头研发。',
    ].join('\n');
    const out = run(text, 'provider');
    expect(rel(out, 'PROVIDES', 'Actor:银行', 'Mechanism:知识产权质押融资')).toBeDefined();
    expect(rel(out, 'PROVIDES', 'Actor:企业', 'Mechanism:知识产权质押融资')).toBeUndefined();
  });

  it('does not make the leader of a body (由X首席科学家牵头的专家委员会决定) the mode’s leader', () => {
    const text = [
      '半导体',
      '一、两种合作模式',
      '1．龙头企业主导的工艺攻关联合体',
      '攻关方向由龙头企业首席科学家牵头的专家委员会决定，高校参与攻关。',
      '2．高校主导的设计服务平台',
      '高校牵头。',
    ].join('\n');
    const out = run(text, 'bodylead');
    expect(labels(out, 'Actor')).toContain('首席科学家');
    expect(rel(out, 'LED_BY', 'Mode:龙头企业主导的工艺攻关联合体', 'Actor:首席科学家')).toBeUndefined();
    expect(rel(out, 'LED_BY', 'Mode:龙头企业主导的工艺攻关联合体', 'Actor:龙头企业')).toBeDefined();
  });

  it.each<[string, string, string, string[]]>([
    [
      '由…所在地的X会同Y共同发起',
      ['水务', '一、两种合作模式', '1．县域水务产业集群协同模式', '这一模式由集群所在地的县级政府会同行业协会共同发起，吸纳水务企业参与。', '2．高校主导的技术服务模式', '高校牵头。'].join('\n'),
      'Mode:县域水务产业集群协同模式',
      ['Actor:县级政府', 'Actor:行业协会'],
    ],
    [
      'X会同Y共同发起 opening a clause',
      ['旅游', '一、两种合作模式', '1．政校共建的文旅研究院模式', '2021年，区政府会同当地高校共同发起成立了文旅融合研究院，景区企业参与。', '2．企业主导的线路研发模式', '企业牵头。'].join('\n'),
      'Mode:政校共建的文旅研究院模式',
      ['Actor:地方政府', 'Actor:高校'],
    ],
  ])('reads joint leaders: %s', (_name, text, mode, leaders) => {
    const out = run(text, 'joint');
    for (const l of leaders) expect(rel(out, 'LED_BY', mode, l)).toBeDefined();
  });

  it('reads drivers stated as 受X推动 and 受到X的推动', () => {
    const text = [
      '水务',
      '一、两种合作模式',
      '1．水务集团主导的膜技术联合体',
      '这类合作主要受节能降耗压力推动，高校参与研发。',
      '2．县级政府主导的农村供水协作',
      '这类协作受到全省达标考核政策的推动，乡镇水厂参与。',
    ].join('\n');
    const out = run(text, 'pushed');
    const drivers = labels(out, 'Driver');
    const pressure = drivers.find((d) => d.includes('节能降耗压力'));
    const policy = drivers.find((d) => d.includes('达标考核政策'));
    expect(pressure).toBeDefined();
    expect(policy).toBeDefined();
    expect(rel(out, 'DRIVEN_BY', 'Mode:水务集团主导的膜技术联合体', `Driver:${pressure}`)).toBeDefined();
    expect(rel(out, 'DRIVEN_BY', 'Mode:县级政府主导的农村供水协作', `Driver:${policy}`)).toBeDefined();
  });

  it('reads the driver a mode is named for without the 的 of its modifier clause (…答题的需求牵引型合作)', () => {
    const text = ['农机', '一、两种合作模式', '（一）农户出题、企业答题的需求牵引型合作', '企业按农户需求改进机具。', '（二）技术驱动型合作', '高校提供技术。'].join('\n');
    const out = run(text, 'named');
    expect(rel(out, 'DRIVEN_BY', 'Mode:农户出题、企业答题的需求牵引型合作', 'Driver:需求牵引')).toBeDefined();
    expect(labels(out, 'Driver').filter((d) => d.includes('的'))).toEqual([]);
  });

  it('does not take a modal verb into a practice’s name (企业可凭券…)', () => {
    const out = run('文旅部门向中小旅行社发放创新券，企业可凭券购买高校的规划设计服务。', 'modal');
    const mechs = labels(out, 'Mechanism');
    expect(mechs).toContain('创新券');
    expect(mechs.filter((m) => m.startsWith('企业可') || m.includes('可凭'))).toEqual([]);
  });

  it('does not read the sub-headings of a heading that asks a question as announced kinds', () => {
    const text = [
      '芯片合作',
      '一、行业背景：为什么需要新的合作方式',
      '（一）行业特征',
      '芯片研发投入大、周期长。',
      '（二）调研发现',
      '多数企业缺乏工艺人才。',
      '二、两种合作模式',
      '（一）晶圆厂主导的工艺联合体',
      '晶圆厂牵头。',
      '（二）高校主导的设计平台',
      '高校牵头。',
    ].join('\n');
    expect(labels(run(text, 'whyq'), 'Mode').sort()).toEqual(['晶圆厂主导的工艺联合体', '高校主导的设计平台'].sort());
  });

  it('does not take an unnumbered line after numbered measures (建议一…建议四, then 结语) for a recommendation', () => {
    const text = [
      '农机报告',
      '第一章 现状',
      '合作日益紧密。',
      '第二章 两种模式',
      '（一）企业主导的整机联合体',
      '企业牵头。',
      '（二）协会主导的服务联盟',
      '协会牵头。',
      '第四章 行动建议',
      '建议一：完善农机首台套保险补偿',
      '扩大保险范围。',
      '建议二：建设丘陵山区试验场',
      '提供试验条件。',
      '建议三：推行科技特派员驻企',
      '派员驻企。',
      '建议四：培育农机技术经理人',
      '开展培训。',
      '结语',
      '农机产学研合作前景广阔。',
    ].join('\n');
    expect(labels(run(text, 'closing'), 'Recommendation').sort()).toEqual(
      ['完善农机首台套保险补偿', '建设丘陵山区试验场', '推行科技特派员驻企', '培育农机技术经理人'].sort(),
    );
  });
});

describe('rules added after ea3dbe1 (fixtures in other sectors and wording)', () => {
  it('reads —— bullet run-in headings under a heading announcing kinds as modes named by the run-in text', () => {
    const text = [
      '造船业产学研合作调研',
      '二、三种典型组织模式',
      '——船厂牵头的总装型联合攻关。这是目前最常见的做法，由大型船厂提出技术需求，联合高校开展攻关。',
      '——高校主导的平台型合作。这类合作由高校建设公共试验平台，向中小船企开放。',
      '——协会搭台的服务型联盟。行业协会组织成员单位共享检测资源。',
    ].join('\n');
    expect(labels(run(text, 'bullet'), 'Mode').sort()).toEqual(['船厂牵头的总装型联合攻关', '高校主导的平台型合作', '协会搭台的服务型联盟'].sort());
  });

  it('reads 一类是X。/ 二类是Y。 line openings under a kinds chapter as modes', () => {
    const text = [
      '林业合作调研',
      '一、两类合作形式',
      '一类是林场与高校的育种合作。林场提供试验林地，高校负责选育良种。',
      '二类是木材加工企业联盟。多家加工企业共建检测中心，共享设备。',
      '二、问题',
      '资金不足。',
    ].join('\n');
    const modes = labels(run(text, 'kindline'), 'Mode');
    expect(modes).toContain('林场与高校的育种合作');
    expect(modes).toContain('木材加工企业联盟');
  });

  it('starts a 第一条路径， run-in mode after 是 / 可以概括为', () => {
    const text = [
      '轨道交通合作',
      '一、两条合作路径',
      '第一条路径，是车辆制造企业牵头的装备联合体。企业出资，高校提供仿真技术。',
      '第二条路径，可以概括为地铁公司主导的运维创新联盟。地铁公司提出运维需求，科研院所攻关。',
    ].join('\n');
    const out = run(text, 'path');
    const modes = labels(out, 'Mode');
    expect(modes.sort()).toEqual(['车辆制造企业牵头的装备联合体', '地铁公司主导的运维创新联盟'].sort());
    // (the mention of each mode is its name, not the copula or naming verb before it)
    const spans = out.mentions.filter((m) => m.entityId.startsWith('Mode:')).map((m) => m.text);
    expect(spans.filter((t) => /^(?:是|可以概括为|概括为)/u.test(t))).toEqual([]);
  });

  it('names a kind by the quoted name closing an enumeration item under a mode, as a subtype of that mode', () => {
    const text = [
      '软件园区合作',
      '一、两种合作模式',
      '（一）地方政府主导的软件园合作',
      '这种合作有两种落地方式：一种是在本地软件园落地的“园区合作”，由园区提供办公场地；另一种是在外地设立研发中心的“飞地合作”，由企业派驻人员。',
      '（二）企业主导的联合实验室',
      '企业出资建设实验室。',
    ].join('\n');
    const out = run(text, 'quoted');
    const modes = labels(out, 'Mode');
    expect(modes).toContain('园区合作');
    expect(modes).toContain('飞地合作');
    expect(modes.filter((m) => m.includes('“') || m.startsWith('在'))).toEqual([]);
    expect(rel(out, 'SUBTYPE_OF', 'Mode:园区合作', 'Mode:地方政府主导的软件园合作')).toBeDefined();
    expect(rel(out, 'SUBTYPE_OF', 'Mode:飞地合作', 'Mode:地方政府主导的软件园合作')).toBeDefined();
  });

  it.each([
    ['高校教师评价从偏重论文数量和科研项目经费规模走到重视工程应用实效', '合作期限走到长期稳定'],
    ['技术来源升级为以国内高校和科研院所原创技术为主的自主可控供给体系', '合作范围升级为全产业链'],
  ])('keeps a long 一是… shift item (30+ characters) as a requirement: %s', (long, short) => {
    expect(long.length).toBeGreaterThanOrEqual(30);
    const text = ['船舶合作', '一、合作的三个转变', `合作方式的变化表现在：一是${long}，成效明显；二是${short}，范围扩大。`].join('\n');
    const reqs = labels(run(text, 'longshift'), 'Requirement');
    expect(reqs.some((r) => r.startsWith(long)), JSON.stringify(reqs)).toBe(true);
    expect(reqs.some((r) => r.startsWith(short))).toBe(true);
  });

  it('takes the sentence right before a list as its intro (方向 earlier in the paragraph does not make its items requirements)', () => {
    const para = (intro: string) => ['船企合作', '一、合作概况', `${intro}一是转为订单式研发，船厂按需下单；二是转为平台式服务，高校开放试验水池。`].join('\n');
    // the list's own intro names no direction: no requirements
    expect(labels(run(para('船企合作的发展方向已经明确。这类合作又分为两种：'), 'intro1'), 'Requirement')).toEqual([]);
    // the same items right after a sentence announcing directions are requirements
    expect(labels(run(para('船企合作的发展方向有两个：'), 'intro2'), 'Requirement').length).toBe(2);
  });

  it('reads no requirement from 这一类又分为两种：一种面向A…；另一种面向B… after a mention of 方向', () => {
    const text = ['船企合作', '一、合作概况', '船企合作的发展方向已经明确。这类合作又分为两种：一种面向远洋船型，船厂按需下单；另一种面向内河船型，高校开放试验水池。'].join('\n');
    expect(labels(run(text, 'facing'), 'Requirement')).toEqual([]);
  });

  it('does not take a movement in a 随着 clause for a requirement', () => {
    const line = (s: string) => ['林业科技合作', '一、合作概况', s].join('\n');
    expect(labels(run(line('随着林业生产向数字化管理加速演进，合作需求不断增长。'), 'bg1'), 'Requirement')).toEqual([]);
    // (without 随着 the same movement is one)
    expect(labels(run(line('林业生产正在向数字化管理加速演进，合作需求不断增长。'), 'bg2'), 'Requirement').length).toBe(1);
  });

  it('由设区市政府与省内外高水平大学、科研院所共同发起: all three lead', () => {
    const text = ['轨道交通创新', '一、两种模式', '（一）政府主导的轨道交通研究院', '研究院由设区市政府与省内外高水平大学、科研院所共同发起，实行理事会领导下的院长负责制。', '（二）企业主导的孵化合作', '企业提供孵化场地。'].join('\n');
    const out = run(text, 'joint');
    const mode = 'Mode:政府主导的轨道交通研究院';
    for (const a of ['Actor:地方政府', 'Actor:高校', 'Actor:科研机构']) expect(rel(out, 'LED_BY', mode, a), a).toBeDefined();
  });

  it('由科研团队创办的初创企业主导: the startup leads; the team neither leads nor takes part', () => {
    const text = ['软件孵化', '一、两种模式', '（一）高校主导的开源平台', '高校建设代码托管平台。', '（二）初创企业主导的孵化合作', '这类合作由科研团队创办的初创企业主导，高校提供实验条件。'].join('\n');
    const out = run(text, 'founded');
    const mode = 'Mode:初创企业主导的孵化合作';
    const startup = out.relations.filter((r) => r.type === 'LED_BY' && r.source === mode).map((r) => r.target);
    expect(startup.length).toBe(1);
    expect(startup[0]).not.toBe('Actor:科研团队');
    expect(rel(out, 'LED_BY', mode, 'Actor:科研团队')).toBeUndefined();
    expect(rel(out, 'PARTICIPATES_IN', 'Actor:科研团队', mode)).toBeUndefined();
    expect(labels(out, 'Actor')).toContain('科研团队');
  });

  it('某局则对首台（套）装备给予保险补偿: the bureau provides the compensation', () => {
    const out = run('财政部门为船舶企业提供研发补助，工信局则对首台（套）装备给予保险补偿。', 'grant');
    expect(rel(out, 'PROVIDES', 'Actor:工信局', 'Mechanism:保险补偿')).toBeDefined();
    expect(out.relations.filter((r) => r.type === 'PROVIDES' && r.target === 'Mechanism:保险补偿').map((r) => r.source)).toEqual(['Actor:工信局']);
  });
});

describe('rules added with the dev-ae/dev-af pair (port logistics and shipbuilding wording)', () => {
  const port = [
    '港口物流产学研合作调研',
    '一、主要合作模式',
    '（一）港口集团主导的联合研发模式',
    '这一模式由港口集团牵头，船舶制造企业和高校参与攻关。牵头企业设立技术委员会，由其总工程师担任主任，负责技术路线选择和任务调整。',
    '（二）公共服务平台模式',
    '这一模式面向中小物流企业提供数据服务。按照运营主体的不同，又分为两种情况：',
    '①政府出资、国企运营的数据服务平台。由市政府出资建设，委托国有企业运营。平台以服务企业数量为考核指标。',
    '②物流协会牵头的共性技术平台。由物流协会牵头，会员企业出资。平台理事会负责审议年度计划。',
    '（三）契约型与实体型合作',
    '这类合作又可分为契约型和实体型两种。多数联盟先以契约型方式运行，再转为实体型。',
  ].join('\n');
  let out: ReturnType<typeof run>;
  beforeAll(() => {
    out = run(port, 'port');
  });
  const id = (type: EntityType, label: string) => entity(out, type, label)?.id ?? `${type}:missing:${label}`;

  it('headings under a mode that its lead text divides into kinds are its sub-modes', () => {
    for (const kind of ['政府出资、国企运营的数据服务平台', '物流协会牵头的共性技术平台']) {
      expect(labels(out, 'Mode')).toContain(kind);
      expect(rel(out, 'SUBTYPE_OF', id('Mode', kind), id('Mode', '公共服务平台模式'))).toBeDefined();
    }
  });

  it('an industry verb names the kind of firm (船舶制造企业); 服务企业数量 names none', () => {
    expect(labels(out, 'Actor')).toContain('船舶制造企业');
    expect(labels(out, 'Actor')).not.toContain('服务企业');
  });

  it('a body set up by the leading firm, choosing the route, is the mode\'s decision body', () => {
    const body = out.entities.find((e) => e.type === 'Actor' && (e.label === '技术委员会' || e.aliases?.includes('技术委员会')));
    expect(body).toBeDefined();
    const owners = out.relations.filter((r) => r.type === 'HAS_DECISION_BODY' && r.target === body!.id).map((r) => r.source);
    expect(owners).toContain(id('Mode', '港口集团主导的联合研发模式'));
    expect(owners).not.toContain(id('Actor', '企业'));
  });

  it('a council that reviews the plan decides', () => {
    const council = out.relations.filter((r) => r.type === 'HAS_DECISION_BODY' && out.entities.find((e) => e.id === r.target)?.label.endsWith('理事会'));
    expect(council.length).toBeGreaterThan(0);
  });

  it('a practice named exactly as a mode of the document is that mode', () => {
    expect(labels(out, 'Mode')).toContain('契约型');
    expect(labels(out, 'Mechanism')).not.toContain('契约型');
  });

  it('X与Y委员会 is one committee', () => {
    const o = run('医院设立伦理审查与技术评估委员会，负责项目立项的审定。', 'hosp');
    expect(labels(o, 'Actor')).toContain('伦理审查与技术评估委员会');
  });
});

describe('mode names before a colon; decision bodies of a subject named short', () => {
  it('2.1 协同设计型：船厂出题，院所答题 names the kind 协同设计型; 模式一：… is named after the colon', () => {
    const o = run(['船舶产业产学研合作', '2 三种合作形态', '2.1 协同设计型：船厂出题，院所答题', '船厂提出设计需求，院所承担研发。', '2.2 模式二：船级社主导的认证联盟', '船级社牵头，配套企业参与。'].join('\n'), 'ship');
    expect(labels(o, 'Mode')).toContain('协同设计型');
    expect(labels(o, 'Mode').some((l) => l.endsWith('船级社主导的认证联盟'))).toBe(true);
    expect(labels(o, 'Mode')).not.toContain('模式二');
  });

  it('创新中心登记为…，实行理事会领导下的…: the centre named earlier in full owns the council', () => {
    const o = run(['港口合作报告', '一、平台建设', '由市政府出资建设市港口物流创新中心。创新中心登记为独立法人，实行理事会领导下的主任负责制。'].join('\n'), 'portc');
    const centre = entity(o, 'Actor', '市港口物流创新中心');
    const council = o.entities.find((e) => e.type === 'Actor' && e.label === '理事会');
    expect(centre && council && rel(o, 'HAS_DECISION_BODY', centre.id, council.id)).toBeTruthy();
  });
});

describe('a kind introduced in prose by its quoted name', () => {
  it('还兴起了一种“渔技小站”式合作 is a mode', () => {
    const o = run(['海洋渔业合作观察', '一、主要模式', '除上述两类之外，沿海地区还兴起了一种扎根渔村的“渔技小站”式合作。它由水产院校发起，渔民合作社参与。'].join('\n'), 'fish');
    expect(labels(o, 'Mode').some((l) => l.includes('渔技小站'))).toBe(true);
  });
  it('a kind said to have emerged (还兴起了一种…“X”式合作) is the topic of the sentences after it', () => {
    const o = run(['海洋渔业合作观察', '一、主要模式', '除上述两类之外，近年来沿海多个县市的渔区还兴起了一种扎根渔村的“渔技小站”式合作。它由水产院校发起，渔民合作社参与。这种合作的动力主要来自渔民生产需求。'].join('\n'), 'fish2');
    const mode = o.entities.find((e) => e.type === 'Mode' && e.label.includes('渔技小站'))!;
    expect(o.relations.some((r) => r.type === 'LED_BY' && r.source === mode.id)).toBe(true);
    expect(o.relations.some((r) => r.type === 'DRIVEN_BY' && r.source === mode.id)).toBe(true);
  });
  it('推广“先投后股”模式 stays a practice, not a mode', () => {
    const o = run(['基金支持', '地方政府推广“先投后股”模式，支持初创企业。'].join('\n'), 'fund');
    expect(labels(o, 'Mode').some((l) => l.includes('先投后股'))).toBe(false);
  });
});

describe('kind headings set off by a space; kinds a mode is divided into; 集团; 驱动力来自', () => {
  const text = [
    '钢铁产业产学研合作简报',
    '第二部分　三种组织类型',
    '类型一　钢铁集团出题的联合攻关型合作',
    '这一类型由大型钢铁集团牵头，高校参与。其驱动力主要来自减碳压力：超低排放改造倒逼企业寻找技术。',
    '类型二　行业部门统筹的任务委托型合作',
    '这一类型由行业主管部门牵头，企业和高校组成联合体申报。按照组织层级，又可以细分为两类。',
    '其一是国家层面组织的专项攻关。由有关部委统筹。',
    '其二是省级部门组织的区域会战。由省工信厅组织。',
  ].join('\n');
  let out: ReturnType<typeof run>;
  beforeAll(() => {
    out = run(text, 'steel');
  });
  it('类型一　… (an ideographic space after the ordinal) is a mode heading', () => {
    expect(labels(out, 'Mode')).toContain('钢铁集团出题的联合攻关型合作');
    expect(labels(out, 'Mode')).toContain('行业部门统筹的任务委托型合作');
  });
  it('items the mode is divided into are its kinds, whatever their head', () => {
    for (const k of ['国家层面组织的专项攻关', '省级部门组织的区域会战']) {
      const kind = entity(out, 'Mode', k);
      expect(kind).toBeDefined();
      expect(rel(out, 'SUBTYPE_OF', kind!.id, entity(out, 'Mode', '行业部门统筹的任务委托型合作')!.id)).toBeDefined();
    }
  });
  it('…集团 is an organisation that can lead', () => {
    const mode = entity(out, 'Mode', '钢铁集团出题的联合攻关型合作')!;
    const leaders = out.relations.filter((r) => r.type === 'LED_BY' && r.source === mode.id).map((r) => out.entities.find((e) => e.id === r.target)?.label);
    expect(leaders.some((l) => l?.endsWith('钢铁集团'))).toBe(true);
  });
  it('其驱动力主要来自X：… names a driver', () => {
    expect(labels(out, 'Driver')).toContain('减碳压力');
  });
});

describe('headings among the kinds', () => {
  const text = [
    '竹产业合作督查报告',
    '第二部分　合作形态及运行情况',
    '（一）企业牵头的订单式合作',
    '竹企牵头，高校参与。',
    '（二）政府统筹的联合攻关',
    '分为两类。',
    '① 市级重大专项联合攻关。由市科技局组织。',
    '② 园区平台共建合作。由园区管委会组织。',
    '（三）需要关注的共性问题',
    '一些合作流于形式。',
  ].join('\n');
  it('a heading over kinds, ending in a word of collaboration, is their mode; a problems heading is no kind', () => {
    const o = run(text, 'bamboo');
    expect(labels(o, 'Mode')).toContain('政府统筹的联合攻关');
    expect(labels(o, 'Mode')).not.toContain('需要关注的共性问题');
    const whole = entity(o, 'Mode', '政府统筹的联合攻关')!;
    expect(rel(o, 'SUBTYPE_OF', entity(o, 'Mode', '市级重大专项联合攻关')!.id, whole.id)).toBeDefined();
  });
});

describe('kinds listed as 其一，…其四， after an intro that counts them', () => {
  const text = [
    '关于家具产业产学研合作的议案',
    '一、主要做法',
    '调研组走访了多家企业。从调研情况看，我省家具产业的产学研合作大致呈现三种形式。',
    '其一，龙头家具企业领衔的设计攻关。由龙头企业牵头，设计院校参与。',
    '其二，政府搭台的协同攻关。由政府部门搭建平台，具体又分为两种。',
    '——省级部门点将的专项攻关。由省工信厅牵头。',
    '——县域共建的产业研究院合作。由县政府牵头出资。',
    '其三，扎根园区的设计工作站。由设计学院牵头。',
    '二、存在的问题',
    '三种形式各有所长，但也有一些抱怨。其一，合作碎片化。其二，利益联结松散。',
  ].join('\n');
  let out: ReturnType<typeof run>;
  beforeAll(() => {
    out = run(text, 'furniture');
  });
  it('each item is a mode (the comma after 其一 is not its name)', () => {
    for (const k of ['龙头家具企业领衔的设计攻关', '政府搭台的协同攻关', '扎根园区的设计工作站']) expect(labels(out, 'Mode')).toContain(k);
  });
  it('the dash headings inside 其二 are its kinds, and 其三 is not one of theirs', () => {
    const whole = entity(out, 'Mode', '政府搭台的协同攻关')!;
    expect(rel(out, 'SUBTYPE_OF', entity(out, 'Mode', '县域共建的产业研究院合作')!.id, whole.id)).toBeDefined();
    const third = entity(out, 'Mode', '扎根园区的设计工作站')!;
    expect(out.relations.filter((r) => r.type === 'SUBTYPE_OF' && r.source === third.id)).toEqual([]);
  });
  it('a list after a sentence that only looks back on the kinds is no list of kinds', () => {
    expect(labels(out, 'Mode')).not.toContain('利益联结松散');
  });
});

describe('a bank named by its kind', () => {
  it('县农商银行 is 农商银行, not the bare 银行', () => {
    const o = run(['林业金融支持', '县农商银行为林业企业提供质押贷款。'].join('\n'), 'bank');
    expect(labels(o, 'Actor')).toContain('农商银行');
  });
});

describe('kinds named after their mode’s own word, each item of the colon list led by its organiser', () => {
  // A shipbuilding text: the mode's section divides it into two kinds named 'X攻关', each item saying who organises it.
  const text = [
    '船舶配套协同',
    '一、两种合作形态',
    '（一）部门发榜的“赛马”攻关模式',
    '由省工信厅牵头征集需求。按项目规模，又分为省级重点攻关和市县“微创新”攻关两类：省级重点攻关单项资助最高1000万元，由省工信厅组织实施，主要面向推进电机、动力定位等环节；市县“微创新”攻关由市县工信部门组织，单项在100万元以内。',
    '（二）船厂牵头的配套联合体',
    '由骨干船厂牵头，联合配套企业参与。',
  ].join('\n');
  let out: ReturnType<typeof run>;
  beforeAll(() => {
    out = run(text, 'ships');
  });
  it('the items sharing the mode’s word (攻关) are its kinds, quotes and all', () => {
    const whole = entity(out, 'Mode', '部门发榜的“赛马”攻关模式')!;
    for (const k of ['省级重点攻关', '市县“微创新”攻关']) expect(rel(out, 'SUBTYPE_OF', `Mode:${k}`, whole.id)).toBeDefined();
  });
  it('each item’s 由X组织(实施) leads that kind, and a level-prefixed department keeps its level', () => {
    expect(rel(out, 'LED_BY', 'Mode:省级重点攻关', 'Actor:省工信厅')).toBeDefined();
    expect(rel(out, 'LED_BY', 'Mode:市县“微创新”攻关', 'Actor:市县工信部门')).toBeDefined();
    expect(rel(out, 'LED_BY', 'Mode:省级重点攻关', 'Actor:市县工信部门')).toBeUndefined();
  });
  it('a driver word written into a product name (推进电机 / 牵引变流器) is no driver', () => {
    expect(labels(out, 'Driver').filter((d) => d.includes('推进') || d.includes('面向'))).toEqual([]);
  });
  it('…厂 names a firm (骨干船厂)', () => {
    expect(rel(out, 'LED_BY', 'Mode:船厂牵头的配套联合体', 'Actor:骨干船厂') ?? rel(out, 'LED_BY', 'Mode:船厂牵头的配套联合体', 'Actor:船厂')).toBeDefined();
  });
  it('a plain list without the mode’s word is not read as kinds', () => {
    const o = run(['科研组织', '一、合作模式', '（一）企业主导的联合攻关模式', '经费分为基础研究和应用研究两类：基础研究由财政支持；应用研究由企业出资。'].join('\n'), 'notkinds');
    expect(labels(o, 'Mode')).not.toContain('基础研究');
  });
});

describe('organisation names', () => {
  it('a verb of sending or setting up (送入, 内设) is not part of the organisation’s name', () => {
    const o = run(['转化', '成果先送入概念验证中心做验证。中心内设投资决策委员会，负责遴选项目。'].join('\n'), 'verbs');
    expect(labels(o, 'Actor')).toContain('概念验证中心');
    expect(labels(o, 'Actor')).toContain('投资决策委员会');
    expect(labels(o, 'Actor').filter((a) => a.startsWith('送入') || a.startsWith('内设'))).toEqual([]);
  });
  it('a driver word before a noun of character (色彩) is still a driver', () => {
    const o = run(['合作', '一、合作模式', '（一）企业主导的联合攻关模式', '这类模式带有较强的政策驱动色彩。'].join('\n'), 'colour');
    expect(labels(o, 'Driver')).toContain('政策驱动');
  });
});

describe('a heading mode named again in the comparison sections', () => {
  // A paper on grain storage: the mode headings are full noun phrases the segmenter splits (开放/v 创新型/n 协同/n).
  const text = [
    '粮食仓储合作',
    '3 三种模式',
    '3.1 开放创新型协同',
    '开放创新型协同由省粮食集团牵头。',
    '3.2 用户牵引型',
    '用户牵引型由粮库发起。',
    '4 运行机制',
    '在激励上，开放创新型协同则实行“试用即采购”机制：方案试用达标后纳入采购目录。与用户牵引型相比，它更多依靠技术驱动，普遍实行双聘制。',
  ].join('\n');
  let out: ReturnType<typeof run>;
  beforeAll(() => {
    out = run(text, 'grain');
  });
  it('the full name said again is the mode, so what it practises there is its practice', () => {
    expect(rel(out, 'USES', 'Mode:开放创新型协同', 'Mechanism:试用即采购')).toBeDefined();
  });
  it('a bare …型 name said in passing (与用户牵引型相比) does not take over the sentence', () => {
    expect(rel(out, 'USES', 'Mode:用户牵引型', 'Mechanism:双聘制')).toBeUndefined();
  });
  it('靠X推动 names a driver', () => {
    const o = run(['合作', '一、合作模式', '（一）院所衍生型合作', '这一模式主要靠技术推动：技术成熟在先，市场开拓在后。'].join('\n'), 'leans');
    expect(rel(o, 'DRIVEN_BY', 'Mode:院所衍生型合作', 'Driver:技术推动')).toBeDefined();
  });
});

describe('a paper on sea-cucumber farming: sub-types counted by their own noun, a comparison chapter, a transition', () => {
  const text = [
    '海参养殖产学研协同',
    '2 两种协同形态',
    '2.1 院所主导的“示范基地”型协同',
    '由省海洋研究所牵头，联合养殖企业建设示范基地。',
    '2.2 企业主导的“全链条”型协同',
    '这类协同以市场订单为牵引。根据合作纽带的不同，这一形态又可分为两个亚型。',
    '（1）“育苗+装备”研发联合体。由育苗企业联合装备企业组建，成员之间交叉许可、免费使用专利池中的专利。',
    '（2）“渔光互补”开发联盟。光伏企业与养殖企业共同发起联盟，联盟设联席会议作为决策机构。',
    '3 两种形态运行机制的比较',
    '3.1 利益分配',
    '两种形态都按合同分配收益。',
    '4 政策建议',
    '4.1 推动示范基地向长效运营转型',
    '建立运营移交机制。',
  ].join('\n');
  let out: ReturnType<typeof run>;
  beforeAll(() => {
    out = run(text, 'seacucumber');
  });
  it('两个亚型 counts the kinds listed after it', () => {
    const whole = entity(out, 'Mode', '企业主导的“全链条”型协同')!;
    expect(rel(out, 'SUBTYPE_OF', 'Mode:“育苗+装备”研发联合体', whole.id)).toBeDefined();
    expect(rel(out, 'SUBTYPE_OF', 'Mode:“渔光互补”开发联盟', whole.id)).toBeDefined();
  });
  it('the headings of a chapter comparing the kinds are aspects, not kinds', () => {
    expect(labels(out, 'Mode')).not.toContain('利益分配');
  });
  it('a measure ending in 转型 is no type of collaboration', () => {
    expect(labels(out, 'Mode')).not.toContain('推动示范基地向长效运营转型');
  });
  it('patent pools and cross-licensing are practices', () => {
    expect(rel(out, 'USES', 'Mode:“育苗+装备”研发联合体', 'Mechanism:交叉许可')).toBeDefined();
    expect(labels(out, 'Mechanism')).toContain('专利池');
  });
});

describe('stated inclusion by the head noun', () => {
  it('文旅企业，包括…数字内容企业: a part named by the whole’s head noun is its subtype', () => {
    const o = run(['文旅合作', '文旅企业，包括省文旅集团和一批数字内容企业，开始主动寻求合作。'].join('\n'), 'include');
    expect(rel(o, 'SUBTYPE_OF', 'Actor:数字内容企业', 'Actor:文旅企业')).toBeDefined();
    expect(rel(o, 'SUBTYPE_OF', 'Actor:省文旅集团', 'Actor:文旅企业')).toBeUndefined();
  });
});

describe('firms named by what they do, and parties a mode solicits', () => {
  const text = [
    '环保合作',
    '一、两种合作模式',
    '（一）园区搭台的治污平台模式',
    '平台由园区管委会牵头，面向园区内排污企业提供预处理服务，由第三方治理企业负责日常运营。',
    '（二）集团出题的揭榜模式',
    '由水务集团牵头，面向高校、科研院所和设备制造企业公开征集解决方案。',
  ].join('\n');
  let out: ReturnType<typeof run>;
  beforeAll(() => {
    out = run(text, 'env');
  });
  it('排污企业 / 治理企业 are firms; 内 and 面向 are not parts of their names', () => {
    expect(labels(out, 'Actor')).toContain('排污企业');
    expect(labels(out, 'Actor').some((a) => a.endsWith('治理企业'))).toBe(true);
    expect(labels(out, 'Actor').filter((a) => a.startsWith('内') || a.startsWith('面向'))).toEqual([]);
  });
  it('those a mode solicits (面向A、B和C征集) take part in it', () => {
    const mode = entity(out, 'Mode', '集团出题的揭榜模式')!;
    expect(rel(out, 'PARTICIPATES_IN', 'Actor:高校', mode.id)).toBeDefined();
  });
});

describe('an orientation checked is no driver', () => {
  it('内容导向把关 names what a body checks; 以技术驱动为主 still names a driver', () => {
    const o = run(['文旅合作', '一、合作模式', '（一）企业主导的活化利用合作', '这类合作以技术驱动为主，文物主管部门负责授权审核和内容导向把关。'].join('\n'), 'orient');
    expect(labels(o, 'Driver')).not.toContain('内容导向');
    expect(labels(o, 'Driver')).toContain('技术驱动');
  });
});

describe('a list item states one shift', () => {
  it('later shifts in the item’s paragraph spell it out; the next item is a shift of its own', () => {
    const o = run(
      [
        '新要求',
        '二、新阶段的新要求',
        '一是成果转化由“卖了就走”转向全程服务。高校需要从单纯卖专利转向提供中试服务，经理人的作用需要从“牵线”延伸到“陪跑”。',
        '二是合作范围由本地转向跨区域协同。',
      ].join('\n'),
      'oneshift',
    );
    const shifts = labels(o, 'Requirement');
    expect(shifts).toContain('由卖了就走转向全程服务');
    expect(shifts).toContain('由本地转向跨区域协同');
    expect(shifts.filter((l) => l.includes('陪跑') || l.includes('中试服务'))).toEqual([]);
  });
});

describe('named environmental-service practices', () => {
  it('环境污染第三方治理 is a practice by its policy name, not a bare 治理制度', () => {
    const o = run(['环保合作', '一、合作模式', '（一）园区型平台', '园区型平台依托环境污染第三方治理制度，排污企业按排放量付费。'].join('\n'), 'thirdparty');
    expect(labels(o, 'Mechanism')).toContain('环境污染第三方治理');
  });
});

describe('a kind named by its own type is not merged into its whole by its leader', () => {
  it('高校主导的…研究型合作 under 高校院所主导的…合作 is a sub-mode; a bare 高校主导 still joins the whole', () => {
    const o = run(
      [
        '电网装备合作',
        '一、合作模式',
        '（一）高校院所主导的“平台+转化”合作',
        '这类合作由高校或科研院所牵头，又可以细分为两种。',
        '一是高校主导的共性技术研究型合作。研究院人员实行双聘制。',
        '二是科研院所主导的试验验证型合作。院所提供挂网试运行服务。',
      ].join('\n'),
      'ownkind',
    );
    const whole = entity(o, 'Mode', '高校院所主导的“平台+转化”合作')!;
    expect(rel(o, 'SUBTYPE_OF', 'Mode:高校主导的共性技术研究型合作', whole.id)).toBeDefined();
    expect(rel(o, 'USES', 'Mode:高校主导的共性技术研究型合作', 'Mechanism:双聘制')).toBeDefined();
  });
});

describe('an interview: questions head the answers; kinds in a 第一种是… series announced by a count', () => {
  const text = [
    '让废旧电池“再上岗”',
    '——访某大学资源循环研究所所长',
    '◎记者：您怎么看回收行业的现状？',
    '所长：总体上起步较快，但技术储备不足。',
    '◎记者：行业里的合作主要有哪些类型？',
    '所长：我把它归纳为三种做法。',
    '第一种是骨干企业研究院牵头的联合攻关。企业研究院联合高校开发拆解工艺，实行项目制管理。',
    '第二种是高校主导的技术许可与孵化。高校把湿法冶金专利许可给企业。',
    '第三种是地方政府搭台的共享试验合作。这一类又可以细分为两种。一种是检测中试平台，由省检测院牵头，实行会员制收费；另一种是回收联盟，由行业协会牵头，成员单位交叉许可专利。',
    '◎记者：针对这些问题，您有哪些具体建议？',
    '所长：我提两点建议。',
    '第一，设立回收技术联合攻关专项，采用揭榜挂帅方式遴选团队。',
    '第二，完善高校成果转化的收益分配机制，推广先使用后付费。',
    '◎记者：最后，您有什么寄语？',
    '所长：希望大家把劲往一处使。',
  ].join('\n');
  let out: ReturnType<typeof run>;
  beforeAll(() => {
    out = run(text, 'battery-interview');
  });
  it('an interviewer’s question is a heading, and the numbered items of its answer nest under it', () => {
    const sections = splitSections({ source: { path: 'i.txt', name: 'i.txt', format: 'txt', bytes: Buffer.from(text) }, encoding: 'utf-8', text, headingHints: [], title: '' }, 'i');
    const ask = sections.find((s) => s.heading === '针对这些问题，您有哪些具体建议')!;
    expect(ask).toBeDefined();
    expect(sections.find((s) => s.heading.startsWith('设立回收技术联合攻关专项'))?.parentId).toBe(ask.id);
  });
  it('the items answering a question that asks for recommendations are recommendations', () => {
    expect(labels(out, 'Recommendation')).toEqual(expect.arrayContaining([
      '设立回收技术联合攻关专项，采用揭榜挂帅方式遴选团队',
      '完善高校成果转化的收益分配机制，推广先使用后付费',
    ]));
  });
  it('a 第一种是… series announced as 三种做法 names three modes, however their nouns read', () => {
    expect(labels(out, 'Mode')).toEqual(expect.arrayContaining([
      '骨干企业研究院牵头的联合攻关',
      '高校主导的技术许可与孵化',
      '地方政府搭台的共享试验合作',
    ]));
  });
  it('the actor opening a kind’s name leads it (its institute leads; it acts in the name)', () => {
    const led = (mode: string) => out.relations.filter((r) => r.type === 'LED_BY' && r.source === entity(out, 'Mode', mode)?.id).map((r) => r.target);
    expect(led('高校主导的技术许可与孵化')).toContain('Actor:高校');
    expect(led('地方政府搭台的共享试验合作')).toEqual(['Actor:地方政府']);
    expect(led('骨干企业研究院牵头的联合攻关')).toHaveLength(1);
    expect(led('骨干企业研究院牵头的联合攻关')[0]).toMatch(/企业$/u);
  });
  it('the kinds a paragraph’s mode divides into are its sub-modes', () => {
    const whole = entity(out, 'Mode', '地方政府搭台的共享试验合作')!;
    expect(rel(out, 'SUBTYPE_OF', 'Mode:检测中试平台', whole.id)).toBeDefined();
    expect(rel(out, 'SUBTYPE_OF', 'Mode:回收联盟', whole.id)).toBeDefined();
  });
});

describe('a proposal: （甲）（乙） kinds under a 第四类 chapter, 【…】 chapters after them', () => {
  const text = [
    '关于推进智慧水利产学研协同的提案',
    '【现状】',
    '我们梳理出两种组织方式。',
    '第一类：水利设计院牵头的链式协作',
    '设计院联合高校开展攻关。',
    '第二类：政府搭台的平台型合作',
    '这类合作由政府主导，又可分为两种。',
    '（甲）市水务局主导的数据服务平台。市水务局组建平台公司，向企业开放数据。',
    '（乙）省水利厅牵头的共性技术攻关平台。省水利厅组织企业和高校组建攻关团队，经费实行里程碑式拨款。',
    '问题在于平台重建设、轻运营。',
    '【建议】',
    '建议一：完善平台运营机制。引入专业运营团队。',
    '建议二：健全数据开放制度。',
  ].join('\n');
  let out: ReturnType<typeof run>;
  beforeAll(() => {
    out = run(text, 'water-proposal');
  });
  it('（甲）（乙） are sub-modes of the chapter that divides into them, which stays a mode', () => {
    const whole = entity(out, 'Mode', '政府搭台的平台型合作')!;
    expect(whole).toBeDefined();
    expect(rel(out, 'SUBTYPE_OF', 'Mode:市水务局主导的数据服务平台', whole.id)).toBeDefined();
    expect(rel(out, 'SUBTYPE_OF', 'Mode:省水利厅牵头的共性技术攻关平台', whole.id)).toBeDefined();
  });
  it('a 【…】 chapter after the sub-kinds closes them: its measures are recommendations, not parts of a kind', () => {
    expect(labels(out, 'Recommendation')).toEqual(expect.arrayContaining(['完善平台运营机制', '健全数据开放制度']));
  });
});

describe('a policy Q&A: kinds in a table written as text, 第一方面… measures, case boxes', () => {
  const text = [
    '《关于推进数据要素产学研协同的若干措施》政策解读',
    '问一：目前合作主要有哪些形式？',
    '答：大体可以归为三种形式，见表1。',
    '表1　三种合作形式',
    '形式｜牵头方｜主要参与方｜主要推动力',
    '场景开放型合作｜数据交易所｜数据企业、高校｜需求驱动',
    '企业主导的联合攻关｜龙头企业｜高校、科研院所｜市场驱动',
    '政府搭台的实验室平台模式｜地方政府｜平台公司、高校｜政策驱动',
    '问二：政府搭台的实验室平台模式怎么运作？',
    '答：第三种形式，是政府搭台的实验室平台模式。平台实行理事会领导下的主任负责制。',
    '【案例一】某市数据实验室',
    '实验室聘请企业专家担任产业教授，实行双聘制。',
    '问三：《措施》有哪些重点举措？',
    '答：《措施》归纳起来是两个方面。',
    '第一方面，推动公共数据开放（第1至3条）。建立需求发布制度。',
    '第二方面，完善收益分配机制（第4至6条）。推广先使用后付费。',
  ].join('\n');
  let out: ReturnType<typeof run>;
  beforeAll(() => {
    out = run(text, 'data-qa');
  });
  const led = (mode: string) => out.relations.filter((r) => r.type === 'LED_BY' && r.source === entity(out, 'Mode', mode)?.id).map((r) => r.target);
  const takesPart = (mode: string) => out.relations.filter((r) => r.type === 'PARTICIPATES_IN' && r.target === entity(out, 'Mode', mode)?.id).map((r) => r.source);
  it('each row of the table names a kind, with the leader and participants its columns give', () => {
    expect(labels(out, 'Mode')).toEqual(expect.arrayContaining(['场景开放型合作', '企业主导的联合攻关']));
    expect(led('企业主导的联合攻关')).toContain('Actor:龙头企业');
    expect(takesPart('企业主导的联合攻关')).toEqual(expect.arrayContaining(['Actor:高校', 'Actor:科研机构']));
  });
  it('a name in the leader column that no actor word covers is an actor of its own', () => {
    expect(led('场景开放型合作')).toEqual(['Actor:数据交易所']);
  });
  it('政府搭台 names the leader of the kind it sets the stage for; the table’s narrower 地方政府 replaces it', () => {
    expect(led('政府搭台的实验室平台模式')).toEqual(['Actor:地方政府']);
    const bare = run(['园区协同', '二、主要模式', '第一种做法，是政府搭台的检测平台模式。平台实行会员制。'].join('\n'), 'stage');
    expect(bare.relations.filter((r) => r.type === 'LED_BY' && r.source === entity(bare, 'Mode', '政府搭台的检测平台模式')?.id).map((r) => r.target)).toEqual(['Actor:政府']);
  });
  it('a case box belongs to the kind described before it: its practices are that kind’s', () => {
    expect(rel(out, 'USES', entity(out, 'Mode', '政府搭台的实验室平台模式')!.id, 'Mechanism:双聘制')).toBeDefined();
  });
  it('第一方面，… items answering a question about measures are recommendations', () => {
    expect(labels(out, 'Recommendation').some((l) => l.startsWith('推动公共数据开放'))).toBe(true);
    expect(labels(out, 'Recommendation').some((l) => l.startsWith('完善收益分配机制'))).toBe(true);
  });
  it('a quoted name after a verb of practice is no kind (一是项目实行“揭榜挂帅”)', () => {
    const listed = run(['县域合作', '二、三种做法', '研究院有两个特点。一是项目实行“揭榜挂帅”，公开发布榜单；二是经费采取“先投后补”的方式。'].join('\n'), 'listed');
    expect(labels(listed, 'Mode')).not.toContain('揭榜挂帅');
  });
});

describe('a leader named by its kind in the name, a narrower one in the text', () => {
  it('政府搭台的… whose text has 地方政府 lead it is led by 地方政府 alone', () => {
    const out = run(['林业协同', '一、三种模式', '（一）政府搭台的苗木检测平台模式', '这类合作由地方政府牵头，联合高校开展检测服务，实行会员制。', '（二）企业主导的联合攻关', '龙头企业联合高校攻关。'].join('\n'), 'forest');
    const mode = entity(out, 'Mode', '政府搭台的苗木检测平台模式')!.id;
    const led = out.relations.filter((r) => r.type === 'LED_BY' && r.source === mode).map((r) => r.target);
    expect(led).toEqual(['Actor:地方政府']);
  });
});

describe('a chapter of 转向 states the requirements; kinds a mode divides into state none', () => {
  const out = run([
    '茶叶协同',
    '2　两种组织方式',
    '2.1　茶企牵头的全链条协同',
    '这类协同按延伸方向不同又可细分为两类。一类是向上游延伸的茶园—工厂纵向协同，茶企联合茶园攻关。另一类是面向深加工的横向联合攻关，茶企联合高校攻关。',
    '2.2　高校主导的技术供给型协同',
    '高校牵头，企业参与。',
    '3　新阶段茶叶产学研协同的两个转向',
    '3.1　由单点技术攻关转向全链条系统创新',
    '过去的合作多针对某一道工艺。',
    '3.2　由规模扩张转向品质提升',
    '研发重心要转向品质。',
  ].join('\n'), 'tea-shifts');
  it('the headings under …的两个转向 are requirements', () => {
    expect(labels(out, 'Requirement')).toEqual(expect.arrayContaining(['由单点技术攻关转向全链条系统创新', '由规模扩张转向品质提升']));
  });
  it('一类是向上游延伸的… is a kind, not a shift', () => {
    expect(labels(out, 'Requirement').some((l) => l.includes('纵向协同') || l.includes('横向联合攻关'))).toBe(false);
  });
});

describe('a sentence summing up a list of kinds speaks of their whole, not of the last kind', () => {
  it('…另一种是B…。这一类合作以标准为导向: the whole is driven by it', () => {
    const out = run([
      '建材协同',
      '二、三种做法',
      '我把它归纳为两种做法。',
      '第一种是龙头企业牵头的联合攻关。企业联合高校攻关。',
      '第二种是行业协会牵头的平台共享式合作。这一类又可以细分为两种。一种是检测认证平台，由省检测院牵头，实行会员制；另一种是专利池联盟，由行业协会牵头，成员交叉许可专利。这一类合作以标准为导向。',
    ].join('\n'), 'summary');
    const whole = entity(out, 'Mode', '行业协会牵头的平台共享式合作')!.id;
    const driven = out.relations.filter((r) => r.type === 'DRIVEN_BY').map((r) => [r.source, r.target]);
    expect(driven).toContainEqual([whole, 'Driver:标准导向']);
    expect(driven).not.toContainEqual(['Mode:专利池联盟', 'Driver:标准导向']);
  });
});

describe('a work plan: measures under …工作打算, a measure naming a mode by its stem, a shift item naming a mode', () => {
  const out = run([
    '关于档案数字化协同工作的总结',
    '一、两种合作方式',
    '（一）档案馆提出需求、委托高校攻关的委托研发型合作',
    '这类合作由档案馆主导，实行“馆校双负责人制”。',
    '（二）高校主导的联合实验室型合作',
    '这类合作以高校为主导。',
    '二、新要求',
    '一是合作关系由一次性合作向长期伙伴关系转变，特别是委托研发型合作，需要改变“一事一议”的状况。二是技术路线由单项攻关向系统方案转变。',
    '三、明年工作打算',
    '（一）统一发布数字化需求清单，提升委托研发质效。总结推广双负责人制的做法。',
    '（二）深化评价制度改革。',
  ].join('\n'), 'archive-plan');
  const entrusted = 'Mode:档案馆提出需求、委托高校攻关的委托研发型合作';
  const measure = 'Recommendation:统一发布数字化需求清单，提升委托研发质效';
  it('a heading under …工作打算 is a recommendation, even when it opens with 统一', () => {
    expect(labels(out, 'Recommendation')).toContain('统一发布数字化需求清单，提升委托研发质效');
  });
  it('a measure naming a mode by its stem (委托研发) addresses the mode', () => {
    expect(rel(out, 'ADDRESSES', measure, entrusted)).toBeDefined();
  });
  it('a shift item naming a mode addresses it', () => {
    const shift = out.entities.find((e) => e.type === 'Requirement' && e.label.includes('长期伙伴关系'))!;
    expect(rel(out, 'ADDRESSES', shift.id, entrusted)).toBeDefined();
  });
  it('a practice written without its first words (双负责人制) is the practice named in full (馆校双负责人制)', () => {
    expect(labels(out, 'Mechanism')).toContain('馆校双负责人制');
    expect(labels(out, 'Mechanism')).not.toContain('双负责人制');
    expect(rel(out, 'ADDRESSES', measure, 'Mechanism:馆校双负责人制')).toBeDefined();
  });
  it('a name ending in 馆 is an actor; 驻馆 is not', () => {
    const text = '图书馆和纪念馆联合高校开展研究，高校教师驻馆工作两个月。';
    const o = run(`图书协同\n${text}`, 'library');
    expect(labels(o, 'Actor')).toEqual(expect.arrayContaining(['图书馆', '纪念馆']));
    expect(labels(o, 'Actor')).not.toContain('驻馆');
  });
});

describe('practices named by indicators, stages, lump sums and quoted roles', () => {
  const out = run([
    '制药协同',
    '一、两种模式',
    '（一）药企主导的中试型协同',
    '这类协同由药企主导。其一，考核以临床前成药率、工艺收率、杂质控制水平和批次稳定运行时间为主要指标；其二，经费按方案设计、小试、中试三个节点分节点付费。',
    '（二）高校主导的研究院模式',
    '由高校牵头，企业按年度包干投入研发经费，高校教师可到企业担任“技术副总”。',
  ].join('\n'), 'pharma-practice');
  it('考核以A、B和C为主要指标 is a practice named by its first indicator', () => {
    expect(labels(out, 'Mechanism')).toContain('以临床前成药率等为指标考核');
  });
  it('分节点付费 is one practice; the word before it belongs to the phrase before', () => {
    expect(labels(out, 'Mechanism')).toContain('分节点付费');
    expect(labels(out, 'Mechanism').some((l) => l.startsWith('节点分'))).toBe(false);
  });
  it('年度包干 and a quoted role taken up (担任“技术副总”) are practices', () => {
    expect(labels(out, 'Mechanism')).toEqual(expect.arrayContaining(['年度包干', '技术副总']));
  });
});

describe('bodies that select, bodies named by the vehicle, members counted, roles taken', () => {
  const out = run([
    '水利协同',
    '一、两种模式',
    '（一）联盟型合作',
    '一类是以省水利装备产业创新联盟为代表的合作。联盟由一家水利装备龙头企业担任理事长单位并牵头组织，成员包括4所高校、3家科研院所和12家设计院。联盟设常务理事会，年度攻关方向由常务理事会议定。',
    '（二）高校主导的共性平台模式',
    '平台由高校牵头组建，平台设技术委员会，成员由企业和高校代表共同组成，负责遴选年度共性课题。',
  ].join('\n'), 'water-bodies');
  const alliance = 'Mode:联盟型合作';
  it('the actor that takes the role leads (由龙头企业担任理事长单位并牵头), not the role', () => {
    const led = out.relations.filter((r) => r.type === 'LED_BY' && r.source === alliance).map((r) => r.target);
    expect(led).toEqual(['Actor:龙头企业']);
  });
  it('members counted (4所高校、3家科研院所) take part', () => {
    expect(rel(out, 'PARTICIPATES_IN', 'Actor:高校', alliance)).toBeDefined();
    expect(rel(out, 'PARTICIPATES_IN', 'Actor:科研机构', alliance)).toBeDefined();
  });
  it('a body the bare vehicle word sets up (联盟设…) is the mode’s', () => {
    expect(out.relations.some((r) => r.type === 'HAS_DECISION_BODY' && r.source === alliance)).toBe(true);
  });
  it('a body whose members are named first and that selects the topics decides', () => {
    expect(out.relations.some((r) => r.type === 'HAS_DECISION_BODY' && r.source === 'Mode:高校主导的共性平台模式')).toBe(true);
  });
});

describe('leaders that set the stage, causes joined before 的双重压力, kinds of a type', () => {
  const out = run([
    '造纸协同',
    '一、三种形态',
    '（一）企业主导的中试型协同',
    '这类协同由造纸集团主导，主要由排放约束和降本增效的双重压力驱动。',
    '（二）政府组织的联合体型合作',
    '这类合作由省工信厅统筹搭台，高校、科研院所和企业按照分工共同参与。',
    '（三）高校牵头的共性技术型协同',
    '这一形态由高校牵头，总体上属于技术推动型。它又可以细分为两种。',
    '一是“一校一企”的校企联合研究院模式。由高校牵头，与一家造纸企业共建研究院。',
    '二是“一校多企”的行业共性技术平台模式。由高校或行业科研院所发起，吸收多家企业加入。',
    '调研发现，联合研究院模式合作关系稳定。',
  ].join('\n'), 'paper-kinds');
  it('由A和B的双重压力驱动 names both causes as drivers, and the pressure word none', () => {
    const driven = out.relations.filter((r) => r.type === 'DRIVEN_BY' && r.source === 'Mode:企业主导的中试型协同').map((r) => r.target);
    expect(driven).toEqual(expect.arrayContaining(['Driver:排放约束驱动', 'Driver:降本增效驱动']));
    expect(labels(out, 'Driver')).not.toContain('双重压力驱动');
  });
  it('属于技术推动型 names its driver', () => {
    expect(rel(out, 'DRIVEN_BY', 'Mode:高校牵头的共性技术型协同', 'Driver:技术推动')).toBeDefined();
  });
  it('由X统筹搭台 leads', () => {
    expect(rel(out, 'LED_BY', 'Mode:政府组织的联合体型合作', 'Actor:省工信厅')).toBeDefined();
  });
  it('in the text of a kind, 由高校牵头 leads the kind, and 由A或行业B发起 names both', () => {
    expect(rel(out, 'LED_BY', 'Mode:“一校一企”的校企联合研究院模式', 'Actor:高校')).toBeDefined();
    expect(rel(out, 'LED_BY', 'Mode:“一校多企”的行业共性技术平台模式', 'Actor:高校')).toBeDefined();
    expect(rel(out, 'LED_BY', 'Mode:“一校多企”的行业共性技术平台模式', 'Actor:科研机构')).toBeDefined();
  });
  it('a long tail of a kind’s name (联合研究院模式) is that kind', () => {
    expect(labels(out, 'Mode')).not.toContain('联合研究院模式');
    expect(entity(out, 'Mode', '“一校一企”的校企联合研究院模式')?.aliases).toContain('联合研究院模式');
  });
});

describe('同一所高校 is one and the same university, no count before a listed name', () => {
  it('同一所高校的团队也参与… in a mode’s text does not make 高校 a participant', () => {
    const out = run(['港口协同', '一、两种模式', '（一）协会搭台的共性技术平台', '省港口协会牵头，联合检测机构建成共性技术平台。', '同一所高校的团队也可能同时出现在多个项目中。', '（二）企业主导的联合攻关', '龙头企业联合高校攻关。'].join('\n'), 'same-univ');
    expect(rel(out, 'PARTICIPATES_IN', 'Actor:高校', 'Mode:协会搭台的共性技术平台')).toBeUndefined();
  });
});

describe('a speech: kinds told as 头一条，是…／第二条，是… after 走出了三条路子', () => {
  const out = run([
    '在全市陶瓷产业推进会上的讲话',
    '同志们：',
    '一、摸清家底：这几年走出了几条路子',
    '春节前后我到企业跑了一圈，归纳起来，大体走出了四条路子。',
    '头一条，是龙头企业挑大梁、上下游一起上。龙头企业出题，配套企业跟着干。具体看，里头又有两种打法。',
    '一种是纵向的垂直攻关。整机厂把配套企业拉进来联合攻关。',
    '另一种是横向的合伙攻关。几家整机企业合伙攻共性技术。',
    '第二条，是高校院所领衔、企业接棒转化。成果先在实验室做出来，再找企业来接。',
    '第三条，是政府搭台、研究院运营。市政府牵头组建研究院，实行会员制。',
    '第四条，是这两年冒出来的新苗头，施工用户唱主角。用户单位每年发布应用场景清单。',
    '二、看清形势：要实现几个转变',
    '第一个转变，要从单项攻关转到系统集成上来。',
    '三、压实责任：重点抓好两件事',
    '第一件事，把链主企业的组织作用发挥到位。支持龙头企业牵头组建联合体。',
    '第二件事，把高校院所的存量成果盘活。',
  ].join('\n'), 'speech');
  it('an item whose first clause names no one is named by the clause that says who leads (第四条，是…新苗头，施工用户唱主角)', () => {
    expect(labels(out, 'Mode')).toContain('施工用户唱主角');
    expect(labels(out, 'Mode').some((l) => l.includes('新苗头'))).toBe(false);
  });
  it('第一件事，把… items under …重点抓好两件事 are recommendations', () => {
    expect(labels(out, 'Recommendation')).toEqual(expect.arrayContaining(['把链主企业的组织作用发挥到位', '把高校院所的存量成果盘活']));
  });
  it('each item names a kind', () => {
    expect(labels(out, 'Mode')).toEqual(expect.arrayContaining(['龙头企业挑大梁、上下游一起上', '高校院所领衔、企业接棒转化', '政府搭台、研究院运营']));
  });
  it('第二条，是… is no article heading: the chapters after it are not nested in it', () => {
    expect(labels(out, 'Mode').some((l) => l.includes('看清形势'))).toBe(false);
  });
  it('里头又有两种打法 divides the kind into the two told next', () => {
    expect(rel(out, 'SUBTYPE_OF', 'Mode:纵向的垂直攻关', 'Mode:龙头企业挑大梁、上下游一起上')).toBeDefined();
    expect(rel(out, 'SUBTYPE_OF', 'Mode:横向的合伙攻关', 'Mode:龙头企业挑大梁、上下游一起上')).toBeDefined();
  });
  it('挑大梁 leads', () => {
    expect(rel(out, 'LED_BY', 'Mode:龙头企业挑大梁、上下游一起上', 'Actor:龙头企业')).toBeDefined();
  });
  it('the text after an item, up to the next, is that kind’s: 市政府牵头组建研究院，实行会员制', () => {
    const kind = 'Mode:政府搭台、研究院运营';
    expect(out.relations.filter((r) => r.type === 'LED_BY' && r.source === kind).map((r) => r.target)).toEqual(['Actor:地方政府']);
    expect(rel(out, 'USES', kind, 'Mechanism:会员制')).toBeDefined();
  });
});

describe('shifts stated before measures in one chapter of other words; 这条路子是技术推动的', () => {
  const out = run([
    '座谈会发言摘编',
    '一、两种做法',
    '（一）龙头企业牵头的联合体',
    '龙头企业牵头，配套企业参与。这条路子是市场需求牵引的，订单拉着走。',
    '（二）高校院所领衔的转化型合作',
    '高校院所领衔，企业接棒。这条路子起步主要是政策推动的。',
    '二、变局之中要有新打法',
    '形势在变，打法也要变，下一步要推动两个转变：',
    '一是从跟跑追赶转向并跑领跑。',
    '二是从单点攻关转向整链协同。',
    '会议要求，今年重点抓好两方面工作：',
    '第一，支持链主企业挑起大梁。',
    '第二，推动实验室成果留在省内。',
  ].join('\n'), 'symposium');
  it('the shifts are requirements, though the chapter goes on to measures', () => {
    expect(labels(out, 'Requirement')).toEqual(expect.arrayContaining(['从跟跑追赶转向并跑领跑', '从单点攻关转向整链协同']));
  });
  it('是X牵引的 / 是X推动的 name drivers', () => {
    expect(rel(out, 'DRIVEN_BY', 'Mode:龙头企业牵头的联合体', 'Driver:市场需求牵引')).toBeDefined();
    expect(rel(out, 'DRIVEN_BY', 'Mode:高校院所领衔的转化型合作', 'Driver:政策推动')).toBeDefined();
  });
});

describe('a handout: kinds named by a catchword before the colon, a table caption, an unbracketed box title', () => {
  const out = run([
    '茶叶产业产学研合作培训讲义',
    '第一部分　合作形态',
    '表1　两种形态一览',
    '形态｜牵头方｜主要参与方',
    '企业拉｜龙头茶企｜合作社、农户',
    '院所推｜茶叶研究所｜茶企',
    '（一）企业拉：茶企牵头的全链条合作',
    '茶企牵头，合作社参与，实行订单收购。',
    '专栏1　某茶企的做法',
    '该茶企设理事会，重大事项由理事会决定。',
    '（二）院所推：茶叶研究所领衔的技术示范',
    '茶叶研究所领衔，茶企参与，推行科技特派员制度。',
  ].join('\n'), 'tea-handout');
  it('the catchword in the table is the kind its heading names', () => {
    expect(labels(out, 'Mode')).not.toContain('企业拉');
    expect(labels(out, 'Mode')).not.toContain('院所推');
    expect(entity(out, 'Mode', '企业拉：茶企牵头的全链条合作')?.aliases).toContain('企业拉');
  });
  it('专栏1　… is a box in the kind’s text, not a kind of its own', () => {
    expect(labels(out, 'Mode').some((l) => l.includes('专栏'))).toBe(false);
    expect(out.relations.some((r) => r.type === 'HAS_DECISION_BODY' && r.source === 'Mode:企业拉：茶企牵头的全链条合作')).toBe(true);
  });
});

describe('joint authorship is a practice', () => {
  it('研究成果共同署名 names 共同署名', () => {
    const out = run(['考古协同', '一、两种模式', '（一）研究院牵头的工作站型合作', '由省考古研究院牵头，高校参与，研究成果共同署名。', '（二）高校主导的基地型合作', '这类合作以高校为主导。'].join('\n'), 'authorship');
    expect(rel(out, 'USES', 'Mode:研究院牵头的工作站型合作', 'Mechanism:共同署名')).toBeDefined();
  });
});

describe('a count’s classifier is not part of a practice', () => {
  it('以3项专利作价入股 names 专利作价入股', () => {
    const out = run(['柑橘协同', '一、两种模式', '（一）研究院主导的示范型合作', '研究院以3项专利作价入股，实行理事会领导下的院长负责制。', '（二）高校主导的驻村服务', '高校牵头，合作社参与。'].join('\n'), 'classifier');
    expect(labels(out, 'Mechanism').some((l) => l.startsWith('项'))).toBe(false);
    expect(labels(out, 'Mechanism')).toContain('专利作价入股');
  });
});

describe('a casebook: a ｜ table of organisers and participants, type chapters named before a colon, 亚类A： sub-kinds', () => {
  const out = run([
    '农业机械产学研合作典型案例选编',
    '编写组把报送案例归成三种类型，先以文字表格列示如下。',
    '表1　三类合作要素对照',
    '类型｜组织者｜主要参与者｜主要动力',
    '田间出题型｜工程总承包企业｜高校、合作社｜需求驱动',
    '一、田间出题型：把题目出在地头',
    '【案例1】某农机集团依托示范项目开展攻关，双方签订联合攻关协议。',
    '二、院校转化型：把样机推到田里',
    '这一类型由高校、科研院所主导，农机企业以首批用户身份参与。按承载方式不同，可分为两个亚类。',
    '亚类A：共建研究院',
    '某市人民政府与某大学签约共建智能制造研究院。研究院实行理事会领导下的院长负责制。大学派驻的科研人员实行双聘制。',
    '亚类B：衍生公司',
    '这一亚类由高校科研团队主导。团队以知识产权作价入股，注册成立初创公司。',
    '三、政府搭台型：主管部门牵线',
    '由市农业农村局牵头，每半年发布一次需求清单。重大事项由主管部门召集、相关部门和农机协会参加的联席会议研究决定。',
  ].join('\n'), 'casebook');
  it('a type chapter named before a colon is a mode, and its own lead text divides it into the 亚类 headed below', () => {
    expect(labels(out, 'Mode')).toEqual(expect.arrayContaining(['田间出题型', '院校转化型', '共建研究院', '衍生公司']));
    expect(rel(out, 'SUBTYPE_OF', 'Mode:共建研究院', 'Mode:院校转化型')).toBeDefined();
    expect(rel(out, 'SUBTYPE_OF', 'Mode:衍生公司', 'Mode:院校转化型')).toBeDefined();
  });
  it('the table’s 组织者 column leads and its 主要参与者 column takes part', () => {
    expect(rel(out, 'LED_BY', 'Mode:田间出题型', 'Actor:工程总承包企业')).toBeDefined();
    expect(out.relations.some((r) => r.type === 'PARTICIPATES_IN' && r.target === 'Mode:田间出题型' && r.source.includes('合作社'))).toBe(true);
  });
  it('重大事项由…召集、…参加的联席会议研究决定 names the decision body after its modifier', () => {
    expect(rel(out, 'HAS_DECISION_BODY', 'Mode:政府搭台型', 'Actor:联席会议')).toBeDefined();
  });
  it('a named association is kept whole (农机协会), and a field before 研究院 belongs to its name', () => {
    expect(labels(out, 'Actor')).toEqual(expect.arrayContaining(['农机协会', '智能制造研究院']));
  });
});

describe('a 答记者问: kinds named “…”模式 after who leads them, measures grouped as 第1至4条，…', () => {
  const out = run([
    '省农业农村厅有关负责人就《若干措施》答记者问',
    '问：《若干措施》把合作归纳为几种方式？',
    '答：归纳为三种组织方式。需要说明的是，这几种方式不是截然分开的。',
    '第一种是龙头药企主导的“链主带动”模式。由龙头药企牵头，组织高校共同攻关。',
    '第二种是科研院所主导的“技术服务”模式。由省中药研究所牵头，向药企提供检测服务。',
    '第三种是地方政府主导的“区域协同”模式。地方政府组建具有独立法人资格的中药技术创新中心。中心设理事会作为决策机构。',
    '问：《若干措施》提出了哪些支持举措？',
    '答：共12条，按三个方面组织。',
    '第1至4条，支持龙头药企牵头组建创新联合体。对联合研发中心给予后补助。',
    '第5至8条，提升院所技术服务能力。扩大职务科技成果赋权改革试点。',
    '第9至12条，夯实人才基础。扩大双向兼职的规模。',
  ].join('\n'), 'briefing');
  it('a quoted name before 模式 is a mode, with its leader', () => {
    const modes = labels(out, 'Mode');
    for (const name of ['链主带动', '技术服务', '区域协同']) expect(modes.some((l) => l.includes(name))).toBe(true);
    const chain = out.entities.find((e) => e.type === 'Mode' && e.label.includes('链主带动'))!;
    expect(out.relations.some((r) => r.type === 'LED_BY' && r.source === chain.id && r.target === 'Actor:龙头药企')).toBe(true);
  });
  it('第1至4条，… items under a question about measures are recommendations', () => {
    expect(labels(out, 'Recommendation')).toEqual(expect.arrayContaining(['支持龙头药企牵头组建创新联合体', '提升院所技术服务能力', '夯实人才基础']));
  });
  it('具有独立法人资格的…中心 has agency: it is an actor, and 中心设理事会 is its decision body', () => {
    expect(rel(out, 'HAS_DECISION_BODY', 'Actor:中药技术创新中心', 'Actor:理事会')).toBeDefined();
  });
  it('推行“先投后股”模式 stays a practice', () => {
    const p = run('二是推行“先投后股”模式。\n\n第二种是高校主导的技术服务模式。\n', 'guard');
    expect(labels(p, 'Mode').some((l) => l.includes('先投后股'))).toBe(false);
  });
});

describe('types numbered 类型Ⅰ：…, sub-types numbered Ⅱa …; persons named by their craft (…师)', () => {
  const out = run([
    '钨产业产学研协同课题结题报告摘要',
    '二、主要发现：协同的三种类型',
    '研究发现，样本项目可归入三种协同类型。',
    '类型Ⅰ：企业内生型',
    '此类协同由龙头企业主导，高校参与。企业的首席工艺师到高校兼任导师。',
    '类型Ⅱ：院所输出型',
    '此类协同由科研院所主导，可分为两个亚型。',
    'Ⅱa 许可转让亚型。院所将专利以独占许可方式授权企业实施。',
    'Ⅱb 衍生孵化亚型。院所以专利作价入股组建衍生企业。',
    '类型Ⅲ：政府统筹型',
    '由地方政府牵头，实行揭榜挂帅。',
  ].join('\n'), 'tungsten');
  it('类型Ⅰ： headings name the types, and Ⅱa / Ⅱb the sub-types of 类型Ⅱ', () => {
    expect(labels(out, 'Mode')).toEqual(expect.arrayContaining(['企业内生型', '院所输出型', '政府统筹型', '许可转让亚型', '衍生孵化亚型']));
    expect(rel(out, 'SUBTYPE_OF', 'Mode:许可转让亚型', 'Mode:院所输出型')).toBeDefined();
  });
  it('首席工艺师 is an actor', () => {
    expect(labels(out, 'Actor')).toContain('首席工艺师');
  });
});

describe('a type named with and without its head word; a practice named again in a measure; 让 opens no name', () => {
  const out = run([
    '水务产学研合作案例选编',
    '表1　两类合作要素对照',
    '类型｜组织者｜常见制度安排',
    '用户出题型｜水务集团｜驻厂研发制；职务科技成果赋权改革',
    '院所转化型｜高校｜双聘制',
    '一、用户出题型：把题目出在水厂',
    '水务集团依托改造项目组织攻关。',
    '二、院所转化型：把成果推进水厂',
    '高校派驻人员实行双聘制。',
    '三、几点建议',
    '①推行项目群合作，让用户出题型合作不再是一次性买卖。',
    '②扩大职务科技成果赋权改革的范围。',
  ].join('\n'), 'water');
  it('用户出题型合作 is 用户出题型, and 让 is not part of its name', () => {
    expect(labels(out, 'Mode')).toContain('用户出题型');
    expect(labels(out, 'Mode').some((l) => l.includes('合作') || l.startsWith('让'))).toBe(false);
  });
  it('a measure that names a practice again, without the verb that first named it, addresses it', () => {
    const seeds = run([
      '种业产学研合作',
      '一、企业主导型：企业出题',
      '由种业企业牵头，高校参与。合作育成的品种多数实行品种权共有，由双方共同申请。',
      '二、院所主导型：院所育种',
      '由农科院牵头。',
      '三、几点建议',
      '1．健全品种权收益共享规则。①总结品种权共有的实践经验，制定合同范本。',
    ].join('\n'), 'seeds');
    expect(rel(seeds, 'ADDRESSES', 'Recommendation:健全品种权收益共享规则', 'Mechanism:品种权共有')).toBeDefined();
  });
});

describe('a circular: 第一种做法是…, a recipient after 对, the poles of a shift, 先…后…, next steps announced inline', () => {
  const out = run([
    '全县茶产业产学研合作情况通报',
    '一、基本情况',
    '全县产学研合作主要有三种做法。',
    '第一种做法是龙头茶企唱主角。茶企联合农业大学建立研发中心，研发人员实行项目聘用制。',
    '第二种方式由科研院所领衔。县茶科所牵头，茶企实行先试用后付费。',
    '第三种做法是政府搭台。县政府牵头成立茶产业联盟，对入盟企业给予后补助。',
    '今后合作要从“政府推动”转向“市场驱动”。',
    '县农业农村局表示，下一步将重点做好三件事：一是建设茶树种质资源库；二是推广订单收购；三是完善收益分配机制。',
  ].join('\n'), 'circular');
  it('the kind’s own noun after the ordinal (做法是, 方式) is no part of its name', () => {
    expect(labels(out, 'Mode')).toEqual(expect.arrayContaining(['龙头茶企唱主角', '政府搭台']));
    expect(labels(out, 'Mode').some((l) => /^(?:做法|方式)/u.test(l))).toBe(false);
  });
  it('对入盟企业给予后补助: the firms are served, they do not provide', () => {
    expect(out.relations.some((r) => r.type === 'PROVIDES' && r.source.includes('入盟企业'))).toBe(false);
  });
  it('the poles of a shift (转向“市场驱动”) drive no mode', () => {
    expect(labels(out, 'Driver')).not.toContain('市场驱动');
  });
  it('先试用后付费 keeps its 先', () => {
    expect(labels(out, 'Mechanism')).toContain('先试用后付费');
  });
  it('items after 下一步将重点做好三件事： are measures', () => {
    expect(labels(out, 'Recommendation')).toEqual(expect.arrayContaining(['建设茶树种质资源库', '推广订单收购', '完善收益分配机制']));
  });
});

describe('who provides: an adverb or a measure before the verb, a manner of paying, departments named with 厅, quoted loan products', () => {
  const out = run([
    '造纸产业产学研合作评估',
    '一、合作类型',
    '（一）园区平台型',
    '由园区管委会牵头，各园区管委会普遍对入驻企业给予检测费用补贴；部分园区还协调合作银行为入驻企业提供“绿色贷”。',
    '（二）政府攻关型',
    '由省科技厅牵头，省财政厅按里程碑式拨款方式分两期拨付资金；省科技厅按其上年度研发投入的5%给予研发后补助。',
  ].join('\n'), 'paper');
  it('普遍对X给予 / 按其…的5%给予: the subject before them provides', () => {
    expect(out.relations.some((r) => r.type === 'PROVIDES' && r.source.includes('管理委员会') && r.target.includes('检测费用补贴'))).toBe(true);
    expect(out.relations.some((r) => r.type === 'PROVIDES' && r.source.includes('科技厅') && r.target.includes('研发后补助'))).toBe(true);
  });
  it('按X方式分两期拨付: the payer provides the manner', () => {
    expect(out.relations.some((r) => r.type === 'PROVIDES' && r.source.includes('财政') && r.target === 'Mechanism:里程碑式拨款')).toBe(true);
  });
  it('a quoted loan product (“绿色贷”) is a mechanism the bank provides', () => {
    expect(out.relations.some((r) => r.type === 'PROVIDES' && r.source.includes('银行') && r.target === 'Mechanism:绿色贷')).toBe(true);
  });
  it('省财政厅 is a department of its own, not 省财政 followed by a stray 厅', () => {
    expect(labels(out, 'Actor').some((l) => l.includes('财政厅') || l === '财政部门')).toBe(true);
    expect(out.entities.find((e) => e.type === 'Actor' && e.id === 'Actor:地方政府' && e.aliases.includes('省财政'))).toBeUndefined();
  });
});

describe('a symposium digest: speaker sections, a kind named in speech, shifts over two clauses, counted next steps', () => {
  const out = run([
    '全省家具产业产学研协同创新座谈会发言摘编',
    '',
    '编者按：座谈会上，家具企业、科研院所和行业协会的代表结合龙头企业牵头、高校院所发起等不同类型联合体的运行情况作了交流。',
    '',
    '飞跃智能家居股份有限公司董事长　王　海',
    '让龙头带着配套一起走',
    '',
    '我们公司做定制家具，2022年联合宏达精密家具有限公司等配套企业组建了家居创新联合体。为什么要由龙头企业来牵这个头？说到底是被市场逼的。',
    '联合体实行订单验证制度，合格的配套产品直接进入采购目录。',
    '',
    '省林业科学院院长　李　明',
    '把样品变成产品',
    '',
    '我们参与的是另一类联合体，由高校和科研院所发起，方向比较靠前。',
    '研究院实行双聘，成果转化主要采取作价入股。',
    '',
    '省家具协会秘书长　张　丽',
    '把小需求攒成大订单',
    '',
    '前面两位讲的，一类是龙头企业牵头，一类是高校院所发起。近两年又出现了一类，我们叫它“用户方牵头”，就是由采购企业或者行业协会来组织联合体。这一类里头又有两种：一种是单一用户牵头，由一家大型卖场组织攻关；另一种是协会集合需求，由协会汇总需求。',
    '',
    '省工业和信息化厅副厅长　赵　强',
    '分类施策',
    '',
    '过去主要是各家企业单打独斗，下一步要转向全链条协同攻关。',
    '下一步，厅里打算重点抓好两件事。',
    '头一件，完善资金支持方式。对龙头企业牵头的联合体保留后补助，对高校院所发起的联合体加大概念验证资助。',
    '第二件，建立有进有出的动态调整机制。',
  ].join('\n'), 'furniture');
  it('a firm with a legal form keeps its brand (飞跃/v 智能家居…, 宏达/nz 精密/a 家具有限公司), not the verb before it (联合)', () => {
    expect(labels(out, 'Actor')).toEqual(expect.arrayContaining(['飞跃智能家居股份有限公司', '宏达精密家具有限公司']));
    expect(labels(out, 'Actor').some((l) => l.startsWith('联合'))).toBe(false);
  });
  it('a section whose first paragraph says who leads (由龙头企业来牵这个头, 由高校和科研院所发起) is that kind\'s', () => {
    expect(rel(out, 'USES', 'Mode:龙头企业牵头的联合体', 'Mechanism:订单验证制度')).toBeDefined();
    expect(rel(out, 'USES', 'Mode:高校院所发起的联合体', 'Mechanism:双聘')).toBeDefined();
    expect(rel(out, 'USES', 'Mode:高校院所发起的联合体', 'Mechanism:作价入股')).toBeDefined();
  });
  it('又出现了一类，我们叫它“用户方牵头” names a kind, and 这一类里头又有两种 divides that one', () => {
    expect(labels(out, 'Mode')).toContain('用户方牵头');
    expect(rel(out, 'LED_BY', 'Mode:用户方牵头', 'Actor:行业协会')).toBeDefined();
    expect(rel(out, 'SUBTYPE_OF', 'Mode:单一用户牵头', 'Mode:用户方牵头')).toBeDefined();
    expect(rel(out, 'SUBTYPE_OF', 'Mode:协会集合需求', 'Mode:用户方牵头')).toBeDefined();
    expect(out.relations.some((r) => r.type === 'SUBTYPE_OF' && r.source === 'Mode:龙头企业牵头的联合体')).toBe(false);
  });
  it('…发起等不同类型联合体: 等不同类型 is no type in a kind\'s name', () => {
    expect(labels(out, 'Mode').some((l) => l.includes('等不同'))).toBe(false);
  });
  it('过去主要是A，下一步要转向B is one shift from A to B', () => {
    expect(labels(out, 'Requirement')).toContain('从各家企业单打独斗转向全链条协同攻关');
  });
  it('头一件，… 第二件，… after 下一步…重点抓好两件事。 are measures', () => {
    expect(labels(out, 'Recommendation')).toEqual(expect.arrayContaining(['完善资金支持方式', '建立有进有出的动态调整机制']));
  });
});

describe('a news feature: suggestions as a bullet run, a shift restated in one clause', () => {
  const out = run([
    '一座船厂的“科技航程”——东港市船舶产业产学研合作见闻',
    '',
    '“从图纸到下水”',
    '东港造船集团是当地最大的造船企业，与海洋大学共建了船舶设计中心，实行项目聘用制。',
    '',
    '“新考题”',
    '“过去比的是谁造得多，现在比的是谁造得精，要从拼数量转向拼质量；过去是一家一户单打独斗，今后要靠联盟把配套企业组织起来。”',
    '记者梳理受访者的意见，大致集中在以下几个方面。',
    '——让设计中心从“画图纸”走向“育企业”。中心应当孵化设计服务企业。',
    '——给科研人员“松绑加力”。进一步扩大成果转化收益比例。',
  ].join('\n'), 'ships');
  it('a bullet run after a sentence announcing suggestions holds the measures', () => {
    expect(labels(out, 'Recommendation')).toEqual(expect.arrayContaining(['让设计中心从“画图纸”走向“育企业”', '给科研人员“松绑加力”']));
  });
  it('过去…，现在…，要从A转向B: the one-clause shift is kept, not a second reading of the same shift', () => {
    expect(labels(out, 'Requirement')).toContain('从拼数量转向拼质量');
    expect(labels(out, 'Requirement').some((l) => l.includes('谁造得多'))).toBe(false);
    expect(labels(out, 'Requirement')).toContain('从一家一户单打独斗转向靠联盟把配套企业组织起来');
  });
});

describe('an interpretation of implementing rules: cited articles, chapters cited in a sentence, a recipient with a long modifier', () => {
  const out = run([
    '《全市造纸产业产学研合作实施细则》解读',
    '一、《细则》明确了哪几种合作方式',
    '第二章是《细则》的核心内容，把合作归纳为两种方式。',
    '（一）第五条、第六条：龙头企业牵头的联合攻关',
    '这种方式由龙头企业牵头。第六条对运行规则作了规定：攻关团队实行技术总师负责制。市财政对首次采购本市纸机产品的中小造纸企业给予首台（套）保险补偿。',
    '（二）第七条：高校院所牵头的共性技术平台',
    '平台实行会员制。',
  ].join('\n'), 'paper-rules');
  it('the articles a heading cites before its colon are no part of the kind’s name', () => {
    expect(labels(out, 'Mode')).toEqual(expect.arrayContaining(['龙头企业牵头的联合攻关', '高校院所牵头的共性技术平台']));
    expect(labels(out, 'Mode').some((l) => l.includes('第五条'))).toBe(false);
  });
  it('第二章是… / 第六条对… cite a chapter or article in a sentence: the kinds stay under their chapter', () => {
    expect(rel(out, 'USES', 'Mode:龙头企业牵头的联合攻关', 'Mechanism:技术总师负责制')).toBeDefined();
    expect(rel(out, 'USES', 'Mode:高校院所牵头的共性技术平台', 'Mechanism:会员制')).toBeDefined();
  });
  it('对首次采购本市纸机产品的中小造纸企业给予: the firms are served, they provide nothing', () => {
    expect(out.relations.some((r) => r.type === 'PROVIDES' && (r.source.includes('企业') || r.source.includes('纸企')))).toBe(false);
  });
});

describe('a news feature told under quoted subheadings: the bodies each section tells of founding are its kinds', () => {
  const out = run([
    '一座船厂的转型——东港市船舶产业合作见闻',
    '',
    '“从图纸到下水，一条链管到底”',
    '东港造船集团是当地最大的造船企业。2020年，由它牵头，联合海洋大学和十家配套企业，组建了船舶全产业链联合体。',
    '联合体实行项目聘用制，重大事项由理事会表决。',
    '',
    '“教授住在船台边”',
    '海洋大学与东港市政府共建了船舶试验示范站。试验站实行首席专家负责制。',
  ].join('\n'), 'shipyard');
  it('由它牵头，联合…，组建了X联合体: a mode led by the founder named before, its partners taking part', () => {
    expect(rel(out, 'LED_BY', 'Mode:船舶全产业链联合体', 'Actor:东港造船集团')).toBeDefined();
    expect(out.relations.some((r) => r.type === 'PARTICIPATES_IN' && (r.source.includes('海洋大学') || r.source === 'Actor:高校') && r.target === 'Mode:船舶全产业链联合体')).toBe(true);
  });
  it('A与B共建了X: the first founder leads', () => {
    expect(out.relations.some((r) => r.type === 'LED_BY' && r.source === 'Mode:船舶试验示范站' && (r.target.includes('海洋大学') || r.target === 'Actor:高校'))).toBe(true);
  });
  it('a quoted subheading may hold a comma; each section is its body’s kind', () => {
    expect(rel(out, 'USES', 'Mode:船舶全产业链联合体', 'Mechanism:项目聘用制')).toBeDefined();
    expect(rel(out, 'USES', 'Mode:船舶试验示范站', 'Mechanism:首席专家负责制')).toBeDefined();
    expect(rel(out, 'USES', 'Mode:船舶试验示范站', 'Mechanism:项目聘用制')).toBeUndefined();
  });
});

describe('a driver said as pressure that forces (倒逼)', () => {
  const out = run([
    '竹产业合作调研',
    '一、两种合作模式',
    '（一）园区平台型合作',
    '这类平台的兴起，很大程度上是安全环保倒逼的结果。平台实行会员制。',
    '（二）院所领衔型合作',
    '在原料短缺、品种老化的倒逼下，林科院牵头组建攻关团队，实行项目聘用制。',
  ].join('\n'), 'bamboo');
  it('是X倒逼的结果 / 在X的倒逼下 name what drives the kind', () => {
    expect(rel(out, 'DRIVEN_BY', 'Mode:园区平台型合作', 'Driver:安全环保倒逼')).toBeDefined();
    expect(out.relations.some((r) => r.type === 'DRIVEN_BY' && r.source === 'Mode:院所领衔型合作' && r.target.includes('原料短缺'))).toBe(true);
  });
});

describe('a decision body set up with a modifier, or said to have the last word', () => {
  const out = run([
    '陶瓷产业合作调研',
    '一、两种合作模式',
    '（一）龙头企业牵头的联合攻关模式',
    '多数联合攻关设立由龙头企业总工程师担任主任的技术委员会，负责确定技术路线。',
    '（二）高校主导的平台式合作',
    '平台实行会员制，年度预算由管理委员会拍板。',
  ].join('\n'), 'ceramics-bodies');
  it('设立由X担任主任的技术委员会，负责确定…: the body after its modifier decides', () => {
    expect(out.relations.some((r) => r.type === 'HAS_DECISION_BODY' && r.source === 'Mode:龙头企业牵头的联合攻关模式' && r.target.includes('委员会'))).toBe(true);
  });
  it('由X拍板 names the body that decides', () => {
    expect(out.relations.some((r) => r.type === 'HAS_DECISION_BODY' && r.source === 'Mode:高校主导的平台式合作' && r.target.includes('管理委员会'))).toBe(true);
  });
});
