/**
 * Stage `extract-relations`: typed, directed relations between resolved entities, each with the
 * sentence(s) that support it. Cues: the mode's own name (企业参与政府主导 -> LED_BY 政府), explicit
 * patterns (采取…, 由…牵头, 决策机构为…), and the scope of the heading that introduces a mode.
 */
import { dividesIntoKinds, headingCategory } from './extract-entities.js';
import { firstParagraph, isNumbered, lastSentence, SERIES_ITEM, type Heading, type Structure } from './extract-scope.js';
import { actorAncestors, compilePattern, lexicon, modeHeadWords, type Lexicon, type RelationCues } from './lexicon.js';
import { entityId, type LinkedCandidate } from './resolve.js';
import { segment } from './segment.js';
import type { Entity, Evidence, Relation, RelationType, Sentence } from './types.js';

export interface RelationContext {
  docId: string;
  text: string;
  sentences: Sentence[];
  structure: Structure;
  entities: Entity[];
  linked: LinkedCandidate[];
}

interface Scope {
  modeId: string;
  start: number;
  end: number;
  kind: 'section' | 'clause';
  /** Introduced as a kind (第一种是…, 另一类是…, 称之为…模式), not merely named as a subject. */
  introduced?: boolean;
  /** The subject of one item of a colon list (分为A和B两类：A…；B…): the sentence names all the kinds, but the item is this one's. */
  item?: boolean;
}

const CLAUSE_END = /[；;。！？!?]/u;

class RelationSet {
  private readonly byId = new Map<string, Relation>();
  constructor(private readonly ctx: RelationContext, private readonly ids: Set<string>) {}

  evidence(s: Sentence): Evidence {
    return { doc: this.ctx.docId, section: s.sectionPath, sentenceId: s.id, text: this.ctx.text.slice(s.start, s.end), start: s.start, end: s.end };
  }

  add(type: RelationType, source: string, target: string, confidence: number, sentence: Sentence): void {
    if (source === target || !this.ids.has(source) || !this.ids.has(target)) return;
    const id = `${type}:${source}->${target}`;
    const ev = this.evidence(sentence);
    const r = this.byId.get(id);
    if (!r) {
      this.byId.set(id, { id, type, source, target, confidence, evidence: [ev] });
      return;
    }
    r.confidence = Math.max(r.confidence, confidence);
    if (!r.evidence.some((e) => e.start === ev.start && e.end === ev.end)) r.evidence.push(ev);
  }

  all(): Relation[] {
    const rels = [...this.byId.values()];
    // The leader is not repeated as a participant, however each was found.
    const led = new Set(rels.filter((r) => r.type === 'LED_BY').map((r) => `${r.target}->${r.source}`));
    return rels.filter((r) => r.type !== 'PARTICIPATES_IN' || !led.has(`${r.source}->${r.target}`));
  }
}

/** The clause (between ；/。 marks) of the sentence that contains [start, end). */
function clauseOf(text: string, s: Sentence, start: number, end: number): { start: number; end: number } {
  let a = start;
  while (a > s.start && !CLAUSE_END.test(text[a - 1])) a--;
  let b = end;
  while (b < s.end && !CLAUSE_END.test(text[b])) b++;
  return { start: a, end: b };
}

/** Canonical leader labels per mode entity (from every mention of the mode). */
function modeLeaders(ctx: RelationContext): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of ctx.linked) {
    if (m.type !== 'Mode') continue;
    const set = out.get(m.entityId) ?? new Set<string>();
    for (const l of m.leaders ?? []) set.add(l);
    out.set(m.entityId, set);
  }
  return out;
}

/**
 * Where each mode's attributes are stated: the section of the heading that names it; the rest of
 * the clause when an inline mention is the clause's subject (中央政府主导的…合作主要聚焦…；); and,
 * inside a mode's section, the rest of a sentence whose subject leads a sub-mode (地方政府还主导设立…).
 */
function modeScopes(ctx: RelationContext, lex: Lexicon, leaders: Map<string, Set<string>>): Scope[] {
  const rc = lex.relationCues;
  const out: Scope[] = [];
  const introducer = new RegExp(`^(?:${rc.modeIntroducers})`, 'u');
  for (const m of ctx.linked) {
    if (m.type !== 'Mode' || m.weak) continue;
    if (m.heading !== undefined) {
      const h: Heading = ctx.structure.headings[m.heading];
      out.push({ modeId: m.entityId, start: h.scopeStart, end: h.scopeEnd, kind: 'section' });
      continue;
    }
    const c = clauseOf(ctx.text, m.sentence, m.start, m.end);
    let phraseStart = m.start;
    while (phraseStart > c.start && !/[，,：:]/u.test(ctx.text[phraseStart - 1])) phraseStart--;
    if (m.start - phraseStart <= rc.subjectLeadChars) {
      const end = (lastModeOfSentence(ctx, m) ? (seriesEnd(ctx, m) ?? paragraphEnd(ctx, m)) : undefined) ?? anaphoricEnd(ctx, lex, c.end);
      out.push({ modeId: m.entityId, start: m.start, end, kind: 'clause', item: opensListItem(ctx, m) });
    }
    // 第一种是…模式，… / …可以概括为“…”的X模式。 : an introduced or named kind is the topic of what
    // follows, up to the next mode or the paragraph's end (a sentence naming several modes introduces none).
    else if (
      (m.start - phraseStart <= MAX_INTRODUCED_LEAD && introducer.test(ctx.text.slice(phraseStart, m.start))) ||
      EMERGED_KIND.test(ctx.text.slice(phraseStart, m.start)) ||
      (rc.namingVerbs.some((v) => ctx.text.slice(c.start, m.start).includes(v)) && soleModeOfSentence(ctx, m))
    ) {
      const nl = ctx.text.indexOf('\n', m.end);
      // The next mode's own sentence (第二种是校地共建的…) is no longer about this one.
      const next = ctx.linked
        .filter((x) => x.type === 'Mode' && !x.weak && x.start >= m.end && x.entityId !== m.entityId)
        .map((x) => (x.sentence.start > m.sentence.start ? x.sentence.start : x.start));
      const series = seriesEnd(ctx, m);
      out.push({ modeId: m.entityId, start: m.start, end: series ?? Math.min(nl < 0 ? ctx.text.length : nl, ...next), kind: 'clause', introduced: true });
    }
  }
  // A section whose opening paragraph introduces the only mode it names is that mode's description:
  // the mode's scope widens to the whole section (从医院药柜到上市新药 / 最常见的一种做法是…模式 / 在组织上…).
  for (const sc of [...out]) {
    if (sc.kind !== 'clause' || !sc.introduced) continue;
    const h = ctx.structure.headings
      .filter((x) => x.kind === 'heading' && !x.hasChildren && x.end <= sc.start && sc.start < x.scopeEnd)
      .sort((a, b) => b.level - a.level)[0];
    if (!h) continue;
    if (sc.start > firstParagraph(ctx.text, h).end) continue;
    const others = ctx.linked.some((x) => x.type === 'Mode' && !x.weak && x.entityId !== sc.modeId && x.start >= h.scopeStart && x.end <= h.scopeEnd);
    if (!others) out.push({ modeId: sc.modeId, start: h.scopeStart, end: h.scopeEnd, kind: 'section' });
  }
  out.push(...ledSections(ctx, out, leaders));
  const soleLeader = new Map<string, string>();
  for (const [mode, ls] of leaders) if (ls.size === 1) soleLeader.set([...ls][0], mode);
  for (const a of ctx.linked) {
    if (a.type !== 'Actor') continue;
    const mode = soleLeader.get(a.label);
    const inSection = innermost(out, a.start, a.end);
    if (!mode || !inSection || inSection.modeId === mode) continue;
    // (一是…模式。由高校牵头…: in the text of a kind of that mode, the actor leads the kind)
    if (out.some((o) => o.modeId === mode && o.kind === 'section' && o.start <= inSection.start && inSection.end <= o.end)) continue;
    const after = ctx.text.slice(a.end, Math.min(a.sentence.end, a.end + rc.anaphoricLeadGap + 2));
    const lead = rc.explicitLead.filter((v) => v !== '由').find((v) => after.indexOf(v) >= 0 && after.indexOf(v) <= rc.anaphoricLeadGap);
    if (lead) out.push({ modeId: mode, start: a.start, end: a.sentence.end, kind: 'clause' });
  }
  return out;
}

