/**
 * Question understanding: the answer type (哪种模式 / which modes -> Mode, 谁 / who -> Actor ...),
 * the constraint (the question minus its question frame) as groups of Chinese terms, and negation.
 * Pure: cue words come from search/lexicon/question-cues.json; entities are resolved by search/ask.ts.
 */
import { escapeRegExp } from '../core/regexp.js';
import { lexicon } from '../ingest/lexicon.js';
import type { EntityType } from '../ingest/types.js';
import { questionCues, typeCueNouns } from './lexicon.js';
import { findNegations } from './negation.js';
import { isEnglish, lemmas, stem, translateQuery, type TermGroup } from './translate.js';

export interface ParsedQuestion {
  question: string;
  lang: 'zh' | 'en';
  answerType: EntityType;
  /** The words that fixed the answer type ('' when the default type was used). */
  typeCue: string;
  /** The constraint in Chinese (translated when the question is English): for embedding and display. */
  constraint: string;
  /** Constraint terms, one group of Chinese alternatives per concept. */
  groups: TermGroup[];
  /** The question asks for what does NOT have the constraint (不设置 / does not / without). */
  negated: boolean;
  /** English words nothing could translate. */
  unknown: string[];
  /** What the question sets aside (apart from X / 除了X之外): Chinese names, never answers. */
  excluded: string[];
  /** English exclusions: their translated groups, for rebuilding compounds as the documents write them. */
  excludedGroups?: TermGroup[];
  /**
   * Which kind of an organisation (哪种机构 / which type of institution): the organisation's Chinese
   * names. The answer is an Actor unless the documents name kinds of it as modes (政府引导型机构),
   * which search/ask.ts checks.
   */
  kindOf?: string[];
  /** The actor the question names as the kind of its answer (哪家金融机构 -> 金融机构, which banks -> 银行). */
  category?: string;
  /**
   * The question asks for a body that decides, coordinates, sets or approves (what body coordinates X /
   * 由什么机构审定): its answer is a decision body (HAS_DECISION_BODY), which search/ask.ts looks up.
   */
  decisionBody?: boolean;
  /**
   * The question names kinds and asks what they are kinds of (which mode splits into A and B /
   * 哪种模式细分为A和B): the answer is their whole, which search/ask.ts looks up.
   */
  asksWhole?: boolean;
  /** X分为哪两类 / into which kinds is X divided: the answers are X's kinds (its subtypes). */
  asksParts?: boolean;
  /** 三种类型里哪一种 / which of the three types: one of a counted set of kinds, so a whole rather than a sub-kind. */
  amongCounted?: boolean;
}

export function parseQuestion(question: string): ParsedQuestion {
  const q = question.trim();
  return isEnglish(q) ? parseEnglish(q) : parseChinese(q);
}

// ---------------------------------------------------------------- Chinese

interface TypeFrame {
  type: EntityType;
  cue: string;
  /** Tail frames: the head noun phrase naming the answer's role (决策机构), kept in the constraint. */
  role?: string;
  /** Span removed from the constraint. */
  start: number;
  end: number;
  /** The head type noun of a question-word frame (机构 of 哪种科研机构). */
  noun?: string;
  /** The frame asks for one of a counted set of kinds (三种类型里哪一种). */
  counted?: boolean;
}

/** Question words asking for a kind (哪种机构 is a kind of institution, 哪些机构 are institutions). */
const ZH_KIND_WORDS = /^(哪一?种|哪一?类|何种|什么类型的?|什么样的?)/u;
/** Prepositions after a participle of driving (oriented towards, driven by). */
const DRIVER_PREPOSITIONS = new Set(['towards', 'toward', 'to', 'by']);
/** Verbs of dividing into kinds (into which kinds is X divided). */
const EN_DIVIDING = new Set(['divide', 'split', 'subdivide', 'break', 'fall', 'classify', 'group', 'sort', 'separate']);
/** "behind" within a few words (the main force behind, the real push behind), none of them a type noun. */
function behindAt(ws: EnWord[], from: number): number {
  const prepositions = questionCues().enDriverPrepositions;
  for (let j = from; j < Math.min(ws.length, from + 4); j++) {
    if (prepositions.includes(ws[j].text)) return j;
    const noun = enTypeNounAt(ws, j);
    if (noun && noun.type !== 'Driver') return -1;
  }
  return -1;
}

/** The question word: a clause of time or place before it (When a port group runs X, which body …) is context. */
function questionWordAt(ws: EnWord[], qwords: Set<string>): number {
  const first = ws.findIndex((w) => qwords.has(w.text));
  if (first < 0 || !CONTEXT_QUESTION_WORDS.has(ws[first].text)) return first;
  const later = ws.findIndex((w, i) => i > first && qwords.has(w.text) && !CONTEXT_QUESTION_WORDS.has(w.text));
  return later >= 0 ? later : first;
}
const CONTEXT_QUESTION_WORDS = new Set(['when', 'where', 'while', 'once']);
/** Words that may follow an intransitive verb of change (has changed over time / since 2020 / in recent years). */
const SHIFT_TAIL = new Set(['over', 'in', 'since', 'during', 'recently', 'lately', 'from', 'to']);
/** Verbs of leading, as words of their own (not hospital-led): what an actor leads is a kind of collaboration. */
const LEADING_VERBS = new Set(['lead', 'leads', 'head', 'heads', 'initiate', 'initiates', 'spearhead', 'spearheads']);

/** has the final say / the last word / makes the decisions: deciding said with a noun. */
const FINAL_SAY = /\b(?:final (?:say|word)|last word|make[s]? (?:the )?(?:final )?decisions?|take[s]? (?:the )?(?:final )?decisions?)\b/u;
/** who decides / approves / signs off on / calls the shots: a verb of deciding right after who. */
const WHO_DECIDES = /^(?:\w+ly )?(?:decides?|approves?|signs? off|calls? the shots)\b/u;
/** English nouns of kind: which type of institution. */
const EN_KIND_NOUNS = new Set(['type', 'kind', 'sort', 'category']);
/** A type noun that names the parts of something (what sub-types / which variant of X): the question asks for X's kinds. */
const EN_PART_NOUN = /\bsub-?(?:types?|kinds?|categor(?:y|ies)|models?|modes?|forms?)\b|\bvariants?\b|\bsubdivisions?\b/i;

/**
 * 哪种/哪些/什么 followed (within a few characters) by a type noun: 哪种合作模式, 哪些主体, 谁, 怎样.
 * Of several frames the last wins: a Chinese compound question ends with what it asks for
 * (学生由谁来指导，采用的是什么制度 asks for the 制度).
 */
