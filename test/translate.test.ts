// search/translate.ts: English -> Chinese query translation over the glossary, policy phrases and CC-CEDICT.
import { describe, expect, it } from 'vitest';
import { isEnglish, lemmas, stem, translateQuery } from '../search/translate.js';
import { cleanSense, reverseLookup } from '../search/cedict-reverse.js';

describe('isEnglish', () => {
  it.each([
    ['which modes use milestone evaluation', true],
    ['哪种模式不设置决策机构', false],
    ['which modes use 揭榜挂帅', true],
    ['2023年的要求', false],
  ])('%s -> %s', (text, expected) => expect(isEnglish(text)).toBe(expected));
});

describe('stem', () => {
  it.each([
    ['universities', 'university'],
    ['enterprises', 'enterprise'],
    ['modes', 'mode'],
    ['process', 'process'],
    ['status', 'status'],
  ])('%s -> %s', (w, s) => expect(stem(w)).toBe(s));
});

describe('cedict reverse lookup', () => {
  it('cleans senses', () => {
    expect(cleanSense('to examine (sth)')).toBe('examine');
    expect(cleanSense('Hong Kong [Xiang1 gang3]')).toBe('hong kong');
  });
  it('ranks common words first', () => {
    expect(reverseLookup('milestone')[0].zh).toBe('里程碑');
    expect(reverseLookup('government')[0].zh).toBe('政府');
    expect(reverseLookup('patent').map((c) => c.zh)).toContain('专利');
    expect(reverseLookup('qwertyuiop')).toEqual([]);
  });
});

describe('translateQuery', () => {
  const best = (q: string) => translateQuery(q).groups.map((g) => g.alternatives[0]);

  it('keeps Chinese text and segments its content words', () => {
    const t = translateQuery('哪种模式不设置决策机构');
    expect(t.english).toBe(false);
    expect(t.zh).toBe('哪种模式不设置决策机构');
    expect(t.terms).toContain('决策机构');
  });

  it('drops English function words', () => {
    const t = translateQuery('the milestone of the evaluation');
    expect(t.groups.map((g) => g.source)).toEqual(['milestone', 'evaluation']);
  });

  it('matches multi-word phrases longest first', () => {
    expect(best('a decision-making body')).toEqual(['决策机构']);
    expect(best('two-way flow of the staff')[0]).toBe('双向流动');
  });

  it('attaches hyphenated suffixes and "led by" to their head', () => {
    // a head the glossary has no compound for: the rule, not a glossary entry, builds it
    expect(translateQuery('platform-led collaboration').groups[0].alternatives).toContain('平台主导');
    expect(translateQuery('modes led by universities').groups.at(-1)?.alternatives).toContain('高校主导');
  });

  it('reads X-based as a kind (…型) first, keeping every head', () => {
    const alts = translateQuery('contract-based consortia').groups[0].alternatives;
    expect(alts[0]).toMatch(/型$/);
    expect(alts).toContain('契约型');
    expect(alts).toContain('合同型');
  });

  it('reads an adjective the dictionary only has as a noun through the noun', () => {
    // ceramic has no sense of its own (only "ceramic tile"); ceramics is 陶瓷
    expect(translateQuery('ceramic designs').groups[0].alternatives[0]).toBe('陶瓷');
  });

  it('translates state-owned and at the centre of', () => {
    expect(translateQuery('a platform run by a state-owned company').terms.some((t) => t.includes('国企'))).toBe(true);
    expect(translateQuery('who sits at the centre of the alliance').terms).toContain('核心');
  });

  it.each([
    ['small firms', '中小'],
    ['installed capacity', '装机规模'],
    ['spin-off companies', '衍生企业'],
    ['who hands out the vouchers', '发放'],
    ['domestic software', '国产'],
    ['the brand-led model', '品牌'],
    ['who lends to firms in the high-tech zone', '贷款'],
    ['who lends to firms in the high-tech zone', '高新区'],
    ['the Science and Technology Backyard', '科技小院'],
    ['who sends technology commissioners to the mills', '科技特派员'],
    ['stone carving restoration', '修复'],
    ['a paid side job at the firm', '兼职'],
    ['raw milk quality', '生鲜乳'],
    ['the heritage bureau', '文物'],
    ['a talent pool for the emerging industry', '人才库'],
    ['a talent pool for the emerging industry', '新兴产业'],
    ['the R&D super deduction', '加计扣除'],
    ['pilot plants in Guangdong', '广东'],
  ])('%s reads as %s', (q, zh) => {
    expect(translateQuery(q).terms.some((t) => t.includes(zh))).toBe(true);
  });

  it('"X-ed by" goes to the head of the phrase after it, not across a comma', () => {
    const t = translateQuery('In the alliance led by big shipping companies, judges review milestones');
    const led = t.groups.find((g) => g.alternatives.some((a) => a.endsWith('主导')));
    expect(led?.source).toMatch(/compan/);
    expect(t.groups.find((g) => g.source === 'big')?.alternatives.some((a) => a.endsWith('主导'))).toBe(false);
    expect(t.groups.find((g) => g.source.startsWith('judge'))?.alternatives.some((a) => a.endsWith('主导'))).toBe(false);
  });

  it('falls back to the dictionary for words outside the glossary', () => {
    // words no policy glossary holds
    const t = translateQuery('volcano telescope');
    expect(t.groups.map((g) => g.origin)).toEqual(['dictionary', 'dictionary']);
    expect(t.terms).toContain('火山');
    expect(t.terms).toContain('望远镜');
  });

  it('marks negation and the negated group', () => {
    const t = translateQuery('does not set up a decision-making body');
    expect(t.negated).toBe(true);
    expect(t.groups[0].negated).toBe(true);
    expect(t.zh.startsWith('不')).toBe(true);
  });

  it('keeps rarer dictionary senses aside for a reader that can check its documents', () => {
    const g = translateQuery('diligent').groups[0];
    expect(g.origin).toBe('dictionary');
    expect([...g.alternatives, ...(g.more ?? [])]).toContain('勤勉');
    expect(g.alternatives.length).toBeLessThanOrEqual(5);
  });

  it('reports words nothing could translate', () => {
    expect(translateQuery('zzyzx milestone').unknown).toEqual(['zzyzx']);
  });

  it('keeps Han runs inside English questions', () => {
    expect(translateQuery('which modes use 揭榜挂帅').terms).toContain('揭榜挂帅');
  });
});

