/**
 * Stage `extract-entities`: candidate mentions of Actors, Modes, Mechanisms, Requirements,
 * Recommendations and Drivers, found by the lexicon, cue patterns, jieba phrase boundaries
 * and document structure (headings). Canonical merging happens later, in resolve.ts.
 */
import { escapeRegExp } from '../core/regexp.js';
import { headingAt, innermostAt, isNumbered, lastSentence, ORDINAL_KIND, SERIES_ITEM, type Structure } from './extract-scope.js';
import { tableKinds, type TableName } from './extract-tables.js';
import { compilePattern, lexicon, modeHeadWords, type Lexicon } from './lexicon.js';
import { segmentTagged, type TaggedToken } from './segment.js';
import type { EntityType, Sentence } from './types.js';

export interface Candidate {
  type: EntityType;
  /** Proposed canonical label; resolution may merge it into another entity. */
  label: string;
  /** Mention span in the document text. */
  start: number;
  end: number;
  sentence: Sentence;
  /** How it was found, e.g. `lexicon`, `suffix`, `heading`, `leader`, `pattern:via-manner`. */
  via: string;
  confidence: number;
  /** Weak mentions only join an entity that a strong mention created; alone they are dropped. */
  weak?: boolean;
  /** Heading index when the mention is a whole heading. */
  heading?: number;
  /** Mode: canonical labels of the leading and of the participating actors named in the mention. */
  leaders?: string[];
  participants?: string[];
  /** Mode: the label of a listed mode this mention defines (揭榜攻关是一种以企业为主导的合作形式). */
  sameAs?: string;
}

export interface EntityContext {
  text: string;
  sentences: Sentence[];
  structure: Structure;
}

