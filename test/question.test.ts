// search/question.ts: answer type, constraint terms and negation of Chinese and English questions (table-driven).
import { describe, expect, it } from 'vitest';
import { dropAttribution, parseQuestion, passiveParticiple, splitExclusion } from '../search/question.js';
import { findNegations } from '../search/negation.js';

const terms = (q: string) => parseQuestion(q).groups.flatMap((g) => g.alternatives);

describe('answer type', () => {
  it.each([
    // Chinese: question word + type noun, possibly with a modifier in between
    ['哪些模式采用里程碑考核', 'Mode', '哪些模式'],
    ['哪种产学研合作模式由企业牵头', 'Mode', '哪种产学研合作模式'],
    ['专利许可属于哪类机制', 'Mechanism', '哪类机制'],
    ['谁负责概念验证中心的日常运行', 'Actor', '谁'],
    ['哪些主体参与平台建设', 'Actor', '哪些主体'],
    ['通过什么方式分配收益', 'Mechanism', '什么方式'],
    ['产学研合作采用哪种合作机制', 'Mechanism', '哪种合作机制'], // head-final compound
    // Chinese: X是什么 / X有哪些 — the head noun of X
    ['产业联盟的决策机构是什么', 'Actor', '决策机构是什么'],
    ['新阶段的新要求有哪些', 'Requirement', '新要求有哪些'],
    // English: determiner use, who/how, copula + noun phrase, "type of"
    ['which modes use milestone evaluation', 'Mode', 'which modes'],
    ['who funds the pilot platform', 'Actor', 'who'],
    ['what mechanism allocates licensing income', 'Mechanism', 'what mechanism'],
    ['what are the new requirements for collaboration', 'Requirement', 'requirements'],
    ['which type of mechanism pays in instalments', 'Mechanism', 'which type of mechanism'],
    ['which collaboration mechanism shares the income', 'Mechanism', 'which collaboration mechanism'],
    ['list the actors that share the risk', 'Actor', 'actors'],
  ])('%s -> %s', (q, type, cue) => {
    const p = parseQuestion(q);
    expect(p.answerType).toBe(type);
    expect(p.typeCue).toBe(cue);
  });

  it('falls back to the default type when nothing names one', () => {
    const p = parseQuestion('里程碑考核');
    expect(p.typeCue).toBe('');
    expect(p.answerType).toBe('Mode');
  });
});

describe('constraint', () => {
  it.each([
    ['哪种合作模式实行项目聘用制', ['项目聘用制'], ['模式', '哪种']],
    ['揭榜挂帅属于哪种模式', ['揭榜挂帅'], ['属于', '模式']],
    ['which modes use milestone evaluation', ['里程碑', '考核'], ['模式']],
    ['which mode rewards researchers with equity', ['股权', '激励'], ['模式']],
  ])('%s keeps %j and drops %j', (q, kept, dropped) => {
    // the glossary may translate a phrase as one compound (里程碑考核): check the words, not the split
    const t = terms(q);
    for (const k of kept) expect(t.some((x) => x.includes(k))).toBe(true);
    for (const d of dropped) expect(t.some((x) => x.includes(d))).toBe(false);
  });

  it('keeps the role noun of a tail question and marks it', () => {
    const p = parseQuestion('新型研发机构的决策机构是什么');
    expect(p.constraint).toBe('新型研发机构的决策机构');
    expect(p.groups.find((g) => g.alternatives.includes('决策机构'))?.role).toBe(true);
    expect(p.groups.find((g) => g.alternatives.includes('新型研发机构'))?.role).toBeFalsy();
  });

  it.each([
    ['who makes decisions for the platform', '决策'],
    ['who usually organises the alliances', '组织'], // British spelling, adverb skipped
    ['地方政府设立的机构由谁决策', '决策'],
    ['谁负责运营概念验证中心', '负责'],
    ['平台公司由哪个机构做决策', '决策'], // agent position, light verb 做 skipped
  ])('marks the verb of a who-question as the role: %s -> %s', (q, role) => {
    const g = parseQuestion(q).groups.find((x) => x.role);
    expect(g?.alternatives).toContain(role);
  });

  it('marks light verbs as weak', () => {
    expect(parseQuestion('哪些模式采用里程碑考核').groups.find((g) => g.source === '采用')?.weak).toBe(true);
  });
});

describe('negation', () => {
  it.each([
    ['哪种模式不设置决策机构', true],
    ['哪些合作形式没有独立法人资格', true],
    ['which mode does not set up a decision-making body', true],
    ['which collaboration works without a decision-making body', true],
    ['哪种模式不断扩大合作范围', false], // 不断 = continually
    ['哪种模式面向未来产业', false], // 未来 = future
    ['which modes use milestone evaluation', false],
  ])('%s -> %s', (q, negated) => expect(parseQuestion(q).negated).toBe(negated));

  it('drops the negator from the terms but keeps what it negates', () => {
    const t = terms('哪种模式不设置决策机构');
    expect(t).toContain('决策机构');
    expect(t).not.toContain('不');
  });

  it.each([
    ['哪种模式不是由市场拉动，而是由技术推动的', ['技术', '推动'], ['市场']],
    ['哪种模式由技术推动而不是由市场拉动', ['技术'], ['市场']],
    ['which mode is driven by technology rather than market demand', ['技术'], ['市场']],
  ])('contrast %s keeps %j and drops %j, and is not a negated question', (q, kept, dropped) => {
    const p = parseQuestion(q);
    const t = p.groups.flatMap((g) => g.alternatives);
    for (const k of kept) expect(t.some((x) => x.includes(k))).toBe(true);
    for (const d of dropped) expect(t.some((x) => x.includes(d))).toBe(false);
    expect(p.negated).toBe(false);
  });

  it('locates cues and skips words that only contain a negator', () => {
    expect(findNegations('通常为非独立法人的创新组织，不设置决策机构').map((h) => h.cue)).toEqual(['非', '不']);
    expect(findNegations('不断拓展，面向未来，无论大小')).toEqual([]);
  });
});

