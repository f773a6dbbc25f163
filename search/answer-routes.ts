/**
 * Routes from evidence sentences to answers of the asked type: mentions (weighted by the clause
 * holding them), section ownership (a Mode introduced by a heading owns its section), and typed
 * relations to the entities the question names. Each route adds scored contributions.
 */
import type { DocumentDetail, GraphStore } from '../graph/types.js';
import type { Entity, EntityType, Evidence, RelationType, Section, Sentence } from '../ingest/types.js';
import { ASK_PARAMS } from './ask-params.js';
import { clauses, relevance, type Clause, type WeightedGroup } from './evidence-score.js';
import { segmentTagged } from '../ingest/segment.js';
import { nameAt, namesOf, type Focus } from './focus.js';
import { questionCues } from './lexicon.js';
import type { ParsedQuestion } from './question.js';

export interface ScoredSentence {
  sentence: Sentence;
  /** Relevance read in context (own text + enclosing headings), negation-adjusted. */
  rel: number;
  /** Relevance of the sentence's own words. */
  own: number;
  /** The sentence itself says some of the predicate (or the question has none beyond its scope). */
  saysPredicate: boolean;
  docText: string;
}

export interface Contribution {
  score: number;
  evidence: Evidence;
  /** Counts as further support of the answer (not merely being in the question's scope). */
  supports: boolean;
}


export function sectionChain(sections: Map<string, Section>, sectionId: string): Section[] {
  const chain: Section[] = [];
  for (let s = sections.get(sectionId); s; s = s.parentId ? sections.get(s.parentId) : undefined) chain.push(s);
  return chain;
}

export type Add = (entityId: string, c: Contribution) => void;

export function toEvidence(s: Sentence, docText: string): Evidence {
  return { doc: s.docId, section: s.sectionPath, sentenceId: s.id, text: docText.slice(s.start, s.end), start: s.start, end: s.end };
}

/**
 * Mentions: an entity of the asked type mentioned in a relevant sentence; the clause holding
 * the mention decides how much of the sentence's relevance it earns (企业提供资金 vs 由政府牵头).
 */