/**
 * Type nouns that are also verbs: of change (转变, 变化, 转向, 转型: a requirement is a shift, so
 * 面临哪些转变 asks for one), of pushing (推动, 拉动, 牵引: 靠什么推动 asks for a driver) and of support
 * (支持, 扶持: 给予哪些支持 asks for a mechanism). As verbs they take an object or complement
 * (哪种模式转向市场化运作, 政府推动的模式, 牵引型), so they count as nouns only where they end the clause.
 */
const ZH_VERBAL_NOUNS = /^(新?变化|转变|转向|转型|推动|拉动|带动|牵引|支持|扶持)$/u;

/** 里 / 中 / 之下 right after the noun asked for: the answer is a setting that holds what follows. */
const ZH_CONTAINER_AFTER = /^(?:里|中(?!心)|之中|之下|下(?![一步阶段]))/u;
/** 和 / 与 / 及 joining two type nouns after a question word, and how far the second may stand. */
const ZH_COORDINATOR = /^(?:以及|和|与|及|或)/u;
/** Words that are a type noun or a verb (组织, 合作): after another noun they head a compound only at the phrase's end. */
const ZH_VERB_OR_NOUN = /^(?:组织|合作|协作|服务|支持)$/u;
const ZH_NOUN_PHRASE_END = /^(?:$|[，,。？?；;！!、\s是有呢吗的])/u;
/** 力量在推动 / 力量来带动: a force that pushes is a driver, not an actor. */
const ZH_FORCE_DRIVES = /^(?:在|来|正在)?(?:推动|驱动|带动|牵引|拉动)/u;
/** 下一步准备怎么做 / 今后打算如何: how a body will act next asks for its measures. */
const ZH_NEXT_STEP = /下一步|接下来|今后|准备|打算|将要|计划/u;
/** 三种类型里 / 这几种模式中: a counted or pointed-at set of kinds right before a kind question word. */
const ZH_SET_BEFORE = /(?:[两二三四五六七八九十几]|这几?)[种类个](\p{Script=Han}{2,4}?)(?:里头|里面|里|中间|之中|当中|中)$/u;
const ZH_COORDINATED_GAP = 4;
/** 谁身上 / 谁手里 / 谁那里: the question word is the object of a place phrase inside the clause. */
const ZH_EMBEDDED_QWORD = /^(?:身上|手里|手中|那里|那儿|家里)/u;

/** Question words ending in a classifier (哪一个, 哪项, 哪种): the word after them is a noun. */
const ZH_CLASSIFIER_QWORD = /[个项条种类位]$/u;
/** How far (in characters) an actor's verb may follow a question word without a type noun (哪些方面参与). */
const ZH_AGENT_VERB_GAP = 3;

/** After another type noun, 要求 is that noun's verb (哪条建议要求…) unless it ends the clause (哪种合作要求？). */
const ZH_VERB_AFTER_NOUN = /^要求$/u;

/** Is the type noun at `at` a noun here (see ZH_VERBAL_NOUNS)? `chained`: it follows another type noun. */
function nounHere(q: string, at: number, noun: { cue: string; type: EntityType }, chained = false, classified = false): boolean {
  if (!ZH_VERBAL_NOUNS.test(noun.cue) && !(chained && ZH_VERB_AFTER_NOUN.test(noun.cue))) return true;
  // 哪一个转向强调…: right after a question word with a classifier the word is a noun whatever follows.
  if (classified) return true;
  const after = q.slice(at + noun.cue.length);
  // (被什么推动的: a closing 的 ends the clause too)
  return after === '' || after === '的' || /^[，,。？?；;！!、\s是有呢吗和与及]|^的[，,。？?；;！!\s]/u.test(after);
}