describe('lemmas (phrase lookup of inflected forms)', () => {
  it.each([
    ['took', 'take'],
    ['decided', 'decide'],
    ['funding', 'fund'],
    ['planned', 'plan'],
    ['subsidies', 'subsidy'],
    ['applied', 'apply'],
  ])('%s includes %s', (w, base) => expect(lemmas(w)).toContain(base));
  it('tries the word itself first', () => expect(lemmas('operating')[0]).toBe('operating'));
});

describe('translateQuery: inflected phrases', () => {
  const sources = (q: string) => translateQuery(q).groups.map((g) => g.source);
  const first = (q: string, source: string) => translateQuery(q).groups.find((g) => g.source === source)?.alternatives;
  it.each([
    // verb forms reach the phrase table, not the dictionary's unrelated senses (used -> 中古)
    ['which mechanism is used to select routes', 'used to', '采用'],
    ['who took the lead in the alliance', 'took the lead', '牵头'],
    ['which bodies are organising the platform', 'organising', '组织'],
    ['who relies on key laboratories', 'relies on', '依靠'],
  ])('%s: %s -> %s', (q, source, zh) => {
    expect(sources(q)).toContain(source);
    expect(first(q, source)).toContain(zh);
  });
  it.each([
    ['government-guided institutions', '政府引导'],
    ['enterprise-funded projects', '企业出资'],
    ['institutes initiated by private enterprises', '民营企业发起'],
  ])('participle suffixes: %s -> %s', (q, zh) => expect(translateQuery(q).groups.flatMap((g) => g.alternatives)).toContain(zh));
});

