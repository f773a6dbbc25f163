// Table-driven tests of heading detection, section nesting and sentence splitting, plus the founding document's structure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildStructure } from '../ingest/extract-scope.js';
import { normaliseText } from '../ingest/parse-source.js';
import { matchHeadingLine, splitSections } from '../ingest/split-sections.js';
import { splitSentences } from '../ingest/split-sentences.js';
import { sentenceRules } from '../ingest/structure/rules.js';
import type { DecodedDocument, HeadingHint } from '../ingest/types.js';

const doc = (text: string, headingHints: HeadingHint[] = [], title = 'T'): DecodedDocument => ({
  source: { path: 'x.txt', name: 'x.txt', format: 'txt', bytes: Buffer.alloc(0) },
  encoding: 'utf-8',
  text,
  headingHints,
  title,
});

const structure = (text: string, hints: HeadingHint[] = []) => {
  const d = doc(text, hints);
  const sections = splitSections(d, 'd');
  const sentences = splitSentences(text, sections, 'd');
  return { sections, sentences };
};

describe('matchHeadingLine', () => {
  const cases: Array<[string, { marker: string; heading: string; schemeId: string; runIn?: boolean } | null]> = [
    ['一、企业参与产学研协同创新的三种模式', { marker: '一、', heading: '企业参与产学研协同创新的三种模式', schemeId: 'cn-number' }],
    ['三、推进企业主导产学研深度融合，夯实企业创新主体地位', { marker: '三、', heading: '推进企业主导产学研深度融合，夯实企业创新主体地位', schemeId: 'cn-number' }],
    ['十二、附则', { marker: '十二、', heading: '附则', schemeId: 'cn-number' }],
    ['1.企业主导多方参与的产学研合作', { marker: '1.', heading: '企业主导多方参与的产学研合作', schemeId: 'arabic' }],
    ['2. 从要素协同迈向能力协同', { marker: '2.', heading: '从要素协同迈向能力协同', schemeId: 'arabic' }],
    ['3．全角点', { marker: '3．', heading: '全角点', schemeId: 'arabic' }],
    ['4、顿号编号', { marker: '4、', heading: '顿号编号', schemeId: 'arabic' }],
    ['（一）加强组织领导', { marker: '（一）', heading: '加强组织领导', schemeId: 'cn-paren' }],
    ['(二)半角括号', { marker: '(二)', heading: '半角括号', schemeId: 'cn-paren' }],
    ['（1）细项', { marker: '（1）', heading: '细项', schemeId: 'arabic-paren' }],
    ['①第一点', { marker: '①', heading: '第一点', schemeId: 'circled' }],
    ['第一章 总则', { marker: '第一章', heading: '总则', schemeId: 'chapter' }],
    ['第二节 组织实施', { marker: '第二节', heading: '组织实施', schemeId: 'jie' }],
    ['1.1 研究背景', { marker: '1.1', heading: '研究背景', schemeId: 'arabic-dotted' }],
    ['一、总体要求：', { marker: '一、', heading: '总体要求', schemeId: 'cn-number' }],
    ['（一）加强组织领导。', { marker: '（一）', heading: '加强组织领导', schemeId: 'cn-paren' }],
    // run-in heading: the short first sentence is the heading, the rest is body
    ['（一）加强组织领导。各地要建立健全工作机制，明确责任分工，确保各项任务落到实处，定期开展督促检查。', { marker: '（一）', heading: '加强组织领导', schemeId: 'cn-paren', runIn: true }],
    // law article with a body: a section named by its marker
    ['第一条 为了促进科技成果转化为现实生产力，规范科技成果转化活动，加速科学技术进步，推动经济建设和社会发展，制定本法。', { marker: '第一条', heading: '第一条', schemeId: 'article', runIn: true }],
    ['㈠组织保障', { marker: '㈠', heading: '组织保障', schemeId: 'cn-paren' }],
    ['⑵细项', { marker: '⑵', heading: '细项', schemeId: 'arabic-paren' }],
    ['⒊点号数字', { marker: '⒊', heading: '点号数字', schemeId: 'arabic' }],
    ['Ⅱ、罗马数字', { marker: 'Ⅱ、', heading: '罗马数字', schemeId: 'roman' }],
    // run-in label before a colon
    ['（一）总体目标：到2025年，产学研深度融合的体制机制基本建立，企业创新主体地位更加巩固，形成一批高能级创新联合体。', { marker: '（一）', heading: '总体目标', schemeId: 'cn-paren', runIn: true }],
    // ordinal words as markers: a kind's heading, and a recommendation run in with its body
    ['第一种：链主企业主导型', { marker: '第一种：', heading: '链主企业主导型', schemeId: 'cn-ordinal' }],
    ['第二，建立任务形成机制。对技术路线尚不明确的任务，允许多个团队并行探索、择优支持。', { marker: '第二，', heading: '建立任务形成机制', schemeId: 'cn-ordinal', runIn: true }],
    ['路径一：整机企业牵头的协同', { marker: '路径一：', heading: '整机企业牵头的协同', schemeId: 'noun-ordinal' }],
    // not headings
    ['第一次全体会议审议通过了章程', null],
    ['第二条路径由城市政府主导。', null],
    ['Ⅱ型糖尿病的研究进展', null],
    ['1.5亿元资金用于支持产学研合作', null],
    ['2023年全国技术合同成交额大幅增长', null],
    ['近年来，我国积极加快科技强国建设，实施创新驱动发展战略。', null],
    ['一是加强组织领导', null],
    ['十分重要的工作', null],
    ['1.企业在产学研合作中提供资金、场地、设备和重大应用场景等多方面的支持与保障。高校提供人才。', null],
    ['1.企业提供资金。高校提供人才，政府提供政策支持和制度保障，三方共同推进成果转化和产业化应用工作。', { marker: '1.', heading: '企业提供资金', schemeId: 'arabic', runIn: true }],
    ['（一）' + '很长的标题'.repeat(12), null],
  ];
  it.each(cases)('%s', (line, expected) => {
    const m = matchHeadingLine(line);
    if (expected === null) {
      expect(m).toBeNull();
      return;
    }
    expect(m).not.toBeNull();
    expect({ marker: m!.marker, heading: m!.heading, schemeId: m!.schemeId }).toEqual({ marker: expected.marker, heading: expected.heading, schemeId: expected.schemeId });
    if (expected.runIn) expect(m!.length).toBeLessThan(line.length);
    else expect(m!.length).toBe(line.length);
  });
});