export function mentionRoute(
  d: DocumentDetail,
  byId: Map<string, ScoredSentence>,
  entities: Map<string, Entity>,
  parsed: ParsedQuestion,
  groups: WeightedGroup[],
  add: Add,
  focusIds: Set<string> = new Set(),
): void {
  const focusTypes = new Set([...focusIds].map((id) => entities.get(id)?.type).filter((t) => t !== undefined));
  // a sentence listing several entities of the asked type is weaker evidence for each of them
  const perSentence = new Map<string, Set<string>>();
  for (const m of d.mentions) {
    if (entities.get(m.entityId)?.type !== parsed.answerType) continue;
    const set = perSentence.get(m.sentenceId) ?? new Set<string>();
    set.add(m.entityId);
    perSentence.set(m.sentenceId, set);
  }
  for (const m of d.mentions) {
    const e = entities.get(m.entityId);
    if (!e || e.type !== parsed.answerType) continue;
    const s = byId.get(m.sentenceId);
    if (!s || s.rel <= 0) continue;
    const local = m.start - s.sentence.start;
    // (an actor is the agent of the subject-less clauses after it; other answers keep their own clause)
    const clause =
      parsed.answerType === 'Actor'
        ? mentionClause(s.sentence.text, local, typedMentionsAt(d, entities, parsed.answerType, s.sentence))
        : clauses(s.sentence.text).find((c) => c.start <= local && local < c.end + 1);
    const own = relevance(s.sentence.text, groups);
    const inClause = clause ? relevance(clause.text, groups) : { score: 0, positions: [] };
    let share = own.score > 0 ? Math.min(1, inClause.score / own.score) : 0.5;
    // the answer is what the role word is said of: its clause must say it
    const roles = groups.filter((g) => g.role);
    if (roles.length && clause) share = 0.5 * share + 0.5 * roleShare(clause, local, roles, parsed.answerType);
    // within the clause, the entity next to the matched words is the one they are said of
    // (由链主企业梳理难题: 链主企业, not an actor named further away)
    const localEnd = m.end - s.sentence.start;
    // (when its clause says none of them, the nearest in the sentence: 建立尽职免责机制，对…勤勉尽责…不追究…
    // speaks of 尽职免责机制 more than of a practice named two clauses before)
    const matched = inClause.positions.length ? inClause.positions.map((p) => p + (clause?.start ?? 0)) : own.positions;
    const gaps = matched.map((at) => (at >= localEnd ? at - localEnd : Math.max(0, local - at)));
    const proximity = gaps.length ? 1 / (1 + Math.min(...gaps) / 12) : 0;
    const crowd = 1 / (1 + ASK_PARAMS.crowdDiscount * ((perSentence.get(m.sentenceId)?.size ?? 1) - 1));
    // words the sentence says only inside another answer's name are that answer's, not this one's
    // (…包括A、B、企业参与政府主导三类: 政府主导 speaks for the third mode only)
    const siblings = d.mentions.filter((o) => o.sentenceId === m.sentenceId && o.entityId !== e.id && entities.get(o.entityId)?.type === parsed.answerType);
    const masked = siblings.length ? relevance(maskSpans(s.sentence.text, siblings.map((o) => [o.start - s.sentence.start, o.end - s.sentence.start])), groups) : own;
    const ownName = own.score > 0 ? Math.min(1, masked.score / own.score) : 1;
    // a name inside the name of an entity the question is about is part of that premise
    // (企业 of 同行业企业横向联合组建的共性技术联盟), not what is said of it
    const inFocus = d.mentions.some((o) => o.sentenceId === m.sentenceId && focusIds.has(o.entityId) && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start);
    // …and one inside another entity's name, when the question names an entity, speaks for that other one
    // (链主企业牵头的联合攻关型和政府搭台的…平台型: 链主企业 leads the first, not the one asked about)
    // (only another of the kind the question names: when the question's mode was not recognised, its name stays the answer's)
    const inOther =
      !inFocus &&
      d.mentions.some((o) => {
        const other = entities.get(o.entityId);
        return o.sentenceId === m.sentenceId && !focusIds.has(o.entityId) && other !== undefined && other.type !== e.type && focusTypes.has(other.type) && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start;
      });
    const score = (inFocus ? ASK_PARAMS.insideFocusName : inOther ? ASK_PARAMS.insideOtherName : 1) * s.rel * (0.55 + 0.45 * share) * (0.9 + 0.1 * proximity) * crowd * (1 - ASK_PARAMS.siblingNameShare * (1 - ownName));
    add(e.id, { score, evidence: toEvidence(s.sentence, s.docText), supports: s.saysPredicate });
  }
}

/**
 * How well a clause says the role word of the entity mentioned at `local` (sentence-relative).
 * An actor is the agent of the role verb when it comes before it (由孵化器承接, 董事会决策); one
 * the verb comes before is its object (共同出资设立平台运营公司) and earns half, unless a copula or
 * agent marker stands between (决策机构为理事会, 交由孵化器).
 */
export function roleShare(clause: Clause, local: number, roles: WeightedGroup[], answerType: EntityType): number {
  const r = relevance(clause.text, roles);
  if (r.score <= 0 || answerType !== 'Actor' || r.positions.length === 0) return r.score;
  const at = local - clause.start;
  // 科技银行为孵化企业提供…: the actor after 为/向/给 is served; the provider is the one before
  if (BENEFICIARY.test(clause.text.slice(Math.max(0, at - BENEFICIARY_REACH), at)) && roles.some((g) => g.alternatives.some((a) => PROVISION_VERBS.has(a)))) return ASK_PARAMS.beneficiaryShare * r.score;
  if (r.positions.some((p) => p >= at)) return r.score;
  const between = clause.text.slice(Math.max(...r.positions), at);
  return /[为是由给让被]/u.test(between) ? r.score : 0.5 * r.score;
}

/** 为/向/给 (not 作为, 成为, 以…为) opening the phrase that ends at an actor. */
const BENEFICIARY = /(?<![作成认因以])(?<!(?<!银)行)(?:为|向|给)[^，,。；;为向给以]{0,10}$/u;
const BENEFICIARY_REACH = 12;
const PROVISION_VERBS = new Set(['提供', '给予', '发放', '供给', '出资']);

/** Sentence-relative starts of the mentions of a type in a sentence. */
function typedMentionsAt(d: DocumentDetail, entities: Map<string, Entity>, type: EntityType, s: Sentence): number[] {
  return d.mentions.filter((o) => o.sentenceId === s.id && entities.get(o.entityId)?.type === type).map((o) => o.start - s.start);
}