/** 由高校和研究院发起 / 由整机企业来牵这个头: the actors a clause says lead (or start) something. */
const LED_PHRASE = /由([^，,。；;？?！!由]{1,16}?)(?:来|负责)?(?:牵头|发起|主导|领衔|牵这个头|挑头)(?!的?[0-9０-９一二两三四五六七八九十几]+[项个家])/gu;

/**
 * A section under a heading that names no kind (a speaker's slogan, a feature's subheading) whose
 * first paragraph names one kind only, by name or by its leaders leading (我们参与的是另一类联合体，
 * 由高校和研究院发起), describes that kind: the section is its scope. Sections of stated shifts or
 * measures, and sections naming a second kind, are left alone.
 */
function ledSections(ctx: RelationContext, scopes: Scope[], leaders: Map<string, Set<string>>): Scope[] {
  const out: Scope[] = [];
  const strongModes = ctx.linked.filter((x) => x.type === 'Mode' && !x.weak);
  ctx.structure.headings.forEach((h, i) => {
    // (numbered chapters and bracketed titles — 一、基本情况, 【调研概况】 — survey several kinds; a bullet — ——陈××（…副总裁） — may mark a speaker)
    if (h.kind !== 'heading' || h.hasChildren || isNumbered(h) || /^[【〖\[]/u.test(h.text)) return;
    if (scopes.some((s) => s.kind === 'section' && s.start <= h.scopeStart && h.scopeEnd <= s.end)) return;
    if (ctx.linked.some((x) => (x.type === 'Recommendation' || x.type === 'Requirement') && x.heading === i)) return;
    const { start: bodyStart, end: paraEnd } = firstParagraph(ctx.text, h);
    const inSection = strongModes.filter((x) => x.start >= h.scopeStart && x.end <= h.scopeEnd);
    const named = new Set(inSection.filter((x) => x.start >= bodyStart && x.end <= paraEnd).map((x) => x.entityId));
    for (const m of ctx.text.slice(bodyStart, paraEnd).matchAll(LED_PHRASE)) {
      const from = bodyStart + (m.index ?? 0);
      const said = new Set(ctx.linked.filter((a) => a.type === 'Actor' && a.start >= from && a.end <= from + m[0].length).map((a) => a.label));
      if (said.size === 0) continue;
      const led = [...leaders].filter(([, ls]) => [...said].every((l) => ls.has(l))).map(([mode]) => mode);
      if (led.length === 1) named.add(led[0]);
    }
    // (a body the section tells of founding, wherever in the section, when it is the section's only kind)
    const founded = new Set(inSection.filter((x) => x.via === 'founded-vehicle').map((x) => x.entityId));
    if (named.size === 0 && founded.size === 1 && new Set(inSection.map((x) => x.entityId)).size === 1) named.add([...founded][0]);
    if (named.size !== 1) return;
    const [modeId] = named;
    if (inSection.some((x) => x.entityId !== modeId)) return;
    out.push({ modeId, start: h.scopeStart, end: h.scopeEnd, kind: 'section' });
  });
  return out;
}

/** A kind opening one item of a colon list (分为A和B两类：A单项…，由X组织实施；B由Y组织…) is the subject of the item. */
const opensListItem = (ctx: RelationContext, m: LinkedCandidate): boolean => /[：:；;]/u.test(ctx.text[m.start - 1] ?? '');

/**
 * Sentences of the same paragraph that open with an anaphoric subject (该模式…, 这种合作…, 此类机构…)
 * continue describing the mode of the sentence before: the scope runs on to the end of the last one.
 */
function anaphoricEnd(ctx: RelationContext, lex: Lexicon, end: number): number {
  const rc = lex.relationCues;
  const opener = new RegExp(`^\\s*(?:${rc.anaphorDeterminers.join('|')})(?:种|类|一)?(?:${rc.modeAnaphorHeads.join('|')})`, 'u');
  let out = end;
  for (;;) {
    const next = ctx.sentences.find((s) => s.start >= out && s.start - out <= 1);
    if (!next || ctx.text.slice(out, next.start).includes('\n') || !opener.test(ctx.text.slice(next.start, next.end))) return out;
    out = next.end;
  }
}

/**
 * A paragraph opened by an ordinal kind (第一类…, 第二种…) starts that kind's description, which may run
 * over several paragraphs: up to the next paragraph opened the same way, or the next heading.
 */
function seriesEnd(ctx: RelationContext, m: LinkedCandidate): number | undefined {
  const lineStart = ctx.text.lastIndexOf('\n', m.start - 1) + 1;
  if (!SERIES_ITEM.test(ctx.text.slice(lineStart, m.start))) return undefined;
  let end = ctx.text.length;
  for (let at = ctx.text.indexOf('\n', m.end); at >= 0 && at < end; at = ctx.text.indexOf('\n', at + 1)) {
    if (SERIES_ITEM.test(ctx.text.slice(at + 1, at + 12))) end = at + 1;
  }
  const nextHeading = ctx.structure.headings.filter((h) => h.kind === 'heading' && h.start > m.end).map((h) => h.scopeStart);
  return Math.min(end, ...nextHeading);
}

/**
 * A paragraph that opens with a mode's name (实体型联合研究院在地方注册为…) describes that mode: up to
 * the paragraph's end, or the sentence of the next mode it names.
 */
function paragraphEnd(ctx: RelationContext, m: LinkedCandidate): number | undefined {
  const lineStart = ctx.text.lastIndexOf('\n', m.start - 1) + 1;
  if (ctx.text.slice(lineStart, m.start).trim() !== '') return undefined;
  const nl = ctx.text.indexOf('\n', m.end);
  const end = nl < 0 ? ctx.text.length : nl;
  const next = ctx.linked.filter((x) => x.type === 'Mode' && !x.weak && x.entityId !== m.entityId && x.sentence.start > m.sentence.start && x.start < end).map((x) => x.sentence.start);
  return Math.min(end, ...next);
}

/** The last (non-weak) mode the sentence names (…模式，即以能源央企为主导的…: the apposition ends it). */
function lastModeOfSentence(ctx: RelationContext, m: LinkedCandidate): boolean {
  return !ctx.linked.some((x) => x.type === 'Mode' && !x.weak && x.sentence.id === m.sentence.id && x.start > m.start);
}

/** The only (non-weak) mode the sentence names. */
function soleModeOfSentence(ctx: RelationContext, m: LinkedCandidate): boolean {
  return !ctx.linked.some((x) => x.type === 'Mode' && !x.weak && x.sentence.id === m.sentence.id && x.entityId !== m.entityId);
}

// 第一种是以技术转移中心为枢纽的…模式: the introducer may stand a modifier away from the mode's noun.
const MAX_INTRODUCED_LEAD = 20;
/** …等地还兴起了一种扎根田间的“科技小院”式合作: a kind said to have emerged is introduced, however long the lead. */
const EMERGED_KIND = /(?:兴起|出现|涌现|形成|发展出)了?(?:一种|一类)[^，。；]{0,12}$/u;

/** The innermost mode scope containing [start, end). */
function innermost(scopes: Scope[], start: number, end: number): Scope | undefined {
  return scopes.filter((s) => s.start <= start && end <= s.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

function labelRelations(ctx: RelationContext, rs: RelationSet, lex: Lexicon, leaders: Map<string, Set<string>>): void {
  const conf = lex.relationCues.confidence;
  for (const m of ctx.linked) {
    if (m.type !== 'Mode') continue;
    const c = m.heading !== undefined ? conf.headingLabel : m.weak ? conf.sameSentence : conf.sameClause;
    for (const l of m.leaders ?? []) rs.add('LED_BY', m.entityId, entityId('Actor', l), c, m.sentence);
    // The leader is not repeated as a participant.
    for (const p of m.participants ?? []) if (!leaders.get(m.entityId)?.has(p)) rs.add('PARTICIPATES_IN', entityId('Actor', p), m.entityId, c, m.sentence);
  }
}

function hasCueBefore(text: string, clauseStart: number, at: number, cues: string[]): boolean {
  const before = text.slice(clauseStart, at);
  return cues.some((c) => before.includes(c));
}

// An opening parenthesis starts an apposition (实体机构（新型研发机构）), which names its own subject.
const CLAUSE_MARK = /[，,；;。：:！？!?（(]/u;
/** 、 / 和 / 与 …, which a place word may follow (与省内外高水平大学、科研院所). */
const LIST_JOINER = /^(?:、|和|与|及|或|以及|或者)(?:省内外|国内外|海内外|境内外|省内|省外|国内|海外|本地|当地|行业|有关|相关)?$/u;
/** Between an actor and the role it takes (…企业担任理事长单位). */
const ROLE_TAKING = /^(?:担任|出任|作为|充当)$/u;
/** 4所高校、3家科研院所和20余家…: a count before a listed name. */
// (not 一: 同一所高校 is one and the same, no count)
const COUNTED = /(?:[0-9０-９]+|[二两三四五六七八九十百千几数][一二两三四五六七八九十百千]*)(?:余|多)?(?:家|所|个|名|位|支|批|类|种|户)$/u;
const uncounted = (s: string) => s.replace(COUNTED, '');

/**
 * Whether an actor mentioned in a mode's section is said to take part: it (or the head of the actor
 * list it belongs to) opens its clause (科研人员实行…, 由政府与高校共同…), follows 与/联合/吸纳…,
 * or is followed by a verb of taking part (提供, 承担, 参与…). Actors named in passing are not.
 */
function takesPart(ctx: RelationContext, lex: Lexicon, x: LinkedCandidate, actorsBySentence: Map<string, LinkedCandidate[]>): 'cue' | 'subject' | undefined {
  const rc = lex.relationCues;
  const actors = actorsBySentence.get(x.sentence.id) ?? [x];
  const gapOk = (a: LinkedCandidate) => {
    const after = ctx.text.slice(a.end, Math.min(a.sentence.end, a.end + rc.participantGap + 2));
    const neg = rc.participationNegators;
    return rc.participantVerbs.some((v) => {
      const at = after.indexOf(v);
      if (at < 0 || at > rc.participantGap || CLAUSE_MARK.test(after.slice(0, at))) return false;
      const rest = ctx.text.slice(a.end + at + v.length, a.sentence.end);
      // 难以参与: the verb itself may be the tail of a negator (难以 ends in the verb 以).
      return !neg.before.some((n) => after.slice(0, at + v.length).includes(n)) && !neg.after.some((n) => rest.startsWith(n));
    });
  };
  // The actor list x belongs to: neighbours joined by 、/和/与/及/或 (or directly adjacent, 高校院所).
  const [i, j] = listAround(actors, x, (a, b) => {
    const between = uncounted(ctx.text.slice(a.end, b.start));
    return between === '' || LIST_JOINER.test(between) || /^(?:等|等创新主体)?$/u.test(between);
  });
  const head = actors[i];
  let clauseStart = head.start;
  while (clauseStart > head.sentence.start && !CLAUSE_MARK.test(ctx.text[clauseStart - 1])) clauseStart--;
  const prefix = uncounted(ctx.text.slice(clauseStart, head.start));
  if (prefix !== '' && rc.participantPrefixes.some((p) => prefix === p || prefix.endsWith(p))) return 'cue';
  if (actors.slice(i, j + 1).some(gapOk) || gapOk(x)) return 'cue';
  // 配备专职技术经理人 / 派驻科研团队: the object of a verb that staffs or brings in a party takes part.
  const near = ctx.text.slice(Math.max(clauseStart, head.start - rc.roleVerbGap - 2), head.start);
  if (rc.roleVerbsBefore.some((v) => near.includes(v) && near.length - near.lastIndexOf(v) - v.length <= rc.roleVerbGap)) return 'cue';
  // Opening the clause without a verb of taking part is a weaker cue; 高校的评价体系… is a possessor, not an agent.
  if (prefix === '' && !ctx.text.startsWith('的', actors[j].end)) return 'subject';
  return undefined;
}

function scopeRelations(ctx: RelationContext, rs: RelationSet, lex: Lexicon, scopes: Scope[], leaders: Map<string, Set<string>>, members: Set<LinkedCandidate>): void {
  const rc = lex.relationCues;
  const conf = rc.confidence;
  const modeSpans = ctx.linked.filter((m) => m.type === 'Mode');
  const actorsBySentence = new Map<string, LinkedCandidate[]>();
  for (const a of ctx.linked) if (a.type === 'Actor') actorsBySentence.set(a.sentence.id, [...(actorsBySentence.get(a.sentence.id) ?? []), a]);
  for (const list of actorsBySentence.values()) list.sort((a, b) => a.start - b.start);
  const laterLead = new RegExp(`^[^。；;]*?[，,](?:${rc.leadAfterActorWhenUnled.join('|')})`, 'u');
  const insideMode = (x: LinkedCandidate) => modeSpans.some((m) => m.start <= x.start && x.end <= m.end);
  const overview = (s: Sentence) => new Set(modeSpans.filter((m) => !m.weak && m.sentence.id === s.id).map((m) => m.entityId)).size >= 2;
  // A mode named inside the recommendations (对A型联合体，重在吸纳同行企业参与) is the object of a proposal:
  // what the clause says is not the mode's practice (proposals are ADDRESSES of the measure instead).
  // The measures chapter: the parent of the headings read as recommendations (or the heading itself).
  const proposals = ctx.linked
    .filter((r) => r.type === 'Recommendation' && r.heading !== undefined)
    .map((r) => ctx.structure.headings[r.heading!])
    .map((h) => (h.parent !== undefined && headingCategory(ctx.structure.headings[h.parent].text, lex) === 'recommendation' ? ctx.structure.headings[h.parent] : h));
  const proposed = (x: LinkedCandidate) => proposals.some((h) => h.scopeStart <= x.start && x.end <= h.scopeEnd);
  for (const x of ctx.linked) {
    if (x.type !== 'Actor' && x.type !== 'Mechanism' && x.type !== 'Driver') continue;
    const scope = innermost(scopes, x.start, x.end);
    if (!scope || (scope.kind === 'clause' && proposed(x))) continue;
    const clause = clauseOf(ctx.text, x.sentence, x.start, x.end);
    const base = scope.kind === 'clause' ? conf.sameClause : conf.sectionScope;
    if (x.type === 'Mechanism') {
      const explicit = x.confidence >= 0.9 && x.via.startsWith('pattern:') || hasCueBefore(ctx.text, clause.start, x.start, rc.explicitUse);
      rs.add('USES', scope.modeId, x.entityId, explicit ? conf.explicitPattern : base, x.sentence);
    } else if (x.type === 'Driver') {
      if (insideMode(x)) continue;
      const explicit = hasCueBefore(ctx.text, clause.start, x.start, rc.explicitDriver);
      rs.add('DRIVEN_BY', scope.modeId, x.entityId, explicit ? conf.explicitPattern : base, x.sentence);
    } else {
      // Names inside a mode's own name, decision bodies and members of a body are not participants.
      if (insideMode(x) || members.has(x)) continue;
      // A sentence naming several modes is an overview (归纳为A、B以及C): its actors belong to none of them.
      if (overview(x.sentence) && !scope.item) continue;
      const after = ctx.text.slice(x.end, clause.end);
      const before = ctx.text.slice(clause.start, x.start);
      // 由X主导 / X牵头组建… / 由A、B或C发起 / 由A联合B发起: the actor leads the mode whose scope this is.
      const { first, last } = actorList(ctx, x, actorsBySentence.get(x.sentence.id) ?? [x]);
      const listBefore = ctx.text.slice(clause.start, Math.max(clause.start, first.start));
      const listAfter = ctx.text.slice(last.end, clause.end);
      const partner = rc.jointLeadVerbs.some((v) => before.endsWith(v)) && before.includes('由');
      // (the agent may also open the clause: 2021年，市政府会同矿业大学共同发起…)
      const joint = (AGENT_SLOT.test(before) || (before.split(/[，,：:]/u).pop() ?? '').trim() === '') && rc.jointLeadVerbs.some((v) => after.startsWith(v)) && rc.leadAfterActor.some((c) => after.includes(c));
      const leads = partner
        ? adverbLead(rc, after)
        : joint || (AGENT_SLOT.test(listBefore) && rc.explicitLead.some((c) => listAfter.startsWith(c))) || leadCue(rc, listAfter);
      // X联合Y建设… / X出资建设…: the organiser leads a mode whose name names no leader.
      // The sentence's subject may organise in a later clause of its own (地方政府投入资金，联合高校建设…).
      const laterClause = x.start === x.sentence.start || ctx.text.slice(x.sentence.start, x.start).trim() === '';
      const organises =
        !leaders.get(scope.modeId)?.size &&
        (before === '' || before === '由' || (scope.kind === 'clause' && subjectModeThenBy(modeSpans, scope, ctx.text.slice(scope.start, x.start)))) &&
        (rc.leadAfterActorWhenUnled.some((c) => after.startsWith(c)) || (laterClause && laterLead.test(after)));
      // 以产业园区为载体: the carrier of a mode is where it happens, not who takes part.
      const carrier = before.endsWith('以') && rc.carrierAfterActor.some((c) => after.startsWith(c));
      // 由科研团队创办的初创企业主导: an actor describing the leader (X创办的Y) neither leads nor takes part.
      if (AGENT_SLOT.test(before) && describesLeader(ctx, rc, x, actorsBySentence.get(x.sentence.id) ?? [], clause.end)) continue;
      // 由总工程师牵头的技术委员会决定: the actor leads the body named after 的, not the mode.
      if (leads && leadsActorAfter(ctx, rc, last, actorsBySentence.get(x.sentence.id) ?? [])) continue;
      // 由X牵头组建的Y型联合体: the mode named right after the lead verb is the one led, not the section's.
      const led = leads ? modeNamedAfter(ctx, modeSpans, last, clause.end) ?? scope.modeId : scope.modeId;
      // 由龙头企业担任理事长单位并牵头: a role taken by the actor named before 担任 is that actor's to lead.
      const taker = (actorsBySentence.get(x.sentence.id) ?? []).filter((a) => a.end < x.start && ROLE_TAKING.test(ctx.text.slice(a.end, x.start))).at(-1);
      if (leads || organises) rs.add('LED_BY', led, (taker ?? x).entityId, leads ? conf.explicitPattern : conf.sameClause, x.sentence);
      // 园区管委会: an actor right before a body names whose body it is.
      else if (carrier || isBody(rc, x.label) || (actorsBySentence.get(x.sentence.id) ?? []).some((y) => y.start === x.end && isBody(rc, y.label))) continue;
      else if (!leaders.get(scope.modeId)?.has(x.label)) {
        const part = takesPart(ctx, lex, x, actorsBySentence);
        if (part) rs.add('PARTICIPATES_IN', x.entityId, scope.modeId, part === 'cue' ? base : Math.min(base, conf.subjectOnly), x.sentence);
      }
    }
  }
  // A mode whose own name carries a driver (技术驱动型…合作) is driven by it.
  for (const d of ctx.linked) {
    if (d.type !== 'Driver') continue;
    for (const m of modeSpans) {
      if (m.start <= d.start && d.end <= m.end) rs.add('DRIVEN_BY', m.entityId, d.entityId, conf.explicitPattern, d.sentence);
    }
  }
}

/** B由Y组织 / B单项…，由Y组织实施: the scope's own mode opens the clause as the subject of 由. */
function subjectModeThenBy(modes: LinkedCandidate[], scope: Scope, before: string): boolean {
  const opens = modes.find((m) => m.entityId === scope.modeId && m.start === scope.start);
  if (!opens || !before.endsWith('由')) return false;
  const rest = before.slice(opens.end - opens.start, -1);
  return rest === '' || (/[，,]$/u.test(rest) && !/[。；;]/u.test(rest));
}

/** Indices of the first and last actor of the run around x (sorted by position) that `joined` links. */
function listAround(actors: LinkedCandidate[], x: LinkedCandidate, joined: (a: LinkedCandidate, b: LinkedCandidate) => boolean): [number, number] {
  let i = actors.indexOf(x);
  let j = i;
  if (i < 0) return [i, j];
  while (i > 0 && joined(actors[i - 1], actors[i])) i--;
  while (j < actors.length - 1 && joined(actors[j], actors[j + 1])) j++;
  return [i, j];
}

/** The list of actors x belongs to: neighbours joined by 、/和/与/及/或 or written together (高校院所). */
function actorList(ctx: RelationContext, x: LinkedCandidate, actors: LinkedCandidate[]): { first: LinkedCandidate; last: LinkedCandidate } {
  const [i, j] = listAround(actors, x, (a, b) => {
    const between = ctx.text.slice(a.end, b.start);
    // 高校技术转移机构: an actor right before a name found by its suffix is that name's owner, not a list item.
    return (between === '' && b.via !== 'suffix') || LIST_JOINER.test(between);
  });
  return i < 0 ? { first: x, last: x } : { first: actors[i], last: actors[j] };
}

/** 共同发起 / 联合牵头: a lead verb after one of the adverbs partners use. */
const adverbLead = (rc: RelationCues, after: string): boolean =>
  rc.leadAdverbs.some((a) => after.startsWith(a) && rc.leadAfterActor.some((c) => after.startsWith(c, a.length)));

/** Right after an actor (list): 牵头…, 为主导…, one character then the verb (共同牵头 is adverbLead). */
const leadCue = (rc: RelationCues, after: string): boolean =>
  adverbLead(rc, after) || rc.leadAfterActor.some((c) => after.startsWith(c) || (after.length > 1 && after.slice(1).startsWith(c) && !/[，、和与及或]/u.test(after[0])));

/** 由X… / 由集群所在地的X… / 由设区市政府…: the agent slot of 由, which a short 的-modifier or a place word may open. */
const AGENT_SLOT = /由(?:[^，,。；;由]{1,10}的|(?:设区|本地|当地|各地|省内|有关))?$/u;

/** 由X创办的Y主导: another actor follows X through a 的-clause, and a lead verb follows that actor. */
function describesLeader(ctx: RelationContext, rc: RelationCues, x: LinkedCandidate, actors: LinkedCandidate[], clauseEnd: number): boolean {
  const next = actors.filter((y) => y.type === 'Actor' && y.start > x.end && y.start <= x.end + MAX_LED_GAP).sort((a, b) => a.start - b.start)[0];
  if (!next) return false;
  const between = ctx.text.slice(x.end, next.start);
  if (!between.endsWith('的') || CLAUSE_MARK.test(between)) return false;
  const after = ctx.text.slice(next.end, clauseEnd);
  return rc.leadAfterActor.some((c) => after.startsWith(c));
}

/** X牵头的技术委员会: the lead verb and 的 make X the leader of the actor named right after them. */
function leadsActorAfter(ctx: RelationContext, rc: RelationCues, actor: LinkedCandidate, actors: LinkedCandidate[]): boolean {
  const after = ctx.text.slice(actor.end, actor.end + 8);
  const verb = rc.leadAfterActor.find((c) => after.startsWith(c) && after.startsWith('的', c.length));
  if (!verb) return false;
  const at = actor.end + verb.length + 1;
  return actors.some((y) => y.type === 'Actor' && y.start === at);
}

/** A mode mention that follows an actor's lead verb in the same clause as its head (…牵头组建的成果孵化型联合体). */
function modeNamedAfter(ctx: RelationContext, modes: LinkedCandidate[], actor: LinkedCandidate, clauseEnd: number): string | undefined {
  const m = modes.filter((y) => !y.weak && y.start >= actor.end && y.end <= clauseEnd).sort((a, b) => a.start - b.start)[0];
  if (!m) return undefined;
  const between = ctx.text.slice(actor.end, m.start);
  return between.endsWith('的') && !CLAUSE_MARK.test(between) && between.length <= MAX_LED_GAP ? m.entityId : undefined;
}
const MAX_LED_GAP = 12;

const CLAUSE_SEP = /[，,；;：:]/u;

/** A clause that opens with the verb of adopting a system (实行…, 设立…): its subject is the sentence's. */
const SUBJECTLESS_CLAUSE = /^(?:并|还|同时|均|统一)?(?:实行|实施|推行|采用|采取|建立|设立|设有)/u;

/** 牵头企业, 成员单位, 参与企业: an actor named by its role in the collaboration (the role word ends the text before the name, or opens it). */
const ROLE_BEFORE = /(?:牵头|成员|参与|合作)$/u;
const ROLE_OPENING = /^(?:牵头|成员|参与|合作)/u;

/**
 * Per lexicon: an anaphoric subject (这类机构…), a subject that is that head word alone (联盟, 该平台),
 * and a short subject naming an organisation (创新中心登记为…).
 */
const subjectPatterns = new WeakMap<RelationCues, { anaphor: RegExp; bare: RegExp; shortSubject: RegExp }>();
function subjectPatternsOf(rc: RelationCues): { anaphor: RegExp; bare: RegExp; shortSubject: RegExp } {
  let p = subjectPatterns.get(rc);
  if (!p) {
    const suffixes = rc.decisionSubjectSuffixes.join('|');
    p = {
      anaphor: new RegExp(`^(?:${rc.anaphorDeterminers.join('|')})?(${suffixes})`, 'u'),
      bare: new RegExp(`^(?:${rc.anaphorDeterminers.join('|')})?(${suffixes})$`, 'u'),
      shortSubject: new RegExp(`^(\\p{Script=Han}{1,4}?(?:${suffixes}))(?=登记|注册|是|为|具有|实行|设)`, 'u'),
    };
    subjectPatterns.set(rc, p);
  }
  return p;
}

/**
 * The organisation whose decision body a pattern at `at` names: an organisation actor in the same
 * clause (产业化公司的决策机构为董事会); else, walking back over the sentence's clauses, one that opens a
 * clause, or the antecedent of an anaphoric subject (这类机构… -> the last actor named …机构). A clause
 * opened by a non-actor noun (平台决策机构为…) or no owner at all leaves it to the mode in scope.
 */
function decisionOwner(ctx: RelationContext, rc: RelationCues, s: Sentence, ms: LinkedCandidate[], at: number, bodyId: string): LinkedCandidate | undefined {
  const owners = ms.filter((x) => x.type === 'Actor' && x.end <= at && x.entityId !== bodyId && !isBody(rc, x.label));
  // The name as written decides (投资人 is filed under 投资机构 but is a person, not an organisation).
  // (牵头企业 / 成员单位 name a role inside the collaboration: a body they set up is the collaboration's)
  const isOwner = (x: LinkedCandidate) =>
    !ROLE_BEFORE.test(ctx.text.slice(Math.max(s.start, x.start - 2), x.start)) && !ROLE_OPENING.test(ctx.text.slice(x.start, x.end)) && rc.decisionSubjectSuffixes.some((suf) => x.label.endsWith(suf) && ctx.text.slice(x.start, x.end).endsWith(suf));
  let c = clauseStart(ctx.text, s, at);
  const same = owners.filter((x) => x.start >= c && isOwner(x)).at(-1);
  if (same) return same;
  const { anaphor, shortSubject } = subjectPatternsOf(rc);
  // The pattern's own clause has a subject of its own unless it is empty or 其 (其决策机构为…).
  const own = ctx.text.slice(c, at);
  // (创新中心登记为独立法人，实行理事会领导下的…: a clause opening with its verb shares the sentence's subject)
  if (own !== '' && own !== '其' && !anaphor.test(own) && !SUBJECTLESS_CLAUSE.test(own)) return undefined;
  for (let first = true; ; first = false) {
    const opening = owners.find((x) => x.start === c || (x.start === c + 1 && ctx.text[c] === '由'));
    if (opening && !first) return isOwner(opening) ? opening : undefined;
    // (创新中心登记为…: a short form of a name given earlier, as the clause's subject)
    const head = ctx.text.slice(c, at).match(anaphor)?.[1] ?? ctx.text.slice(c, at).match(shortSubject)?.[1];
    if (head) {
      const named = (x: LinkedCandidate) => x.type === 'Actor' && ctx.text.slice(x.start, x.end).endsWith(head);
      // 研究院实行…，设理事会…: the antecedent may be named in an earlier sentence of the same section.
      // A sentence that names a mode before the pattern is about that mode (政府引导型机构…，机构决策机构为…).
      const ownTopic = ms.some((x) => x.type === 'Mode' && x.end <= at);
      const earlier = ownTopic ? undefined : ctx.linked.filter((x) => named(x) && x.end <= s.start && x.sentence.sectionId === s.sectionId).at(-1);
      return owners.filter((x) => x.end <= c && named(x)).at(-1) ?? earlier;
    }
    if (c <= s.start) return undefined;
    c = clauseStart(ctx.text, s, c - 1);
  }
}

/** Where the clause of sentence `s` that holds `at` starts. */
function clauseStart(text: string, s: Sentence, at: number): number {
  let c = at;
  while (c > s.start && !CLAUSE_SEP.test(text[c - 1])) c--;
  return c;
}

const labelOf = (ctx: RelationContext, id: string) => ctx.entities.find((e) => e.id === id)?.label;

/** The clause before `at` is only a head word (联盟, 平台) that the mode's own name holds. */
function bareVehicle(ctx: RelationContext, rc: RelationCues, s: Sentence, at: number, modeLabel: string): boolean {
  const head = ctx.text.slice(clauseStart(ctx.text, s, at), at).match(subjectPatternsOf(rc).bare)?.[1];
  return head !== undefined && modeLabel.includes(head);
}

/** A collegial or executive body (理事会, …委员会, 领导小组) governs; it does not take part. */
const isBody = (rc: RelationCues, label: string) => rc.bodyLabels.includes(label) || (/(?:会|小组|指挥部)$/u.test(label) && !ASSOCIATION.test(label));
/** 行业协会, 校友会, 商会: associations are organisations that take part, not bodies of one. */
const ASSOCIATION = /(?:协会|学会|商会|联合会|校友会|研究会|促进会|基金会)$/u;

/** Decision bodies, body membership (PART_OF) and stated inclusion (SUBTYPE_OF); returns the member mentions. */
function patternRelations(ctx: RelationContext, rs: RelationSet, lex: Lexicon, scopes: Scope[]): Set<LinkedCandidate> {
  const rc = lex.relationCues;
  const members = new Set<LinkedCandidate>();
  const bySentence = new Map<string, LinkedCandidate[]>();
  for (const m of ctx.linked) bySentence.set(m.sentence.id, [...(bySentence.get(m.sentence.id) ?? []), m]);
  const overlapping = (ms: LinkedCandidate[], a: number, b: number) => ms.filter((m) => m.type === 'Actor' && m.start < b && a < m.end);
  for (const s of ctx.sentences) {
    const ms = bySentence.get(s.id) ?? [];
    const text = ctx.text.slice(s.start, s.end);
    // Several patterns may read one statement; an organisation named as owner by any of them wins over the mode in scope.
    const owners = new Map<string, { actor?: string; mode?: string; vehicle?: boolean }>();
    for (const p of rc.decisionBody) {
      for (const m of text.matchAll(compilePattern(p))) {
        const body = m.groups?.body ?? '';
        const bodyAt = s.start + (m.index ?? 0) + m[0].indexOf(body);
        // Only a collegial or executive body (…会, …小组) is a decision body; the group may take in
        // words before it (平台公司实行董事会决策: the body is 董事会, not 平台公司).
        const bodyEntity = overlapping(ms, bodyAt, bodyAt + body.length).filter((x) => isBody(rc, x.label)).at(-1);
        if (!bodyEntity) continue;
        let at = s.start + (m.index ?? 0);
        // A match starting inside an actor's name starts after it: that actor may own the body.
        const straddled = ms.find((x) => x.type === 'Actor' && x.start < at && at < x.end);
        if (straddled) at = straddled.end;
        const found = owners.get(bodyEntity.entityId) ?? {};
        // …组建项目评审委员会，…，由评审委员会决定…: a body named again is owned where it was first named.
        const earlier = ms.find((x) => x.type === 'Actor' && x.end <= at && x !== bodyEntity && x.label.endsWith(bodyEntity.label));
        const owner = decisionOwner(ctx, rc, s, ms, at, bodyEntity.entityId) ?? (earlier && decisionOwner(ctx, rc, s, ms, earlier.start, earlier.entityId));
        const scope = innermost(scopes, at, at + 1);
        // 联盟设常务理事会 in the text of 装备研发联盟型合作: the bare head word is the mode's own vehicle.
        const modeLabel = scope ? labelOf(ctx, scope.modeId) ?? '' : '';
        if (owner && scope && [at, earlier?.start].some((p) => p !== undefined && bareVehicle(ctx, rc, s, p, modeLabel))) found.vehicle = true;
        if (!found.vehicle) found.actor ??= owner?.entityId;
        else delete found.actor;
        found.mode ??= scope?.modeId;
        owners.set(bodyEntity.entityId, found);
      }
    }
    for (const [body, o] of owners) {
      if (o.actor) rs.add('HAS_DECISION_BODY', o.actor, body, rc.confidence.explicitPattern, s);
      else if (o.mode) rs.add('HAS_DECISION_BODY', o.mode, body, rc.confidence.sameSentence, s);
    }
    for (const p of rc.membership) {
      for (const m of text.matchAll(compilePattern(p))) {
        const whole = m.groups?.whole ?? '';
        const parts = m.groups?.parts ?? '';
        // The whole may come first (理事会成员由…组成) or last (由…组成的评审委员会).
        const wholeIdx = m[0].lastIndexOf(whole);
        const wholeAt = s.start + (m.index ?? 0) + wholeIdx;
        const partsAt = s.start + (m.index ?? 0) + m[0].indexOf(parts, wholeIdx === 0 ? whole.length : 0);
        const w = overlapping(ms, wholeAt, wholeAt + whole.length).at(-1);
        if (!w) continue;
        for (const part of overlapping(ms, partsAt, partsAt + parts.length)) {
          members.add(part);
          rs.add('PART_OF', part.entityId, w.entityId, rc.confidence.explicitPattern, s);
        }
      }
    }
    // 地方政府给予建设补助 / 金融机构提供…融资: the actor supplies the mechanism named in the same clause.
    const manner = compilePattern({ name: 'provides-manner', regex: rc.providesMannerPattern }, 'u');
    for (const a of ms) {
      if (a.type !== 'Actor') continue;
      // 政府以资本金注入方式支持…: the actor supplies the practice named as its manner of support.
      const how = ctx.text.slice(a.end, s.end).match(manner);
      if (how?.groups?.x !== undefined) {
        const from = a.end + (how.index ?? 0);
        const to = from + how[0].length;
        for (const x of ms) if (x.type === 'Mechanism' && x.start >= from && x.end <= to) rs.add('PROVIDES', a.entityId, x.entityId, rc.confidence.explicitPattern, s);
      }
      // 为成员企业提供…: the actor served is not the one providing.
      if (BENEFICIARY_BEFORE.test(ctx.text.slice(Math.max(s.start, a.start - BENEFICIARY_GAP - 1), a.start)) || SERVED_CLAUSE.test(ctx.text.slice(s.start, a.start))) continue;
      // 金融机构则为成员企业提供…: the provider may name whom it serves before the verb.
      const served = ctx.text.slice(a.end, s.end).match(PROVIDER_FOR);
      const gap = served ? served[0].length : 0;
      const window = ctx.text.slice(a.end + gap, Math.min(s.end, a.end + gap + rc.providesGap + 2));
      const found = rc.providesVerbs.map((v) => ({ v, at: window.indexOf(v) })).filter((x) => x.at >= 0 && x.at <= rc.providesGap).sort((x, y) => x.at - y.at)[0];
      const verb = found && { ...found, at: found.at + gap };
      if (!verb || /[，。；,;]/u.test(ctx.text.slice(a.end, a.end + verb.at))) continue;
      const from = a.end + verb.at + verb.v.length;
      let to = from;
      while (to < s.end && !/[，。；,;]/u.test(ctx.text[to])) to++;
      for (const x of ms) {
        if (x.type === 'Mechanism' && x.start >= from && x.end <= to) rs.add('PROVIDES', a.entityId, x.entityId, rc.confidence.explicitPattern, s);
      }
    }
    const subject = ms.find((x) => x.type === 'Actor' && x.start - s.start <= SUBJECT_LEAD);
    if (subject) {
      for (const m of text.matchAll(SUBJECTLESS_SERVICE)) {
        const from = s.start + (m.index ?? 0) + m[0].length;
        if (from <= subject.end) continue;
        let to = from;
        while (to < s.end && !/[，。；,;]/u.test(ctx.text[to])) to++;
        for (const x of ms) if (x.type === 'Mechanism' && x.start >= from && x.end <= to) rs.add('PROVIDES', subject.entityId, x.entityId, rc.confidence.sameSentence, s);
      }
    }
    // 企业，包括科技领军企业、…新创企业: the listed kinds of the whole are its subtypes.
    for (const p of rc.inclusion) {
      for (const m of text.matchAll(compilePattern(p))) {
        const at = s.start + (m.index ?? 0);
        const whole = ms.filter((x) => x.type === 'Actor' && x.end <= at && at - x.end <= 1).at(-1);
        if (!whole) continue;
        const parts = m.groups?.parts ?? '';
        const partsAt = at + m[0].indexOf(parts);
        for (const part of overlapping(ms, partsAt, partsAt + parts.length)) {
          // (文旅企业，包括…数字内容企业: a part named by the whole's head noun is a kind of it too)
          const head = whole.label.slice(-2);
          if (part.label !== whole.label && (part.label.endsWith(whole.label) || (whole.label.length > 2 && part.label.endsWith(head)))) rs.add('SUBTYPE_OF', part.entityId, whole.entityId, rc.confidence.explicitPattern, s);
        }
      }
    }
  }
  return members;
}

/** Modes whose leaders are all subtypes of another mode's leaders (中央政府主导 < 政府主导). */
function subtypeRelations(ctx: RelationContext, rs: RelationSet, lex: Lexicon, leaders: Map<string, Set<string>>): void {
  const ancestors = (label: string) => actorAncestors(label, lex);
  const first = new Map<string, Sentence>();
  for (const m of ctx.linked) if (m.type === 'Mode' && !first.has(m.entityId)) first.set(m.entityId, m.sentence);
  // Kinds enumerated inside a mode's section (分为两类：A…；B…) are its sub-modes.
  const sections = ctx.linked.filter((m) => m.type === 'Mode' && m.heading !== undefined && ctx.structure.headings[m.heading].kind === 'heading');
  // (and kinds listed inline in it: 又可分为实体型与协议型两类)
  for (const m of ctx.linked) {
    const listed = m.type === 'Mode' && m.via === 'kind-list' && m.heading === undefined;
    if (listed) {
      const outer = sections.filter((o) => o.entityId !== m.entityId && ctx.structure.headings[o.heading!].scopeStart <= m.start && m.end <= ctx.structure.headings[o.heading!].scopeEnd);
      for (const o of outer) rs.add('SUBTYPE_OF', m.entityId, o.entityId, lex.relationCues.confidence.explicitPattern, m.sentence);
      continue;
    }
    if (m.type !== 'Mode' || m.heading === undefined) continue;
    // a mode heading under a mode heading (（二）…平台模式 ①…综合服务平台) is one of its kinds
    if (ctx.structure.headings[m.heading].kind === 'heading') {
      const h = ctx.structure.headings[m.heading];
      const parentHeading = h.parent;
      for (const o of sections) if (o.heading === parentHeading && o.entityId !== m.entityId) rs.add('SUBTYPE_OF', m.entityId, o.entityId, lex.relationCues.confidence.explicitPattern, m.sentence);
      // (——甲 inside the scope of the listed kind 其三，政府搭台的协同攻关 is one of its kinds)
      const listed = ctx.linked.filter((o) => {
        const item = o.type === 'Mode' && o.entityId !== m.entityId && o.heading !== undefined ? ctx.structure.headings[o.heading] : undefined;
        return item?.kind === 'enumeration' && item.scopeStart < h.start && h.start < item.scopeEnd;
      });
      for (const o of listed) rs.add('SUBTYPE_OF', m.entityId, o.entityId, lex.relationCues.confidence.explicitPattern, m.sentence);
      continue;
    }
    const outer = sections.filter((o) => o.entityId !== m.entityId && ctx.structure.headings[o.heading!].scopeStart <= m.start && m.end <= ctx.structure.headings[o.heading!].scopeEnd);
    for (const o of outer) rs.add('SUBTYPE_OF', m.entityId, o.entityId, lex.relationCues.confidence.explicitPattern, m.sentence);
    // 第三种是…合作。这一类又可以细分为两种。一种是A…；另一种是B…: the kinds that the mode opening the paragraph divides into.
    const item = ctx.structure.headings[m.heading];
    if (outer.length > 0 || item.kind !== 'enumeration' || !dividesIntoKinds(item.intro ?? '')) continue;
    // (its intro may stand on the line before the items: 答：企业主导的协同攻关…又可以细分为两类。\n一类是…)
    const introAt = ctx.text.lastIndexOf(item.intro ?? '', item.scopeStart);
    const paragraphStart = ctx.text.lastIndexOf('\n', Math.min(item.scopeStart, introAt < 0 ? item.scopeStart : introAt) - 1) + 1;
    // (前面两位讲的，一类是A，一类是B。又冒出了一类，我们叫它“C”…这一类里头又有两种：— the kind nearest the intro divides)
    const introEnd = introAt < 0 ? item.scopeStart : introAt + (item.intro ?? '').length;
    const opener = ctx.linked
      .filter((o) => o.type === 'Mode' && o.entityId !== m.entityId && o.start >= paragraphStart && o.end <= Math.min(item.scopeStart, introEnd))
      .sort((a, b) => a.start - b.start)
      .at(ANAPHORIC_INTRO.test(lastSentence(item.intro ?? '', false)) ? -1 : 0);
    if (opener) rs.add('SUBTYPE_OF', m.entityId, opener.entityId, lex.relationCues.confidence.explicitPattern, m.sentence);
  }
  for (const [a, la] of leaders) {
    for (const [b, lb] of leaders) {
      if (a === b || la.size === 0 || lb.size === 0 || [...la].some((x) => lb.has(x))) continue;
      // (each of the wider kind's leaders is specialised: 地方政府 under 政府; 龙头企业 does not make a kind led by
      // 企业或者行业协会 its parent)
      if ([...la].every((x) => ancestors(x).some((p) => lb.has(p))) && [...lb].every((p) => [...la].some((x) => ancestors(x).includes(p)))) {
        rs.add('SUBTYPE_OF', a, b, lex.relationCues.confidence.explicitPattern, first.get(a)!);
      }
    }
  }
}

/** 这一类里头又有两种： / 其中又分… — an intro that refers back to the kind just named. */
const ANAPHORIC_INTRO = /^(?:这一?类|这一?种|该类|此类|其中)/u;

const BENEFICIARY_GAP = 4;
/** 为/向/给/对 + a short modifier right before an actor: the actor is served, it does not provide (对入盟企业给予后补助). */
const BENEFICIARY_BEFORE = /(?:为|向|给|对)[\p{Script=Han}]{0,4}$/u;
/**
 * 则为成员企业 / 还向中小企业 / 则对首台（套）装备 / 普遍对入驻企业 / 按其上年度研发投入的10%: whom or what a
 * provider serves, or by what measure, between it and its verb.
 */
const PROVIDER_FOR = /^(?:则|还|也|可|主要|将|积极|普遍|一般|通常|均|都|统一|分别)?(?:(?:为|向|给)[\p{Script=Han}]{1,10}?|对[^，,。；;]{1,20}?|按照?[^，,。；;]{1,20}?){1,2}(?=提供|给予|发放)/u;

/** 为在试验场完成验证的企业 / 对首次采购本省产品的企业: the actor closes a phrase that says whom something is for. */
const SERVED_CLAUSE = /(?:(?:^|[，,；;])(?:也|还|则|并|同时)?(?:为|向|给)[^，,。；;为向给]{1,16}的|对[^，,。；;对]{1,20}的[\p{Script=Han}]{0,4})$/u;
/**
 * 当地金融机构也参与进来，为…企业提供知识产权质押融资: a clause with no subject of its own that
 * serves someone continues the sentence's subject (an actor opening the sentence).
 */
const SUBJECTLESS_SERVICE = /(?:^|[，,；;])(?:也|还|则|并|同时)?(?:为|向|给)[^，,。；;]{1,20}?(?:提供|给予|发放)/gu;
const SUBJECT_LEAD = 4;

const ADDRESSABLE = new Set(['Mode', 'Mechanism', 'Driver']);

/**
 * A requirement or recommendation stated as a heading addresses the modes, mechanisms and drivers
 * its heading names, and those its section names with a word of the heading (成果共享迈向利益共享
 * -> 利益共享机制).
 */
function addressRelations(ctx: RelationContext, rs: RelationSet, lex: Lexicon): void {
  const conf = lex.relationCues.confidence;
  const sentenceTexts = ctx.sentences.map((s) => ctx.text.slice(s.start, s.end));
  const distinctive = (w: string) => sentenceTexts.filter((t) => t.includes(w)).length <= lex.relationCues.addressMaxDocFrequency * sentenceTexts.length;
  const words = (s: string) => new Set(segment(s).map((t) => t.text).filter((w) => w.length >= 2 && !lex.stopwords.has(w) && /\p{Script=Han}/u.test(w) && distinctive(w)));
  const stems = modeStems(ctx, lex);
  const items = ctx.structure.headings.filter((h) => h.kind === 'enumeration');
  for (const r of ctx.linked) {
    if (r.type !== 'Requirement' && r.type !== 'Recommendation') continue;
    // 三是合作关系由A向B转变，特别是委托攻关型合作…: a shift stated in one item of a list addresses the
    // modes that item names.
    if (r.heading === undefined) {
      const item = r.type === 'Requirement' ? items.filter((h) => h.start <= r.start && r.end <= h.scopeEnd).at(-1) : undefined;
      for (const x of item ? ctx.linked : []) {
        if (x.type === 'Mode' && !x.weak && x.start >= item!.start && x.end <= item!.scopeEnd) rs.add('ADDRESSES', r.entityId, x.entityId, conf.sectionScope, x.sentence);
      }
      continue;
    }
    const h = ctx.structure.headings[r.heading];
    const key = words(h.text);
    for (const x of ctx.linked) {
      if (!ADDRESSABLE.has(x.type) || x.start < h.scopeStart || x.end > h.scopeEnd) continue;
      if (r.start <= x.start && x.end <= r.end) {
        rs.add('ADDRESSES', r.entityId, x.entityId, conf.sameClause, r.sentence);
        continue;
      }
      const surface = ctx.text.slice(x.start, x.end);
      // A measure's section names the practices and modes it is about; a requirement's section only
      // those sharing its words, unless it is one item of a list (三是…，特别是委托攻关型合作，需要…).
      const named = (r.type === 'Recommendation' || (h.kind === 'enumeration' && x.type === 'Mode')) && x.type !== 'Driver' && !x.weak;
      if (named || [...key].some((w) => surface.includes(w))) rs.add('ADDRESSES', r.entityId, x.entityId, conf.sectionScope, x.sentence);
    }
    // 提升委托攻关质效: a measure may name a mode by its stem alone, without its head (…型合作, …模式).
    if (r.type !== 'Recommendation') continue;
    for (const [modeId, stem] of stems) {
      for (let at = ctx.text.indexOf(stem, h.scopeStart); at >= 0 && at + stem.length <= h.scopeEnd; at = ctx.text.indexOf(stem, at + stem.length)) {
        const sentence = ctx.sentences.find((x) => x.start <= at && at + stem.length <= x.end);
        if (sentence) rs.add('ADDRESSES', r.entityId, modeId, conf.sectionScope, sentence);
      }
    }
  }
}

const MIN_MODE_STEM = 4;

/**
 * Each mode's stem: the distinctive words of its name before the generic head (委托攻关 of
 * …的委托攻关型合作, 行业共性技术平台 of …的行业共性技术平台模式), kept only when long enough to
 * name the mode alone and not shared by two modes.
 */
function modeStems(ctx: RelationContext, lex: Lexicon): Map<string, string> {
  const heads = modeHeadWords(lex).sort((a, b) => b.length - a.length);
  const out = new Map<string, string>();
  for (const e of ctx.entities) {
    if (e.type !== 'Mode') continue;
    const tail = e.label.replace(/[“”"「」‘’\s]/gu, '').split('的').at(-1) ?? '';
    const head = heads.find((x) => tail.endsWith(x) && tail.length > x.length);
    const stem = (head ? tail.slice(0, -head.length) : tail).replace(/[型式类]$/u, '');
    if (stem.length >= MIN_MODE_STEM) out.set(e.id, stem);
  }
  const counts = new Map<string, number>();
  for (const stem of out.values()) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  for (const [id, stem] of out) if (counts.get(stem)! > 1 || [...out.values()].some((o) => o !== stem && o.includes(stem))) out.delete(id);
  return out;
}

export function extractRelations(ctx: RelationContext, lex: Lexicon = lexicon()): Relation[] {
  const rs = new RelationSet(ctx, new Set(ctx.entities.map((e) => e.id)));
  const leaders = modeLeaders(ctx);
  const scopes = modeScopes(ctx, lex, leaders);
  labelRelations(ctx, rs, lex, leaders);
  const members = patternRelations(ctx, rs, lex, scopes);
  scopeRelations(ctx, rs, lex, scopes, leaders, members);
  subtypeRelations(ctx, rs, lex, leaders);
  addressRelations(ctx, rs, lex);
  return withSpecificLeaders(rs.all(), lex);
}

/**
 * 政府搭台的中试平台模式 … 由地方政府牵头: beside a narrower leader (地方政府) found in the mode's text,
 * the general one its name gives (政府) says nothing more; it is dropped.
 */
function withSpecificLeaders(rels: Relation[], lex: Lexicon): Relation[] {
  const label = (actorId: string) => actorId.slice('Actor:'.length);
  const isAncestor = (general: string, specific: string) => actorAncestors(label(specific), lex).includes(label(general));
  const led = rels.filter((r) => r.type === 'LED_BY');
  return rels.filter((r) => r.type !== 'LED_BY' || !led.some((o) => o.source === r.source && o !== r && isAncestor(r.target, o.target)));
}