describe('splitSections nesting', () => {
  const outline = (text: string, hints: HeadingHint[] = []) =>
    structure(text, hints).sections.map((s) => `${s.level}:${s.marker}:${s.path.join('/')}`);

  const cases: Array<[string, string, string[]]> = [
    ['first scheme is top, the next one nests', '标题\n\n一、甲\n正文。\n1.甲一\n正文。\n2.甲二\n二、乙\n1.乙一\n', ['0::', '1:一、:甲', '2:1.:甲/甲一', '2:2.:甲/甲二', '1:二、:乙', '2:1.:乙/乙一']],
    ['three levels', '一、甲\n（一）子\n1.孙\n（二）子二\n二、乙\n', ['0::', '1:一、:甲', '2:（一）:甲/子', '3:1.:甲/子/孙', '2:（二）:甲/子二', '1:二、:乙']],
    ['arabic at the top when it comes first', '1.甲\n（1）子\n2.乙\n', ['0::', '1:1.:甲', '2:（1）:甲/子', '1:2.:乙']],
    ['a conventionally higher scheme closes a lower one', '标题\n1.前言项\n一、正文\n（一）子\n', ['0::', '1:1.:前言项', '1:一、:正文', '2:（一）:正文/子']],
    ['chapters and articles', '第一章 总则\n第一条 为了规范产学研合作活动，促进科技成果转化，根据有关法律法规，结合本省实际，制定本办法。\n第二条 本办法适用于本省行政区域内的产学研合作。\n第二章 合作模式\n第三条 本条。\n', ['0::', '1:第一章:总则', '2:第一条:总则/第一条', '2:第二条:总则/第二条', '1:第二章:合作模式', '2:第三条:合作模式/第三条']],
    ['ordinal kinds nest under the chapter that announces them', '一、三种路径\n第一种：甲型\n正文。\n第二种：乙型\n正文。\n二、建议\n第一，开放。正文。\n', ['0::', '1:一、:三种路径', '2:第一种：:三种路径/甲型', '2:第二种：:三种路径/乙型', '1:二、:建议', '2:第一，:建议/开放']],
    ['run-in leads right under a bodiless paper-numbered heading are its children', '标题\n3 结论\n正文。\n4 政策建议\n第一，完善机制。正文。\n第二，加强保障。正文。\n', ['0::', '1:3:结论', '1:4:政策建议', '2:第一，:政策建议/完善机制', '2:第二，:政策建议/加强保障']],
    ['dotted numbering nests by depth', '1.1 背景\n1.1.1 细节\n1.2 目标\n', ['0::', '1:1.1:背景', '2:1.1.1:背景/细节', '1:1.2:目标']],
    ['long numbered sentence is body, not heading', '标题\n1.' + '很长的内容'.repeat(12) + '\n', ['0::']],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(outline(text)).toEqual(expected);
  });

  it('hints give levels to unnumbered headings and their markers are split off', () => {
    const text = '标题\n\n引言\n\n正文一。\n\n一、方法\n\n正文二。\n\n细节\n\n正文三。';
    const span = (s: string, level: number): HeadingHint => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, level });
    const hints = [span('标题', 1), span('引言', 2), span('一、方法', 2), span('细节', 3)];
    expect(outline(text, hints)).toEqual(['0::', '1::引言', '1:一、:方法', '2::方法/细节']);
  });

  it('a bold (level 0) hint is a heading of its own family, unless it reads like sentences', () => {
    const text = '标题\n\n要点\n\n正文。\n\n强调一句。再强调一句。';
    const at = text.indexOf('强调');
    expect(outline(text, [{ start: 4, end: 6, level: 0 }, { start: at, end: text.length, level: 0 }])).toEqual(['0::', '1::要点']);
  });

  it('the first short unnumbered line is the title (root heading span), a long first line is not', () => {
    const a = structure(' 短标题\n\n正文。').sections[0];
    expect([a.heading, a.headingStart, a.headingEnd]).toEqual(['短标题', 1, 4]);
    const b = structure('近年来，我国积极加快科技强国建设，实施创新驱动发展战略。\n').sections[0];
    expect(b.headingEnd).toBe(b.headingStart);
  });

  it('spans nest and sections end where the next sibling or ancestor starts', () => {
    const text = '一、甲\n正文。\n1.甲一\n正文。\n二、乙\n正文。';
    const { sections } = structure(text);
    const [root, a, a1, b] = sections;
    expect([root.start, root.end]).toEqual([0, text.length]);
    expect([a.start, a.end]).toEqual([0, text.indexOf('二、')]);
    expect([a1.start, a1.end, a1.parentId]).toEqual([text.indexOf('1.'), text.indexOf('二、'), a.id]);
    expect([b.start, b.end]).toEqual([text.indexOf('二、'), text.length]);
  });
});