/** Does a clause begin with a verb or adverb (no subject of its own: 负责项目遴选, 共同出资设立)? */
function subjectless(text: string): boolean {
  const toks = segmentTagged(text.slice(0, 12)).filter((t) => t.tag !== 'x');
  const first = toks[0]?.tag === 'c' ? toks[1] : toks[0];
  return first !== undefined && /^[vd]/.test(first.tag);
}

/**
 * The clause a mention at `local` speaks in: its own clause, continued through the clauses after it
 * that have no subject of their own and name no entity of the asked type, when the mention is the
 * last such entity of its clause (设立…评审委员会，负责项目遴选和资助决策: the committee decides).
 */
export function mentionClause(text: string, local: number, typed: number[]): Clause | undefined {
  const cls = clauses(text);
  const i = cls.findIndex((c) => c.start <= local && local < c.end + 1);
  if (i < 0) return undefined;
  const has = (c: Clause) => typed.some((t) => t >= c.start && t < c.end + 1);
  if (typed.some((t) => t > local && t < cls[i].end + 1)) return cls[i];
  let j = i;
  while (j + 1 < cls.length && !has(cls[j + 1]) && subjectless(cls[j + 1].text)) j += 1;
  if (j === i) return cls[i];
  return { start: cls[i].start, end: cls[j].end, text: text.slice(cls[i].start, cls[j].end) };
}

/** The text with the given [start, end) spans blanked out (offsets kept). */
export function maskSpans(text: string, spans: Array<[number, number]>): string {
  const chars = [...text];
  for (const [a, b] of spans) for (let i = Math.max(0, a); i < Math.min(chars.length, b); i++) chars[i] = '\u3000';
  return chars.join('');
}

/**
 * Section ownership: an entity of an owner type (Mode, Requirement ...) named by a section
 * heading owns the sentences of that section and of its subsections.
 */
export function sectionRoute(
  d: DocumentDetail,
  byId: Map<string, ScoredSentence>,
  entities: Map<string, Entity>,
  answerType: EntityType,
  add: Add,
  relatedIn?: Map<string, Set<string>>,
): void {
  if (!questionCues().sectionOwnerTypes.includes(answerType)) return;
  const owners = sectionOwners(d, entities, answerType);
  if (owners.size === 0) return;
  const sections = new Map(d.sections.map((s) => [s.id, s]));
  const kinds = subKinds(d, entities, answerType, owners, sections);
  for (const s of d.sentences) {
    const scored = byId.get(s.id);
    if (!scored || scored.rel <= 0) continue;
    // a sentence where the graph relates a kind introduced within the section to what the question
    // names speaks for that kind; the section's owner holds it only by scope
    // (成果孵化型联合体多采用知识产权作价入股 under 高校院所牵引型)
    const related = relatedIn?.get(s.id);
    // the nearest owning section speaks for the sentence; owners further up count half
    let depth = 0;
    for (const sec of sectionChain(sections, s.sectionId)) {
      const own = owners.get(sec.id);
      if (!own) continue;
      // (whether or not the sentence names the kind again: 协议型联合研究院… 研究生实行…双导师制)
      const kindNamed = [...(kinds.get(sec.id) ?? [])].some((id) => related?.has(id));
      for (const [entityId, strength] of own) {
        const share = kindNamed && !related?.has(entityId) ? ASK_PARAMS.subKindOwnerShare : 1;
        add(entityId, { score: scored.rel * strength * 0.9 * 0.5 ** depth * share, evidence: toEvidence(s, scored.docText), supports: scored.saysPredicate });
      }
      depth += 1;
    }
  }
}

/** A clause that only names what something is compared with (与X相比, 不同于X, 相较于X). */
const COMPARISON = /^(?:(?:与|同|和|跟).{1,40}(?:相比|相比较|相较|不同|相似|类似|一样)|(?:相较于|相比于|不同于|区别于|有别于|较之).{1,40})$/u;

/**
 * Paragraph ownership: a sentence naming exactly one entity of an owner type (…可以概括为X模式。 /
 * 三是X转变。) is followed by sentences about it: those of its paragraph that name no entity of the
 * type speak for it, a little less surely than a heading's section does.
 */