describe('translateQuery: policy vocabulary', () => {
  const alts = (q: string) => translateQuery(q).groups.flatMap((g) => g.alternatives);
  it.each([
    ['who decides which projects receive funding', '资助'],
    ['alliances for common industry technologies', '共性技术'],
    ['the chain-leader enterprise', '链主企业'],
    ['who issues the open call', '公开发榜'],
    ['which mechanism shields decision makers from blame', '决策者'],
    ['which mechanism shields decision makers from blame', '追究'],
    ['who puts money into the platform', '出资'],
    // possessives are the noun itself; chain leader is the chain-leader enterprise first
    ["what is the chain leader's role", '链主企业'],
    ['how are funds managed in the chain-leader-led mode', '链主企业牵头'],
    // a kind named after its noun is written with the suffix 型
    ['who leads the innovation consortium type of collaboration', '创新联合体型'],
    ['which actors join the government-led type', '政府主导型'],
    ['who puts up money for the joint R&D centre', '中心'],
    ['who puts up money for the joint R&D centre', '出资'],
    ['how must the driving force of collaboration shift', '牵引'],
  ])('%s -> %s', (q, zh) => expect(alts(q)).toContain(zh));
});

describe('translateQuery: compound adjacency', () => {
  const next = (q: string) => translateQuery(q).groups.map((g) => `${g.source}:${g.next ?? '-'}`);
  it.each([
    ['industrialization company', ['industrialization:adjacent', 'company:-']],
    ['the council of the platform', ['council:of', 'platform:-']],
    // "for" puts its object first too (alliances for common technologies -> 共性技术联盟)
    ['the council for a platform', ['council:of', 'platform:-']],
    // any other function word between them: no compound
    ['the council with a platform', ['council:-', 'platform:-']],
    // light verbs never join
    ['adopt patent licensing', ['adopt:-', 'patent:adjacent', 'licensing:-']],
  ])('%s', (q, expected) => expect(next(q)).toEqual(expected));
});

describe('translateQuery: office titles', () => {
  it.each([
    ['who appoints the general manager', '总经理'],
    ['who appoints the director of the centre', '主任'],
  ])('%s -> %s', (q, zh) => expect(translateQuery(q).groups.flatMap((g) => g.alternatives)).toContain(zh));
});

describe('common policy words', () => {
  const alts = (q: string) => translateQuery(q).groups.map((g) => g.alternatives);
  it('drops vague quantifiers (several -> 几个 is noise)', () => {
    expect(translateQuery('several universities and various firms').groups.map((g) => g.source)).toEqual(['universities', 'firms']);
  });
  it.each([
    ['a consortium of suppliers', '联合体'],
    ['innovation consortia', '创新联合体'],
    ['tone and play down annual assessments', '淡化'],
    ['downplays short-term output', '淡化'],
    ['weeds out weak partners', '淘汰'],
    ['drop lagging projects', '淘汰'],
    ['laggards', '落后'],
    ['commercialize the patents', '转化'],
    ['commercialised inventions', '转化'],
    ['periodic reviews', '考核'],
    ['funding for pilot plants', '投入'],
    ['the next phase of reform', '下一阶段'],
    ['criteria for judging talent', '评价'],
    ['early-stage funding', '早期'],
    ['clinical trials', '试验'],
    ['commercial returns', '商业'],
    ['public-interest research', '公益'],
    ['loans secured on patents', '质押'],
    ['who bears the risk', '承担'],
    ['repaid in instalments', '分期'],
    ['mutual recognition of test results', '互认'],
  ])('%s -> %s', (q, zh) => expect(alts(q).flat()).toContain(zh));
  it('drops number words and reads an adverb in -ly only from a long word (early is not ear)', () => {
    expect(translateQuery('two or three teams').groups.map((g) => g.source)).toEqual(['teams']);
    expect(translateQuery('two or three teams').unknown).toEqual([]);
    expect(lemmas('early')).not.toContain('ear');
    expect(lemmas('jointly')).toContain('joint');
  });
  it('reads "in favour of" as a weak preference, not as dictionary words', () => {
    const t = translateQuery('in favour of long-term support');
    expect(t.unknown).toEqual([]);
    expect(t.groups[0]).toMatchObject({ source: 'in favour of', weak: true });
    expect(t.groups[1].alternatives).toContain('长期');
  });
});