function zhQuestionWordFrame(q: string): TypeFrame | null {
  const cues = questionCues();
  const nouns = typeCueNouns('zh');
  const nounAt = (at: number, chained = false, classified = false) => nouns.find((n) => q.startsWith(n.cue, at) && nounHere(q, at, n, chained, classified));
  // compound type nouns are head-final: 产学研合作 + 模式 is a Mode, 合作 + 机制 a Mechanism
  const compound = (at: number, first: NonNullable<ReturnType<typeof nounAt>>) => {
    let end = at + first.cue.length;
    let head = first;
    // (什么办法组织攻关: 组织 with an object after it is the verb, not the compound's head)
    const chain = (from: number) => {
      const more = nounAt(from, true);
      const after = q.slice(from + (more?.cue.length ?? 0));
      // (什么合作组织负责: a verb only actors do after it makes it the subject, a noun)
      return more && ZH_VERB_OR_NOUN.test(more.cue) && !ZH_NOUN_PHRASE_END.test(after) && !cues.zhAgentVerbs.some((v) => after.startsWith(v)) ? undefined : more;
    };
    for (let more = chain(end); more; more = chain(end)) {
      end += more.cue.length;
      head = more;
    }
    return { end, head };
  };
  const qwords = [...cues.zhQuestionWords].sort((a, b) => b.length - a.length);
  let last: TypeFrame | null = null;
  for (let i = 0; i < q.length; i++) {
    const qw = qwords.find((w) => q.startsWith(w, i));
    if (!qw) continue;
    // 往谁身上投钱: a question word inside a place phrase is part of the clause, not what is asked
    if (ZH_EMBEDDED_QWORD.test(q.slice(i + qw.length))) continue;
    const self = nouns.find((n) => n.cue === qw);
    const follow = nounAt(i + qw.length, false, true);
    if (self && follow?.type === 'Requirement') {
      // 怎样转变 / 如何转型: the shift noun after the question word is what is asked for.
      last = { type: follow.type, cue: q.slice(i, i + qw.length + follow.cue.length), start: i, end: i + qw.length + follow.cue.length, noun: follow.cue };
    } else if (self) {
      // 科技厅下一步准备怎么做: how someone will act next asks for the measures
      const next = self.type === 'Mechanism' && /^(?:怎么|如何|怎样)/u.test(qw) && /^(?:做|办|干|推进|落实|应对)/u.test(q.slice(i + qw.length)) && ZH_NEXT_STEP.test(q.slice(0, i));
      last = { type: next ? 'Recommendation' : self.type, cue: qw, start: i, end: i + qw.length };
    } else {
      const before: TypeFrame | null = last;
      // 哪些高校参与了联盟 / 哪家银行提供贷款: an actor's name right after the question word is what is
      // asked for, unless it only modifies a type noun after 的 (哪种企业主导的合作模式)
      const actor = actorNameAt(q, i + qw.length);
      if (actor && !q.slice(i + qw.length + actor.length).split(/[，,。？?；;]/u)[0].includes('的')) {
        last = { type: 'Actor', cue: q.slice(i, i + qw.length + actor.length), start: i, end: i + qw.length + actor.length, noun: actor };
        i += qw.length - 1;
        continue;
      }
      // the type noun may follow a short modifier: 哪种产学研合作模式; the longest noun at the nearest position wins
      for (let gap = 0; gap <= 6; gap++) {
        const at = i + qw.length + gap;
        if (at >= q.length || /[，,。？?；;]/.test(q[at])) break;
        // (由什么推动 / 靠什么驱动: after an agent marker the verbal noun is what is asked for)
        const noun = nounAt(at, false, gap === 0 && (ZH_CLASSIFIER_QWORD.test(qw) || /[由靠被受]$/u.test(q.slice(0, i))));
        if (noun) {
          let { end: nounEnd, head } = compound(at, noun);
          // 哪些组织和拨款机制: coordinated modifiers share the head noun that ends the phrase
          let coordinated = false;
          const joined = ZH_COORDINATOR.exec(q.slice(nounEnd));
          for (let gap2 = 0; joined && gap2 <= ZH_COORDINATED_GAP; gap2++) {
            const at2 = nounEnd + joined[0].length + gap2;
            if (at2 >= q.length || /[，,。？?；;的]/u.test(q[at2])) break;
            const next = nounAt(at2, true);
            if (!next) continue;
            const shared = compound(at2, next);
            if (shared.end === q.length || /^[，,。？?；;是呢吗]/u.test(q.slice(shared.end))) {
              ({ end: nounEnd, head } = shared);
              coordinated = true;
            }
            break;
          }
          // (the coordinated nouns say which kinds are asked for: they stay in the constraint)
          // (哪种做法里… / 哪种方式下…: a way of working that holds what follows is a kind of collaboration)
          const container = head.type === 'Mechanism' && ZH_CONTAINER_AFTER.test(q.slice(nounEnd)) && ZH_KIND_WORDS.test(qw);
          // (…里头又分哪两种做法: the ways a kind divides into are kinds of collaboration too)
          const parts = head.type === 'Mechanism' && gap === 0 && cues.division.zh.some((v) => q.slice(0, i).endsWith(v.replace(/^又?可?/u, '')));
          const force = head.type === 'Actor' && head.cue === '力量' && ZH_FORCE_DRIVES.test(q.slice(nounEnd));
          last = { type: container || parts ? 'Mode' : force ? 'Driver' : head.type, cue: q.slice(i, nounEnd), start: i, end: gap === 0 && !coordinated ? nounEnd : i + qw.length, noun: head.cue };
          break;
        }
      }
      // 三种类型里哪一种…推动: a kind word after a set of kinds (类型里, 模式中) asks for one of that set,
      // whatever noun follows later
      const set: RegExpExecArray | null = ZH_KIND_WORDS.test(qw) && (last === before || (last !== null && last.start === i && last.end === i + qw.length)) ? ZH_SET_BEFORE.exec(q.slice(0, i)) : null;
      const setNoun: { cue: string; type: EntityType } | undefined = set ? nouns.find((n) => n.cue === set[1]) : undefined;
      if (set && setNoun) last = { type: setNoun.type, cue: q.slice(set.index, i + qw.length), start: set.index, end: i + qw.length, noun: setNoun.cue, counted: /^[两二三四五六七八九十]/u.test(set[0]) || undefined };
      // 哪些方面参与其中 / 哪些企业牵头: no type noun, but a verb only actors do follows closely.
      if (last === before) {
        const window = q.slice(i + qw.length, i + qw.length + ZH_AGENT_VERB_GAP + 2);
        const verb = cues.zhAgentVerbs.map((v) => ({ v, at: window.indexOf(v) })).filter((x) => x.at >= 0 && x.at <= ZH_AGENT_VERB_GAP && !/[，,。？?；;]/u.test(window.slice(0, x.at))).sort((a, b) => a.at - b.at)[0];
        if (verb) last = { type: 'Actor', cue: q.slice(i, i + qw.length + verb.at), start: i, end: i + qw.length + verb.at };
      }
    }
    i += qw.length - 1;
  }
  // 下一步在职称评审方面有什么安排: what is arranged for the next stage is a measure, not a practice
  if (last?.type === 'Mechanism' && last.noun !== undefined && ZH_PLAN_NOUNS.has(last.noun) && ZH_NEXT_STAGE.test(q.slice(0, last.start))) last = { ...last, type: 'Recommendation' };
  return last;
}
/** Nouns of what is planned (安排, 考虑): after a word of the next stage they ask for measures. */
const ZH_PLAN_NOUNS = new Set(['安排', '考虑', '打算']);
const ZH_NEXT_STAGE = /下一步|接下来|今后|下阶段|下一阶段|未来/u;

/** An English word the glossary renders as an actor of the lexicon (universities -> 高校, banks -> 银行). */
function englishActorNoun(word: string | undefined): boolean {
  if (!word) return false;
  const g = translateQuery(word).groups[0];
  return g?.origin === 'glossary' && g.alternatives.some((a) => actorNames().includes(a));
}

/** The longest name of an actor of the lexicon (高校, 金融机构, 科研院所…) starting at `at`. */
function actorNameAt(q: string, at: number): string | undefined {
  return actorNames().find((n) => q.startsWith(n, at));
}
let actorNameCache: string[] | undefined;
const actorNames = (): string[] =>
  (actorNameCache ??= [...new Set(lexicon().actors.actors.flatMap((a) => [a.label, ...a.aliases]))].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length));

/** X是什么 / X有哪些: the type is X's head noun (the end of X after its last 的); X stays in the constraint. */
function zhTailFrame(q: string): TypeFrame | null {
  const tails = [...questionCues().zhTailPatterns].sort((a, b) => b.length - a.length);
  for (const tail of tails) {
    const at = q.lastIndexOf(tail);
    if (at <= 0) continue;
    const head = q.slice(0, at).split(/的/).pop() ?? '';
    const noun = typeCueNouns('zh').find((n) => head.endsWith(n.cue));
    if (noun) return { type: noun.type, cue: `${noun.cue}${tail}`, start: at, end: at + tail.length, role: head };
  }
  return null;
}

function anyTypeNoun(q: string, nouns: Array<{ cue: string; type: EntityType }>): TypeFrame | null {
  let best: TypeFrame | null = null;
  for (const n of nouns) {
    let at = q.indexOf(n.cue);
    while (at >= 0 && !nounHere(q, at, n)) at = q.indexOf(n.cue, at + 1);
    if (at >= 0 && (!best || at < best.start)) best = { type: n.type, cue: n.cue, start: at, end: at + n.cue.length };
  }
  return best;
}