describe('exclusion (apart from X / 除了X之外)', () => {
  it.each([
    ['apart from enterprises, which actors take part in the platform', 'en', 'enterprises', 'which actors take part in the platform'],
    ['besides funding which resources do firms provide', 'en', 'funding', 'which resources do firms provide'],
    ['除了企业之外，还有哪些主体参与平台建设', 'zh', '企业', '还有哪些主体参与平台建设'],
    ['除高校以外哪些单位参与', 'zh', '高校', '哪些单位参与'],
  ] as const)('%s', (q, lang, excluded, restEnd) => {
    const r = splitExclusion(q, lang);
    expect(r.excluded).toBe(excluded);
    // the excluded words stay as context; only the markers go
    expect(r.rest.endsWith(restEnd)).toBe(true);
    expect(r.rest).toContain(excluded);
  });
  it.each([
    ['哪些机构负责破除创新孤岛', 'zh'],
    ['which modes remove barriers', 'en'],
  ] as const)('no exclusion in %s', (q, lang) => expect(splitExclusion(q, lang)).toEqual({ rest: q, excluded: '' }));
  it('names the excluded entity in Chinese', () => {
    expect(parseQuestion('apart from the government, which actors take part in the collaboration').excluded).toContain('政府');
    expect(parseQuestion('除了企业之外，还有哪些主体参与合作').excluded).toContain('企业');
    expect(parseQuestion('which actors take part in the collaboration').excluded).toEqual([]);
  });
  it('keeps an English exclusion as groups, for compounds the documents write as one word', () => {
    const p = parseQuestion('apart from the chain-leader firm, who joins the strategic alliance');
    expect(p.excluded).toEqual(['链主企业']);
    expect(p.excludedGroups?.map((g) => g.alternatives[0])).toEqual(['链主企业']);
    expect(p.answerType).toBe('Actor');
    // "join" is taking part, the PARTICIPATES_IN cue
    expect(p.groups.find((g) => g.source === 'joins')?.alternatives).toContain('参与');
    expect(parseQuestion('who joins the alliance').excludedGroups).toBeUndefined();
  });
});

describe('passive role words', () => {
  const roles = (q: string) => parseQuestion(q).groups.filter((g) => g.role).map((g) => g.source);
  it.each([
    ['by whom is the operating team appointed', 'appointed'],
    ['who is the platform company run by', 'run'],
    ['by whom are the research directions chosen', 'chosen'],
    // active voice: the verb after "who"
    ['who appoints the general manager', 'appoints'],
  ])('%s -> %s', (q, role) => expect(roles(q).join(' ')).toContain(role));
  it.each([
    [['the', 'team', 'was', 'appointed', 'by'], 'appointed'],
    [['the', 'council', 'is', 'run', 'by'], 'run'],
    [['the', 'council'], undefined],
  ])('participle of %j', (ws, expected) => expect(passiveParticiple(ws.map((text) => ({ text })))).toBe(expected));
});

describe('English answer types and passive "how"', () => {
  it.each([
    ['which department takes the lead in training technology managers', 'Actor'],
    ['which ministry oversees the pilot zones', 'Actor'],
    ['which contracts do the partners sign', 'Mechanism'],
    ['what procedure is followed for approval', 'Mechanism'],
  ])('%s -> %s', (q, type) => expect(parseQuestion(q).answerType).toBe(type));
  it.each([
    ['how are research funds managed in the alliance', 'managed'],
    ['how is performance assessed in the institute', 'assessed'],
  ])('%s: role %s', (q, role) => expect(parseQuestion(q).groups.filter((g) => g.role).map((g) => g.source).join(' ')).toContain(role));
});

describe('requirements are shifts: verbs of change', () => {
  it.each([
    ['how should the distribution of income change', 'Requirement'],
    ['how must cooperation between universities and firms shift', 'Requirement'],
    ['what should change in how institutes assess staff', 'Requirement'],
    // no verb of change, or no modal: still the mechanism
    ['how should universities evaluate researchers', 'Mechanism'],
    ['how did the partners change the contract', 'Mechanism'],
  ])('%s -> %s', (q, type) => expect(parseQuestion(q).answerType).toBe(type));
  it('drops the verb of change from a requirement question (change -> 转化 is not 成果转化)', () => {
    const p = parseQuestion('what should change in how universities evaluate technology transfer work');
    expect(p.groups.map((g) => g.source)).not.toContain('change');
    expect(p.groups.map((g) => g.source).join(' ')).toContain('evaluate');
  });
});