const alternation = (words: string[]) => [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
const PUNCT = /^[\p{P}\p{S}\s]+$/u;

const surfaceCache = new WeakMap<Lexicon, Map<string, string>>();

/** Actor surfaces (labels, aliases) -> canonical label (a fresh copy: callers may add to it). */
export function actorSurfaces(lex: Lexicon = lexicon()): Map<string, string> {
  const cached = surfaceCache.get(lex);
  if (cached) return new Map(cached);
  const m = new Map<string, string>();
  for (const a of lex.actors.actors) {
    m.set(a.label, a.label);
    for (const al of a.aliases) if (!m.has(al)) m.set(al, a.label);
  }
  surfaceCache.set(lex, m);
  return new Map(m);
}

const wordListCache = new WeakMap<Lexicon, string[]>();
const actorWordList = (lex: Lexicon): string[] => {
  let w = wordListCache.get(lex);
  if (!w) wordListCache.set(lex, (w = [...actorSurfaces(lex).keys()]));
  return w;
};

interface SentenceView {
  sentence: Sentence;
  /** Sentence text sliced from the document (offset = sentence.start). */
  text: string;
  tokens: TaggedToken[];
}

function views(ctx: EntityContext): SentenceView[] {
  return ctx.sentences.map((s) => {
    const text = ctx.text.slice(s.start, s.end);
    const tokens = segmentTagged(text).map((t) => ({ ...t, start: t.start + s.start, end: t.end + s.start }));
    return { sentence: s, text, tokens };
  });
}

// ---------------------------------------------------------------- actors

const firstCharIndex = new WeakMap<Map<string, string>, Map<string, string[]>>();

/** Surfaces grouped by first character, longest first (longest match at each position). */
function surfacesByFirstChar(surfaces: Map<string, string>): Map<string, string[]> {
  let idx = firstCharIndex.get(surfaces);
  if (idx) return idx;
  idx = new Map();
  for (const s of [...surfaces.keys()].sort((a, b) => b.length - a.length)) idx.set(s[0], [...(idx.get(s[0]) ?? []), s]);
  firstCharIndex.set(surfaces, idx);
  return idx;
}

function findActors(v: SentenceView, lex: Lexicon, surfaces: Map<string, string>, ctx: { text: string }): Candidate[] {
  const out: Candidate[] = [];
  const compounds = lex.actors.compounds;
  const byFirst = surfacesByFirstChar(surfaces);
  const { text, sentence } = v;
  const base = sentence.start;
  // Generic heads right after a modifier wait for the suffix pass, which may name the specific actor.
  const deferred: Candidate[] = [];
  for (let i = 0; i < text.length; ) {
    const comp = compounds.find((c) => c.surface[0] === text[i] && text.startsWith(c.surface, i));
    if (comp) {
      for (const p of comp.parts) {
        out.push({ type: 'Actor', label: p.label, start: base + i + p.offset, end: base + i + p.offset + p.length, sentence, via: 'lexicon', confidence: 0.9 });
      }
      i += comp.surface.length;
      continue;
    }
    let hit = byFirst.get(text[i])?.find((s) => text.startsWith(s, i));
    // A surface must start and end on word boundaries: 高企 is not in 提高企业, 市政府 is not in
    // 城市政府, 财政 is not the actor in 财政厅 (the department is, found by its suffix).
    // (Only a two-character surface must end one: 首席科学家 stands inside 首席科学家负责制.)
    if (hit && v.tokens.some((t) => (t.start < base + i && base + i < t.end) || (hit!.length <= 2 && t.start < base + i + hit!.length && base + i + hit!.length < t.end))) hit = undefined;
    // (省财政厅, 市科技局: a name followed by a department's suffix is the department's, whatever its length)
    if (hit && DEPARTMENT_SUFFIX.test(text[i + hit.length] ?? '')) hit = undefined;
    // 财政资金, 加大财政投入: the word qualifies a noun here; it does not name the actor.
    const attributive = hit !== undefined && Object.entries(lex.actors.attributiveUses).some(([k, ws]) => hit.endsWith(k) && ws.some((w) => text.startsWith(w, i + hit.length)));
    if (hit && attributive) {
      i += hit.length;
      continue;
    }
    if (hit) {
      const cand: Candidate = { type: 'Actor', label: surfaces.get(hit)!, start: base + i, end: base + i + hit.length, sentence, via: 'lexicon', confidence: 0.95 };
      ((lex.actors.genericHeads.includes(hit) || boundBefore(v, base + i, lex)) && modifiedAt(v, base + i, lex, out) ? deferred : out).push(cand);
      i += hit.length;
    } else i++;
  }
  // Unseen organisation names: a jieba noun phrase ending in an organisation suffix.
  const covered = (t: TaggedToken) => out.some((c) => c.start < t.end && t.start < c.end);
  const { suffixes, suffixModifierTags, suffixMaxLength, notActors, notActorModifiers } = lex.actors;
  v.tokens.forEach((t, k) => {
    if (covered(t) || !suffixes.some((s) => t.text.endsWith(s))) return;
    if ((notActors.includes(t.text) && t.text.length >= 4) || lex.actors.notSuffixTokens.includes(t.text)) return;
    // 项目负责人制: a role followed by 制 names the arrangement, not an actor.
    if (lex.actors.notFollowedBy.some((f) => v.text.startsWith(f, t.end - base))) return;
    let start = t.start;
    for (let j = k - 1; j >= 0; j--) {
      const p = v.tokens[j];
      const bound = boundTo(lex, p.text, t.text);
      // 推广机构, 育种团队: a verb right before the head says what the organisation does.
      // (two tokens away too, before a noun: 育种/v 决策/n 委员会 names the committee's remit)
      const tag = (j === k - 1 || (j === k - 2 && v.tokens[k - 1].tag === 'n')) && verbModified(lex, p, t.text) ? 'vn' : p.tag;
      if (p.end !== start || covered(p) || (!bound && (!suffixModifierTags.includes(tag) || notActorModifiers.includes(p.text)))) break;
      if (t.end - p.start > suffixMaxLength || takesFirmAsObject(lex, p, t.text)) break;
      start = p.start;
    }
    if (LEGAL_FORM.test(v.text.slice(0, t.end - base))) start = brandStart(v, lex, start, t.end);
    const label = v.text.slice(start - base, t.end - base);
    if (suffixes.includes(label) || label.length < 3) return;
    // …决策机构, …研发机构: a known non-actor head keeps its modified forms non-actors too, unless the
    // text gives this one agency of its own (省级…创新中心 …登记为…，具有独立法人资格).
    const vehicle = notActors.find((n) => label.endsWith(n) && (n.length >= 3 || n === label));
    if (vehicle && !(label.length >= vehicle.length + 2 && hasAgency(ctx, start, t.end, lex))) return;
    out.push({ type: 'Actor', label, start, end: t.end, sentence, via: 'suffix', confidence: vehicle ? 0.6 : 0.7 });
  });
  for (const d of deferred) if (!out.some((c) => c.start < d.end && d.start < c.end)) out.push(d);
  return widenLeaderSlots(v, out);
}

/** “链主带动”模式，即以能源央企为主导的…: a quoted name put in apposition to a mode is another name of it. */
const APPOSITION = /[“"「]([^”"」]{2,12})[”"」](?:模式|型|式)?[，,]?\s*(?:即|也就是|亦即|也即)/gu;

function appositionModes(ctx: EntityContext, cands: Candidate[]): Candidate[] {
  const extra: Candidate[] = [];
  for (const m of ctx.text.matchAll(APPOSITION)) {
    const start = m.index ?? 0;
    const after = start + m[0].length;
    const named = cands.find((c) => c.type === 'Mode' && !c.weak && c.start >= after && c.start - after <= 1);
    if (!named) continue;
    const end = start + m[0].replace(/[，,]?\s*(?:即|也就是|亦即|也即)$/u, '').length;
    if (cands.some((c) => c.type === 'Mode' && c.start < end && start < c.end)) continue;
    extra.push({ ...named, start, end, via: 'apposition', confidence: Math.min(named.confidence, 0.85), heading: undefined });
  }
  return [...cands, ...extra];
}

// (第一种做法是… / 第二种方式由…: the kind's own noun after the ordinal is no part of its name)
const SERIES_OPENER = new RegExp(`${SERIES_ITEM.source}(?:做法|方式|模式|类型|路径|形式|形态|打法|路子|合作)?(?:则|就)?(?:是|为|可以概括为|可概括为|属于)?`, 'u');
const MAX_SERIES_ITEM = 24;

/**
 * Paragraphs opened by ordinal kinds (第一类…第二类…第三类…) list parallel things: when at least two
 * of them open with a mode, the first clause of another one names a mode too (第二类是以研究型大学为
 * 主导的“概念验证+中试”型转化), however its noun reads.
 */
function seriesModes(ctx: EntityContext, cands: Candidate[], rx: ModeRegexes, lex: Lexicon): Candidate[] {
  const items: Array<{ start: number; end: number; sentence: Sentence; mode?: Candidate; led: boolean }> = [];
  for (const m of ctx.text.matchAll(/(?:^|\n)([^\n]+)/gu)) {
    const lineAt = (m.index ?? 0) + m[0].indexOf(m[1]);
    const open = m[1].match(SERIES_OPENER);
    if (!open) continue;
    let start = lineAt + open[0].length;
    const cut = m[1].slice(open[0].length).search(/[，。；：,;:]/u);
    let end = start + (cut < 0 ? m[1].length - open[0].length : cut);
    // 第四条，是这两年冒出来的新苗头，施工用户唱主角: a first clause naming no one only introduces the
    // item; the clause after it, who leads (a short name and a verb of leading), names the kind
    const next = ctx.text.slice(end + 1).match(/^[^，。；：,;:\n]{2,16}/u)?.[0];
    if (cut >= 0 && /[，,]/u.test(ctx.text[end]) && rx.actorIn(ctx.text.slice(start, end)).length === 0 && next && rx.leadSoonAfter.test(next)) {
      start = end + 1;
      end = start + next.length;
    }
    const sentence = ctx.sentences.find((x) => x.start <= start && start < x.end);
    if (!sentence) continue;
    const mode = cands.find((c) => c.type === 'Mode' && !c.weak && c.sentence.id === sentence.id);
    const led = cands.some((c) => c.type === 'Mode' && c.weak && c.leaders?.length && c.sentence.id === sentence.id);
    items.push({ start, end, sentence, mode, led });
  }
  // (or one does, or names its leader, and the sentence before the series counts as many kinds as it has items)
  const named = items.filter((i) => i.mode).length;
  const announced = items.some((i) => i.mode || i.led) && announcesCount(ctx.text, items[0]?.start ?? 0, items.length);
  if (named < 2 && !announced) return cands;
  const extra: Candidate[] = items
    .filter((i) => !i.mode && i.end - i.start >= 4 && i.end - i.start <= MAX_SERIES_ITEM)
    .map((i) => {
      const label = ctx.text.slice(i.start, i.end);
      return { type: 'Mode', label, start: i.start, end: i.end, sentence: i.sentence, via: 'series', confidence: 0.75, ...rolesInName(label, rx, lex, true) };
    });
  return [...cands, ...extra];
}

const COUNT_WORD = /([两二三四五六七八九十])(?:种|类|条)[\p{Script=Han}]{0,4}[。：:]?\s*$/u;

/** 我把它概括为四种打法。\n第一种是…: the sentence before the series counts as many kinds as it has items. */
function announcesCount(text: string, firstItem: number, count: number): boolean {
  const lineStart = text.lastIndexOf('\n', firstItem - 1);
  const before = lastSentence(text.slice(Math.max(0, lineStart - 200), lineStart).trimEnd());
  const n = before.match(COUNT_WORD)?.[1];
  return n !== undefined && '一二三四五六七八九十'.indexOf(n === '两' ? '二' : n) + 1 === count;
}

/**
 * Who leads and who takes part in a kind, read from its name: 企业主导、高校参与的… by the leader
 * pattern; 龙头企业开放型平台模式 / 科研院所孵化型 (a kind named after one actor and what it does), and
 * 龙头企业研究院牵头的… / 地方政府开放应用场景的示范合作 (the actor opening the name does what names it),
 * by the actor the name starts with.
 */
function rolesInName(name: string, rx: ModeRegexes, lex: Lexicon, bare = false): { leaders: string[]; participants: string[] } {
  const leaders: string[] = [];
  const participants: string[] = [];
  for (const m of name.matchAll(rx.leader)) {
    leaders.push(...rx.actorIn(m.groups?.leaders ?? ''));
    participants.push(...rx.actorIn(`${m.groups?.p1 ?? ''}${m.groups?.p2 ?? ''}`));
  }
  if (leaders.length === 0) {
    const head = rx.actorSurfaceAt(name);
    const named = head ? rx.actorIn(head) : [];
    const rest = head ? name.slice(head.length) : '';
    // (the last two only for a bare name with no section of its own, whose text may name its leader better)
    const actsInName =
      TYPE_NAMED_FOR_ACTOR.test(rest) ||
      (bare && rx.leadSoonAfter.test(rest)) ||
      (bare && ACTS_BEFORE_DE.test(rest) && !lex.cues.mode.participateVerbs.some((v) => rest.split('的')[0].includes(v)) && rx.actorIn(rest.split('的')[0]).length === 0);
    if (head && named.length === 1 && actsInName) leaders.push(named[0]);
  }
  return { leaders: [...new Set(leaders)], participants: [...new Set(participants)].filter((p) => !leaders.includes(p)) };
}
/** 开放应用场景的示范合作: a short verb phrase and 的 between the opening actor and the kind's noun. */
const ACTS_BEFORE_DE = /^[\p{Script=Han}]{2,8}的[\p{Script=Han}“”"]{2,}$/u;

/** A mode's leader read from its name by known surfaces (一体化企业) takes the whole name the slot gave (育繁推一体化企业). */
function withWholeLeaderNames(cands: Candidate[]): Candidate[] {
  const slots = cands.filter((c) => c.type === 'Actor' && c.via === 'leader-slot');
  if (slots.length === 0) return cands;
  return cands.map((m) => {
    if (m.type !== 'Mode' || !m.leaders?.length) return m;
    const inside = slots.filter((a) => a.start < m.end && m.start < a.end);
    const whole = (l: string) => inside.find((a) => a.label !== l && a.label.endsWith(l))?.label ?? l;
    return { ...m, leaders: m.leaders.map(whole) };
  });
}

/** 由国家级农业科研机构牵头 / 以育繁推一体化企业为主导: the slot before a lead verb is the leader's whole name. */
const LEADER_SLOT = /(?:由|以)(?<x>[\p{Script=Han}]{3,12}?)(?:牵头|发起|主导|领衔|为主导|为核心|为龙头|为牵头)/gu;
/** Counting words and determiners before a name (一家…, 某…, 该…) are not part of it. */
const SLOT_DETERMINER = /^(?:[一二三四五六七八九十两几多]+(?:家|所|个|批|类)|若干(?:家|所|个)?|某+|该|这些|这类|此类|各类?|部分|有关|相关|少数)/u;
const SLOT_JOINER = /[、和与及或的同]/u;

function widenLeaderSlots(v: SentenceView, found: Candidate[]): Candidate[] {
  const out = [...found];
  for (const m of v.text.matchAll(LEADER_SLOT)) {
    const raw = m.groups!.x;
    const det = raw.match(SLOT_DETERMINER)?.[0] ?? '';
    const name = raw.slice(det.length);
    const start = v.sentence.start + (m.index ?? 0) + m[0].indexOf(raw) + det.length;
    const end = start + name.length;
    if (name.length < 3 || SLOT_JOINER.test(name)) continue;
    const inside = out.filter((c) => c.type === 'Actor' && c.start >= start && c.end <= end);
    // Only one actor, ending the slot, and not the whole slot already.
    if (inside.length !== 1 || inside[0].end !== end || inside[0].start === start) continue;
    const i = out.indexOf(inside[0]);
    out[i] = { ...inside[0], label: name, start, via: 'leader-slot', confidence: Math.min(inside[0].confidence, 0.8) };
  }
  return out;
}

/** 厅 / 局: the single-character heads of government departments' names. */
const DEPARTMENT_SUFFIX = /^[厅局]$/u;

const AGENCY_WINDOW = 80;
/** 具有独立法人资格的…: how far back a modifier giving agency may start. */
const MAX_AGENCY_MODIFIER = 16;
/** Whether the text right after a name (its sentence and the next), or a modifier right before it, says it is a legal person of its own. */
function hasAgency(ctx: { text: string }, start: number, at: number, lex: Lexicon): boolean {
  const window = ctx.text.slice(at, at + AGENCY_WINDOW);
  const paragraph = window.split('\n')[0];
  // (组建具有独立法人资格的…中心: the agency may be said in the modifier before the name)
  const modifier = ctx.text.slice(Math.max(0, start - MAX_AGENCY_MODIFIER), start).split(/[，。；：\n]/u).at(-1) ?? '';
  return lex.actors.agencyCues.some((c) => paragraph.includes(c) || (modifier.endsWith('的') && modifier.includes(c)));
}

/** 联合指导委员会, 上游供应商: a modifier kept out of names in general joins the heads it is bound to. */
const boundTo = (lex: Lexicon, modifier: string, head: string): boolean => lex.actors.boundModifiers[modifier]?.some((h) => head.endsWith(h)) ?? false;

/** 第三方检验检测机构: a modifier bound to the head of a known name makes a more specific one. */
function boundBefore(v: SentenceView, at: number, lex: Lexicon): boolean {
  const p = v.tokens.find((t) => t.end === at);
  const head = v.tokens.find((t) => t.start === at)?.text ?? '';
  return p !== undefined && boundTo(lex, p.text, head);
}

/** 推广机构, 育种团队, 育种专家: a two-character verb before a unit head names what the unit does (not 强化企业). */
const verbModified = (lex: Lexicon, p: TaggedToken, head: string): boolean =>
  p.tag === 'v' &&
  p.text.length >= 2 &&
  (lex.actors.verbModifiedHeads.some((h) => head.endsWith(h)) || (lex.actors.industryVerbs.includes(p.text) && lex.actors.industryVerbHeads.some((h) => head.endsWith(h))));

/** 服务企业 in 以服务企业数量为指标: the verb takes the firm as its object. */
const takesFirmAsObject = (lex: Lexicon, p: TaggedToken, head: string): boolean =>
  lex.actors.verbsTakingFirms.includes(p.text) && lex.actors.industryVerbHeads.some((h) => head === h);

/** A firm's legal form (…股份有限公司, …集团): the name before it is a registered one, brand included. */
const LEGAL_FORM = /(?:有限公司|有限责任公司|股份公司|集团)$/u;
/** Tags that never open a brand name: particles, prepositions, conjunctions, pronouns, adverbs, numerals, localisers. */
const NOT_BRAND_TAGS = new Set(['uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'p', 'c', 'r', 'd', 'm', 'q', 'f', 'x', 'w', 'y', 'e', 'o']);
const MAX_FIRM_NAME = 18;

/**
 * 远航/v 智能装备股份有限公司, 恒/nr 泰/ns 精密/a 传动有限公司: a brand is any word, so the name of a
 * firm with a legal form runs back over words of any content tag, up to punctuation or a function
 * word; a verb of two characters or more joins only where it opens the line or sentence (联合远航…公司 keeps 联合 out).
 */
function brandStart(v: SentenceView, lex: Lexicon, start: number, end: number): number {
  const base = v.sentence.start;
  for (let j = v.tokens.findIndex((t) => t.end === start); j >= 0; j--) {
    const p = v.tokens[j];
    if (p.end !== start || PUNCT.test(p.text) || NOT_BRAND_TAGS.has(p.tag) || end - p.start > MAX_FIRM_NAME) break;
    if (lex.actors.notActorModifiers.includes(p.text) || actorWordList(lex).includes(p.text)) break;
    // (a verb joins only where it opens the line: 远航智能装备… under a speaker's name, not …，包括省文旅集团)
    const opensLine = p.start === base || /\s/u.test(v.text[p.start - base - 1] ?? '');
    if (p.tag.startsWith('v') && p.tag !== 'vn' && p.text.length >= 2 && !opensLine) break;
    start = p.start;
  }
  return start;
}

/** Is the text just before `at` a modifier a suffix name could start with (a noun-like token, no actor of its own)? */
function modifiedAt(v: SentenceView, at: number, lex: Lexicon, found: Candidate[]): boolean {
  const p = v.tokens.find((t) => t.end === at);
  if (!p || PUNCT.test(p.text)) return false;
  const head = v.tokens.find((t) => t.start === at)?.text ?? '';
  const bound = boundTo(lex, p.text, head);
  const tag = verbModified(lex, p, head) ? 'vn' : p.tag;
  if (!bound && (!lex.actors.suffixModifierTags.includes(tag) || lex.actors.notActorModifiers.includes(p.text))) return false;
  if (takesFirmAsObject(lex, p, head)) return false;
  return !found.some((c) => c.start < p.end && p.start < c.end);
}

// ---------------------------------------------------------------- modes

/**
 * The leaf heading a mode mention names (the mention is most of the heading's text), so that the
 * heading's section is where the mode's practices are described. Headings with sub-headings
 * (a title, a chapter) are too broad to be one mode's scope.
 */
function namesHeading(structure: Structure, start: number, end: number): number | undefined {
  const i = headingAt(structure, start, end);
  if (i === undefined) return undefined;
  const h = structure.headings[i];
  return !h.hasChildren && (end - start) * 2 >= h.end - h.start ? i : undefined;
}

interface ModeRegexes {
  leader: RegExp;
  anyLeader: RegExp;
  actorIn: (s: string) => string[];
  /** The longest actor surface the string starts with, if any. */
  actorSurfaceAt: (s: string) => string | undefined;
  /** A lead verb a few characters into what follows an actor (研究院牵头…: the actor's own unit leads). */
  leadSoonAfter: RegExp;
}

function modeRegexes(lex: Lexicon, surfaces: Map<string, string>): ModeRegexes {
  const c = lex.cues.mode;
  // Compounds (高校院所, 校企) name two actors at once: a leader list may be one (高校院所主导的…).
  const compounds = new Map(lex.actors.compounds.filter((k) => k.parts.length > 1).map((k) => [k.surface, k.parts.map((p) => p.label)]));
  const names = [...surfaces.keys(), ...[...compounds.keys()].filter((k) => k.length > 2)];
  const act = `(?:${alternation(names)})`;
  const list = `${act}(?:(?:${alternation(c.listJoiners)})${act})*`;
  const lead = `(?:${alternation(c.leadVerbs)})`;
  const part = `(?:${alternation(c.participateVerbs)})`;
  const heads = `(?:${alternation(c.heads)})`;
  // [由] [A 参与] B 主导 [、C 参与 [组建]] [的] [X型] HEAD
  const src =
    `(?:${alternation(c.leaderPrefixes)})?` +
    `(?<lp>(?<p1>${list})${part})?` +
    `(?<leaders>${list})${lead}` +
    // A following "、C参与D主导" is the next list item, not this mode's participant.
    `(?<p2>[、，]?(?:多方|${list})${part}(?:组建|组织|建设|设立)?(?!${list}${lead}))?` +
    // …的[校地]合作: a short qualifier may stand between 的 and the collaboration noun.
    // (…发起等不同类型联合体: a list's 等不同类型 is no type of this kind)
    `(?<de>的)?(?<type>(?!等|各|不同)[\\p{Script=Han}]{0,6}(?<!类)型)?(?:(?<=的)(?<qual>[\\p{Script=Han}]{1,8}?)(?=${heads}))?(?<head>${heads})?`;
  const actRe = new RegExp(alternation(names), 'gu');
  const startRe = new RegExp(`^(?:${alternation(names)})`, 'u');
  return {
    leader: new RegExp(src, 'gu'),
    anyLeader: new RegExp(c.anyLeaderPattern.replace('HEADS', alternation(c.heads)), 'gu'),
    actorIn: (s) => [...s.matchAll(actRe)].flatMap((m) => compounds.get(m[0]) ?? [surfaces.get(m[0])!]).filter((x, i, a) => a.indexOf(x) === i),
    actorSurfaceAt: (s) => s.match(startRe)?.[0],
    leadSoonAfter: new RegExp(`^[\\p{Script=Han}]{0,4}?${lead}`, 'u'),
  };
}

function findLeaderModes(v: SentenceView, lex: Lexicon, rx: ModeRegexes, structure: Structure): Candidate[] {
  const out: Candidate[] = [];
  const prefixes = lex.cues.mode.leaderPrefixes;
  for (const m of v.text.matchAll(rx.leader)) {
    const g = m.groups ?? {};
    let offset = m.index ?? 0;
    let surface = m[0];
    const pre = prefixes.find((p) => surface.startsWith(p) && !g.lp?.startsWith(p) && !g.leaders.startsWith(p));
    if (pre) {
      offset += pre.length;
      surface = surface.slice(pre.length);
    }
    if (!g.head && g.de) surface = surface.slice(0, -g.de.length - (g.type?.length ?? 0));
    // …联合攻关模式: the mode noun right after a collaboration head belongs to the name.
    if (g.head && !g.head.endsWith('模式') && v.text.startsWith('模式', offset + surface.length)) surface += '模式';
    const start = v.sentence.start + offset;
    const end = start + surface.length;
    const headingIdx = headingAt(structure, start, end);
    const heading = headingIdx === undefined ? undefined : structure.headings[headingIdx];
    const isHeading = heading !== undefined;
    // A heading that is a leader phrase with a type suffix (1.企业主导型) names a kind even without a noun.
    const strong =
      (Boolean(g.head) && (Boolean(g.de) || Boolean(g.type) || isHeading || lex.cues.mode.nounHeads.includes(g.head))) ||
      (Boolean(g.type) && namesHeading(structure, start, end) !== undefined);
    const participants = [...rx.actorIn(g.p1 ?? ''), ...rx.actorIn(g.p2 ?? '')];
    const leaders = rx.actorIn(g.leaders);
    out.push({
      type: 'Mode',
      label: surface,
      start,
      end,
      sentence: v.sentence,
      via: 'leader',
      confidence: strong ? 0.9 : 0.6,
      weak: !strong,
      heading: namesHeading(structure, start, end),
      leaders,
      participants: participants.filter((p) => !leaders.includes(p)),
    });
  }
  // 以X为主导的… where X is not a known actor (以用户需求为主导的…): a mode, leaders only if X names actors.
  for (const m of v.text.matchAll(rx.anyLeader)) {
    const start = v.sentence.start + (m.index ?? 0);
    const end = start + m[0].length;
    if (out.some((o) => o.start <= start && end <= o.end)) continue;
    out.push({
      type: 'Mode', label: m[0], start, end, sentence: v.sentence, via: 'leader', confidence: 0.8,
      heading: namesHeading(structure, start, end), leaders: rx.actorIn(m.groups?.x ?? ''), participants: [],
    });
  }
  return out;
}

/** 又冒出了一类，我们叫它“场景方牵头”: a kind the text counts (一类, 一种) and then names, in quotes. */
const NAMED_KIND = /(?:一|这|此|另一)(?:类|种)(?:合作|模式|做法|方式|联合体)?[，,]?[^，,。；;“”"]{0,6}?(?:叫它|叫做|叫作|称为|称之为|称作|管它叫|把它叫做?)[“"「]([^”"」]{2,10})[”"」]/gu;
/** …，就是由掌握应用场景的用户企业或者行业协会来组织联合体: who the named kind is led by. */
const NAMED_KIND_LEAD = /^[^。；;]{0,6}?由([^。；;由]{2,30}?)(?:来)?(?:组织|牵头|发起|主导)/u;

function findNamedKinds(v: SentenceView, rx: ModeRegexes): Candidate[] {
  const out: Candidate[] = [];
  for (const m of v.text.matchAll(NAMED_KIND)) {
    const at = (m.index ?? 0) + m[0].lastIndexOf(m[1]);
    const start = v.sentence.start + at;
    const lead = NAMED_KIND_LEAD.exec(v.text.slice(at + m[1].length + 1));
    out.push({ type: 'Mode', label: m[1], start, end: start + m[1].length, sentence: v.sentence, via: 'named-kind', confidence: 0.8, leaders: lead ? rx.actorIn(lead[1]) : [], participants: [] });
  }
  return out;
}

/** The name of a body set up to collaborate: …联合体, …联盟, …试验站. */
const FOUNDED_NAME = '(?<name>[^，,。；;、“”]{2,12}?(?:联合体|联盟|试验站|示范站|工作站|研究院|共同体))';
/** 由它牵头，联合A、B，组建了苹果全产业链联合体: a body set up under a leader, its partners in between. */
const FOUNDED_UNDER = new RegExp(`由(?<lead>[^，,。；;由]{1,16}?)(?:牵头|主导|发起)[，,](?<rest>[^。；;]{0,60}?)(?:组建|成立|建立|共建|发起成立)了?${FOUNDED_NAME}`, 'u');
/** 秦川农业大学与千塬县政府共建了苹果试验示范站: the first founder leads, the second takes part. */
const FOUNDED_JOINTLY = new RegExp(`(?<lead>[^，,。；;与和同]{2,16}?)(?:与|和|同)(?<part>[^，,。；;与和同]{2,16}?)(?:共建|合建|联合组建|共同组建|联合成立|共同成立)了?${FOUNDED_NAME}`, 'u');
/** 它 / 该企业: the founder named in the sentence before. */
const FOUNDER_PRONOUN = /^(?:它|其|该企业|该公司|该集团|这家企业|这家公司)$/u;

/**
 * In a feature or a speech told section by section under subheadings (“从枝头到货架，一条链管到底”), the
 * kinds of collaboration are the bodies the sections tell of: one set up under a leader, or jointly, is
 * a mode led by its founder. Numbered chapters are left to the other rules.
 */
function foundedVehicles(ctx: EntityContext, vs: SentenceView[], rx: ModeRegexes): Candidate[] {
  const out: Candidate[] = [];
  vs.forEach((v, k) => {
    const h = innermostAt(ctx.structure.headings, v.sentence.start);
    if (!h || isNumbered(h)) return;
    const m = FOUNDED_UNDER.exec(v.text) ?? FOUNDED_JOINTLY.exec(v.text);
    if (!m?.groups) return;
    const g = m.groups;
    const pronoun = FOUNDER_PRONOUN.test(g.lead.trim());
    const leaders = rx.actorIn(pronoun && k > 0 ? vs[k - 1].text : g.lead).slice(0, pronoun ? 1 : undefined);
    if (leaders.length === 0) return;
    const at = v.sentence.start + (m.index ?? 0) + m[0].length - g.name.length;
    const participants = rx.actorIn(g.rest ?? g.part ?? '').filter((p) => !leaders.includes(p));
    out.push({ type: 'Mode', label: g.name, start: at, end: at + g.name.length, sentence: v.sentence, via: 'founded-vehicle', confidence: 0.8, leaders, participants });
  });
  return out;
}

/** End of the title line: the first line, when the document starts with one before any heading. */
function titleEnd(structure: Structure, v: SentenceView): number {
  const first = structure.headings[0];
  const text = v.sentence.start === 0 ? v.text : '';
  const nl = text.indexOf('\n');
  const line = nl < 0 ? text : text.slice(0, nl);
  return v.sentence.start === 0 && line.trim() !== '' && !/[。；;！？!?]/u.test(line) && (!first || first.start >= line.length) ? line.length : 0;
}

/** Noun phrases ending in a mode noun (…模式, …组织形式, …型合作): modifiers found by jieba tags. */
const MAX_SHORT_MODIFIER = 9;
/** A quoted name of two to eight characters ending where a mode's head starts. */
const QUOTED_BEFORE = /[“"「][\p{Script=Han}＋+·]{2,8}[”"」]$/u;
/** 模式，即…: the head opens an apposition. */
const APPOSED = /^[，,]?\s*(?:即|也就是|亦即|也即)/u;

function findNounModes(v: SentenceView, lex: Lexicon, structure: Structure): Candidate[] {
  const out: Candidate[] = [];
  const c = lex.cues.mode;
  const stop = new Set([...lex.cues.mechanism.boundaryWords, ...lex.cues.recommendation.imperativeVerbs]);
  const tags = new Set(lex.cues.mechanism.modifierTags);
  const base = v.sentence.start;
  const headRe = new RegExp(alternation(c.nounHeads), 'gu');
  for (const m of v.text.matchAll(headRe)) {
    const head = m[0];
    const headStart = base + (m.index ?? 0);
    const headEnd = headStart + head.length;
    // The head must end on a token boundary (模式 in 模式化 does not count).
    if (!v.tokens.some((t) => t.end === headEnd)) continue;
    // Walk left from the head over nominal tokens; a token straddling the head start joins it (…型 in 共建型).
    let start = headStart;
    const straddle = v.tokens.find((t) => t.start < headStart && t.end > headStart);
    if (straddle) start = straddle.start;
    // (“科技小院”式合作: a quoted name right before a …式 head is its modifier. Before another head
    // the quoted name may itself be modified: 龙头企业主导的“链主领衔”模式. “链主带动”模式，即… is the
    // apposition rule's.)
    const before = v.text.slice(0, start - base);
    const quoted = start === headStart && !APPOSED.test(v.text.slice(headEnd - base)) ? QUOTED_BEFORE.exec(before) : null;
    if (quoted) start -= quoted[0].length;
    let k = quoted && head.startsWith('式') ? -1 : v.tokens.findIndex((t) => t.end === start);
    // Up to three modifier tokens, or four while the modifier stays short (区域性育种攻关联盟模式).
    for (let n = 0; k >= 0 && (n < 3 || (n < 4 && headStart - v.tokens[k].start <= MAX_SHORT_MODIFIER)); k--, n++) {
      const p = v.tokens[k];
      if (p.end !== start || stop.has(p.text) || !tags.has(p.tag) || PUNCT.test(p.text)) break;
      start = p.start;
    }
    // 既需要系统集成模式…: a verb after an adverb or conjunction governs the phrase; it is not a modifier.
    const first = v.tokens.findIndex((t) => t.start === start);
    if (first > 0 && v.tokens[first].tag === 'v' && CLAUSE_LINKER_TAGS.has(v.tokens[first - 1].tag) && headStart - v.tokens[first].end >= 2) start = v.tokens[first].end;
    // The document's title names its topic (…组织模式调研报告), not a mode the text describes.
    if (start < titleEnd(structure, v)) continue;
    const label = v.text.slice(start - base, headEnd - base);
    const modifier = label.slice(0, label.length - head.length);
    if (modifier.length < 2 || c.genericModifiers.some((g) => modifier === g || modifier.startsWith(g) || modifier.endsWith(g))) continue;
    // 打造/构建…的…模式 is a goal being proposed, not a mode the text describes.
    const rel = start - base;
    // 三种代表性组织模式 counts kinds: the category, not one of them.
    if (COUNTED_BEFORE.test(v.text.slice(0, rel))) continue;
    const clauseStart = Math.max(v.text.lastIndexOf('，', rel), v.text.lastIndexOf('；', rel), 0);
    if (c.goalVerbs.some((g) => v.text.slice(clauseStart, rel).includes(g))) continue;
    // 采用订单式培养模式 / 推行“先投后股”模式: the object of a practice verb is a mechanism, not a mode.
    // A quoted name may stand between the verb and the head (推广“平台+基金+园区”运营模式).
    const lead = v.text.slice(clauseStart, rel).replace(/[“"「][^”"」]*[”"」][\p{Script=Han}]{0,2}$/u, '').replace(/[“"「]$/u, '');
    if (lex.cues.mechanism.cueObject.verbs.some((verb) => lead.endsWith(verb))) continue;
    out.push({ type: 'Mode', label, start, end: headEnd, sentence: v.sentence, via: 'noun-head', confidence: 0.7, heading: namesHeading(structure, start, headEnd) });
  }
  return out;
}

const MAX_TYPE_HEADING = 16;
/** A number of kinds (三, 几, 若干) before 种/类/条: the text is counting kinds. */
export const KIND_NUMBER = '(?:[两二三四五六七八九十几多]|若干)';
/** 两个亚型 / 两个子类 / 三个类型: a count of sub-kinds by their own noun. */
const SUBKIND_UNIT = '个?(?:亚型|亚类|子类|类型)';
const KIND_COUNT = new RegExp(`${KIND_NUMBER}(?:种|类|${SUBKIND_UNIT})|以下|如下`, 'u');
/** 三种 / 两类 / 四大类: a count of kinds. */
const COUNTED = `${KIND_NUMBER}(?:种|类|大类|${SUBKIND_UNIT})`;
const COUNTS_KINDS = new RegExp(COUNTED, 'u');
/** 大致呈现四种形式。/ 主要有以下三类： — a count of kinds closing the sentence. */
const COUNT_CLOSES = new RegExp(`${COUNTED}[\\p{Script=Han}]{0,6}[。：:]?\\s*$`, 'u');
const COUNTED_BEFORE = new RegExp(`${COUNTED}(?:主要|典型|基本|具有代表性的)?$`, 'u');
/** Tags of words that open a clause before its verb (既, 也, 还). */
const CLAUSE_LINKER_TAGS = new Set(['c', 'd']);

/**
 * The sentence that announces the kinds listed as a chapter's sub-headings, when it stands in the
 * chapter's lead text rather than in its heading (一、基本情况 … 从组织方式看，主要有以下三种。
 * （一）…): its last sentence, if it counts kinds (三种, 以下) of a mode word. A measure heading
 * (starting with an imperative verb) is never announced this way.
 */
function kindAnnouncement(ctx: EntityContext, lex: Lexicon, parent: Structure['headings'][number], h: Structure['headings'][number]): string {
  if (lex.cues.recommendation.imperativeVerbs.some((v) => h.text.startsWith(v))) return '';
  const first = ctx.structure.headings.find((g) => g.kind === 'heading' && g.parent === h.parent && g.start > parent.end);
  if (!first) return '';
  const last = lastSentence(ctx.text.slice(parent.end, first.scopeStart).trim(), false);
  return KIND_COUNT.test(last) ? last : '';
}
/** A lead sentence dividing a mode into kinds (又分为两种情况, 可细分为两类). */
const SUBDIVIDES = /分为|分成|分作|又有|又包括/u;
/** The last sentence of a list's intro divides into a number of kinds (又可以细分为两类). */
export const dividesIntoKinds = (intro: string): boolean => {
  const last = lastSentence(intro, false);
  return SUBDIVIDES.test(last) && KIND_COUNT.test(last);
};
const TYPE_NAMED_FOR_ACTOR = /^[\p{Script=Han}]{1,4}型/u;
const TYPE_TAIL = /型[\p{Script=Han}]{0,3}$/u;
/** Words ending in 型 that name no type: 转型 (transition), 成型, 定型, 造型, 模型. */
const NOT_TYPE_WORDS = /(?:转型|成型|定型|造型|模型)$/u;

/** 模式一, 类型A, 形态二: a kind's number, not its name. */
const NUMBERED_KIND = /^(?:模式|类型|形态|路径|方式|范式|类别)(?:[一二三四五六七八九十]+|[0-9A-Za-z]+)$/u;
/** 可以概括为 / 是 / 即 opening a run-in kind heading. */
const NAMING_LEAD = /^(?:可以概括为|可概括为|概括起来是|可以称为|可称为|称为|即|就是|是|为)/u;
/** A quoted name closing an item: “研发飞地”. */
const QUOTED_TAIL = /[“"「]([^”"」]{2,12})[”"」]$/u;
/** 为什么需要新的合作方式 / 如何…: a heading asking why or how announces no kinds (哪些类型 asks which: it does). */
const WHY_OR_HOW_HEADING = /为什么|为何|如何|怎样|怎么|[？?]/u;
/** 行业里的合作主要有哪些类型 (an interviewer's question): a heading that asks is never a kind itself. */
const QUESTION_HEADING = /为什么|为何|如何|怎样|怎么|哪[些种类个]|什么|是否|[吗呢？?]$/u;

/** Headings under a heading that announces categories of modes (…三种模式) are modes. */
const MAX_CHAPTER_MODE_HEADING = 24;
/**
 * A heading named like a kind of collaboration (…模式, …型, …型合作), not an imperative measure
 * (创新联合体型协同 starts like an imperative but …型X makes it a noun phrase naming a kind).
 */
const modeNamed = (h: Structure['headings'][number], lex: Lexicon, maxLength = MAX_CHAPTER_MODE_HEADING): boolean => {
  // (工地出题型：把“考题”出在工地上 — a type's name before a colon, a catchword after it)
  const colon = h.text.search(/[：:]/u);
  const text = colon >= 2 ? h.text.slice(0, colon) : h.text;
  return (
    h.kind === 'heading' &&
    text.length <= maxLength &&
    // (…向长效运营转型, …加快转型: 转型 is a transition, not a type)
    !NOT_TYPE_WORDS.test(text) &&
    lex.cues.mode.typeHeadingEndings.some((x) => text.endsWith(x)) &&
    (TYPE_TAIL.test(text) || !lex.cues.recommendation.imperativeVerbs.some((v) => text.startsWith(v)))
  );
};

/** The last sentence of a chapter's own lead text, before its first sub-heading, when it divides the chapter into kinds (可分为两个亚类). */
function dividesOwnChapter(ctx: EntityContext, index: number): boolean {
  const h = ctx.structure.headings[index];
  const first = ctx.structure.headings.find((g) => g.kind === 'heading' && g.parent === index && g.start > h.end);
  return first !== undefined && dividesIntoKinds(ctx.text.slice(h.end, first.scopeStart).trim());
}

function headingModes(ctx: EntityContext, lex: Lexicon, rx: ModeRegexes): Candidate[] {
  const out: Candidate[] = [];
  const cues = lex.cues.mode.categoryHeadingCues;
  const { headings } = ctx.structure;
  // A parent heading that is itself read as a mode (named like one, under a heading announcing kinds).
  const isParentMode = (i: number): boolean => {
    const h = headings[i];
    const p = h.parent === undefined ? undefined : headings[h.parent];
    return h.hasChildren && modeNamed(h, lex) && p !== undefined && cues.some((cue) => p.text.includes(cue));
  };
  ctx.structure.headings.forEach((h, i) => {
    const parent = h.parent === undefined ? undefined : ctx.structure.headings[h.parent];
    // (a heading that asks a question — 为什么需要新的合作方式 — announces no kinds)
    // (nor one that compares kinds or sums up their problems — 三种形态运行机制的比较 — whose headings are aspects)
    const parentText = parent && !WHY_OR_HOW_HEADING.test(parent.text) && !lex.cues.mode.notKindHeadingEndings.some((x) => parent.text.endsWith(x)) ? parent.text : '';
    const announcement = h.kind === 'heading' && parent ? kindAnnouncement(ctx, lex, parent, h) : '';
    const intro = `${parentText}${h.intro ?? ''}${announcement}`;
    const typed = modeNamed(h, lex, MAX_TYPE_HEADING);
    // (路径一： / 第一条路径，: the marker itself names a kind)
    // (第四类： / 第二种， number kinds as well)
    const kindMarker = lex.cues.mode.kindMarkers.some((k) => h.marker.startsWith(k) || (h.marker.startsWith('第') && h.marker.includes(k))) || ORDINAL_KIND.test(h.marker);
    const announced = cues.some((cue) => intro.includes(cue));
    if (!(typed || kindMarker || announced)) return;
    if (QUESTION_HEADING.test(h.text)) return;
    // 三种模式的简要比较 speaks of several kinds at once; （四）需要关注的共性问题 of none.
    if (COUNTS_KINDS.test(h.text) || lex.cues.mode.notKindHeadingEndings.some((x) => h.text.endsWith(x))) return;
    // A chapter is a mode only when it is named like one under a heading that announces kinds
    // ((一)平台企业牵头的…攻关模式 with 1．组织架构 2．运行机制 under it); its aspect headings are not modes.
    // (or ends in a word of collaboration — （三）政府统筹的联合攻关 with ①② kinds under it)
    const namedAsCollaboration = lex.cues.mode.heads.some((x) => h.text.endsWith(x)) && !lex.cues.recommendation.imperativeVerbs.some((v) => h.text.startsWith(v));
    // (or one whose own lead text divides it into the kinds its sub-headings name: …可分为两个亚类。)
    if (h.hasChildren && !((announced || kindMarker || dividesOwnChapter(ctx, i)) && (modeNamed(h, lex) || namedAsCollaboration))) return;
    // (unless the mode's lead text divides it into kinds: 又分为两种情况：①…综合服务平台 ②…共性技术平台)
    const subdivided = SUBDIVIDES.test(announcement);
    if (parent && parent.hasChildren && h.parent !== undefined && isParentMode(h.parent) && !modeNamed(h, lex) && !subdivided) return;
    // An enumerated item is a mode only when it is named like one (…联盟, …型合作), not a list of actors,
    // or ends in the quoted name the text gives the kind (一种是在园区落地建设的“园区共建”).
    // (but 一是项目实行“揭榜挂帅”: a quoted name after a verb of practice is the practice)
    const quoted = h.kind === 'enumeration' ? QUOTED_TAIL.exec(h.text) : null;
    const quotedName = quoted && !lex.cues.mechanism.cueObject.verbs.some((verb) => h.text.slice(0, quoted.index).endsWith(verb)) ? quoted : null;
    // (or it is one of the kinds its mode's text divides the mode into: 又可以细分为两类。其一是国家层面组织的专项攻关)
    const kindOfParentMode =
      h.kind === 'enumeration' && parent !== undefined && lex.cues.mode.itemHeads.some((x) => parent.text.endsWith(x)) && dividesIntoKinds(h.intro ?? '');
    // (大致呈现四种形式。其一，龙头竹企领衔的全链攻关: the intro counts kinds of collaboration)
    // (the count closes the intro; 三类形态各有所长，但…抱怨。 looks back on kinds, it does not list them)
    const countedKinds = h.kind === 'enumeration' && COUNT_CLOSES.test(h.intro ?? '') && cues.some((cue) => (h.intro ?? '').includes(cue)) && !COUNTS_KINDS.test(h.text);
    if (h.kind === 'enumeration' && !quotedName && !kindOfParentMode && !countedKinds && !lex.cues.mode.itemHeads.some((x) => h.text.endsWith(x))) return;
    const sentence = ctx.sentences.find((s) => s.start <= h.start && h.end <= s.end);
    if (!sentence) return;
    const { leaders, participants } = rolesInName(h.text, rx, lex);
    // 第二条路径，是整机企业牵头的…联合体: the copula or naming verb opening the run-in text is not the name
    const lead = kindMarker ? (NAMING_LEAD.exec(h.text)?.[0].length ?? 0) : 0;
    const nameAt = quotedName ? h.start + quotedName.index + 1 : h.start + lead;
    // 内核共研型：软件企业主导，高校供给算法: a kind's name before a colon, what it is after it
    // (but 模式一：… numbers the kind and names it after the colon)
    const colon = h.text.slice(lead).search(/[：:]/u);
    const named = colon >= 2 && !quotedName ? h.text.slice(lead, lead + colon) : '';
    const nameBeforeColon = named !== '' && lex.cues.mode.typeHeadingEndings.some((x) => named.endsWith(x)) && !NUMBERED_KIND.test(named);
    const label = quotedName ? quotedName[1] : nameBeforeColon ? named : h.text.slice(lead);
    out.push({
      type: 'Mode', label, start: nameAt, end: nameAt + label.length, sentence, via: 'heading', confidence: 0.95, heading: i,
      leaders, participants,
    });
  });
  // Parallel headings list parallel things: a leaf sibling of mode headings named like a collaboration
  // (订单式人才培养合作 next to …型合作 and …平台模式) is a mode too.
  const isMode = new Set(out.map((c) => c.heading));
  headings.forEach((h, i) => {
    if (isMode.has(i) || h.kind !== 'heading' || h.hasChildren || h.text.length > MAX_TYPE_HEADING) return;
    if (!lex.cues.mode.siblingHeads.some((x) => h.text.endsWith(x)) || lex.cues.recommendation.imperativeVerbs.some((v) => h.text.startsWith(v))) return;
    const siblings = headings.filter((g, j) => j !== i && g.kind === 'heading' && g.parent === h.parent && g.level === h.level);
    const modeSiblings = siblings.filter((g) => isMode.has(headings.indexOf(g))).length;
    if (modeSiblings === 0 || modeSiblings * 2 < siblings.length) return;
    const sentence = ctx.sentences.find((s) => s.start <= h.start && h.end <= s.end);
    if (sentence) out.push({ type: 'Mode', label: h.text, start: h.start, end: h.end, sentence, via: 'heading', confidence: 0.85, heading: i, leaders: [], participants: [] });
  });
  return out;
}

/**
 * Kinds a table written as text lists, one per row, with the leaders and participants its columns name;
 * a name in those columns that no actor word covers (关键信息基础设施运营者) is an actor of its own.
 */
function tableModes(ctx: EntityContext, lex: Lexicon, rx: ModeRegexes): Candidate[] {
  const sentenceAt = (start: number, end: number) => ctx.sentences.find((s) => s.start <= start && end <= s.end);
  return tableKinds(ctx.text, lex).flatMap((t) => {
    const sentence = sentenceAt(t.start, t.end);
    if (!sentence) return [];
    const extra: Candidate[] = [];
    const actorsOf = (names: TableName[]) =>
      names.flatMap((n) => {
        const known = rx.actorIn(n.name);
        if (known.length || !TABLE_ACTOR_NAME.test(n.name)) return known;
        const at = sentenceAt(n.start, n.start + n.name.length);
        if (at) extra.push({ type: 'Actor', label: n.name, start: n.start, end: n.start + n.name.length, sentence: at, via: 'table-cell', confidence: 0.7 });
        return at ? [n.name] : [];
      });
    const leaders = actorsOf(t.leaders);
    const participants = actorsOf(t.participants).filter((p) => !leaders.includes(p));
    return [...extra, { type: 'Mode' as const, label: t.name, start: t.start, end: t.end, sentence, via: 'kind-table', confidence: 0.9, leaders, participants }];
  });
}
/** A name of two to sixteen Han characters (not a sentence, not a number). */
const TABLE_ACTOR_NAME = /^[\p{Script=Han}]{2,16}$/u;

const MAX_KIND_ITEM = 12;

/**
 * Kinds announced inline (分为政府引导型和市场主导型两类, 包括A、B两种模式): each listed item named like
 * a mode (…型, …合作, …模式) is a mode; where the text later names it again as a subject
 * (政府引导型机构以…为主导) that mention is the same mode, so its clause describes it.
 */
function kindListModes(ctx: EntityContext, lex: Lexicon, rx: ModeRegexes, headingModes: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const headings = ctx.structure.headings;
  const enclosingMode = (at: number) => headingModes.find((h) => h.heading !== undefined && headings[h.heading].scopeStart <= at && at < headings[h.heading].scopeEnd);
  const c = lex.cues.mode;
  const sentenceAt = (at: number) => ctx.sentences.find((s) => s.start <= at && at < s.end);
  const ends = [...c.itemHeads, ...c.typeHeadingEndings];
  for (const m of ctx.text.matchAll(new RegExp(c.kindListPattern, 'gu'))) {
    const list = m.groups?.list ?? '';
    const listAt = (m.index ?? 0) + m[0].indexOf(list);
    const items: Array<{ text: string; at: number }> = [];
    for (const part of list.matchAll(new RegExp(`(?:(?!${alternation(c.kindListJoiners)}).)+`, 'gu'))) items.push({ text: part[0], at: listAt + (part.index ?? 0) });
    const short = items.filter((it) => it.text.length >= 2 && it.text.length <= MAX_KIND_ITEM);
    const named = short.filter((it) => ends.some((e) => it.text.endsWith(e)) || dividesModeInto(m[0], enclosingMode(listAt), short));
    if (named.length < 2 || named.length !== items.length) continue;
    for (const it of named) {
      const leaders = [...it.text.matchAll(rx.leader)].flatMap((x) => rx.actorIn(x.groups?.leaders ?? ''));
      for (let at = ctx.text.indexOf(it.text); at >= 0; at = ctx.text.indexOf(it.text, at + it.text.length)) {
        const sentence = sentenceAt(at);
        if (!sentence) continue;
        const listed = at === it.at;
        out.push({ type: 'Mode', label: it.text, start: at, end: at + it.text.length, sentence, via: listed ? 'kind-list' : 'kind-repeat', confidence: listed ? 0.85 : 0.75, leaders: [...new Set(leaders)] });
      }
    }
  }
  return out;
}

/**
 * A mode's section divides it into kinds named in parallel after the mode's own word
 * (“揭榜挂帅”攻关模式：又分为省级重大专项揭榜和市县“小切口”揭榜两类): the items are its kinds.
 */
function dividesModeInto(announcement: string, mode: Candidate | undefined, items: Array<{ text: string }>): boolean {
  if (!mode || !SUBDIVIDES.test(announcement) || items.length < 2) return false;
  const shared = commonSuffix(items.map((it) => it.text));
  return shared.length >= 2 && shared.length < Math.min(...items.map((it) => it.text.length)) && mode.label.includes(shared);
}

function commonSuffix(words: string[]): string {
  let n = 0;
  while (words.every((w) => n < w.length && w[w.length - 1 - n] === words[0][words[0].length - 1 - n])) n++;
  return words[0].slice(words[0].length - n);
}

// ---------------------------------------------------------------- mechanisms

function fill(template: string, groups: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => groups[k] ?? '');
}

const stripQuotes = (s: string) => s.replace(/[“”"「」『』]/g, '');
const normaliseLabel = (s: string) => stripQuotes(s).replace(/\s/gu, '');

function findMechanisms(v: SentenceView, lex: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  const c = lex.cues.mechanism;
  const base = v.sentence.start;
  const reject = (label: string, maxLength = c.maxLength) =>
    label.length < 2 ||
    label.length > maxLength ||
    c.rejectLabels.includes(label) ||
    c.rejectModifiers.some((m) => label.startsWith(m)) ||
    c.rejectEndings.some((e) => label.endsWith(e));
  // A pattern delimits its phrase itself, so it may name a longer practice (以…为指标考核).
  const PATTERN_MAX = 3 * c.maxLength;
  // 1. Patterns (通过…方式进行激励, “…”考核, 通过A或B等方式开展…).
  for (const p of c.patterns) {
    for (const m of v.text.matchAll(compilePattern(p))) {
      const g = m.groups ?? {};
      if (p.minX !== undefined && (g.x ?? '').length < p.minX) continue;
      if (p.split) {
        const list = g[p.split] ?? '';
        const listAt = (m.index ?? 0) + m[0].indexOf(list);
        let at = 0;
        for (const item of list.split(/[、或和及与]/u)) {
          const s = listAt + list.indexOf(item, at);
          at = s - listAt + item.length;
          const label = stripQuotes(item);
          if (reject(label, PATTERN_MAX)) continue;
          out.push({ type: 'Mechanism', label, start: base + s, end: base + s + item.length, sentence: v.sentence, via: `pattern:${p.name}`, confidence: p.confidence ?? 0.8 });
        }
        continue;
      }
      let label = stripQuotes(fill(p.label ?? '{x}', g));
      // 以A、B和C为主要指标: a list too long for a name is named by its first item (以A等为指标考核).
      const listed = (g.x ?? '').split(/[、，,]|和|及/u);
      if (label.length > PATTERN_MAX && listed.length > 1) label = stripQuotes(fill(p.label ?? '{x}', { ...g, x: `${listed[0]}等` }));
      if (reject(label, PATTERN_MAX)) continue;
      // The mention runs from the first named group to the end of the match (cue verbs excluded).
      const first = Object.values(g).find((x) => x !== undefined) ?? '';
      let s = (m.index ?? 0) + Math.max(0, m[0].indexOf(first));
      if (s > (m.index ?? 0) && /[“"「]/u.test(v.text[s - 1])) s--;
      const e = (m.index ?? 0) + m[0].length;
      out.push({ type: 'Mechanism', label, start: base + s, end: base + e, sentence: v.sentence, via: `pattern:${p.name}`, confidence: p.confidence ?? 0.8 });
    }
  }
  const tags = new Set(c.modifierTags);
  const boundary = new Set(c.boundaryWords);
  const actorWords = actorWordList(lex);
  // 2. Named mechanisms from the lexicon.
  for (const term of c.lexicon) {
    for (let at = v.text.indexOf(term); at >= 0; at = v.text.indexOf(term, at + term.length)) {
      // 技术许可 in 技术许可费 is part of another word: the term must end where a token ends.
      if (!v.tokens.some((t) => t.end === base + at + term.length)) continue;
      out.push({ type: 'Mechanism', label: term, start: base + at, end: base + at + term.length, sentence: v.sentence, via: 'lexicon', confidence: 0.9 });
    }
  }
  // 3. The object of 实行/推行/采取… : a short noun phrase closed by punctuation or a conjunction.
  const co = c.cueObject;
  for (const verb of co.verbs) {
    for (let at = v.text.indexOf(verb); at >= 0; at = v.text.indexOf(verb, at + verb.length)) {
      const from = base + at + verb.length;
      let k = v.tokens.findIndex((t) => t.start === from);
      if (k < 0) continue;
      const first = k;
      while (k < v.tokens.length && k - first < co.maxTokens && tags.has(v.tokens[k].tag) && !boundary.has(v.tokens[k].text) && !PUNCT.test(v.tokens[k].text)) k++;
      const next = v.tokens[k];
      if (k === first || (next && !PUNCT.test(next.text) && !['和', '与', '及', '或', '等'].includes(next.text))) continue;
      const end = v.tokens[k - 1].end;
      const label = v.text.slice(from - base, end - base);
      if (label.length < co.minLength || label.length > co.maxLength || reject(label) || actorWords.some((a) => label === a)) continue;
      out.push({ type: 'Mechanism', label, start: from, end, sentence: v.sentence, via: 'cue-object', confidence: co.confidence });
    }
  }
  // 4. Noun phrases ending in a mechanism suffix (…制, …机制, …考核, …激励), bounded by jieba tokens.
  v.tokens.forEach((t, k) => {
    const suffix = [...c.suffixes].sort((a, b) => b.length - a.length).find((s) => t.text.endsWith(s));
    if (!suffix) return;
    // 制 marks a mechanism only as the end of a word (聘用制) or after a modifier (双导师+制), never in 体制/控制.
    if (suffix === '制' && t.text.length === 2) return;
    if (/体制$/u.test(t.text)) return;
    const next = v.text.slice(t.end - base, t.end - base + 1);
    if (c.followedByNot.includes(next)) return;
    // 发放贷款 as one token: the verb opening the word is not part of the practice's name.
    const verb = c.boundaryWords.find((b) => b.length >= 2 && t.text.startsWith(b) && t.text.length > b.length);
    if (verb) {
      const label = t.text.slice(verb.length);
      if (label !== suffix && !reject(label) && !(suffix === '制' && label.length < 3)) out.push({ type: 'Mechanism', label, start: t.start + verb.length, end: t.end, sentence: v.sentence, via: 'suffix', confidence: 0.8 });
      return;
    }
    let start = t.start;
    for (let j = k - 1, n = 0; j >= 0 && n < c.maxModifierTokens; j--, n++) {
      const p = v.tokens[j];
      if (p.end !== start || boundary.has(p.text) || !tags.has(p.tag) || PUNCT.test(p.text)) break;
      if (t.end - p.start > c.maxLength) break;
      // 四个节点分节点付费: a word the name already holds, seen again, belongs to the phrase before it.
      if (v.tokens.slice(j + 1, k).some((q) => q.text === p.text)) break;
      start = p.start;
    }
    // 以3项专利作价入股: a count's classifier opening the phrase belongs to the count, not the name
    if (NUMERAL_BEFORE.test(v.text.slice(0, start - base)) && CLASSIFIER.test(v.text[start - base]) && t.end - start > suffix.length + 1) start += 1;
    // 先试用后付费: the 先 of a 先…后… order is part of the name, though tagged as an adverb
    if (v.text[start - base - 1] === '先' && v.text.slice(start - base, t.end - base).includes('后')) start -= 1;
    const label = v.text.slice(start - base, t.end - base);
    if (label === suffix || reject(label) || (suffix === '制' && label.length < 3)) return;
    out.push({ type: 'Mechanism', label, start, end: t.end, sentence: v.sentence, via: 'suffix', confidence: 0.8 });
  });
  return out;
}

/** A count right before a phrase (3项…, 两家…) and the classifier that may open the phrase. */
const NUMERAL_BEFORE = /(?:[0-9０-９]|[一二两三四五六七八九十百千几数多余])$/u;
const CLASSIFIER = /^[项个家所种类条名位批件笔]$/u;

// ---------------------------------------------------------------- requirements, recommendations, drivers

function findRequirements(v: SentenceView, lex: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  const composed: Candidate[] = [];
  for (const p of lex.cues.requirement.patterns) {
    for (const m of v.text.matchAll(compilePattern(p))) {
      const s = v.sentence.start + (m.index ?? 0);
      // 过去是A，现在要转向B: a shift told over two clauses is labelled as one (从A转向B).
      const label = p.label ? fill(p.label, { a: m.groups?.a, b: m.groups?.b?.replace(SHIFT_TARGET_LEAD, '') }) : m[0];
      (p.label ? composed : out).push({ type: 'Requirement', label, start: s, end: s + m[0].length, sentence: v.sentence, via: `pattern:${p.name}`, confidence: 0.9 });
    }
  }
  // (…，现在比的是品质，要从拼产量转向拼品质: the clause that states the shift itself says it better)
  for (const c of composed) if (!out.some((o) => o.start < c.end + SHIFT_RESTATED_GAP && c.start < o.end)) out.push(c);
  return out;
}
/** Words a shift's second pole may open with that belong to the verb (转向…, 需要的是…). */
const SHIFT_TARGET_LEAD = /^(?:转向|转为|转到|走向|迈向|的是|是)/u;
/** How far after a two-clause shift a restating one-clause shift (，要从A转向B) may start. */
const SHIFT_RESTATED_GAP = 4;

/**
 * What a heading announces: requirements (…要求, …转变) or measures (…建议, 推进…). A heading may hold
 * words of both (推进成果转化需要把握的几个要求); its head noun comes last in Chinese, so the cue that
 * ends latest decides.
 */
export function headingCategory(text: string, lex: Lexicon): 'requirement' | 'recommendation' | undefined {
  const last = (cues: string[]) => Math.max(-1, ...cues.map((c) => { const i = text.lastIndexOf(c); return i < 0 ? -1 : i + c.length; }));
  const req = last(lex.cues.requirement.categoryHeadingCues);
  const rec = last(lex.cues.recommendation.categoryHeadingCues);
  if (req < 0 && rec < 0) return undefined;
  if (req >= rec) return 'requirement';
  // 三条主要路径 counts kinds of collaboration; 优化路径 / 对策建议 announce measures.
  return COUNTED_KINDS.test(text) ? undefined : 'recommendation';
}
const COUNTED_KINDS = new RegExp(`${KIND_NUMBER}(?:种|类|条|大类)(?:主要|典型|基本)?(?:路径|模式|做法|形态|方式|类型)`, 'u');

/** Headings that are requirements (under a …要求 heading) or recommendations (imperative leaf headings). */
function headingStatements(ctx: EntityContext, lex: Lexicon, modeHeadings: Set<number | undefined>): Candidate[] {
  const out: Candidate[] = [];
  const { headings } = ctx.structure;
  const isMeasures = (g: (typeof headings)[number]) => g.kind === 'heading' && g.hasChildren && headingCategory(g.text, lex) === 'recommendation';
  const measuresChapter = headings.some(isMeasures);
  const inMeasures = (h: (typeof headings)[number]): boolean => {
    for (let p = h.parent; p !== undefined; p = headings[p].parent) if (isMeasures(headings[p])) return true;
    return false;
  };
  headings.forEach((h, i) => {
    const sentence = ctx.sentences.find((s) => s.start <= h.start && h.end <= s.end);
    if (!sentence || h.hasChildren) return;
    const parent = h.parent === undefined ? undefined : headings[h.parent];
    const intro = `${parent?.text ?? ''}${h.intro ?? ''}`;
    if (h.kind === 'heading' && headingCategory(intro, lex) === 'requirement') {
      // Under 一、总体要求 the sub-headings (指导思想, 基本原则) state no shift: they are not requirements.
      if (!lex.cues.requirement.shiftMarkers.some((m) => h.text.includes(m))) return;
      out.push({ type: 'Requirement', label: h.text, start: h.start, end: h.end, sentence, via: 'heading', confidence: 0.9, heading: i });
      return;
    }
    const r = lex.cues.recommendation;
    const imperative = r.imperativeVerbs.some((verb) => h.text.startsWith(verb));
    if (h.kind === 'enumeration') {
      // Items (一是加强…；二是完善…) are the measures only where a recommendations heading has no
      // numbered measures of its own; inside a numbered measure they are finer than it.
      const measuresHeading = parent !== undefined && parent.kind === 'heading' && !parent.hasChildren && headingCategory(parent.text, lex) === 'recommendation';
      // (…下一步将重点做好三件事：一是…；二是…: items a sentence announces as what will be done next,
      // outside any measures chapter)
      const announced = !measuresChapter && !inMeasures(h) && NEXT_STEPS_ANNOUNCED.test(lastSentence(h.intro ?? '', false));
      if ((measuresHeading && imperative) || announced) {
        out.push({ type: 'Recommendation', label: h.text, start: h.start, end: h.end, sentence, via: 'enumeration', confidence: 0.7, heading: i });
      }
      return;
    }
    // ——让…\n——给…: a run of bullet lines after a sentence announcing suggestions are the measures.
    if (h.kind === 'heading' && !parent && !measuresChapter && announcedByRun(ctx, i)) {
      out.push({ type: 'Recommendation', label: h.text, start: h.start, end: h.end, sentence, via: 'heading', confidence: 0.7, heading: i });
      return;
    }
    const underMeasures = parent !== undefined && headingCategory(parent.text, lex) === 'recommendation';
    // 建议一：… 建议四：… then 结语: an unnumbered line among numbered measures closes them; it is none.
    if (underMeasures && !imperative && h.marker === '' && headings.some((g) => g.parent === h.parent && g !== h && g.kind === 'heading' && g.marker !== '')) return;
    // A heading named as a kind (…型协同) is a mode even under 分类推进…, not a measure.
    if (modeHeadings.has(i)) return;
    // Where the text has a measures chapter (对策建议, 保障措施), an imperative heading elsewhere
    // (二、典型经验 > （2）强化企业主体地位) describes practice, not a recommendation.
    if (imperative && !underMeasures && measuresChapter && !inMeasures(h)) return;
    if ((imperative || underMeasures) && parent && h.text.length <= r.maxLength) {
      out.push({ type: 'Recommendation', label: h.text, start: h.start, end: h.end, sentence, via: 'heading', confidence: imperative ? 0.85 : 0.7, heading: i });
    }
  });
  return out;
}

/** Does the sentence before the first of a run of same-marker headings (——…, ●…) announce suggestions or next steps? */
function announcedByRun(ctx: EntityContext, i: number): boolean {
  const { headings } = ctx.structure;
  const h = headings[i];
  if (!h.marker || /[\p{Script=Han}\d]/u.test(h.marker)) return false;
  let first = i;
  while (first > 0 && headings[first - 1].kind === 'heading' && headings[first - 1].marker === h.marker && headings[first - 1].level === h.level) first--;
  const before = ctx.text.slice(0, headings[first].scopeStart).trimEnd();
  const intro = lastSentence(before.slice(before.lastIndexOf('\n') + 1), false);
  return SUGGESTIONS_ANNOUNCED.test(intro) || NEXT_STEPS_ANNOUNCED.test(intro);
}

/** 下一步将重点做好三件事： / 今后要抓好以下几项工作： — a sentence announcing the measures listed after it. */
const NEXT_STEPS_ANNOUNCED = /(?:下一步|今后|接下来|下阶段|下一阶段)[^。；]{0,16}?(?:做好|抓好|推进|开展|落实|突出)[^。；]{0,10}?(?:[两二三四五六七八九十几]|以下)(?:件事|项工作|个方面|项任务|项举措|方面)[：:。]?\s*$/u;
/** 记者梳理受访者的意见，大致集中在以下几个方面。 — a sentence announcing the suggestions listed after it. */
const SUGGESTIONS_ANNOUNCED = /(?:意见|建议|对策|举措)[^。；]{0,16}?(?:以下|如下|[两二三四五六七八九十几]个?)(?:几个)?(?:方面|几点|点|条)[：:。]?\s*$/u;

const NOUN_TAGS = new Set(['n', 'nz']);

function findDrivers(v: SentenceView, lex: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  const c = lex.cues.driver;
  const MAX_MODIFIER_TOKENS = 2;
  v.tokens.forEach((t, k) => {
    const suffix = c.suffixes.find((x) => t.text.endsWith(x));
    if (!suffix) return;
    const next = v.tokens[k + 1];
    if (next && next.start === t.end && c.notFollowedBy.some((w) => next.text.startsWith(w))) return;
    if (next && next.start === t.end && NOUN_TAGS.has(next.tag) && next.text.length >= 2 && !c.headsAfterDriver.includes(next.text)) return;
    // 内容导向把关: a driver word as the object of a verb right after it is what is checked, not what drives
    // (以技术驱动为主 is a driver: only an orientation, …导向, is read so)
    if (suffix === '导向' && next && next.start === t.end && next.tag === 'v') return;
    // 任务导向型 names a type, it is not a driver.
    if (suffix === '导向' && v.text[t.end - v.sentence.start] === '型') return;
    // Extend left over nominal tokens: 市场需求驱动, not just 需求驱动.
    let start = t.start;
    for (let j = k - 1, n = 0; j >= 0 && n < MAX_MODIFIER_TOKENS; j--, n++) {
      const p = v.tokens[j];
      if (p.end !== start || !c.modifierTags.includes(p.tag) || PUNCT.test(p.text)) break;
      start = p.start;
    }
    const label = v.text.slice(start - v.sentence.start, t.end - v.sentence.start);
    if (label === suffix || label.length - suffix.length < 2) return;
    // 从“论文导向”转到…: the pole a shift leaves behind is not what drives anything.
    if (/[从由][“"「]?$/u.test(v.text.slice(0, start - v.sentence.start))) return;
    out.push({ type: 'Driver', label, start, end: t.end, sentence: v.sentence, via: c.canonical.includes(label) ? 'lexicon' : 'suffix', confidence: 0.85 });
  });
  // 由产业链安全需求和市场需求共同驱动: each of the joined causes is a driver.
  if (c.coordinatedPattern) {
    for (const m of v.text.matchAll(new RegExp(c.coordinatedPattern, 'gu'))) {
      const g = m.groups ?? {};
      let from = m.index ?? 0;
      // (…和降本增效的双重压力驱动: the words after the causes only count them; they name no driver)
      const tail = v.sentence.start + from + m[0].lastIndexOf(g.b ?? '') + (g.b ?? '').length;
      for (let k = out.length - 1; k >= 0; k--) if (out[k].start >= tail && out[k].end <= v.sentence.start + from + m[0].length) out.splice(k, 1);
      for (const x of [g.a, g.b]) {
        if (!x || actorWordList(lex).some((a) => x.endsWith(a))) continue;
        const at = v.text.indexOf(x, from);
        from = at + x.length;
        out.push({ type: 'Driver', label: `${x}${g.verb}`, start: v.sentence.start + at, end: v.sentence.start + at + x.length, sentence: v.sentence, via: 'pattern:coordinated', confidence: 0.8 });
      }
    }
  }
  // 以市场需求为牵引 / 由重大任务推动: the label is the compact form (市场需求牵引), the mention the whole phrase.
  const actorWords = actorWordList(lex);
  for (const p of c.patterns) {
    for (const m of v.text.matchAll(compilePattern(p))) {
      const g = m.groups ?? {};
      if (actorWords.some((a) => (g.x ?? '').endsWith(a))) continue;
      const s = v.sentence.start + (m.index ?? 0);
      out.push({ type: 'Driver', label: fill(p.label ?? '{x}', g), start: s, end: s + m[0].length, sentence: v.sentence, via: `pattern:${p.name}`, confidence: 0.8 });
    }
  }
  return out;
}

// ---------------------------------------------------------------- entry point

/** Same-type candidates nested inside a longer one are dropped (a weak one also inside a strong one). */
function dropNested(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || b.confidence - a.confidence || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    // A weak container never swallows a strong mention.
    const inside = kept.some((k) => k.type === c.type && k.start <= c.start && c.end <= k.end && !(k.weak && !c.weak));
    if (!inside) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * A shift (从A向B转变) written inside the recommendations section is part of a proposed measure,
 * not a requirement the text states; the measure itself is the Recommendation.
 */
function dropProposedShifts(cands: Candidate[], structure: Structure, lex: Lexicon): Candidate[] {
  const scopes = cands
    .filter((c) => c.type === 'Recommendation' && c.heading !== undefined)
    .map((c) => {
      const h = structure.headings[c.heading!];
      // (the measures' chapter when it announces measures; in a chapter of other words — 变局之中要有新打法:
      // 四个转变：一是… then 第一，支持… — the measure's own text only)
      const parent = h.parent === undefined ? undefined : structure.headings[h.parent];
      const p = parent && headingCategory(parent.text, lex) === 'recommendation' ? parent : h;
      return [p.scopeStart, p.scopeEnd] as const;
    });
  return cands.filter((c) => !(c.type === 'Requirement' && c.heading === undefined && scopes.some(([a, b]) => a <= c.start && c.end <= b)));
}

export function extractCandidates(ctx: EntityContext, lex: Lexicon = lexicon()): Candidate[] {
  const surfaces = actorSurfaces(lex);
  const vs = views(ctx);
  const actors = vs.flatMap((v) => findActors(v, lex, surfaces, ctx));
  // The title names the issuer and the topic (国务院办公厅关于…的意见): an actor named only there is weak.
  const title = vs[0] ? titleEnd(ctx.structure, vs[0]) : 0;
  for (const a of actors) if (a.end <= title) a.weak = true;
  // Organisation names discovered by suffix join the actor vocabulary for mode patterns.
  for (const a of actors) if (a.via === 'suffix' && !surfaces.has(a.label)) surfaces.set(a.label, a.label);
  const rx = modeRegexes(lex, surfaces);
  const modes = headingModes(ctx, lex, rx);
  const out: Candidate[] = [...actors, ...modes, ...kindListModes(ctx, lex, rx, modes), ...tableModes(ctx, lex, rx), ...headingStatements(ctx, lex, new Set(modes.map((m) => m.heading)))];
  for (const v of vs) {
    out.push(...findLeaderModes(v, lex, rx, ctx.structure), ...findNounModes(v, lex, ctx.structure), ...findNamedKinds(v, rx), ...findMechanisms(v, lex), ...findRequirements(v, lex), ...findDrivers(v, lex));
  }
  out.push(...foundedVehicles(ctx, vs, rx));
  // A mode named for what drives it (需求牵引型合作, 技术驱动型合作) names that driver.
  const driverInName = compilePattern({ name: 'mode-name-driver', regex: lex.cues.driver.modeNamePattern });
  for (const m of out.filter((c) => c.type === 'Mode' && (c.heading !== undefined || c.via.startsWith('kind-')))) {
    for (const d of ctx.text.slice(m.start, m.end).matchAll(driverInName)) {
      const at = m.start + (d.index ?? 0);
      const label = `${d.groups?.x ?? ''}${d.groups?.y ?? ''}`;
      out.push({ type: 'Driver', label, start: at, end: at + label.length, sentence: m.sentence, via: 'mode-name', confidence: 0.85 });
    }
  }
  // An organisation-like name that is the name of a mode (共性技术联盟 as a listed kind) is the mode.
  const modeNames = out.filter((c) => c.type === 'Mode' && (c.heading !== undefined || c.via.startsWith('kind-')));
  // …and one that contains a mode's name (市场主导型机构) is that mode's vehicle, named by the mode.
  const overlapsMode = (c: Candidate) => modeNames.some((m) => (m.start <= c.start && c.end <= m.end) || (c.start <= m.start && m.end <= c.end));
  // …and an organisation the text lists as a kind of collaboration (3．产业技术创新战略联盟, 地方政府主导的
  // 产业技术研究院) is that mode wherever it is named again (支持链主企业牵头组建产业技术创新战略联盟).
  const modeTails = modeNames.map((m) => normaliseLabel(m.label));
  const namedMode = (c: Candidate) => {
    const surface = ctx.text.slice(c.start, c.end);
    return surface.length >= 3 ? modeNames.find((m, i) => modeTails[i].endsWith(surface) || modeTails[i].endsWith(c.label)) : undefined;
  };
  const kept: Candidate[] = [];
  for (const c of out) {
    if (c.type !== 'Actor') kept.push(c);
    else if (c.via === 'suffix' && overlapsMode(c)) continue;
    else {
      const m = namedMode(c);
      if (!m) kept.push(c);
      else if (!overlapsMode(c)) kept.push({ ...c, type: 'Mode', label: m.label, via: 'kind-repeat', confidence: 0.75, leaders: m.leaders ?? [], participants: [], heading: undefined, weak: undefined });
    }
  }
  // 企业出题、高校院所答题的揭榜攻关: the distinctive noun after 的 names the mode on its own elsewhere
  // (完善揭榜攻关的组织方式), where a lexicon might read it as a practice.
  const genericHeads = new Set(modeHeadWords(lex));
  const namesItsHead = (name: string) => [...genericHeads].some((h) => name.endsWith(h) && name.length >= h.length + 2);
  const enumeratedKind = (m: Candidate) => m.heading !== undefined && ctx.structure.headings[m.heading].kind === 'enumeration';
  const tails = modeNames
    .map((m) => ({ m, tail: normaliseLabel(m.label).split('的').at(-1) ?? '' }))
    // (an enumerated kind's whole name counts too: 一类是许可转让类… then 许可转让类普遍采用…, and so does
    // a heading's full noun phrase: 3.4 开放创新型协同 … then 开放创新型协同则实行…, however the segmenter
    // cuts it; a bare 用户牵引型 is also said in passing, 与用户牵引型相比)
    .filter(({ m, tail }) => tail.length >= 4 && (tail !== normaliseLabel(m.label) || enumeratedKind(m) || (m.heading !== undefined && namesItsHead(tail))) && !genericHeads.has(tail));
  for (const { m, tail } of tails) {
    if (tails.some((o) => o.m.label !== m.label && o.tail === tail)) continue;
    for (let at = ctx.text.indexOf(tail); at >= 0; at = ctx.text.indexOf(tail, at + tail.length)) {
      const end = at + tail.length;
      const dropPractice = () => {
        for (let k = kept.length - 1; k >= 0; k--) if (kept[k].type === 'Mechanism' && at <= kept[k].start && kept[k].end <= end) kept.splice(k, 1);
      };
      if (kept.some((c) => c.type === 'Mode' && c.start <= at && end <= c.end)) {
        dropPractice();
        continue;
      }
      const sentence = ctx.sentences.find((x) => x.start <= at && end <= x.end);
      if (!sentence) continue;
      dropPractice();
      kept.push({ type: 'Mode', label: m.label, start: at, end, sentence, via: 'kind-repeat', confidence: 0.75, leaders: m.leaders ?? [], participants: [] });
    }
  }
  // 揭榜攻关是一种以需求方企业为主导的合作形式: a description of a listed mode, not another mode.
  const definer = /(?:^|[，,。；;：:\n])\s*([\p{Script=Han}“”"]{2,16}?)(?:则|也|本质上|实际上)?(?:是|属于|为)(?:一种|一类|典型的)?$/u;
  for (const c of kept) {
    if (c.type !== 'Mode' || c.heading !== undefined || c.via.startsWith('kind-')) continue;
    const subject = ctx.text.slice(c.sentence.start, c.start).match(definer)?.[1];
    const named = subject && modeNames.find((m, i) => subject.length >= 2 && (modeTails[i].endsWith(normaliseLabel(subject)) || normaliseLabel(subject).endsWith(modeTails[i])));
    if (named) c.sameAs = named.label;
  }
  // 由政府推动为主转向市场牵引为主: an actor named only inside a stated shift is a role in the abstract.
  const shifts = kept.filter((c) => c.type === 'Requirement' && c.heading === undefined);
  const inShift = (c: Candidate) => shifts.some((r) => r.start <= c.start && c.end <= r.end);
  for (const c of kept) if (c.type === 'Actor' && inShift(c)) c.weak = true;
  // (从“政府推动”转向“市场驱动”: the poles of a shift drive no mode the text describes)
  for (let k = kept.length - 1; k >= 0; k--) if (kept[k].type === 'Driver' && inShift(kept[k])) kept.splice(k, 1);
  // …and so is one named inside a quoted formula (“平台+基金+园区”): it is a word of the formula.
  const quoted = [...ctx.text.matchAll(/[“"「][^”"」\n]{1,20}[”"」]/gu)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  for (const c of kept) if (c.type === 'Actor' && quoted.some(([a, b]) => a < c.start && c.end < b)) c.weak = true;
  // 健全成果转化激励机制: a …机制 named only as the object that ends a measure's heading is the measure,
  // not a practice (深化…利益分享机制改革 names one).
  const measureHeads = kept.filter((c) => c.type === 'Recommendation' && c.heading !== undefined);
  const inMeasureHead = (c: Candidate) => measureHeads.some((r) => r.start <= c.start && c.end === r.end);
  const headOnly = new Set(
    kept
      .filter((c) => c.type === 'Mechanism' && c.via === 'suffix' && c.label.endsWith('机制') && inMeasureHead(c))
      .map((c) => c.label)
      .filter((l) => !kept.some((c) => c.type === 'Mechanism' && c.label === l && !inMeasureHead(c))),
  );
  for (let k = kept.length - 1; k >= 0; k--) if (kept[k].type === 'Mechanism' && headOnly.has(kept[k].label)) kept.splice(k, 1);
  kept.push(...practiceRepeats(ctx, kept));
  return dropLeaderEchoes(ctx, withWholeLeaderNames(appositionModes(ctx, seriesModes(ctx, dropElaboratingShifts(ctx, dropNested(dropStrayShifts(dropProposedShifts([...kept, ...unpatternedShifts(ctx, lex, kept)], ctx.structure, lex), ctx.structure, lex))), rx, lex))));
}

/** Shorter practice names (后补助, 会员制) are too common a word to be told apart from the text around them. */
const MIN_PRACTICE_REPEAT = 4;

/**
 * 扩大职务科技成果赋权的范围: a practice the document names (in a table, a mode's text) is that practice
 * wherever the text says its name again, inside words no other reading has claimed.
 */
function practiceRepeats(ctx: EntityContext, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const labels = new Set(cands.filter((c) => c.type === 'Mechanism' && !c.weak && c.label.length >= MIN_PRACTICE_REPEAT).map((c) => c.label));
  for (const label of labels) {
    for (let at = ctx.text.indexOf(label); at >= 0; at = ctx.text.indexOf(label, at + label.length)) {
      const end = at + label.length;
      // (a measure or a shift spans whole clauses: the practice it names is a mention of its own)
      const claims = (c: Candidate) => c.type !== 'Recommendation' && c.type !== 'Requirement' && c.start < end && at < c.end;
      if (cands.some(claims) || out.some(claims)) continue;
      const sentence = ctx.sentences.find((x) => x.start <= at && end <= x.end);
      if (sentence) out.push({ type: 'Mechanism', label, start: at, end, sentence, via: 'practice-repeat', confidence: 0.7 });
    }
  }
  return out;
}

/**
 * 一是…联合研究院模式。由高校牵头，…: in the text of a listed kind, a bare leader phrase (no word of
 * collaboration) says who leads that kind; it is no mention of the other mode the same actor leads.
 */
function dropLeaderEchoes(ctx: EntityContext, cands: Candidate[]): Candidate[] {
  const { headings } = ctx.structure;
  const kinds = cands.filter((c) => c.type === 'Mode' && c.heading !== undefined && headings[c.heading].kind === 'enumeration');
  const echo = (c: Candidate) =>
    c.type === 'Mode' && c.weak === true && c.via === 'leader' && kinds.some((k) => k.end <= c.start && c.end <= headings[k.heading!].scopeEnd);
  return cands.filter((c) => !echo(c));
}

/** 一是… / 第二，… / 其三… / 首先…: a paragraph opened as one item of a list. */
const ITEM_OPENER = /^[ \t\u3000]*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，、,]|其[一二三四五六七八九十][，、,是]?|首先|其次|再次|最后)/u;

/** The marker of a later item inside the same paragraph. */
const NEXT_ITEM = /[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，、,]|其[一二三四五六七八九十][，、,是]|其次|再次|最后/u;

/**
 * 二是成果转化由“一转了之”转向全链条服务。…技术经理人的作用需要从“撮合交易”延伸到“陪跑孵化”。: a
 * list item states one shift; later shifts in its paragraph spell it out, they are not more items.
 */
function dropElaboratingShifts(ctx: EntityContext, cands: Candidate[]): Candidate[] {
  const drop = new Set<Candidate>();
  const byParagraph = new Map<number, Candidate[]>();
  for (const c of cands) {
    if (c.type !== 'Requirement' || c.heading !== undefined) continue;
    const at = ctx.text.lastIndexOf('\n', c.start - 1) + 1;
    byParagraph.set(at, [...(byParagraph.get(at) ?? []), c]);
  }
  for (const [at, list] of byParagraph) {
    const opener = ctx.text.slice(at).match(ITEM_OPENER);
    if (!opener || list.length < 2) continue;
    const sorted = [...list].sort((a, b) => a.start - b.start);
    // (only where the item's own first sentence states the shift)
    const firstEnd = ctx.text.slice(at).search(/[。！？]/u);
    if (firstEnd < 0 || sorted[0].start >= at + firstEnd) continue;
    // (up to the next item, when the items run on in one paragraph: 一是…。二是…。)
    const lineEnd = ctx.text.indexOf('\n', at);
    const rest = ctx.text.slice(at + opener[0].length, lineEnd < 0 ? ctx.text.length : lineEnd);
    const next = rest.search(NEXT_ITEM);
    const end = next < 0 ? Infinity : at + opener[0].length + next;
    for (const c of sorted.slice(1)) if (c.start > at + firstEnd && c.start < end) drop.add(c);
  }
  return drop.size ? cands.filter((c) => !drop.has(c)) : cands;
}

/**
 * Where the text states its requirements in a section of their own (二、…的几个要求, or a list
 * announced as 新要求：一是…), the requirements are what that section says: a shift phrased in a
 * mode's description (从样品走向产品的关键环节) is narrative, not one of them.
 */
function dropStrayShifts(cands: Candidate[], structure: Structure, lex: Lexicon): Candidate[] {
  const scopes = structure.headings
    .filter((h) =>
      h.kind === 'heading'
        ? headingCategory(h.text, lex) === 'requirement'
        : lex.cues.requirement.categoryHeadingCues.some((c) => (h.intro ?? '').includes(c)),
    )
    .map((h) => [h.scopeStart, h.scopeEnd] as const);
  const inside = (c: Candidate) => scopes.some(([a, b]) => a <= c.start && c.end <= b);
  // A shift that names a stage (正处在由示范走向规模化的关口) describes where things stand, not a requirement.
  const stage = (c: Candidate) => STAGE_NOUN.test(c.label);
  // A shift stated in the body of a shift item (2．育种方式由A向B转变 … 这要求从C走向D) elaborates that item.
  const items = cands.filter((c) => c.type === 'Requirement' && c.heading !== undefined).map((c) => structure.headings[c.heading!]);
  const elaborates = (c: Candidate) => c.heading === undefined && items.some((h) => h.kind === 'heading' && h.end <= c.start && c.end <= h.scopeEnd);
  // 随着自动驾驶从封闭测试走向规模化示范，…: a shift in a 随着 clause is the background the text starts from.
  const background = (c: Candidate) => BACKGROUND.test(c.sentence.text.slice(0, c.start - c.sentence.start).split(/[，,；;：:]/u).pop() ?? '');
  const kept = cands.filter((c) => c.type !== 'Requirement' || (!stage(c) && !elaborates(c) && !background(c)));
  if (!kept.some((c) => c.type === 'Requirement' && inside(c))) return kept;
  return kept.filter((c) => c.type !== 'Requirement' || inside(c));
}
const STAGE_NOUN = /的(?:关口|阶段|时期|关键期|窗口期|转折点|过程|进程)$/u;
const BACKGROUND = /随着|伴随/u;

const MAX_SHIFT_ITEM = 40;

/**
 * Items listed after an announcement of requirements or trends (新要求：一是…；二是…) are the shifts
 * themselves, however phrased (一是由“单兵作战”向“集团作战”；): an item in which no shift pattern
 * matched becomes one Requirement spanning the item, up to its first ；/。.
 */
function unpatternedShifts(ctx: EntityContext, lex: Lexicon, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const { headings } = ctx.structure;
  headings.forEach((h, i) => {
    if (h.kind !== 'enumeration') return;
    const parent = h.parent === undefined ? undefined : headings[h.parent];
    const intro = `${h.intro ?? ''}${parent?.kind === 'heading' ? parent.text : ''}`;
    if (!lex.cues.requirement.categoryHeadingCues.some((c) => intro.includes(c))) return;
    if (cands.some((c) => c.type === 'Requirement' && c.start < h.scopeEnd && h.scopeStart < c.end)) return;
    // (一类是向上游延伸的纵向协同: an item of kinds a mode divides into, named as a mode, states no shift)
    if (dividesIntoKinds(h.intro ?? '') || cands.some((c) => c.type === 'Mode' && c.heading === i)) return;
    const body = ctx.text.slice(h.start, h.scopeEnd);
    const cut = body.search(/[；;。\n]/u);
    const label = (cut < 0 ? body : body.slice(0, cut)).trim();
    // Only an item that states a movement (向, 到, 转…) is a shift; 一是资金投入不足 is a problem.
    // (面向 faces a target; it does not move towards one)
    if (label.length < 4 || label.length > MAX_SHIFT_ITEM || !lex.cues.requirement.shiftMarkers.some((m) => label.replaceAll('面向', '').includes(m))) return;
    const sentence = ctx.sentences.find((s) => s.start <= h.start && h.start < s.end);
    if (sentence) out.push({ type: 'Requirement', label, start: h.start, end: h.start + label.length, sentence, via: 'enumeration', confidence: 0.7, heading: i });
  });
  return out;
}