export function paragraphRoute(
  d: DocumentDetail,
  byId: Map<string, ScoredSentence>,
  entities: Map<string, Entity>,
  answerType: EntityType,
  add: Add,
): void {
  if (!questionCues().sectionOwnerTypes.includes(answerType)) return;
  const text = d.document.text;
  const sentences = [...d.sentences].sort((a, b) => a.start - b.start);
  let owner: string | undefined;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const prev = sentences[i - 1];
    const opens = !prev || prev.isHeading || s.isHeading || prev.sectionId !== s.sectionId || text.slice(prev.end, s.start).includes('\n');
    // what a sentence compares its subject with (与X相比，…) is not its subject
    const compared = clauses(s.text).filter((c) => COMPARISON.test(c.text));
    const inComparison = (at: number) => compared.some((c) => c.start <= at - s.start && at - s.start < c.end);
    const named = new Set(
      d.mentions.filter((m) => m.sentenceId === s.id && entities.get(m.entityId)?.type === answerType && !inComparison(m.start)).map((m) => m.entityId),
    );
    if (opens || named.size > 0) {
      // the lead names the paragraph's subject; a later sentence naming another one passes the
      // paragraph on to it (一是X。…二是Y。…), naming several leaves it to none
      owner = !s.isHeading && named.size === 1 ? [...named][0] : undefined;
      continue;
    }
    const scored = byId.get(s.id);
    if (!owner || !scored || scored.rel <= 0) continue;
    add(owner, { score: scored.rel * ASK_PARAMS.paragraphOwner * 0.9, evidence: toEvidence(s, scored.docText), supports: scored.saysPredicate });
  }
}

/**
 * section id -> entities of the type first named inside the section (not in its heading) of an
 * owner: kinds of the owner (一类是…基础攻关型联合体 under 高校院所牵引型).
 */
function subKinds(
  d: DocumentDetail,
  entities: Map<string, Entity>,
  type: EntityType,
  owners: Map<string, Map<string, number>>,
  sections: Map<string, Section>,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const sentenceSection = new Map(d.sentences.map((s) => [s.id, s.sectionId]));
  const first = new Map<string, { start: number; sectionId: string }>();
  for (const m of d.mentions) {
    if (entities.get(m.entityId)?.type !== type) continue;
    const prev = first.get(m.entityId);
    const sectionId = sentenceSection.get(m.sentenceId);
    if (sectionId && (!prev || m.start < prev.start)) first.set(m.entityId, { start: m.start, sectionId });
  }
  for (const [entityId, at] of first) {
    for (const sec of sectionChain(sections, at.sectionId)) {
      const own = owners.get(sec.id);
      if (!own || own.has(entityId)) continue;
      if (at.start >= sec.headingStart && at.start < sec.headingEnd) continue;
      const set = out.get(sec.id) ?? new Set<string>();
      set.add(entityId);
      out.set(sec.id, set);
      break;
    }
  }
  return out;
}

/** section id -> (entity id -> strength): entities of the type mentioned in (or named by) the heading. */
function sectionOwners(d: DocumentDetail, entities: Map<string, Entity>, type: EntityType): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const byType = [...entities.values()].filter((e) => e.type === type);
  for (const sec of d.sections) {
    if (sec.headingEnd <= sec.headingStart || sec.level === 0) continue;
    const headingLen = Math.max(1, sec.headingEnd - sec.headingStart);
    const found = new Map<string, number>();
    for (const m of d.mentions) {
      if (m.start < sec.headingStart || m.end > sec.headingEnd) continue;
      const e = entities.get(m.entityId);
      if (!e || e.type !== type) continue;
      // a heading that is mostly the entity's name is about it; a passing mention less so
      found.set(e.id, Math.max(found.get(e.id) ?? 0, Math.min(1, 0.6 + (m.end - m.start) / headingLen)));
    }
    if (found.size === 0) {
      for (const e of byType) {
        const name = namesOf(e).find((n) => sec.heading.includes(n));
        if (name) found.set(e.id, Math.min(1, 0.5 + name.length / headingLen));
      }
    }
    if (found.size > 0) out.set(sec.id, found);
  }
  return out;
}

/**
 * Relation types the question's predicate calls for (提供 -> PROVIDES). Scope words are not
 * asked for: 牵头 in 政府牵头的合作中由谁提供… names the scope, not the relation sought.
 */
export function askedRelations(predicate: WeightedGroup[]): Set<RelationType> {
  const cues = questionCues().relationCues;
  const words = predicate.flatMap((g) => g.alternatives);
  const out = new Set<RelationType>();
  for (const [type, list] of Object.entries(cues) as [RelationType, string[] | undefined][]) {
    if (list?.some((c) => words.some((w) => w.includes(c)))) out.add(type);
  }
  return out;
}