function parseChinese(q: string): ParsedQuestion {
  const cues = questionCues();
  const exclusion = splitExclusion(dropAttribution(q.replace(/[？?。!！\s]+$/u, ''), 'zh'), 'zh');
  const text = exclusion.rest;
  const frame = zhQuestionWordFrame(text) ?? zhTailFrame(text);
  // X又分为哪两种 with no type noun: the kinds of X (kinds are modes unless a noun says otherwise)
  const dividedInto = !frame && cues.division.zh.some((v) => text.includes(`${v}哪`));
  const fallback = frame || dividedInto ? null : anyTypeNoun(text, typeCueNouns('zh'));
  let answerType = frame?.type ?? fallback?.type ?? cues.defaultType;
  // 采用“先使用后付费”的是哪一类做法: what puts a practice to use is a mode (USES is Mode→Mechanism).
  if (answerType === 'Mechanism' && frame && usedPractice(text.slice(0, frame.start), cues.zhPracticeVerbs)) answerType = 'Mode';
  let rest = frame ? `${text.slice(0, frame.start)} ${text.slice(frame.end)}` : text;
  // remaining question words and tails carry no constraint
  for (const w of [...cues.zhTailPatterns, ...cues.zhQuestionWords].sort((a, b) => b.length - a.length)) rest = rest.split(w).join(' ');
  rest = rest.replace(/\s+/g, ' ').trim();
  // 哪种模式细分为A和B: the verb of dividing is frame; the kinds it names stay
  const division = [...cues.division.zh].sort((a, b) => b.length - a.length).find((v) => rest.includes(v));
  if (division && frame && frame.end <= text.indexOf(division)) rest = rest.split(division).join(' ').replace(/\s+/g, ' ').trim();

  // 不是A，而是B: the question asks for B; A is only the contrast and is dropped
  rest = dropContrast(rest, cues.zhContrast);
  const negations = findNegations(rest);
  // 不再X in a question for a requirement (a shift 从A转向B) names the shift's origin: no negation
  const cessation = new Set(answerType === 'Requirement' ? cues.negation.cessation.zh : []);
  const negated = negations.some((h) => !cessation.has(h.cue));
  // the negators themselves are not terms: evidence is checked for its own negation instead
  let plain = rest;
  for (const h of [...negations].reverse()) plain = `${plain.slice(0, h.start)} ${plain.slice(h.end)}`;
  const frameWords = new Set(cues.zhFrameWords);
  const role = frame?.role;
  // (被什么需求带动的: in a question for drivers the verb of driving is frame, whatever the synonym)
  const drivingVerbs = new Set(answerType === 'Driver' ? typeCueNouns('zh').filter((n) => n.type === 'Driver').map((n) => n.cue) : []);
  let groups = translateQuery(plain)
    .groups.filter((g) => !frameWords.has(g.source))
    .map((g) => (drivingVerbs.has(g.source) ? { ...g, weak: true } : g))
    .map((g) => (role && role.includes(g.source) ? { ...g, role: true } : g));
  // 由谁决策 / 谁负责运营 / 由哪个机构做决策: the verb after an actor question word in subject or
  // agent position (sentence start, after 由/被/让) is what the answer does
  const agent = frame && answerType === 'Actor' && (frame.start === 0 || /[由被让给]$/u.test(text.slice(0, frame.start)));
  if (frame && agent && !role) {
    const after = text.slice(frame.end).replace(/^[来去在]/u, '');
    // the first content word right after the frame (a light verb like 做 may come between)
    const near = groups
      .filter((g) => !g.weak)
      .map((g) => ({ g, at: after.indexOf(g.source) }))
      .filter((x) => x.at >= 0 && x.at <= 2)
      .sort((a, b) => a.at - b.at);
    const verb = near[0]?.g;
    if (verb) groups = groups.map((g) => (g === verb ? { ...g, role: true } : g));
  }
  return {
    question: q,
    lang: 'zh',
    answerType,
    typeCue: frame?.cue ?? fallback?.cue ?? '',
    constraint: rest.replace(/\s+/g, ''),
    groups,
    negated,
    unknown: [],
    excluded: excludedNames(exclusion.excluded),
    kindOf: answerType === 'Actor' && frame?.noun && frame.noun !== '谁' && ZH_KIND_WORDS.test(frame.cue) ? [frame.noun] : undefined,
    category: answerType === 'Actor' && frame?.noun && actorNames().includes(frame.noun) ? frame.noun : undefined,
    decisionBody: answerType === 'Actor' && frame ? zhAsksDecisionBody(text, frame) : undefined,
    asksWhole: division && frame && frame.end <= text.indexOf(division) ? true : undefined,
    // X细分为哪两类: the question word after the verb of dividing asks for the kinds
    asksParts: division && cues.zhQuestionWords.some((w) => text.includes(w, text.indexOf(division) + division.length)) ? true : undefined,
    amongCounted: frame?.counted,
  };
}

/**
 * according to the evaluators, … / 在编写组看来，… / 据负责人介绍，…: who says it is not what is asked
 * about (the documents rarely name their own authors), so the attribution is dropped.
 */
export function dropAttribution(text: string, lang: 'zh' | 'en'): string {
  if (lang === 'en') return text.replace(EN_ATTRIBUTION, ' ').replace(/^[\s,]+/u, '').replace(/\s+([,?.])/gu, '$1');
  return text.replace(ZH_ATTRIBUTION, '');
}
const EN_ATTRIBUTION = /,?\s*\b(?:according to|in the (?:view|eyes|opinion) of|as (?:seen|described|reported) by)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s*?){1,3}(?=\s*(?:,|\?|\.|$))/giu;
const ZH_ATTRIBUTION = /^(?:据|按照|依)[\p{Script=Han}]{1,8}?(?:介绍|所说|的说法|的看法|看来)[，,]|^在[\p{Script=Han}]{1,8}?看来[，,]/u;

/** 采用X的是 / 实行X的是: the question's subject slot is whatever uses X. */
function usedPractice(before: string, verbs: string[]): boolean {
  if (!/的是$/u.test(before)) return false;
  const clause = before.split(/[，,；;]/u).pop() ?? '';
  // (the practice stands between the verb and 的是; 采用的是什么制度 asks for the practice itself)
  return verbs.some((v) => clause.startsWith(v) && clause.length > v.length + 2);
}

/**
 * 什么机构协调… / 由哪个机构审定… / 决策机构是什么: a body noun as the frame's head, with a verb of deciding
 * right after the frame (the body is its agent) or in the frame's role.
 */