describe('shifts, practices and kinds of consortium', () => {
  it.each([
    // Chinese: a change a stage brings is a requirement (由A向B转变) — but only as a noun ending its clause
    ['高校院所合作正在经历哪些变化', 'Requirement'],
    ['产教融合在新时期面临什么样的转变', 'Requirement'],
    ['校地合作的主要转向有哪些', 'Requirement'],
    ['哪种模式转向市场化运作', 'Mode'], // 转向 takes an object: a verb
    ['哪些主体转变为平台的股东', 'Actor'],
    // a kind of consortium is a mode, even when a mechanism is named after it
    ['哪种联合体由地方政府出资组建', 'Mode'],
    ['哪一类联合体按里程碑考核的方式拨付经费', 'Mode'],
    // 哪项 / 哪条 are question words; a verb after another type noun is that noun's verb
    ['数字化转型对应哪一项新要求', 'Requirement'],
    ['哪条建议要求简化成果转化的审批流程', 'Recommendation'],
    // verbs of pushing and support are type nouns only where they end the clause
    ['校企联合实验室主要依靠什么拉动', 'Driver'],
    ['地方政府对孵化平台提供了哪些扶持？', 'Mechanism'],
    ['政府推动的合作采用哪种模式', 'Mode'],
    ['哪些推动产业升级的措施被采纳', 'Recommendation'],
    ['创新联合体采用什么方式分配收益', 'Mechanism'], // no question word before 联合体
    // English: arrangements, practices, rules are mechanisms, whoever is the subject
    ['what arrangements does the alliance make for sharing patent income', 'Mechanism'],
    ['which practices has the government-led platform adopted', 'Mechanism'],
    ['what rules govern how members leave the consortium', 'Mechanism'],
    // measures and steps: practice, unless the question says they are proposed or needed
    ['what measures do universities take to share licensing income', 'Mechanism'],
    ['what measures does the essay recommend for talent mobility', 'Recommendation'],
    ['what steps should local governments take', 'Recommendation'],
    // a change of a later stage, or a change expected, is a requirement
    ['how will the funding of joint laboratories change', 'Requirement'],
    ['how is the division of labour supposed to shift', 'Requirement'],
    ['how does the role of the platform change in the new phase', 'Requirement'],
    ['what shift in staffing does the new era demand', 'Requirement'],
    ['which changes does deeper cooperation bring for universities', 'Requirement'],
    // ... but a verb of change after a type noun is the verb
    ['which model changes how researchers are paid', 'Mode'],
    ['which consortia pool patents of their members', 'Mode'],
    ['which pathway relies on open application scenarios', 'Mode'],
    // what drives X asks for a driver
    ['what drives the alliance of seed firms', 'Driver'],
    ['what propels cooperation between hospitals and universities', 'Driver'],
    ['which mode is driven by market demand', 'Mode'],
  ])('%s -> %s', (q, type) => expect(parseQuestion(q).answerType).toBe(type));

  it('keeps the mechanism named after a kind of consortium in the constraint', () => {
    const p = parseQuestion('哪一类联合体按里程碑考核的方式拨付经费');
    expect(p.typeCue).toBe('哪一类联合体');
    expect(p.groups.map((g) => g.source).join(' ')).toContain('里程碑');
  });

  it('drops the noun of change from a requirement question, and keeps what changes', () => {
    const p = parseQuestion('what shift in staffing does the new era demand');
    const sources = p.groups.map((g) => g.source).join(' ');
    expect(sources).not.toContain('shift');
    expect(sources).toContain('staffing');
  });
});

describe('which kind of an organisation', () => {
  it.each<[string, string[] | undefined, string]>([
    ['哪类单位实行会员制', ['单位'], 'Actor'],
    ['哪一种组织采取市场化运营', ['组织'], 'Actor'],
    ['哪些机构参与联合攻关', undefined, 'Actor'],
    ['由谁负责运营', undefined, 'Actor'],
    ['哪种模式实行会员制', undefined, 'Mode'],
  ])('%s', (q, kindOf, type) => {
    const p = parseQuestion(q);
    expect(p.answerType).toBe(type);
    if (kindOf) expect(p.kindOf).toEqual(expect.arrayContaining(kindOf));
    else expect(p.kindOf).toBeUndefined();
  });
  it('English: a type/kind/sort of an organisation noun', () => {
    expect(parseQuestion('what sort of agency runs the testing platform').kindOf).toContain('机构');
    expect(parseQuestion('which kind of institution charges members a fee').kindOf).toBeDefined();
    expect(parseQuestion('which institutions charge members a fee').kindOf).toBeUndefined();
  });
  it('a management approach or system is a mechanism', () => {
    expect(parseQuestion('what kind of management approach do the centres use').answerType).toBe('Mechanism');
    expect(parseQuestion('which management system governs the labs').answerType).toBe('Mechanism');
    expect(parseQuestion('平台采用哪种管理模式').answerType).toBe('Mechanism');
  });
});

