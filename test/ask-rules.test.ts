// search/ask.ts rules on small documents written for these tests (rail transit, forestry, software),
// ingested through the real pipeline in lexical mode: a participant question demotes the mode's leader,
// a named kind's own decision body comes first, a provider ranks above whom it serves, a question with
// no constraint of its own lists the requirements, equal answers follow document order, and an English
// question may name a mode by the content words of its English label.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedStore } from '../graph/embedded-store.js';
import { ask } from '../search/ask.js';
import { corpusStore, tempDir } from './helpers/corpus-store.js';

const DOCS: Record<string, string[]> = {
  rail: [
    '城市轨道交通产学研合作的两种模式',
    '一、两种典型合作模式',
    '（一）以车辆厂为核心的系统集成模式',
    '这一模式由车辆制造企业牵头，高校、科研院所和零部件供应商参与攻关。该模式设立技术委员会，负责攻关方向的决策。各方采用里程碑考核和专利共享机制。',
    '（二）地铁公司主导的运维创新联盟',
    '联盟由地铁公司发起，高校和信号设备企业加入。与系统集成模式相比，运维创新联盟的决策机构更加健全：联盟设立理事会作为决策机构，理事会由地铁公司、高校和信号设备企业的代表组成，负责联盟重大事项和技术路线的决策。',
  ],
  forest: [
    '林业科技合作的支持政策',
    '一、资金支持',
    '在资金方面，农商银行为林业企业提供贷款贴息，林业部门对良种选育项目给予资金补助。',
    '二、人才支持',
    '高校向林场选派科技特派员。',
  ],
  steel: [
    '钢铁产业产学研合作简报',
    '一、三种合作类型',
    '（一）钢铁集团牵头的联合攻关型合作',
    '这一类型由钢铁集团牵头，高校参与。',
    '（二）行业部门统筹的任务委托型合作',
    '这一类型由行业主管部门牵头，企业和高校组成联合体申报。按照组织层级，又可以细分为两类。',
    '其一是国家层面组织的专项攻关。这一层级较多采用“赛马制”，对同一目标同时支持两到三个团队平行攻关。',
    '其二是省级部门组织的区域会战。这一层级的突出做法是后补助。',
    '（三）行业协会牵头的创新联盟',
    '推动这类合作的，主要是行业内部的数据共享需求。',
  ],
  wind: [
    '海上新能源产学研合作观察',
    '一、两种合作形态',
    '（一）“渔电共生”开发联盟',
    '一些海上风电企业与水产企业共同发起联盟，在风机之间的海域同步开展贝类养殖。联盟设联席会议作为决策机构，由发起企业轮流召集。',
    '（二）装备研发联合体',
    '装备企业联合高校组建联合体，联合体设理事会，重大事项由理事会决定。',
  ],
  soft: [
    '软件产业产学研合作报告',
    '一、合作的新变化',
    '软件企业与高校的合作正在发生深刻变化：一是从单点外包走向长期共研；二是从人才输送走向联合培养；三是从封闭开发迈向开源协作。',
    '二、两种合作模式',
    '（一）企业主导的联合实验室',
    '软件企业出资建设联合实验室，高校派出研究生参与开发，双方实行项目经理负责制。',
    '（二）高校主导的开源社区',
    '高校发起开源社区，企业贡献代码，社区采用贡献者积分制。',
  ],
};

const stores: Record<string, { store: EmbeddedStore; dir: string }> = {};
let docDir: string;