/**
 * Relations between a named entity and entities of the asked type: all of them, weighted by the named
 * entity's match and the relation's confidence. `askedConfidence` receives, per answer, the best
 * confidence of a relation of a type the question asks for (参与 -> PARTICIPATES_IN).
 */
export async function relationRoute(
  store: GraphStore,
  parsed: ParsedQuestion,
  focus: Focus[],
  entities: Map<string, Entity>,
  docIds: string[],
  predicate: WeightedGroup[],
  add: Add,
  askedConfidence: Map<string, number> = new Map(),
): Promise<Map<string, Set<string>>> {
  // sentence id -> the entities of the asked type it relates to a named entity
  const relatedIn = new Map<string, Set<string>>();
  // a focus of the asked type counts too (新型研发机构 -HAS_DECISION_BODY-> 理事会); it is never its own answer
  const named = focus;
  if (named.length === 0) return relatedIn;
  const asked = askedRelations(predicate);
  // evidence only from the documents being read: the question is about them
  const relations = await store.findRelations({ involving: named.map((f) => f.entity.id), docIds });
  const focusScore = new Map(named.map((f) => [f.entity.id, f.score]));
  const otherIds = relations.map((r) => (focusScore.has(r.source) ? r.target : r.source)).filter((id) => !entities.has(id));
  if (otherIds.length) for (const e of await store.getEntities([...new Set(otherIds)])) entities.set(e.id, e);
  for (const r of relations) {
    const [f, other] = focusScore.has(r.source) ? [r.source, r.target] : [r.target, r.source];
    const e = entities.get(other);
    if (!e || e.type !== parsed.answerType || focusScore.has(other) || r.evidence.length === 0) continue;
    const typeFactor = asked.has(r.type) ? 1 : r.type === 'RELATED_TO' ? 0.4 : 0.7;
    // (a relation read from explicit cues, 0.5 and up, counts more than one read from a subject alone, 0.4)
    const base = (focusScore.get(f) ?? 0) * typeFactor * Math.max(0.3, r.confidence) * ASK_PARAMS.relationWeight;
    if (asked.has(r.type)) askedConfidence.set(e.id, Math.max(askedConfidence.get(e.id) ?? 0, r.confidence));
    // the relation's own type says the words that asked for it (发起 was read as LED_BY: "who leads")
    const said = asked.has(r.type) ? cuedGroups(predicate, r.type) : new Set<WeightedGroup>();
    for (const ev of r.evidence) {
      const support = clauseSupport(ev.text, e, predicate, said);
      add(e.id, { score: base * support, evidence: ev, supports: support > 0.7 || predicate.every((g) => g.weak) });
      const set = relatedIn.get(ev.sentenceId) ?? new Set<string>();
      set.add(e.id);
      relatedIn.set(ev.sentenceId, set);
    }
  }
  return relatedIn;
}

/**
 * How well the clause naming the entity in a relation's evidence says the question's predicate:
 * of three mechanisms a mode USES, the one in the clause 采用“赛马制”遴选技术路线 answers
 * 采用什么方式遴选技术路线. 1 when the question has no predicate beyond its focus.
 */
export function clauseSupport(text: string, e: Entity, predicate: WeightedGroup[], said: Set<WeightedGroup> = new Set()): number {
  // light verbs (采用, 采取) say nothing about which of the related entities is meant
  const strong = predicate.filter((g) => !g.weak);
  if (strong.length === 0) return 1;
  const at = nameAt(e, text);
  const clause = at >= 0 ? clauses(text).find((c) => c.start <= at && at < c.end + 1) : undefined;
  const total = strong.reduce((a, g) => a + g.weight, 0);
  const saidWeight = strong.filter((g) => said.has(g)).reduce((a, g) => a + g.weight, 0);
  const rest = strong.filter((g) => !said.has(g));
  const restScore = clause && rest.length ? relevance(clause.text, rest).score : 0;
  const share = total > 0 ? (saidWeight + restScore * (total - saidWeight)) / total : 0;
  return 0.7 + 0.3 * share;
}