describe('policies are mechanisms', () => {
  it.each([
    ['哪些政策支持企业建设中试平台', 'Mechanism'],
    ['哪项政策引导高校向中小企业许可专利', 'Mechanism'],
    ['哪种做法降低了成员单位的试验成本', 'Mechanism'],
    ['what policy lowers the cost of pilot testing for small firms', 'Mechanism'],
    ['which policy recommendations does the essay make', 'Recommendation'],
  ])('%s -> %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
});

describe('ceasing names the origin of a shift in a requirement question', () => {
  it('English: "no longer X" is no negation of a requirement', () => {
    const p = parseQuestion('which requirement says partners no longer chase patent numbers');
    expect(p.answerType).toBe('Requirement');
    expect(p.negated).toBe(false);
    expect(p.groups.flatMap((g) => g.alternatives)).toContain("专利");
  });
  it('Chinese: 不再X is no negation of a requirement', () => {
    const p = parseQuestion('哪项新要求指合作不再以论文数量为导向');
    expect(p.answerType).toBe('Requirement');
    expect(p.negated).toBe(false);
  });
  it('still negates a question for another type', () => {
    expect(parseQuestion('which modes no longer rely on government funding').negated).toBe(true);
    expect(parseQuestion('哪些模式不再依赖财政资金').negated).toBe(true);
  });
});

describe('a body that decides', () => {
  it.each([
    ['what body approves the annual research plan of the alliance', true],
    ['which committee rules on disputes over project funding', true],
    ['what body coordinates the regional pilot platforms', true],
    ['by which body is the budget of the centre approved', true],
    ['由什么机构审定联合体的年度研发计划', true],
    ['哪个机构负责统筹协调各成员单位', true],
    ['what body takes part in the alliance', false],
    ['哪些机构参与联合攻关', false],
    ['who funds the pilot platform', false],
  ])('%s -> %s', (q, expected) => {
    expect(parseQuestion(q).decisionBody ?? false).toBe(expected);
  });
});

describe('kinds named, their whole asked', () => {
  it.each([
    ['which mode is divided into a national alliance and a local platform', true],
    ['哪种模式可分为联合实验室和产业研究院两类', true],
    ['which modes use milestone evaluation', undefined],
  ])('%s -> %s', (q, expected) => {
    const p = parseQuestion(q);
    expect(p.asksWhole).toBe(expected);
    // the verb of dividing is frame, not constraint
    if (expected) expect(p.constraint).not.toMatch(/分为|divid/);
  });
});

// Questions written for these tests (farm machinery, water treatment, tourism, semiconductors).
describe('actors by their verb, shifts, practices used, drivers, parts and frame words', () => {
  it.each([
    // 哪些方面 + a verb only actors do asks for actors
    ['在以园区为主导的试验平台中，哪些方面参与其中', 'Actor'],
    ['在高校主导的联合实验室里，哪些方面参与进来', 'Actor'],
    // 怎样转变 / 如何转型 and 哪一个转向 / 哪一个转变 ask for a shift
    ['关于人才，文章认为合作需要怎样转变', 'Requirement'],
    ['关于资金投入，报告认为合作应当如何转型', 'Requirement'],
    ['新阶段哪一个转向强调开放共享', 'Requirement'],
    ['下一阶段哪一个转变突出数据共享', 'Requirement'],
    // what puts a practice to use is a mode; the practice asked for itself stays a mechanism
    ['采用“先试用后付费”的是哪一类做法', 'Mode'],
    ['实行“按亩收费”的是哪一种做法', 'Mode'],
    ['学生由谁来指导，采用的是什么制度', 'Mechanism'],
    ['工程师由谁来考核，实行的是什么办法', 'Mechanism'],
    // what is / lies behind X, what orientation: a driver
    ['what is behind the platform model', 'Driver'],
    ['what lies behind the water utility alliance', 'Driver'],
    ['what orientation guides the seed consortium', 'Driver'],
    // 被什么推动的: a driver, with the closing 的
    ['县域供水协作主要是被什么推动的', 'Driver'],
    ['行业协同型合作主要是被什么推动的', 'Driver'],
    // 工作打算: a measure
    ['哪一项工作打算提出建设丘陵山区试验场', 'Recommendation'],
  ])('%s -> %s', (q, type) => expect(parseQuestion(q).answerType).toBe(type));

  it.each<[string, boolean | undefined, boolean | undefined]>([
    ['into which two kinds is the platform model divided', true, undefined],
    ['into which kinds is the pilot base model split', true, undefined],
    ['平台模式分为哪两类', true, undefined],
    ['技术转让模式可细分为哪两类', true, undefined],
    ['哪种模式细分为专利许可类和工艺入股类', undefined, true],
  ])('dividing into kinds: %s asks for the parts (%s) or the whole (%s)', (q, parts, whole) => {
    const p = parseQuestion(q);
    expect(p.asksParts).toBe(parts);
    expect(p.asksWhole).toBe(whole);
  });

  it('keeps the words of a dividing question that name the kinds out of the constraint (哪两类 is a question word)', () => {
    const sources = parseQuestion('平台模式分为哪两类').groups.map((g) => g.source);
    expect(sources).not.toContain('两类');
    expect(sources).not.toContain('哪');
  });

  it.each<[string, string[], string[]]>([
    ['关于资金，报告认为应当怎样转变', ['资金'], ['关于', '报告', '认为', '转变']],
    ['关于人才，文章认为合作需要怎样转变', ['人才'], ['关于', '文章', '认为']],
    ['What shifts does the report expect over the next few years', [], ['expect', 'next', 'few', 'years', 'report']],
    ['What changes does the white paper anticipate in the coming years', [], ['anticipate', 'coming', 'years']],
  ])('frame words are no constraint: %s', (q, kept, dropped) => {
    const sources = parseQuestion(q).groups.map((g) => g.source);
    for (const k of kept) expect(sources).toContain(k);
    for (const d of dropped) expect(sources).not.toContain(d);
  });
});

describe('question cues added after ea3dbe1', () => {
  it.each(['校企共建机构又分为哪两种', '高校科研平台又分为哪两种', '轨道交通创新联盟又分为哪两种'])('%s asks for the kinds (modes), not for an actor its words name', (q) => {
    const p = parseQuestion(q);
    expect(p.answerType).toBe('Mode');
    expect(p.asksParts).toBe(true);
  });

  it('without 又分为哪两种 the same words ask for actors (the fallback the dividing question skips)', () => {
    expect(parseQuestion('校企共建机构有哪些').answerType).toBe('Actor');
  });

  it.each([
    ['what is the platform model oriented towards', 'oriented towards'],
    ['what is the shipyard-led consortium driven by', 'driven by'],
    ['what is the rail consortium geared towards', 'geared towards'],
  ])('%s asks for a driver; the participle is frame, not a role', (q, cue) => {
    const p = parseQuestion(q);
    expect(p.answerType).toBe('Driver');
    expect(p.typeCue).toBe(cue);
    const sources = p.groups.map((g) => g.source);
    for (const w of cue.split(' ')) expect(sources.some((s) => s.split(/[\s-]+/).includes(w))).toBe(false);
    expect(p.groups.filter((g) => g.role)).toEqual([]);
  });

  it.each([
    ['which actors launch the forestry alliance', '发起'],
    ['who launched the forestry alliance', '发起'],
    ['which bodies jointly launched the rail transit institute', '共同发起'],
  ])('%s: launch reads as %s', (q, zh) => {
    expect(terms(q)).toContain(zh);
  });

  it('deals with is a weak group; patent pool(s) is 专利池', () => {
    const p = parseQuestion('which mechanism deals with patent pools');
    const deals = p.groups.find((g) => g.source === 'deals with');
    expect(deals?.weak).toBe(true);
    expect(terms('which mechanism deals with patent pools')).toContain('专利池');
    expect(terms('which mode builds a patent pool')).toContain('专利池');
  });

  it.each([
    ['哪种组织形态由船厂牵头', '哪种组织形态'],
    ['哪些形态采用揭榜挂帅', '哪些形态'],
    ['哪种合作形态以平台为载体', '哪种合作形态'],
  ])('%s asks for a mode', (q, cue) => {
    const p = parseQuestion(q);
    expect(p.answerType).toBe('Mode');
    expect(p.typeCue).toBe(cue);
  });

  it.each([
    ['what motivates the shipyard-led alliance', 'Driver'],
    ['what pulls the collaboration led by port operators', 'Driver'],
    ['what pressure lies behind the county-funded seed bank', 'Driver'],
    ['what does the study propose so that hospitals can keep their engineers', 'Recommendation'],
    ['what does the bulletin suggest for small foundries', 'Recommendation'],
  ])('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });

  it('lies behind is frame, not constraint', () => {
    const sources = parseQuestion('what pressure lies behind the county-funded seed bank').groups.map((g) => g.source);
    expect(sources.join(' ')).not.toMatch(/\blies\b|\bbehind\b/);
  });

  it.each([
    'What sub-types does the bulletin distinguish within the port alliance model?',
    'which variant of the shipyard consortium relies on leasing',
    'what subcategories of the county platform model are there',
  ])('%s asks for the parts of a mode', (q) => {
    const p = parseQuestion(q);
    expect(p.answerType).toBe('Mode');
    expect(p.asksParts).toBe(true);
  });

  it('which type of collaboration asks for a mode, not its parts', () => {
    expect(parseQuestion('which type of collaboration relies on leasing').asksParts).toBeUndefined();
  });

  it('a clause of time before the question word is context: When X runs Y, which body has the final say', () => {
    const p = parseQuestion('When a steel group runs a joint push, which body has the final say on the task list?');
    expect(p.answerType).toBe('Actor');
    expect(p.decisionBody).toBe(true);
  });

  it('the first verb of a kind names the type: what does the paper recommend so that … need', () => {
    expect(parseQuestion('What does the paper recommend to make extension agents more responsive to what growers need?').answerType).toBe('Recommendation');
    expect(parseQuestion('what does the new stage require of universities that propose projects').answerType).toBe('Requirement');
  });

  it.each([
    ['What is the main force behind the port-led alliance?', 'Driver'],
    ['Which company is behind the arrangement where shipyards set the problems?', 'Actor'],
    ['which firms take part in the alliance', 'Actor'],
    ['which agency-led model uses milestone payments', 'Mode'],
    ['which firm-run platform charges by the hour', 'Mode'],
  ])('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });

  it('哪个机构拍板 asks for a decision body', () => {
    const p = parseQuestion('联合攻关的立项由哪个机构拍板');
    expect(p.answerType).toBe('Actor');
    expect(p.decisionBody).toBe(true);
  });
});


describe('colloquial questions (blind pairs dev-ak/al, dev-am/an)', () => {
  it.each([
    // a question word inside a place phrase (往谁身上) is not what is asked
    ['钢铁园区里，哪种合作会让两家单位同时攻关、再决定往谁身上追加投入', 'Mode'],
    // partners and a verb of joining ask for actors
    ['船厂牵头的那类合作，拉上了哪些伙伴一起干', 'Actor'],
    ['那种联合体还有哪些方面参加', 'Actor'],
    // the background or demand that pushes (带动) a kind asks for its driver
    ['这类合作主要是被什么需求带动的', 'Driver'],
    ['港航融合的合作是在什么背景下出现的', 'Driver'],
    // English: a driving verb after the copula, a verb of letting, a kind of loan
    ['what is driving the projects that shipping firms lead', 'Driver'],
    ['what pushes the port-led model forward', 'Driver'],
    ['What lets members of the alliance use each other’s patents for free?', 'Mechanism'],
    ['What kind of loan can fish farmers get by pledging their sea-use rights?', 'Mechanism'],
    // …but a verb that looks like a noun of practice stays a verb (which mode rewards researchers)
    ['which mode rewards researchers with equity', 'Mode'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });

  it('what kind of loan keeps 贷款 in the constraint', () => {
    expect(parseQuestion('What kind of loan can fish farmers get?').constraint).toContain('贷款');
  });
});

describe('who decides, asked plainly', () => {
  it.each(['合资公司的大事由谁说了算', '那个联盟的重大事项由谁来定', '平台的事由谁拍板'])('%s asks for a decision body', (q) => {
    const p = parseQuestion(q);
    expect(p.answerType).toBe('Actor');
    expect(p.decisionBody).toBe(true);
  });
  it('who leads is not a question for a decision body', () => {
    expect(parseQuestion('项目由谁牵头').decisionBody).toBe(false);
  });
  it('English: who gets the final word', () => {
    expect(parseQuestion('In the joint projects, who gets the final word on the technical route?').decisionBody).toBe(true);
  });
  it('colloquial fillers (那家, 起来, 搞) are no constraint', () => {
    const terms = parseQuestion('三方合资办起来的那家公司，大事由谁说了算').groups.filter((g) => !g.weak).map((g) => g.source);
    expect(terms).not.toContain('起来');
    expect(terms).not.toContain('家');
    expect(terms).toContain('合资');
  });
});

describe('English: what an actor hands out, and what is added rather than denied', () => {
  it.each([
    ['What does the city science bureau hand out to support small firms?', 'Mechanism'],
    ['What does the provincial fund provide to start-ups?', 'Mechanism'],
    ['who provides loans to small firms', 'Actor'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
  it('not just X adds to X: no negation, and X stays as context', () => {
    const p = parseQuestion('Which shift asks partners to weigh energy use and carbon emissions, not just pollutant removal?');
    expect(p.negated).toBe(false);
    expect(p.constraint).toContain('去除');
    expect(p.constraint).toContain('碳排放');
  });
  it('reads lab, missing and marine in their policy senses', () => {
    const c = parseQuestion('which recommendation deals with the missing step between the lab and the marine factory').constraint;
    for (const zh of ['缺失', '实验室', '海洋']) expect(c).toContain(zh);
  });
});

describe('type nouns: 协作方式 is a way of collaborating, coordinated nouns share their head, incentives and yardsticks', () => {
  it.each([
    ['哪种协作方式实行双导师制', 'Mode'],
    ['哪类协同模式由行业协会牵头', 'Mode'],
    ['这家研究院在成果转化上给了科研人员什么奖励', 'Mechanism'],
    ['园区平台以什么指标考核运营团队', 'Mechanism'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
  it('哪些组织和拨款机制 asks for mechanisms, and what kinds stays in the constraint', () => {
    const p = parseQuestion('水利攻关平台用了哪些组织和拨款机制');
    expect(p.answerType).toBe('Mechanism');
    expect(p.constraint).toContain('拨款');
  });
  it('哪些组织 alone still asks for actors', () => {
    expect(parseQuestion('哪些组织加入了回收联盟').answerType).toBe('Actor');
  });
});

describe('English type nouns: lenders and partners are actors, yardsticks and metrics mechanisms', () => {
  it.each([
    ['Which lender offers pledge loans to the firms in the park?', 'Actor'],
    ['Which partners joined the port alliance?', 'Actor'],
    ['By what yardstick are the research teams judged?', 'Mechanism'],
    ['What metrics are used to evaluate the pilot plants?', 'Mechanism'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
});

describe('who decides / signs off on / approves: a verb of deciding right after who asks for a decision body', () => {
  it.each(['who signs off on the research directions of the alliance', 'who decides the yearly roadmap at the institute', 'who approves the budget of the pilot platform', 'who calls the shots in the joint venture'])('%s', (q) => {
    expect(parseQuestion(q).decisionBody).toBe(true);
  });
  it('a deciding verb later in the clause does not make "who" ask for a decision body', () => {
    expect(parseQuestion('who takes part in the alliance whose council decides the projects').decisionBody).toBeFalsy();
  });
});

describe('奔着什么目标 asks what a kind is oriented to (its driver)', () => {
  it('园区搭台的那类合作是奔着什么目标去组织的', () => {
    expect(parseQuestion('园区搭台的那类合作是奔着什么目标去组织的？').answerType).toBe('Driver');
  });
});

describe('哪种做法里… asks for the kind of collaboration that holds what follows', () => {
  it.each([
    ['哪种做法里企业派来的工程师是双聘的', 'Mode'],
    ['哪种方式下企业出资最多', 'Mode'],
    ['哪些做法可以降低成本', 'Mechanism'],
    ['哪种做法中心负责验收', 'Mechanism'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
});

describe('English type words: a setup is a kind, a management structure a practice, what is planned a measure', () => {
  it.each([
    ['Which setup is funded mainly by the member firms?', 'Mode'],
    ['What management structure does the new pilot company operate under?', 'Mechanism'],
    ['What governance structure does the alliance use?', 'Mechanism'],
    ['What is planned for next year on sharing test data?', 'Recommendation'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
});

describe('由哪个机构来挑 asks for the body that selects', () => {
  it.each(['共性平台每年做哪些课题由哪个机构来挑', '年度课题由什么机构挑选'])('%s', (q) => {
    expect(parseQuestion(q).decisionBody).toBe(true);
  });
});

describe('priorities are measures; what pushed / prompted asks for a driver', () => {
  it.each([
    ['座谈会最后，省里对今年的工作提出了哪几项重点？', 'Recommendation'],
    ['what pushed chemical parks to set up shared testing platforms?', 'Driver'],
    ['What prompted the firms to join the alliance?', 'Driver'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
});

describe('a plural in -es names its type', () => {
  it.each([
    ['which approaches release money in instalments', 'Mode'],
    ['does any of the approaches release its money in instalments? which one', 'Mode'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
});

describe('an actor named right after the question word is what is asked for', () => {
  it.each([
    ['哪些高校参与了联盟', 'Actor'],
    ['哪些科研院所参与', 'Actor'],
    ['哪家银行提供贷款', 'Actor'],
    ['which universities take part in the alliance', 'Actor'],
    ['which banks provide the loans', 'Actor'],
    ['哪种企业主导的合作模式采用了里程碑考核', 'Mode'],
    ['哪些企业的做法值得借鉴', 'Mechanism'],
    ['which mode do universities lead', 'Mode'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
});

describe('an actor noun modifying a type noun stays a modifier', () => {
  it.each([
    ['which university alliance charges membership fees', 'Mode'],
    ['which university-led model uses milestone evaluation', 'Mode'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
});

describe('one of a set of kinds; the ways a kind divides into; people', () => {
  it.each([
    // 类型里哪一种 / which of the three types: the set named before the question word is what is asked for,
    // even when a verb of driving follows
    ['四种模式中哪一种主要靠市场拉动', 'Mode'],
    ['这几种类型里哪一类由政府推动', 'Mode'],
    ['which of the three kinds is pushed mainly by research results', 'Mode'],
    ['which of these models is prompted by market demand', 'Mode'],
    // 里头又分哪两种做法: the ways a kind divides into are kinds of collaboration
    ['政府牵头的那种合作又分哪两种做法', 'Mode'],
    // which people / which staff: persons are actors
    ['which people rotate between the hospital and the university', 'Actor'],
    ['which staff are seconded to the pilot plant', 'Actor'],
    // guards: a practice asked without a verb of dividing stays one; a driver asked without a set stays one
    ['哪种做法按阶段付费', 'Mechanism'],
    ['what pushed firms to cooperate', 'Driver'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
  it('the ways a kind divides into are its parts', () => {
    expect(parseQuestion('政府牵头的那种合作又分哪两种做法').asksParts).toBe(true);
  });
});

describe('a force that pushes, a way to organise, what will be done next, kinds of a modified noun', () => {
  it.each([
    // 力量 is an actor noun, but a force that pushes is what drives
    ['这类合作背后主要是什么力量在推动', 'Driver'],
    ['哪些力量参与了合作', 'Actor'],
    // 组织 after another type noun is its verb when an object follows, its head when a verb only actors do follows
    ['遇到技术路线不明的项目，用什么办法组织攻关', 'Mechanism'],
    ['什么合作组织负责运营', 'Actor'],
    // how a body will act next asks for its measures; what it does now stays a practice
    ['针对人员流动不畅，省教育厅下一步准备怎么做', 'Recommendation'],
    ['what will the ministry do about testing capacity', 'Recommendation'],
    ['what is the bureau going to do about talent', 'Recommendation'],
    ['how do the partners share income', 'Mechanism'],
    // a benefit or tax break is a mechanism; a sub-type noun is a kind
    ['what tax benefit can firms claim on registered contracts', 'Mechanism'],
    ['哪种亚型让科研人员离岗创业', 'Mode'],
    ['which kinds of state-owned companies take part in the consortium', 'Actor'],
    // 动力来自哪里 / what steers X: where the force comes from is a driver
    ['养殖户参加的那一大类合作，动力来自哪里', 'Driver'],
    ['What steers the company-led breeding research?', 'Driver'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
  it('the kinds of a hyphen-modified noun keep the modifier', () => {
    expect(parseQuestion('which kinds of state-owned companies take part in the consortium').kindOf).toContain('国有企业');
  });
  it('policy near-synonyms search for one another; in a question for drivers the verb of driving is frame', () => {
    expect(terms('哪种模式依靠政策推动')).toEqual(expect.arrayContaining(['推动', '驱动', '依托']));
    expect(terms('专利怎样折成公司股份')).toContain('入股');
    const driven = parseQuestion('这类合作主要是被什么需求带动的').groups.find((g) => g.source === '带动');
    expect(driven?.weak).toBe(true);
  });
});

describe('an arrangement worked within; who says it', () => {
  it.each([
    ['In which arrangement do the member hospitals take turns chairing the joint lab?', 'Mode'],
    ['Under which scheme do graduate students live in the villages?', 'Mode'],
    ['What arrangement do the platforms rely on to charge by volume?', 'Mechanism'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
  it('which of the three types: one of a counted set', () => {
    expect(parseQuestion('Which of the three types is driven by technology?').amongCounted).toBe(true);
    expect(parseQuestion('三种类型里哪一种靠技术推动').amongCounted).toBe(true);
    expect(parseQuestion('这几种模式中哪一种由政府牵头').amongCounted).toBeUndefined();
  });
  it.each([
    ['According to the compilers, what drives the site-based model?', 'what drives the site-based model?'],
    ['What mainly drives the service model, according to the official?', 'What mainly drives the service model?'],
    ['according to which rule is income shared', 'according to which rule is income shared'],
  ])('%s', (q, rest) => {
    expect(dropAttribution(q, 'en')).toBe(rest);
  });
  it('在编写组看来，… / 据负责人介绍，…', () => {
    expect(dropAttribution('在编写组看来，哪种类型依靠政策推动', 'zh')).toBe('哪种类型依靠政策推动');
    expect(dropAttribution('据负责人介绍，哪种模式实行会员制', 'zh')).toBe('哪种模式实行会员制');
  });
});

describe('an English rendering searches for its policy near-synonyms the documents use', () => {
  it('pushed -> 推动, and 驱动 where the documents write that', async () => {
    const { preferDocumentWords } = await import('../search/ask.js');
    const pushed = parseQuestion('which type is pushed by technology').groups.find((g) => g.source === 'pushed')!;
    expect(pushed.alternatives).toEqual(expect.arrayContaining(['推动', '驱动']));
    const [kept] = preferDocumentWords([pushed], ['这一类型主要靠政策驱动，行政推动的色彩较重。']);
    expect(kept.alternatives).toEqual(expect.arrayContaining(['推动', '驱动']));
  });
});

describe('a change under way, things led, recommended steps, products, pulling forces', () => {
  it.each([
    // a change said in the perfect, closing the clause, is a shift; with an object it is how something was done
    ['How has the demand facing paper mills changed in recent years?', 'Requirement'],
    ['How has the mill changed its pricing?', 'Mechanism'],
    // what an actor leads is a kind; an arrangement a firm uses is a practice; X-led only modifies
    ['Which arrangements does the provincial forestry bureau lead?', 'Mode'],
    ['Which arrangements do the mills use to pay engineers?', 'Mechanism'],
    ['what institutional arrangements does the mill-led collaboration rely on', 'Mechanism'],
    ['Which collaboration arrangement pays contractors only for verified results?', 'Mode'],
    ['What is recommended to improve loans for tea growers?', 'Recommendation'],
    ['Which insurance products cover the cooperatives?', 'Mechanism'],
    ['镇农技站往村里派技术员这件事，背后的牵引力是什么', 'Driver'],
    // what is arranged for the next stage is a measure; what is arranged now is a practice
    ['下一步在人才评价方面有什么安排', 'Recommendation'],
    ['目前在人才评价方面有什么安排', 'Mechanism'],
    ['针对检测能力不足，调研组开出了什么药方', 'Recommendation'],
    // a gate to pass, a procedure or a rule is a practice; a way of collaborating is a kind
    ['在纸企牵头的联合体里，国产配件要过什么关口才能进入采购目录', 'Mechanism'],
    ['哪种合作做法按阶段付钱', 'Mode'],
    // a challenge is what a requirement answers
    ['茶产业面临哪些新挑战', 'Requirement'],
    ['What challenges does the paper industry face in the next stage?', 'Requirement'],
  ] as const)('%s asks for a %s', (q, type) => {
    expect(parseQuestion(q).answerType).toBe(type);
  });
});

describe('growers and crop insurance', () => {
  it('growers are farmers of any crop; crop insurance is agricultural insurance', () => {
    const p = parseQuestion('What is recommended to improve crop insurance for pear growers?');
    const alts = p.groups.flatMap((g) => g.alternatives);
    expect(alts).toEqual(expect.arrayContaining(['果农', '农户', '保险']));
    expect(alts).not.toContain('冒头');
  });
});