describe('translateQuery: policy senses of common English words', () => {
  const alts = (q: string) => translateQuery(q).groups.map((g) => g.alternatives);
  const weakOf = (q: string, source: string) => translateQuery(q).groups.find((g) => g.source === source)?.weak;
  it.each([
    ['bank loans secured on patents', '质押融资'],
    ['who shares the burden they bear', '分担'],
    ['the results of the evaluation', '结果'],
    ['the conclusions and results of testing', '结论'],
    ['pilot test flights over cities', '试飞'],
    ['release the remaining money', '拨付'],
    ['money for equipment', '经费'],
    ['projects that clear an acceptance check', '通过'],
    ['large-scale application', '规模'],
    ['the variety rights of breeders', '品种权'],
  ])('%s -> %s', (q, zh) => expect(alts(q).flat()).toContain(zh));
  it('a right over something is written as a suffix (management rights -> 管理权)', () => {
    expect(alts('who holds the management rights').flat()).toContain('管理权');
    expect(alts('operating rights of the platform').flat()).toContain('运营权');
  });
  it('speech verbs of a recommendation weigh little', () => {
    expect(weakOf('which proposal suggests a new fund', 'suggests')).toBe(true);
    expect(weakOf('which measure proposes tax relief', 'proposes')).toBe(true);
    expect(weakOf('what do the authors recommend for hospitals', 'recommend')).toBe(true);
  });
});

describe('AI and platform vocabulary', () => {
  it('translates compute, platform firms and model size as the documents write them', () => {
    const alts = (q: string) => translateQuery(q).groups.flatMap((g) => g.alternatives);
    expect(alts('shared compute for small firms')).toContain('算力');
    expect(alts('platform firms open their interfaces')).toContain('平台企业');
    expect(alts('chasing model size')).toContain('参数规模');
    expect(alts('training large models')).toContain('模型');
  });
});

describe('co-development', () => {
  it('is 共建 as the documents write it (管线共建), or 联合研发', () => {
    const alts = translateQuery('pipeline co-development').groups.flatMap((g) => g.alternatives);
    expect(alts.some((a) => a.includes('共建'))).toBe(true);
  });
});

describe('policy senses of everyday English words', () => {
  const zh = (q: string) => translateQuery(q).groups.map((g) => g.alternatives[0]);
  it.each([
    ['conservation technology', '保护'],
    ['authorship of findings', '署名'],
    ['authorship of findings', '成果'],
    ['joint field stations', '工作站'],
    ['which insurer covers it', '保险机构'],
    ['a deputy general manager for technology', '副总经理'],
    ['fees paid by members', '费'],
    ['the first time it is used', '首次'],
  ])('%s -> %s', (q, expected) => {
    expect(zh(q)).toContain(expected);
  });
  it('a field’s adjective is read as the field (archaeological -> 考古)', () => {
    expect(zh('archaeological data')).toContain('考古');
  });
  it('"a couple of" is a weak count, not a married pair', () => {
    const g = translateQuery('a couple of months').groups;
    expect(g.flatMap((x) => x.alternatives)).not.toContain('夫妇');
  });
});

describe('mid-term and first-of-its-kind', () => {
  it.each([
    ['the mid-term review of the projects', '中期评估'],
    ['first-of-its-kind machines', '首台（套）'],
  ])('%s -> %s', (q, expected) => {
    expect(translateQuery(q).groups.map((g) => g.alternatives[0])).toContain(expected);
  });
});

describe('breeding and initiators', () => {
  it.each([
    ['regional breeding alliances', '育种'],
    ['the initiator of the platform', '发起方'],
  ])('%s -> %s', (q, expected) => {
    expect(translateQuery(q).groups.map((g) => g.alternatives[0])).toContain(expected);
  });
});