/** The predicate groups whose words cue a relation type (牵头/主导 cue LED_BY). */
export function cuedGroups(predicate: WeightedGroup[], type: RelationType): Set<WeightedGroup> {
  const cues = questionCues().relationCues[type] ?? [];
  return new Set(predicate.filter((g) => g.alternatives.some((w) => cues.some((c) => w.includes(c)))));
}

/**
 * Decision bodies: a question for a body that decides or coordinates (what body coordinates X)
 * is answered by actors the graph knows as decision bodies (HAS_DECISION_BODY targets): through
 * the relation's evidence in the documents being read, as relevant as it is, and, a little less
 * surely, where such a body is mentioned in a relevant sentence without a relation of its own
 * there (该类型的统筹协调由…联席会议负责). A relation whose owner the question names counts fully;
 * one of another owner, when the question names one, counts less. Returns the decision bodies, and
 * (ofFocus) those the named owner has in the documents read.
 */
export async function decisionBodyRoute(
  store: GraphStore,
  docs: DocumentDetail[],
  byId: Map<string, ScoredSentence>,
  entities: Map<string, Entity>,
  focus: Focus[],
  add: Add,
): Promise<Set<string> & { ofFocus: Set<string> }> {
  const docIds = new Set(docs.map((d) => d.document.id));
  const relations = await store.findRelations({ types: ['HAS_DECISION_BODY'] });
  const missing = [...new Set(relations.map((r) => r.target))].filter((id) => !entities.has(id));
  if (missing.length) for (const e of await store.getEntities(missing)) entities.set(e.id, e);
  const focusIds = new Set(focus.map((f) => f.entity.id));
  const bodies = new Set<string>();
  const related = new Set<string>();
  // when the named owner has a body of its own here, another owner's body is much less likely the answer
  const ofFocus = new Set(relations.filter((r) => focusIds.has(r.source) && r.evidence.some((ev) => docIds.has(ev.doc))).map((r) => r.target));
  const focusOwned = ofFocus.size > 0;
  // (with no owner named, a body set up in the paragraph that describes what the question speaks of
  // belongs to it: 联盟由…共同发起，…。联盟设联席会议作为决策机构)
  const relOf = paragraphRelevance(byId, focusIds.size === 0);
  for (const r of relations) {
    const e = entities.get(r.target);
    if (!e || e.type !== 'Actor' || focusIds.has(e.id)) continue;
    bodies.add(e.id);
    const owner = focusIds.size === 0 || focusIds.has(r.source) ? 1 : focusOwned ? ASK_PARAMS.decisionBodyOtherOwnerWhenNamedHasOne : ASK_PARAMS.decisionBodyOtherOwner;
    for (const ev of r.evidence) {
      if (!docIds.has(ev.doc)) continue;
      const s = byId.get(ev.sentenceId);
      if (!s || relOf(s) <= 0) continue;
      related.add(`${e.id} ${ev.sentenceId}`);
      add(e.id, { score: relOf(s) * owner * ASK_PARAMS.decisionBodyWeight * Math.max(0.5, r.confidence), evidence: ev, supports: s.saysPredicate });
    }
  }
  for (const d of docs) {
    for (const m of d.mentions) {
      if (!bodies.has(m.entityId) || related.has(`${m.entityId} ${m.sentenceId}`)) continue;
      const s = byId.get(m.sentenceId);
      if (!s || relOf(s) <= 0) continue;
      add(m.entityId, { score: relOf(s) * ASK_PARAMS.decisionBodyWeight * ASK_PARAMS.decisionBodyMention, evidence: toEvidence(s.sentence, s.docText), supports: s.saysPredicate });
    }
  }
  return Object.assign(bodies, { ofFocus });
}

/**
 * A sentence's relevance, or (when `widen`) a share of the best relevance in its paragraph when that is
 * higher: what a paragraph describes is what its other sentences speak of.
 */
function paragraphRelevance(byId: Map<string, ScoredSentence>, widen: boolean): (s: ScoredSentence) => number {
  if (!widen) return (s) => s.rel;
  const paragraphOf = (s: ScoredSentence) => `${s.sentence.docId}:${s.docText.lastIndexOf('\n', s.sentence.start - 1)}`;
  const best = new Map<string, number>();
  for (const s of byId.values()) {
    const key = paragraphOf(s);
    best.set(key, Math.max(best.get(key) ?? 0, s.rel));
  }
  return (s) => Math.max(s.rel, ASK_PARAMS.decisionBodyParagraphShare * (best.get(paragraphOf(s)) ?? 0));
}