describe('splitSentences', () => {
  const texts = (text: string) => structure(text).sentences.map((s) => s.text);
  const cases: Array<[string, string, string[]]> = [
    ['full stops', '甲乙。丙丁。', ['甲乙。', '丙丁。']],
    ['semicolons split parallel clauses', '中央政府主导聚焦战略需求；地方政府主导破解难题。', ['中央政府主导聚焦战略需求；', '地方政府主导破解难题。']],
    ['closing quote stays with its sentence', '他说：“要加快发展。”下一句。', ['他说：“要加快发展。”', '下一句。']],
    ['ASCII quotes: closing when open, else opening the next sentence', '他说:"要加快。"然后。"下一句。"', ['他说:"要加快。"', '然后。', '"下一句。"']],
    ['closing bracket and repeated terminators', '真的吗？！）然后。', ['真的吗？！）', '然后。']],
    ['quotes without terminator never split', '对项目多采取“里程碑”考核方式，或“揭榜挂帅”。', ['对项目多采取“里程碑”考核方式，或“揭榜挂帅”。']],
    ['line breaks end sentences, whitespace trimmed', '  第一行没有句号  \n\n　第二行。 ', ['第一行没有句号', '第二行。']],
    ['colon is not a terminator', '其中：甲；乙。', ['其中：甲；', '乙。']],
    ['ASCII terminators need a boundary', 'See https://a.b/c?d=1 now. Version 2.0 works; ok!', ['See https://a.b/c?d=1 now.', 'Version 2.0 works;', 'ok!']],
    ['decimal and list dots are not ends', '增长1.5倍，达到3.2亿元。', ['增长1.5倍，达到3.2亿元。']],
    ['heading line is one sentence even with terminators', '一、要加强！\n正文。', ['一、要加强！', '正文。']],
    ['run-in heading is its own sentence', '（一）加强组织领导。各地要建立健全工作机制，明确责任分工，确保各项任务落到实处，定期开展督促检查工作。', ['（一）加强组织领导。', '各地要建立健全工作机制，明确责任分工，确保各项任务落到实处，定期开展督促检查工作。']],
    ['run-in label before a colon is its own sentence', '（一）总体目标：到2025年，产学研深度融合的体制机制基本建立。', ['（一）总体目标：', '到2025年，产学研深度融合的体制机制基本建立。']],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('flags headings and tags sentences with their innermost section', () => {
    const { sentences } = structure('标题\n一、甲\n正文一。\n1.甲一\n正文二。\n二、乙\n正文三。');
    expect(sentences.map((s) => [s.text, s.isHeading, s.sectionPath])).toEqual([
      ['标题', true, ''],
      ['一、甲', true, '甲'],
      ['正文一。', false, '甲'],
      ['1.甲一', true, '甲 > 甲一'],
      ['正文二。', false, '甲 > 甲一'],
      ['二、乙', true, '乙'],
      ['正文三。', false, '乙'],
    ]);
  });

  it('cuts an over-long sentence at a soft break, else hard, with exact offsets', () => {
    const max = sentenceRules.maxSentenceLength;
    const withCommas = ('产学研合作'.repeat(10) + '，').repeat(40) + '。';
    const noBreaks = '字'.repeat(max * 3 + 7);
    for (const text of [withCommas, noBreaks]) {
      const { sentences } = structure(text);
      expect(sentences.length).toBeGreaterThan(1);
      for (const s of sentences) {
        expect(s.text.length).toBeLessThanOrEqual(max);
        expect(text.slice(s.start, s.end)).toBe(s.text);
      }
      expect(sentences.map((s) => s.text).join('')).toBe(text);
    }
    const { sentences } = structure(withCommas);
    expect(sentences.slice(0, -1).every((s) => s.text.endsWith('，'))).toBe(true);
  });

  it('a hard cut never splits a surrogate pair', () => {
    const text = '𠀀'.repeat(sentenceRules.maxSentenceLength);
    for (const s of structure(text).sentences) expect(s.text).toMatch(/^(?:\p{L})+$/u);
  });
});

describe('founding document', () => {
  const text = normaliseText(readFileSync(new URL('../corpus/000_b86ad707c747c04c.txt', import.meta.url), 'utf8'));
  const { sections, sentences } = structure(text);

  it('has the title as root heading and the exact outline', () => {
    expect(sections[0].heading).toBe('着力打造企业主导的产学研深度融合创新联合体');
    expect(sections.slice(1).map((s) => `${s.level}|${s.marker}|${s.path.join(' > ')}`)).toEqual([
      '1|一、|企业参与产学研协同创新的三种模式',
      '2|1.|企业参与产学研协同创新的三种模式 > 企业主导多方参与的产学研合作',
      '2|2.|企业参与产学研协同创新的三种模式 > 企业参与高校、科研机构主导的产学研合作',
      '2|3.|企业参与产学研协同创新的三种模式 > 企业参与政府主导的产学研合作',
      '1|二、|新阶段对产学研深度融合提出新要求',
      '2|1.|新阶段对产学研深度融合提出新要求 > 从松散耦合迈向高效配置',
      '2|2.|新阶段对产学研深度融合提出新要求 > 从要素协同迈向能力协同',
      '2|3.|新阶段对产学研深度融合提出新要求 > 从成果共享迈向利益共享',
      '1|三、|推进企业主导产学研深度融合，夯实企业创新主体地位',
      '2|1.|推进企业主导产学研深度融合，夯实企业创新主体地位 > 重视使命型场景驱动，加快产学研深度融合范式转型',
      '2|2.|推进企业主导产学研深度融合，夯实企业创新主体地位 > 强化科技领军企业主导组织协同、人才支撑等保障机制',
      '2|3.|推进企业主导产学研深度融合，夯实企业创新主体地位 > 创建央国企联合创新示范区，深化治理机制和利益分享机制改革',
    ]);
    for (const s of sections.slice(1)) expect(text.slice(s.headingStart, s.headingEnd)).toBe(s.marker + s.heading);
  });

  it('splits into exact sentences, headings flagged, quotes intact', () => {
    expect(sentences.filter((s) => s.isHeading).length).toBe(13);
    expect(sentences.length).toBe(55);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    const milestone = sentences.find((s) => s.text.includes('里程碑'))!;
    expect(milestone.text).toBe('对项目多采取“里程碑”考核方式，对科研人员以科技成果转化数量和转化收益为指标进行考核，或者通过股权方式进行激励。');
    expect(milestone.sectionPath).toBe('企业参与产学研协同创新的三种模式 > 企业参与高校、科研机构主导的产学研合作');
    const council = sentences.find((s) => s.text.includes('决策机构为理事会'))!;
    expect(council.sectionPath).toBe('企业参与产学研协同创新的三种模式 > 企业参与政府主导的产学研合作');
  });

  it('parses in a few milliseconds (best of 20 runs, so a busy machine does not matter)', () => {
    let best = Infinity;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      splitSentences(text, splitSections(doc(text), 'd'), 'd');
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(10);
  });
});

// Heading rules for papers, lettered and 之-numbered kinds, and 其一是… items; every line is written for these tests.
describe('paper numbering, lettered kinds and 其一是 items', () => {
  const paper = [
    '灌溉设备合作研究',
    '1 引言',
    '近年来农机企业与高校的合作增多。',
    '2 三种合作模式',
    '调研发现了三种模式。',
    '2.1 整机企业牵头的研发联合体',
    '整机企业出资，高校派出团队。',
    '2.2 依托农机园区的试验平台模式',
    '园区提供试验田。',
    '3 结论',
    '合作仍需深化。',
  ].join('\n');

  it('nests paper-style numbering: "2" is a first-level section with "2.1" and "2.2" as its children', () => {
    const { sections } = structure(paper);
    expect(sections.map((s) => `${s.level}:${s.marker}:${s.path.join('/')}`)).toEqual([
      '0::',
      '1:1:引言',
      '1:2:三种合作模式',
      '2:2.1:三种合作模式/整机企业牵头的研发联合体',
      '2:2.2:三种合作模式/依托农机园区的试验平台模式',
      '1:3:结论',
    ]);
    const two = sections.find((s) => s.marker === '2')!;
    expect(sections.filter((s) => s.parentId === two.id).map((s) => s.marker)).toEqual(['2.1', '2.2']);
  });

  it('buildStructure does not also turn a line holding a heading the splitter found into an unmarked chapter', () => {
    const { sections } = structure(paper);
    const { headings } = buildStructure(paper, sections);
    expect(headings.map((h) => `${h.level}|${h.marker}|${h.text}`)).toEqual([
      '1|1|引言',
      '1|2|三种合作模式',
      '2|2.1|整机企业牵头的研发联合体',
      '2|2.2|依托农机园区的试验平台模式',
      '1|3|结论',
    ]);
    // no two heading spans overlap, and no heading text keeps its numbering
    for (let i = 1; i < headings.length; i++) expect(headings[i].start).toBeGreaterThanOrEqual(headings[i - 1].end);
    for (const h of headings) expect(h.text).not.toMatch(/^\d/u);
    const sub = headings.find((h) => h.marker === '2.1')!;
    expect(headings[sub.parent!].text).toBe('三种合作模式');
  });

  it.each([
    ['模式A：整机企业牵头', '模式A：', '整机企业牵头'],
    ['模式B：园区搭台、企业入驻', '模式B：', '园区搭台、企业入驻'],
    ['转变一：从单项合作走向系统合作', '转变一：', '从单项合作走向系统合作'],
    ['转向之一：由财政投入为主转向多元投入', '转向之一：', '由财政投入为主转向多元投入'],
  ])('a noun with a Latin letter or 之 numbers a heading: %s', (line, marker, heading) => {
    const m = matchHeadingLine(line);
    expect(m?.schemeId).toBe('noun-ordinal');
    expect([m?.marker, m?.heading]).toEqual([marker, heading]);
  });

  it('reads 其一是X型。… / 其二是Y型。… paragraphs as enumeration items', () => {
    const text = [
      '污水处理合作',
      '一、合作类型',
      '调研的水务企业与高校的合作有两种。',
      '',
      '其一是委托研发型。水务集团出资委托高校研究膜处理工艺，按节点付费。',
      '',
      '其二是共建中心型。双方共建水处理技术中心，实行主任负责制。',
    ].join('\n');
    const { sections } = structure(text);
    const items = buildStructure(text, sections).headings.filter((h) => h.kind === 'enumeration');
    expect(items.map((h) => [h.marker, h.text])).toEqual([
      ['其一是', '委托研发型'],
      ['其二是', '共建中心型'],
    ]);
  });
});

describe('headings added after ea3dbe1: 【一】, —— bullets, 一类是 kinds, long 一是 shift items', () => {
  it.each([
    ['【一】总体情况', '【一】', '总体情况'],
    ['【二】主要做法', '【二】', '主要做法'],
    ['〖三〗存在的问题', '〖三〗', '存在的问题'],
  ])('a lenticular ordinal numbers a heading: %s', (line, marker, heading) => {
    const m = matchHeadingLine(line);
    expect(m?.schemeId).toBe('lenticular');
    expect([m?.marker, m?.heading]).toEqual([marker, heading]);
  });

  it('a —— bullet line with a short first sentence is a run-in heading named by that sentence', () => {
    const m = matchHeadingLine('——船厂牵头的总装型联合攻关。这是目前最常见的做法，由大型船厂提出技术需求，联合高校开展攻关。');
    expect(m?.schemeId).toBe('bullet');
    expect(m?.heading).toBe('船厂牵头的总装型联合攻关');
  });

  it.each([
    ['一类是林场与高校的育种合作。林场提供试验林地，高校负责选育良种。', '林场与高校的育种合作'],
    ['二类是木材加工企业联盟。多家加工企业共建检测中心，共享设备。', '木材加工企业联盟'],
  ])('a line opened by 一类是 / 二类是 is a kind heading: %s', (line, heading) => {
    const m = matchHeadingLine(line);
    expect(m?.schemeId).toBe('kind-ordinal');
    expect(m?.heading).toBe(heading);
  });

  it('keeps a long 一是… shift item (over 30 characters) whole as an enumeration item', () => {
    const long = '由以代码行数为考核导向向以产品质量和用户价值为考核导向转变';
    expect(long.length).toBeGreaterThan(28);
    const text = ['软件人才评价', '一、评价方式的转变', `软件人才评价的变化主要有两点：一是${long}；二是由单一企业内部评价向行业统一认证转变。`].join('\n');
    const { sections } = structure(text);
    const items = buildStructure(text, sections).headings.filter((h) => h.kind === 'enumeration');
    expect(items.map((h) => [h.marker, h.text])).toEqual([
      ['一是', long],
      ['二是', '由单一企业内部评价向行业统一认证转变'],
    ]);
  });
});

describe('一类是…另一类是… is a pair in running text, not a numbering', () => {
  const paper = (second: string) =>
    ['乳业协同', '2　三种方式', '2.1　链主牵头的协同', '这种方式又可细分为两类。', '一类是纵向协同。企业联合牧场。', `${second}横向攻关。企业联合高校。`, '2.2　高校主导的协同', '高校牵头。'].join('\n');
  it('the pair stays inside 2.1, and 2.2 stays its sibling', () => {
    const { sections } = structure(paper('另一类是'));
    expect(sections.map((s) => s.heading)).not.toContain('纵向协同');
    const s21 = sections.find((s) => s.heading === '链主牵头的协同')!;
    const s22 = sections.find((s) => s.heading === '高校主导的协同')!;
    expect(s22.parentId).toBe(s21.parentId);
  });
  it('with 二类是 after it, 一类是 numbers headings as before', () => {
    const { sections } = structure(paper('二类是'));
    expect(sections.map((s) => s.heading)).toContain('纵向协同');
  });
});

describe('interview questions and （甲）（乙） as headings', () => {
  it.each([
    ['◎记者：您怎么看当前行业合作的整体状况？', 'interview-question', '您怎么看当前行业合作的整体状况'],
    ['问三：用户牵引型合作具体是怎么运作的？', 'interview-question', '用户牵引型合作具体是怎么运作的'],
    ['问：新政策有哪些亮点？', 'interview-question', '新政策有哪些亮点'],
    ['（甲）市水务局主导的数据服务平台。市水务局组建平台公司。', 'stem-paren', '市水务局主导的数据服务平台'],
  ])('%s', (line, scheme, heading) => {
    const m = matchHeadingLine(line);
    expect(m?.schemeId).toBe(scheme);
    expect(m?.heading).toBe(heading);
  });
  it('问题：… is a label, not a question', () => {
    expect(matchHeadingLine('问题：平台重建设、轻运营。')?.schemeId).not.toBe('interview-question');
  });
});