beforeAll(async () => {
  docDir = tempDir('pg-ask-rules-');
  for (const [name, lines] of Object.entries(DOCS)) {
    const file = path.join(docDir, `${name}.txt`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const built = await corpusStore({ paths: [file] });
    expect(built.report.errors).toEqual([]);
    stores[name] = { store: built.store, dir: built.dir };
  }
});

afterAll(async () => {
  for (const s of Object.values(stores)) {
    await s.store.close();
    fs.rmSync(s.dir, { recursive: true, force: true });
  }
  if (docDir) fs.rmSync(docDir, { recursive: true, force: true });
});

const askIn = (doc: string, q: string, k = 10) => ask({ store: stores[doc].store, embedder: null }, q, { k });
const rankOf = (labels: string[], part: string) => labels.findIndex((l) => l.includes(part));

describe('a participant question ranks the named mode’s leader below its participants', () => {
  it('who takes part in the system integration model: 车辆制造企业 (the leader) after 高校 and 科研机构', async () => {
    const r = await askIn('rail', 'who takes part in the system integration model');
    const labels = r.answers.map((a) => a.label);
    const leader = rankOf(labels, '车辆制造企业');
    expect(leader, labels.join(' | ')).toBeGreaterThanOrEqual(0);
    for (const p of ['高校', '科研机构']) {
      expect(rankOf(labels, p), p).toBeGreaterThanOrEqual(0);
      expect(rankOf(labels, p), `${p} before the leader: ${labels.join(' | ')}`).toBeLessThan(leader);
    }
  });

  it('哪些主体参与运维创新联盟: the participants come first, 地铁公司 (the leader) not above them', async () => {
    const r = await askIn('rail', '哪些主体参与运维创新联盟');
    const labels = r.answers.map((a) => a.label);
    expect(labels.slice(0, 2).sort()).toEqual(['信号设备企业', '高校'].sort());
    const leader = rankOf(labels, '地铁公司');
    if (leader >= 0) expect(leader).toBeGreaterThan(1);
  });
});

describe('the decision body of a named kind', () => {
  // (the sibling's sentence names the asked kind and says 决策机构 twice; without the rule its 理事会 comes first)
  it('answers the named kind’s own body first, though the sibling’s body sentence shares more of the question’s words', async () => {
    const r = await askIn('rail', '以车辆厂为核心的系统集成模式的决策机构是什么');
    expect(r.interpretation.focus.map((f) => f.label)).toContain('以车辆厂为核心的系统集成模式');
    expect(r.answers.length).toBeGreaterThan(0);
    expect(r.answers[0].label).toContain('技术委员会');
    const labels = r.answers.map((a) => a.label);
    const sibling = rankOf(labels, '理事会');
    if (sibling >= 0) expect(r.answers[sibling].score).toBeLessThan(r.answers[0].score);
  });
});

describe('the decision body of a kind described but not named', () => {
  // (no entity is named; the body's own sentence shares none of the question's words)
  it('在风机之间一边发电一边养贝的那个联盟由谁来定: the body set up in the paragraph that describes it', async () => {
    const r = await askIn('wind', '在风机之间一边发电一边养贝类的那个联盟，重大事项由谁来定？');
    expect(r.answers[0]?.label, r.answers.map((a) => a.label).join(' | ')).toContain('联席会议');
  });
});

describe('which kind is divided into variants, in words no sentence uses', () => {
  it('Which kind of collaboration is broken down into two variants: the mode the graph divides into kinds', async () => {
    const r = await askIn('steel', 'Which kind of collaboration is broken down into two variants?');
    expect(r.answers.map((a) => a.label)).toEqual(['行业部门统筹的任务委托型合作']);
  });
});

describe('a provider ranks above whom it provides for', () => {
  it('谁提供贷款贴息: 银行 (农商银行为林业企业提供…) before 林业企业', async () => {
    const r = await askIn('forest', '谁提供贷款贴息');
    const labels = r.answers.map((a) => a.label);
    // (named as the document names it: 农商银行)
    expect(labels[0], labels.join(' | ')).toMatch(/银行/);
    const served = rankOf(labels, '林业企业');
    if (served >= 0) expect(r.answers[served].score).toBeLessThan(r.answers[0].score);
  });
});

describe('a question with no constraint of its own', () => {
  it('新阶段有哪些转变 lists the document’s requirements though none says 转变 or 新阶段', async () => {
    const r = await askIn('soft', '新阶段有哪些转变');
    expect(r.type).toBe('Requirement');
    expect(r.answers.map((a) => a.label).sort()).toEqual(['从单点外包走向长期共研', '从人才输送走向联合培养', '从封闭开发迈向开源协作'].sort());
  });

  it('下一步合作需要实现哪些转变: 下一步 / 需要 / 实现 are no constraint either', async () => {
    const r = await askIn('soft', '下一步合作需要实现哪些转变');
    expect(r.answers.map((a) => a.label)).toContain('从封闭开发迈向开源协作');
  });

  it('哪种模式采用区块链溯源 has a constraint nothing answers: no answers', async () => {
    const r = await askIn('soft', '哪种模式采用区块链溯源');
    expect(r.type).toBe('Mode');
    expect(r.answers).toEqual([]);
  });
});

describe('equal answers', () => {
  it('follow the order the document states them (not the order of their labels)', async () => {
    const r = await askIn('soft', '新阶段有哪些转变');
    const ties = r.answers.slice(1).map((a, i) => [r.answers[i], a] as const).filter(([a, b]) => a.score === b.score);
    // the three shifts score alike here; by label 从人才… would come before 从单点…
    expect(ties.length).toBeGreaterThan(0);
    for (const [a, b] of ties) expect(a.evidence[0].start, `${a.label} / ${b.label}`).toBeLessThan(b.evidence[0].start);
    expect(r.answers.map((a) => a.label)).toEqual(['从单点外包走向长期共研', '从人才输送走向联合培养', '从封闭开发迈向开源协作']);
  });
});

describe('an English question naming a mode by its English label', () => {
  it.each(['what mechanisms does the system-integration model use', 'which mechanisms does the system integration model adopt'])('%s: the mode is the focus', async (q) => {
    const r = await askIn('rail', q);
    expect(r.interpretation.focus.map((f) => f.label)).toContain('以车辆厂为核心的系统集成模式');
    expect(r.answers.map((a) => a.label).sort()).toEqual(['专利共享机制', '里程碑考核'].sort());
  });
});

describe('a kind whose own sentence answers comes before the mode it divides', () => {
  it('哪一类合作对同一目标同时支持几个团队平行攻关: 国家层面组织的专项攻关 first, its whole after', async () => {
    const r = await askIn('steel', '哪一类合作对同一目标同时支持几个团队平行攻关');
    const labels = r.answers.map((a) => a.label);
    expect(labels[0], labels.join(' | ')).toContain('国家层面组织的专项攻关');
  });
  it('推动这类合作的，主要是X需求 names the driver of the mode in scope', async () => {
    const r = await askIn('steel', '行业协会牵头的创新联盟由什么推动');
    expect(r.answers[0]?.label).toContain('数据共享需求');
  });
});


/** Asks a question of a store built from documents written for one test (name -> lines), then removes it. */
async function askDocuments(docs: Record<string, string[]>, q: string, k = 5) {
  const dir = tempDir('pg-ask-one-');
  const paths = Object.entries(docs).map(([name, lines]) => {
    const file = path.join(dir, `${name}.txt`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    return file;
  });
  const built = await corpusStore({ paths });
  try {
    return await ask({ store: built.store, embedder: null }, q, { k });
  } finally {
    await built.store.close();
    fs.rmSync(built.dir, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('of two answers in one sentence, the one nearer the matched words', () => {
  it('which mechanism shields decision makers from blame: 尽职免责机制, nearer 勤勉尽责 / 不追究 / 决策 than the reform named first', async () => {
    const r = await askDocuments(
      { reform: ['高校成果转化改革报告', '一、主要举措', '（一）扩大改革覆盖面', '部分高校开展了赋权改革试点。', '在总结试点经验的基础上，将赋权改革从部分高校扩大到科研院所，同步建立尽职免责机制，对已履行勤勉尽责义务、未能实现预期效益的，不追究相关负责人的决策责任。', '（二）完善评价', '推行代表作评价。'] },
      'which mechanism shields decision makers from blame when a diligent transfer still fails',
    );
    expect(r.answers[0]?.label, r.answers.map((a) => a.label).join(' | ')).toContain('尽职免责');
  });
});

describe('a document that says the question’s words verbatim is read', () => {
  it('哪种模式不设置决策机构: read though four documents hold shorter sentences with 设置 and 决策机构', async () => {
    const other = (i: number) => [`第${i}份材料`, '一、两种模式', `（一）企业主导的联合攻关型合作${i}`, '联合攻关设置理事会作为决策机构。理事会负责决策。', `（二）高校主导的联合实验室型合作${i}`, '实验室设置管委会作为决策机构。'];
    const r = await askDocuments(
      {
        other1: other(1),
        other2: other(2),
        other3: other(3),
        other4: other(4),
        target: ['产学研合作的三种模式', '一、三种模式', '（一）企业主导多方参与的产学研合作', '这类合作属于重大任务导向型，通常为非独立法人的创新组织，不设置决策机构，主要通过与高校、科研机构等创新主体签订项目合同开展协同攻关。', '（二）政府主导的产学研合作', '政府设立新型研发机构，设置理事会作为决策机构。'],
      },
      '哪种模式不设置决策机构',
    );
    expect(r.answers[0]?.label, r.answers.map((a) => a.label).join(' | ')).toBe('企业主导多方参与的产学研合作');
  });
});

describe('a mode described by who leads it and what it does', () => {
  it('大化工集团搞工业中试…动力来自哪里: the drivers of the one mode 化工集团 leads whose name holds 中试', async () => {
    const r = await askDocuments(
      { chem: ['化工产业产学研协同', '一、两种形态', '（一）龙头化企主导的中试基地型协同', '这一形态由化工集团主导，高校参与。这一形态主要由排放约束和降本增效的双重压力驱动。', '（二）高校牵头的共性技术型协同', '这一形态由高校牵头，化工集团参与，总体上属于技术推动型。'] },
      '大化工集团搞工业中试、拉高校一起干，动力主要来自哪里',
    );
    expect(r.interpretation.focus.map((f) => f.label)).toContain('龙头化企主导的中试基地型协同');
    expect(r.answers[0]?.label, r.answers.map((a) => a.label).join(' | ')).toMatch(/排放约束|降本增效/);
  });
});

describe('setting aside the one who leads', () => {
  it.each(['除发起部门外，还有哪些单位参与区域性育种攻关联盟？', '除了牵头的部门，区域性育种攻关联盟还有哪些参与单位'])('%s: the mode’s leader is no answer', async (q) => {
    const r = await askDocuments(
      { seed: ['种业产学研协同', '一、两种模式', '（一）区域性育种攻关联盟', '联盟由省级农业农村部门发起，遴选由农业科学院、农业高校和种业企业组成的团队揭榜攻关。', '（二）企业主导的商业化育种', '种业企业牵头，高校参与。'] },
      q,
      10,
    );
    const labels = r.answers.map((a) => a.label);
    expect(labels.some((l) => l.includes('农业农村部门')), labels.join(' | ')).toBe(false);
    expect(labels.some((l) => l.includes('农业高校')), labels.join(' | ')).toBe(true);
  });
});

describe('an answer of the kind the question names', () => {
  it('凭收购订单向合作社放贷的是哪家金融机构: the bank before the firm that signs the orders', async () => {
    const r = await askDocuments(
      { tea: ['茶叶产学研合作讲义', '一、两种形态', '（一）茶企牵头的全链条合作', '企业与合作社签订“保底收购＋二次返利”订单。', '县农商银行以收购订单为依据，向合作社发放订单质押贷款，用于购买农资。', '（二）院所领衔的技术示范', '茶叶研究所领衔，合作社参与。'] },
      '凭收购订单向合作社放贷的是哪家金融机构？',
    );
    expect(r.answers[0]?.label, r.answers.map((a) => a.label).join(' | ')).toContain('银行');
  });
});

describe('one of a counted set of kinds is a whole, not one of its sub-kinds', () => {
  it.each(['三种类型里哪一种主要靠技术推动？', 'Which of the three types is driven mainly by technology?'])('%s', async (q) => {
    const r = await askDocuments(
      {
        water: [
          '水处理产学研合作案例选编',
          '一、用户出题型：把题目出在水厂',
          '这一类型由水务集团组织，属于需求驱动。',
          '二、院所转化型：把成果推进水厂',
          '这一类型由高校、科研院所主导，属于技术驱动。按载体不同，可分为两个亚类。',
          '亚类A：共建研究院',
          '市政府与大学共建研究院，依托高校的膜技术成果开展技术攻关，形成技术驱动的研发格局。',
          '亚类B：衍生公司',
          '团队以专利作价入股成立公司。',
          '三、政府搭台型：主管部门牵线',
          '由市水务局牵头，主要靠政策驱动。',
        ],
      },
      q,
    );
    expect(r.answers[0]?.label, r.answers.map((a) => a.label).join(' | ')).toBe('院所转化型');
  });
});

describe('who says it is not what is asked about', () => {
  it('according to the compilers, … : the attribution is no constraint', async () => {
    const r = await askDocuments(
      { paper: ['造纸产业协同报告', '一、三个转变', '第一，由单点攻关转向全链协同。', '第二，由末端治理转向源头减排。', '二、建议', '（一）建设中试平台。'] },
      'according to the compilers, how will cooperation in the sector shift in the next stage?',
      10,
    );
    expect(r.answers.map((a) => a.type)).toContain('Requirement');
    expect(r.answers.length, JSON.stringify(r.interpretation)).toBeGreaterThanOrEqual(2);
  });
});

describe('a shift asked about in other words than its own', () => {
  it('the best sentence is itself a shift and says some of the question: it answers, though it shares few of its words', async () => {
    const r = await askDocuments(
      {
        ocean: [
          '海洋装备产学研合作报告',
          '一、合作模式',
          '（一）企业主导型',
          '由船舶集团牵头，高校参与。',
          '二、新阶段的要求',
          '新材料、新工艺快速发展，对合作的组织方式和制度安排提出了一系列新的要求。',
          '一是合作对象由“单一企业”向“产业集群”转变。',
          '二是资金配置由“分散投入”向“集中攻坚”转变。',
          '三、建议',
          '（一）建设共性技术平台。',
        ],
      },
      '在科研资金的配置方式上，下一阶段提出了什么转变',
    );
    expect(r.answers[0]?.label, JSON.stringify(r.interpretation)).toContain('集中攻坚');
  });
});