function zhAsksDecisionBody(text: string, frame: TypeFrame): boolean {
  const { zhNouns, zhVerbs } = questionCues().decisionBody;
  const head = frame.noun ?? frame.role ?? frame.cue;
  const after = text.slice(frame.end).replace(/^(来|去|在|负责|主要|具体|统一|共同|做|作|进行)+/u, '');
  // 大事由谁说了算 / 重大事项由谁来定: who, right before a verb of deciding, is the deciding body
  if (head === '谁') return zhVerbs.some((v) => after.startsWith(v)) || /^定(?:$|[，,。？?])/u.test(after);
  if (!zhNouns.some((n) => head.endsWith(n))) return false;
  if (frame.role && zhVerbs.some((v) => frame.role!.includes(v))) return true;
  return zhVerbs.some((v) => after.slice(0, 6).includes(v));
}

/**
 * Finds an exclusion (apart from X, ...; 除了X之外，...): returns the question without its
 * marker words (X stays as context) and the excluded text. English markers run to the next comma (or the question word when there
 * is none); Chinese ones to an end word (之外/以外) or the next comma. A bare 除 only counts at
 * the start of a clause (破除, 消除 are words of their own).
 */
export function splitExclusion(text: string, lang: 'zh' | 'en'): { rest: string; excluded: string } {
  const cues = questionCues().exclusion;
  if (lang === 'en') {
    const lower = text.toLowerCase();
    for (const m of cues.en) {
      const re = new RegExp(`(^|[^a-z])${escapeRegExp(m)}(?![a-z])`);
      const hit = re.exec(lower);
      if (!hit) continue;
      const start = hit.index + hit[1].length;
      const after = start + m.length;
      const tail = lower.slice(after);
      let stop = tail.search(/[,;?]/);
      if (stop < 0) {
        const qw = new RegExp(`\\b(${questionCues().enQuestionWords.join('|')})\\b`).exec(tail);
        stop = qw ? qw.index : -1;
      }
      if (stop <= 0) continue;
      const excluded = text.slice(after, after + stop).trim();
      // the excluded words stay as context (the sentence naming X often names the answer too); only the marker goes
      return { rest: `${text.slice(0, start)} ${text.slice(after)}`.replace(/\s+/g, ' ').trim(), excluded };
    }
    return { rest: text, excluded: '' };
  }
  for (const m of [...cues.zh].sort((a, b) => b.length - a.length)) {
    let at = text.indexOf(m);
    while (at >= 0 && m.length === 1 && at > 0 && !/[，,；;。\s]/.test(text[at - 1])) at = text.indexOf(m, at + 1);
    if (at < 0) continue;
    const tail = text.slice(at + m.length);
    let end = -1;
    let endLen = 0;
    for (const e of [...cues.zhEnds].sort((a, b) => b.length - a.length)) {
      const i = tail.indexOf(e);
      if (i > 0 && (end < 0 || i < end)) {
        end = i;
        endLen = e.length;
      }
    }
    const comma = tail.search(/[，,；;]/);
    if (end < 0 || (comma >= 0 && comma < end)) {
      end = comma;
      endLen = 1;
    }
    if (end <= 0) continue;
    const rest = `${text.slice(0, at)}${tail.slice(0, end)}，${tail.slice(end + endLen).replace(/^[，,\s]+/u, '')}`;
    return { rest, excluded: tail.slice(0, end) };
  }
  return { rest: text, excluded: '' };
}

/** The Chinese names an excluded phrase stands for (all alternatives of its content words). */
function excludedNames(text: string): string[] {
  if (!text.trim()) return [];
  const t = translateQuery(text);
  // the best translation only: a rarer sense (board -> 理事会 as well as 董事会) may be the answer
  const names = t.english ? t.groups.filter((g) => !g.weak).map((g) => g.alternatives[0]) : [text.trim(), ...t.groups.filter((g) => !g.weak).map((g) => g.source)];
  return [...new Set(names.filter((n) => n.length >= 2))];
}

/**
 * Drops the negated half of a contrast (不是A而是B, 并非A而是B -> B; A rather than B -> A).
 * `before` markers end the contrasted part that precedes them (而是); `after` markers start a
 * contrasted part that runs to the end of the clause (rather than).
 */
export function dropContrast(text: string, markers: { negators: string[]; before: string[]; after: string[] }): string {
  for (const m of markers.before) {
    const at = text.indexOf(m);
    if (at < 0) continue;
    const head = text.slice(0, at);
    const neg = Math.max(...markers.negators.map((n) => head.lastIndexOf(n)));
    if (neg >= 0) return `${text.slice(0, neg)} ${text.slice(at + m.length)}`.replace(/[，,]\s*$/, '');
  }
  const lower = text.toLowerCase();
  for (const m of markers.after) {
    const at = lower.indexOf(m);
    if (at < 0) continue;
    const rest = text.slice(at + m.length);
    const stop = rest.search(/[，,;；。?？]/);
    return `${text.slice(0, at)} ${stop >= 0 ? rest.slice(stop + 1) : ''}`;
  }
  return text;
}

// ---------------------------------------------------------------- English

interface EnWord {
  text: string;
  start: number;
  end: number;
  /** Written attached to the previous word by a hyphen (agency-led). */
  hyphenated?: boolean;
}

function enWords(q: string): EnWord[] {
  const out: EnWord[] = [];
  const re = /[A-Za-z0-9&]+(?:'[A-Za-z]+)?/g;
  for (let m = re.exec(q); m; m = re.exec(q)) out.push({ text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length, hyphenated: m.index > 0 && q[m.index - 1] === '-' });
  return out;
}

/** The type noun (possibly multi-word) starting at word i, if any. */
function enTypeNounAt(ws: EnWord[], i: number): { type: EntityType; words: number } | null {
  for (const n of typeCueNouns('en')) {
    const parts = n.cue.split(/\s+/);
    // (a noun written into a compound with the next word modifies it: which agency-led model, which firm-run platform)
    // (approaches, businesses: a plural in -es is the noun too)
    if (parts.every((p, j) => ws[i + j] && (stem(ws[i + j].text) === stem(p) || ws[i + j].text === `${p}es`)) && !ws[i + parts.length]?.hyphenated) return { type: n.type, words: parts.length };
  }
  return null;
}

const BE = new Set(['is', 'are', 'was', 'were', "what's"]);
/** in / under which arrangement: an arrangement that something happens within (a kind of collaboration). */
const EN_CONTAINER_PREPOSITIONS = new Set(['in', 'under', 'within']);
const EN_CONTAINER_NOUNS = new Set(['arrangement', 'scheme', 'setup', 'framework']);
/** will … do / is … going to do / does … plan to do, right after "what": the asker wants the next steps. */
const EN_WILL_DO = /^\s+(?:(?:will|shall)\b(?:\s+[\w-]+){0,4}?\s+do\b|(?:is|are|does|do)\b(?:\s+[\w-]+){0,4}?\s+(?:going|plans?|planning|intends?|intending|expects?)\s+to\s+do\b)/u;
/** Words between "which of" and the set's noun: the three, these, its main. */
const EN_PARTITIVE_FILLERS = /^(?:the|these|those|its|their|two|three|four|five|six|several|main|major|different)$/u;
const EN_COUNTS = /^(?:two|three|four|five|six)$/u;
/** A later stage of development: with a verb of change, the question asks what the stage requires. */
const STAGE = /\b(next|new|coming|future|later)\s+(stage|phase|period|era)s?\b|\bgoing forward\b|\bin (the )?future\b/;
/** Type nouns that name either a proposal (a Recommendation) or a practice (a Mechanism). */
const PRACTICE_OR_PROPOSAL = new Set(['measure', 'step', 'action']);
/** Words that make such a noun a proposal (what measures does the essay propose / should be taken). */
const PROPOSAL = new Set(['should', 'must', 'ought', 'need', 'recommend', 'propose', 'suggest', 'advise', 'urge', 'advocate', 'recommendation', 'proposal', 'suggestion']);
/** Adverbs between "who" and its verb (who usually organises). */
const ADVERB = /ly$/;
const AUX = new Set(['do', 'does', 'did', 'can', 'could', 'should', 'would', 'will', 'may', 'might', 'must', 'has', 'have', 'had']);

/** The last past participle of a passive clause (appointed, run, chosen), if any. */
export function passiveParticiple(ws: Array<{ text: string }>): string | undefined {
  const irregular = questionCues().enIrregular;
  const stop = new Set(questionCues().enFunctionWords);
  for (let i = ws.length - 1; i >= 0; i--) {
    const w = ws[i].text;
    if (w === 'by') continue;
    if (/[a-z]{3,}ed$/.test(w) || (irregular[w] !== undefined && !stop.has(w))) return w;
  }
  return undefined;
}

function parseEnglish(question: string): ParsedQuestion {
  const cues = questionCues();
  const exclusion = splitExclusion(dropAttribution(question, 'en'), 'en');
  const q = exclusion.rest;
  const ws = enWords(q);
  const qwords = new Set(cues.enQuestionWords);
  const remove: Array<[number, number]> = [];
  let answerType: EntityType | null = null;
  let typeCue = '';
  let roleWords: string[] = [];
  let kindOf: string[] | undefined;
  let category: string | undefined;
  let amongCounted: boolean | undefined;
  const functionWords = new Set(cues.enFunctionWords);
  /** The type a verb names (drive -> Driver, recommend -> Recommendation), if any. */
  const verbCueOf = (w: string) => cues.enVerbCues.find((v) => v.en.includes(w));
  const verbCue = (w: string) => verbCueOf(w) !== undefined;
  const isShift = (w: EnWord) => lemmas(w.text).some((l) => cues.enShiftVerbs.includes(l));

  const wh = questionWordAt(ws, qwords);
  if (wh >= 0) {
    const whWord = ws[wh].text;
    const direct = enTypeNounAt(ws, wh);
    const behind = BE.has(ws[wh + 1]?.text ?? '') || ws[wh + 1]?.text === 'lies' ? behindAt(ws, wh + 2) : -1;
    // which mode / which funding mechanism: the type noun may follow up to two modifiers
    let gap = 0;
    let next = enTypeNounAt(ws, wh + 1);
    // which of the three types: the partitive names the set the answer is one of
    if (!next && ws[wh + 1]?.text === 'of') {
      for (let j = wh + 2; !next && j <= wh + 4 && ws[j]; j++) {
        next = enTypeNounAt(ws, j);
        if (next) gap = j - wh - 1;
        else if (!EN_PARTITIVE_FILLERS.test(ws[j].text)) break;
      }
      amongCounted = next !== null && ws.slice(wh + 2, wh + 1 + gap).some((w) => EN_COUNTS.test(w.text)) ? true : undefined;
    }
    for (let j = 2; !next && j <= 3 && ws[wh + j] && !BE.has(ws[wh + 1].text) && !AUX.has(ws[wh + 1].text); j++) {
      // a verb that names a type is no modifier (what drives cooperation asks for a driver)
      if (AUX.has(ws[wh + j - 1].text) || functionWords.has(ws[wh + j - 1].text) || verbCue(ws[wh + j - 1].text)) break;
      next = enTypeNounAt(ws, wh + j);
      if (next) gap = j - 1;
    }
    if (direct) {
      // who / how: the question word is itself the cue; the verb after "who" is what the answer does
      answerType = direct.type;
      typeCue = whWord;
      remove.push([ws[wh].start, ws[wh].end]);
      // (who usually organises / who makes decisions: adverbs and light verbs are skipped)
      const verb = ws.slice(wh + 1).find((w) => !functionWords.has(w.text) && !AUX.has(w.text) && !ADVERB.test(w.text));
      if (verb) roleWords = [verb.text];
      // passive (by whom is X appointed / who is X appointed by): the participle is what the answer does
      // (how are X managed: a copula after the question word makes the clause passive too)
      const passive = ws[wh - 1]?.text === 'by' || ws[ws.length - 1]?.text === 'by' || (whWord === 'how' && BE.has(ws[wh + 1]?.text ?? ''));
      const participle = passive ? passiveParticiple(ws.slice(wh + 1)) : undefined;
      if (participle) roleWords = [participle];
    } else if (next) {
      // which modes ... / what mechanism ...: determiner use; "which type of mode" takes the last noun
      let end = wh + 1 + gap + next.words;
      let type = next.type;
      // head-final compounds: which collaboration mechanism asks for a Mechanism (but a verb of
      // change after the noun is the verb: which model changes how researchers are paid)
      // (and after a body, a verb of deciding is its verb: which committee rules on disputes)
      const decides = (at: number) =>
        questionCues().decisionBody.enNouns.includes(ws[at - 1]?.text ?? '') && lemmas(ws[at].text).some((l) => questionCues().decisionBody.enVerbs.includes(l));
      const headAt = (at: number) => (ws[at] && (isShift(ws[at]) || decides(at)) ? null : enTypeNounAt(ws, at));
      for (let more = headAt(end); more; more = headAt(end)) {
        type = more.type;
        end += more.words;
      }
      if (ws[end]?.text === 'of') {
        // (which kinds of state-owned companies: a hyphenated modifier may stand before the inner noun)
        let at = end + 1;
        while (ws[at + 1]?.hyphenated && !enTypeNounAt(ws, at)) at += 2;
        const inner = enTypeNounAt(ws, at);
        if (inner) {
          // which type of institution: a kind of organisation (an Actor, or a Mode where the documents name its kinds)
          if (inner.type === 'Actor' && EN_KIND_NOUNS.has(stem(ws[end - 1].text))) {
            const noun = q.slice(ws[end + 1].start, ws[at + inner.words - 1].end);
            kindOf = translateQuery(noun).groups.flatMap((g) => g.alternatives);
          }
          type = inner.type;
          end = at + inner.words;
        }
      }
      answerType = type;
      typeCue = q.slice(ws[wh].start, ws[end - 1].end);
      // the modifiers stay in the constraint (which funding mechanism: funding), and so does a head
      // that names what the answer is about (what kind of loan: 贷款)
      remove.push([ws[wh].start, ws[wh].end]);
      const content = cues.enContentTypeNouns.includes(stem(ws[end - 1].text)) && end - 1 > wh + 1 + gap;
      remove.push([ws[wh + 1 + gap].start, ws[end - (content ? 2 : 1)].end]);
    } else if ((whWord === 'which' || whWord === 'what') && englishActorNoun(ws[wh + 1]?.text) && !ws[wh + 2]?.hyphenated && !enTypeNounAt(ws, wh + 2)) {
      // which universities take part / which banks lend: an actor's name after the question word is what is
      // asked for (not a modifier: which firm-run platform, which university alliance)
      answerType = 'Actor';
      typeCue = q.slice(ws[wh].start, ws[wh + 1].end);
      category = translateQuery(ws[wh + 1].text).groups[0].alternatives.find((a) => actorNames().includes(a));
      remove.push([ws[wh].start, ws[wh + 1].end]);
    } else if (behind >= 0) {
      // what is behind X / what lies behind X / what is the main force behind X: what drives X
      answerType = 'Driver';
      typeCue = q.slice(ws[wh].start, ws[behind].end);
      remove.push([ws[wh].start, ws[behind].end]);
    } else if (BE.has(ws[wh + 1]?.text ?? '') && verbCue(ws[wh + 2]?.text ?? '')) {
      // what is driving X: the verb after the copula names the type
      answerType = verbCueOf(ws[wh + 2].text)!.type;
      typeCue = ws[wh + 2].text;
      remove.push([ws[wh].start, ws[wh + 2].end]);
    } else if (BE.has(ws[wh + 1]?.text ?? '')) {
      // what are the new requirements for X: the noun phrase after the copula names the type and stays
      for (let j = wh + 2; j < Math.min(ws.length, wh + 7); j++) {
        const n = enTypeNounAt(ws, j);
        if (n) {
          answerType = n.type;
          typeCue = ws.slice(j, j + n.words).map((w) => w.text).join(' ');
          // the noun phrase up to its head noun names the answer's role (the new requirements)
          roleWords = ws.slice(wh + 2, j + n.words).map((w) => w.text).filter((w) => !functionWords.has(w));
          break;
        }
      }
      remove.push([ws[wh].start, ws[wh + 1].end]);
    }
  }
  // in which arrangement do X take turns…: an arrangement that X work within is a kind of collaboration
  // (as 哪种做法里 is; what arrangement does X rely on stays a practice)
  if (answerType === 'Mechanism' && wh > 0 && EN_CONTAINER_PREPOSITIONS.has(ws[wh - 1].text) && EN_CONTAINER_NOUNS.has(stem(typeCue.split(/\s+/).pop() ?? ''))) {
    answerType = 'Mode';
  }
  // what will the department do about X / what is the bureau going to do: what someone will do next is a measure
  const willDo = wh >= 0 && ws[wh].text === 'what' ? EN_WILL_DO.exec(q.slice(ws[wh].end)) : null;
  if (willDo && answerType !== 'Recommendation') {
    answerType = 'Recommendation';
    typeCue = 'what … do';
    remove.length = 0;
    roleWords = [];
    const doAt = ws[wh].end + willDo.index + willDo[0].length;
    remove.push([ws[wh].start, ws[wh].end], [doAt - 2, doAt]);
  }
  if (!answerType) {
    // what does X require: a verb names the type (the first such verb: what does the paper recommend
    // so that … need is a recommendation)
    const cued = ws.map((x) => ({ x, cue: verbCueOf(x.text) })).find((c) => c.cue);
    if (cued?.cue) {
      answerType = cued.cue.type;
      typeCue = cued.x.text;
      // the verb names the type, not the constraint
      remove.push([cued.x.start, cued.x.end]);
    }
  }
  if (!answerType) {
    // list the modes that ... : first type noun anywhere
    for (let j = 0; j < ws.length && !answerType; j++) {
      const n = enTypeNounAt(ws, j);
      if (n && !qwords.has(ws[j].text)) {
        answerType = n.type;
        typeCue = ws.slice(j, j + n.words).map((w) => w.text).join(' ');
        remove.push([ws[j].start, ws[j + n.words - 1].end]);
      }
    }
  }
  // what is X oriented towards / what is X driven by: what drives X (the participle and its preposition are frame)
  const driven = ws.findIndex((w, i) => cues.enDriverParticiples.includes(w.text) && DRIVER_PREPOSITIONS.has(ws[i + 1]?.text ?? ''));
  if (driven >= 0 && wh >= 0 && ws[wh].text === 'what' && answerType !== 'Driver') {
    answerType = 'Driver';
    typeCue = q.slice(ws[driven].start, ws[driven + 1].end);
    remove.length = 0;
    roleWords = [];
    remove.push([ws[wh].start, ws[wh].end], [ws[driven].start, ws[driven + 1].end]);
  }
  // a requirement is a shift (从A迈向B): "how should X change" (or how is X expected to change, how
  // will X change, how does X change in the next stage) asks for one, and in a question for
  // requirements the verb of change is frame, not constraint (change -> 转化 would match 成果转化)
  // (how has the challenge changed: a change already under way, said in the perfect, is one too)
  const perfectShift = ws.some((w, i) => isShift(w) && /ed$/u.test(w.text) && (!ws[i + 1] || SHIFT_TAIL.has(ws[i + 1].text)) && ws.slice(Math.max(0, wh), i).some((x) => x.text === 'has' || x.text === 'have'));
  const modal = ws.some((w) => cues.enModals.includes(w.text)) || STAGE.test(q.toLowerCase()) || perfectShift;
  if (answerType === 'Mechanism' && typeCue === 'how' && modal && ws.some(isShift)) {
    answerType = 'Requirement';
    typeCue = 'how … should change';
    roleWords = [];
  }
  // which arrangements does the bureau lead: what an actor leads is a kind of collaboration
  if (answerType === 'Mechanism' && /\barrangements?$/iu.test(typeCue) && ws.some((w) => LEADING_VERBS.has(w.text))) answerType = 'Mode';
  // measures / steps / actions: what a text proposes (a Recommendation) when the question says it is
  // proposed or needed, otherwise what a mode or actor does in practice (a Mechanism)
  if (answerType === 'Recommendation' && PRACTICE_OR_PROPOSAL.has(stem(typeCue.toLowerCase().split(/\s+/).pop() ?? ''))) {
    const proposed = ws.some((w) => lemmas(w.text).some((l) => PROPOSAL.has(l)));
    if (!proposed) answerType = 'Mechanism';
  }
  if (answerType === 'Requirement') {
    for (const w of ws.filter(isShift)) if (!remove.some(([a, b]) => a < w.end && w.start < b)) remove.push([w.start, w.end]);
  }
  // which mode splits into A and B: the verb of dividing is frame; the kinds it names stay
  let asksWhole: boolean | undefined;
  if (answerType) {
    const lower = q.toLowerCase();
    for (const v of [...cues.division.en].sort((a, b) => b.length - a.length)) {
      const m = new RegExp(`\\b${v.replace(/[-\s]+/g, '[-\\s]+')}\\b`).exec(lower);
      if (!m || remove.some(([a, b]) => a < m.index + m[0].length && m.index < b)) continue;
      remove.push([m.index, m.index + m[0].length]);
      asksWhole = true;
      break;
    }
  }
  // into which kinds is X divided / what kinds does X split into: the question word is the verb's object
  const dividedInto = wh >= 0 && (ws[wh - 1]?.text === 'into' || ws.at(-1)?.text === 'into') && ws.some((w) => lemmas(w.text).some((l) => EN_DIVIDING.has(l)));
  // (what sub-types / which variant of X: the part noun stands between the question word and the type noun)
  const cueAt = typeCue ? q.indexOf(typeCue) : -1;
  const asked = wh >= 0 && cueAt >= ws[wh].start ? q.slice(ws[wh].start, cueAt + typeCue.length) : typeCue;
  const asksParts = dividedInto || EN_PART_NOUN.test(asked) ? true : undefined;
  if (asksParts) asksWhole = undefined;
  let rest = q;
  for (const [s, e] of [...remove].sort((a, b) => b[0] - a[0])) rest = `${rest.slice(0, s)} ${rest.slice(e)}`;
  // "no longer X" in a question for a requirement (a shift from A to B) names the shift's origin, not a negation
  if ((answerType ?? cues.defaultType) === 'Requirement') rest = dropCessation(rest, cues.negation.cessation.en);
  rest = dropCessation(rest, cues.negation.enAdditive);
  const t = translateQuery(dropContrast(rest, cues.enContrast));
  return {
    question,
    lang: 'en',
    answerType: answerType ?? cues.defaultType,
    typeCue,
    constraint: t.zh.replace(/\s+/g, ''),
    groups: t.groups.map((g) => (roleWords.length && g.source.split(/[\s-]+/).some((w) => roleWords.includes(w)) ? { ...g, role: true } : g)),
    negated: t.negated,
    unknown: t.unknown,
    excluded: excludedNames(exclusion.excluded),
    excludedGroups: exclusion.excluded.trim() ? translateQuery(exclusion.excluded).groups.filter((g) => !g.weak) : undefined,
    kindOf: answerType === 'Actor' && kindOf?.length ? kindOf : undefined,
    category: answerType === 'Actor' ? category : undefined,
    decisionBody: answerType === 'Actor' ? enAsksDecisionBody(ws, qwords) : undefined,
    asksWhole,
    asksParts,
    amongCounted,
  };
}

/**
 * what body coordinates X / which committee sets and allocates … / by which body is X approved: a
 * body noun right after the question word (a modifier may come between), with a verb of deciding as
 * the clause's verb (the next content word, or the participle of a passive clause).
 */
function enAsksDecisionBody(ws: EnWord[], qwords: Set<string>): boolean {
  const { enNouns, enVerbs } = questionCues().decisionBody;
  const functionWords = new Set(questionCues().enFunctionWords);
  const wh = questionWordAt(ws, qwords);
  if (wh < 0) return false;
  // (who has the final say: the question word is the body)
  const after = ws.slice(wh + 1).map((w) => w.text).join(' ');
  if (ws[wh].text === 'who' && (FINAL_SAY.test(after) || WHO_DECIDES.test(after))) return true;
  const nounAt = [1, 2, 3].map((j) => wh + j).find((j) => ws[j] && enNouns.includes(ws[j].text));
  if (nounAt === undefined) return false;
  const deciding = (w: EnWord) => lemmas(w.text).some((l) => enVerbs.includes(l));
  const rest = ws.slice(nounAt + 1);
  // (which body has the final say / the last word on X)
  if (FINAL_SAY.test(rest.map((w) => w.text).join(' '))) return true;
  const verb = rest.find((w) => !functionWords.has(w.text) && !AUX.has(w.text) && !BE.has(w.text) && !ADVERB.test(w.text));
  if (verb && deciding(verb)) return true;
  const participle = BE.has(rest[0]?.text ?? '') ? passiveParticiple(rest) : undefined;
  return participle !== undefined && lemmas(participle).some((l) => enVerbs.includes(l));
}

/** The text without cues of ceasing (no longer, not … anymore, stop): "not … anymore" drops both words. */
export function dropCessation(text: string, cues: string[]): string {
  let out = ` ${text} `;
  for (const cue of [...cues].sort((a, b) => b.length - a.length)) {
    const words = cue.toLowerCase().split(/\s+/);
    if (words[0] === 'not' && words.length > 1) {
      // not … anymore: the tail marks the clause; its "not" (or n't) goes with it
      const tail = words.slice(1).join('\\s+');
      const re = new RegExp(`\\b(not|no|never)\\b([^,;?]*?)\\b${tail}\\b|n't\\b([^,;?]*?)\\b${tail}\\b`, 'i');
      out = out.replace(re, (_m, _n, a, b) => ` ${a ?? b ?? ''} `);
    } else out = out.replace(new RegExp(`\\b${words.join('\\s+')}\\b`, 'gi'), ' ');
  }
  return out.replace(/\s+/g, ' ').trim();
}
