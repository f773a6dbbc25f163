/**
 * Question answering: entities of the asked type, linked to the sentences that best match the
 * question's constraint through mentions, section ownership (a Mode introduced by a heading owns
 * its section) and relations to the entities the question names; exhaustive, ranked, with evidence.
 */
import { PolicygraphError } from '../core/errors.js';
import { escapeRegExp } from '../core/regexp.js';
import type { Embedder } from '../ingest/embedder.js';
import { actorAncestors, lexicon } from '../ingest/lexicon.js';
import { searchTokens, segment } from '../ingest/segment.js';
import type { Entity, Evidence } from '../ingest/types.js';
import type { DocumentDetail, GraphStore, PassageHit } from '../graph/types.js';
import { askedRelations, decisionBodyRoute, mentionRoute, paragraphRoute, relationRoute, sectionChain, sectionRoute, toEvidence, type Contribution, type ScoredSentence } from './answer-routes.js';
import { ASK_PARAMS } from './ask-params.js';
import { carriesNegation, relevance, relevanceInContext, weightGroups, type WeightedGroup } from './evidence-score.js';
import { commonRun, findFocus, nameAt, namesOf, type Focus } from './focus.js';
import { questionCues } from './lexicon.js';
import { parseQuestion, type ParsedQuestion } from './question.js';
import { mergeCompounds } from './compounds.js';
import { policySynonyms, type TermGroup } from './translate.js';
import type { Answer, AskResult } from './types.js';

export interface AskDeps {
  store: GraphStore;
  embedder: Embedder | null;
}

export interface AskOptions {
  /** Maximum number of answers. */
  k: number;
  /** Only draw evidence from these documents (e.g. a question about one document). */
  docIds?: string[];
}

export async function ask(deps: AskDeps, question: string, opts: AskOptions): Promise<AskResult> {
  const q = question.trim();
  if (!q) throw new PolicygraphError('BAD_INPUT', 'empty question');
  const k = Math.max(1, Math.floor(opts.k));
  const parsed = parseQuestion(q);
  const { store } = deps;

  // one embedding and one vector search per distinct query text (documents and sentence scores share it)
  const memo = new Map<string, Promise<PassageHit[]>>();
  const nearest: Nearest = (text) => {
    let hits = memo.get(text);
    if (!hits) {
      const embedder = deps.embedder;
      hits = embedder ? embedder.embedQuery(text).then((v) => store.nearestPassages(v, ASK_PARAMS.vectorPool)) : Promise.resolve([]);
      memo.set(text, hits);
    }
    return hits;
  };
  const docs = await readDocuments(deps, parsed, nearest, opts.docIds);
  const entityIds = [...new Set(docs.flatMap((d) => d.mentions.map((m) => m.entityId)))];
  const entities = new Map((await store.getEntities(entityIds)).map((e) => [e.id, e]));
  const texts = docs.flatMap((d) => d.sentences.map((s) => s.text));
  // which kind of institution: a mode where the documents name kinds of it as modes (政府引导型机构)
  if (parsed.kindOf?.length && parsed.answerType === 'Actor' && namesKindsAsModes(docs, entities, parsed.kindOf)) parsed.answerType = 'Mode';
  // an English question's Chinese is rebuilt from the senses the documents use
  let groups = preferDocumentWords(mergeCompounds(parsed.groups, texts), texts);
  // an English exclusion names what the documents call it (chain leader + firm -> one compound when they write it so)
  if (parsed.excludedGroups?.length) {
    const merged = preferDocumentWords(mergeCompounds(parsed.excludedGroups, texts), texts);
    if (merged.length < parsed.excludedGroups.length) parsed.excluded = [...new Set(merged.map((g) => g.alternatives[0]).filter((n) => n.length >= 2))];
  }
  // what is set aside stays as context when it is of the asked type (apart from the chain-leader firm,
  // who joins: the sentence naming it names the others); of another type it is only a contrast
  // (apart from the board of directors, which mode … a council) and leaves the constraint
  if (parsed.excluded.length) {
    const set = [...entities.values()].filter((e) => namesOf(e).some((n) => parsed.excluded.includes(n)));
    if (set.length && !set.some((e) => e.type === parsed.answerType)) {
      const kept = groups.filter((g) => !g.alternatives.some((a) => parsed.excluded.includes(a)));
      if (kept.length) {
        groups = kept;
        for (const n of parsed.excluded) parsed.constraint = parsed.constraint.split(n).join('');
      }
    }
  }
  if (parsed.lang === 'en') parsed.constraint = groups.map((g) => g.alternatives[0]).join('');
  parsed.groups = groups;
  const focus = await findFocus(store, parsed, [...entities.values()]);
  // 除发起部门外 / besides the lead maker: what is set aside is whoever leads the mode asked about
  if (parsed.excluded.some((n) => leadWords().has(n))) parsed.excluded.push(...(await leadersOf(store, focus, entities)));
  const weighted = weightGroups(groups, texts);
  const terms = splitScope(weighted, focus);
  const vectorWeight = ASK_PARAMS.vectorWeight * (parsed.lang === 'en' ? ASK_PARAMS.vectorWeightEnglish * translationConfidence(parsed, texts) : 1);
  // an untrusted translation is not embedded at all
  const vector = vectorWeight > 0 ? await vectorRelevance(deps, parsed, docs, nearest) : noVector();
  const scored = scoreSentences(docs, terms, new Set(focus.map((f) => f.entity.id)), parsed.negated, vector, vectorWeight);

  const contributions = new Map<string, Contribution[]>();
  const add = (entityId: string, c: Contribution) => {
    const list = contributions.get(entityId);
    if (list) list.push(c);
    else contributions.set(entityId, [c]);
  };

  const byId = new Map(scored.map((s) => [s.sentence.id, s]));
  const askedConfidence = new Map<string, number>();
  const relatedIn = await relationRoute(store, parsed, focus, entities, docs.map((d) => d.document.id), terms.predicate, add, askedConfidence);
  // what body decides: the actors the graph knows as decision bodies (others are less likely the answer)
  const bodies = parsed.decisionBody && parsed.answerType === 'Actor' ? await decisionBodyRoute(store, docs, byId, entities, focus, add) : undefined;
  for (const d of docs) {
    mentionRoute(d, byId, entities, parsed, terms.predicate.length ? terms.predicate : terms.scope, add, new Set(focus.map((f) => f.entity.id)));
    sectionRoute(d, byId, entities, parsed.answerType, add, relatedIn);
    paragraphRoute(d, byId, entities, parsed.answerType, add);
  }

  // which mode splits into A and B: the whole the named kinds belong to
  const factors = new Map<string, number>();
  if (parsed.asksWhole) await promoteWholes(store, contributions, entities, parsed.answerType, add, factors);
  // …and into which kinds X divides: the kinds of the whole the question names
  if (parsed.asksParts) await promoteParts(store, contributions, entities, focus, parsed.answerType, add, factors);
  // which mode does X: where a mode and one of its kinds rest on the same sentence, the kind does it
  if (parsed.answerType === 'Mode' && !parsed.asksWhole) await preferKinds(store, contributions, entities, factors);
  // which of the three types: the kinds counted are wholes, not their sub-kinds
  if (parsed.answerType === 'Mode' && parsed.amongCounted) await demoteSubKinds(store, contributions, entities, factors);
  // who takes part in X: X's own leaders are not among its participants
  if (parsed.answerType === 'Actor' && asksParticipants(parsed, terms.predicate)) await demoteLeaders(store, focus, contributions, entities, factors);
  // 哪家金融机构: answers of that kind (银行 is one) come before others
  if (parsed.category) preferCategory(parsed.category, contributions, entities, factors);
  const generic = new Set(questionCues().genericRoles);
  // the graph relates the named entity to answers by the relation asked for (参与 -> PARTICIPATES_IN),
  // several of them read from explicit cues: an answer related only from a subject (confidence under
  // 0.5), or not at all (the mode's own leader), is less likely one of them
  const cued = [...askedConfidence.values()].filter((c) => c >= ASK_PARAMS.cuedConfidence).length;
  // (and ranks below every answer related from cues)
  const below = new Set<string>();
  for (const [id] of contributions) {
    let f = factors.get(id) ?? 1;
    if (bodies?.size && !bodies.has(id)) f *= ASK_PARAMS.notDecisionBody;
    // (a body of another owner, when the named one has its own: 实体型's 理事会 for 协议型's decision body)
    else if (bodies?.ofFocus.size && !bodies.ofFocus.has(id)) f *= ASK_PARAMS.decisionBodyOtherOwner;
    if (cued >= 2 && (askedConfidence.get(id) ?? 0) < ASK_PARAMS.cuedConfidence) {
      f *= ASK_PARAMS.uncuedRelation;
      below.add(id);
    }
    // a role every member has (成员单位, 参与方) names no one in particular
    const e = entities.get(id);
    if (e?.type === 'Actor' && namesOf(e).some((n) => generic.has(n))) f *= ASK_PARAMS.genericRole;
    if (f !== 1) factors.set(id, f);
  }
  // what are the shifts / which recommendations does it make: a question with no constraint of its own
  // (only weak words: the report, collaboration) lists the documents' entities of the type, in their order
  const weakWords = new Set(questionCues().zhWeakWords);
  // (a word of the documents' titles names their topic, not a constraint: 畜牧业 in a report on 畜牧业)
  const titles = docs.map((d) => d.document.title);
  // (nor is a word for collaboration itself: how will cooperation shift → 协同 / 合作)
  const topical = (a: string) => weakWords.has(a) || COLLABORATION_WORDS.has(a) || titles.some((t) => t.includes(a));
  // (only where nothing in the documents answers it by its words: otherwise those answers stand)
  const best = Math.max(0, ...scored.map((s) => s.own));
  const listed = best < ASK_PARAMS.minRelevance && LIST_TYPES.has(parsed.answerType) && focus.length === 0 && parsed.groups.every((g) => g.weak || g.alternatives.every(topical));
  if (listed) listRoute(docs, byId, entities, parsed.answerType, add);
  // which mode is divided into two variants, in words no sentence uses: the modes the graph divides into kinds
  const divided = !listed && parsed.asksWhole === true && best < ASK_PARAMS.minRelevance && focus.length === 0 && (await dividedWholes(store, docs, entities, parsed.answerType, add)) > 0;
  // 在科研经费的配置方式上，新阶段提出了什么转变: the sentence that answers best is itself a statement of
  // the type asked for (二是资源配置由…向…转变) and says some of the predicate: it answers, though it
  // shares fewer of the question's words than the general bar asks
  // (the mentions are read only for a question that may need this bar)
  const holdsAskedType = (sentenceId: string) => docs.some((d) => d.mentions.some((m) => m.sentenceId === sentenceId && entities.get(m.entityId)?.type === parsed.answerType));
  const stated =
    !listed && !divided && STATEMENT_TYPES.has(parsed.answerType) && best < ASK_PARAMS.minRelevance && best >= ASK_PARAMS.minStatementRelevance &&
    scored.some((x) => x.own >= best * ASK_PARAMS.statementShareOfBest && x.saysPredicate && holdsAskedType(x.sentence.id));
  const answers = rank(contributions, entities, parsed, k, focus, factors, below);
  // (a colloquial question in words the documents do not use, that the model finds said in a passage)
  const paraphrased = vector.top >= ASK_PARAMS.minParaphraseCosine && best >= ASK_PARAMS.minParaphraseOwn;
  const result: AskResult = {
    question: q,
    type: parsed.answerType,
    answers: best >= ASK_PARAMS.minRelevance || focus.length > 0 || listed || divided || paraphrased || stated ? answers : [],
    interpretation: {
      lang: parsed.lang,
      answerType: parsed.answerType,
      typeCue: parsed.typeCue,
      constraint: parsed.constraint,
      terms: parsed.groups.map((g) => g.alternatives),
      negated: parsed.negated,
      unknown: parsed.unknown,
      focus: focus.map((f) => ({ id: f.entity.id, label: f.entity.label, type: f.entity.type, score: round(f.score) })),
      documents: docs.map((d) => d.document.id),
      coverage: round(best),
    },
  };
  if (result.answers.length === 0) {
    result.closest = [...scored]
      .sort((a, b) => b.rel - a.rel)
      .slice(0, 3)
      .filter((s) => s.rel > 0)
      .map((s) => toEvidence(s.sentence, s.docText));
  }
  return result;
}

// ---------------------------------------------------------------- documents and sentence scores

/**
 * Do the documents name kinds of an organisation as modes: a mode's name written right before the
 * organisation's noun (政府引导型机构, 企业主导型联盟), or a mode named with it (孵化型机构)?
 */
export function namesKindsAsModes(docs: DocumentDetail[], entities: Map<string, Entity>, nouns: string[]): boolean {
  const words = nouns.filter((n) => n.length >= 2);
  if (words.length === 0) return false;
  for (const d of docs) {
    for (const m of d.mentions) {
      const e = entities.get(m.entityId);
      if (e?.type !== 'Mode') continue;
      if (words.some((n) => m.text.endsWith(n) && m.text.length > n.length)) return true;
      const after = d.document.text.slice(m.end, m.end + 8);
      if (words.some((n) => after.startsWith(n) || after.startsWith(`型${n}`))) return true;
    }
  }
  return false;
}

/** Tokens for the store's lexical index: every alternative and the constraint's own segmentation. */
function queryTokens(parsed: ParsedQuestion): string[] {
  return [...new Set([...parsed.groups.flatMap((g) => g.alternatives), ...searchTokens(parsed.constraint)])];
}

/**
 * Dictionary translations are guesses (race -> 种族/竞赛): keep the ones the documents use,
 * or the two best when none is used.
 */
export function preferDocumentWords(groups: TermGroup[], texts: string[]): TermGroup[] {
  const used = (a: string) => texts.some((t) => t.includes(a));
  const starts = wordStarts(texts);
  return groups.map((g) => {
    if (g.origin === 'glossary' || g.origin === 'phrase') {
      // a curated word the documents do not use, whose two-character core they do (决策者 -> 决策)
      if (g.alternatives.some(used)) return g;
      const cores = [...new Set(g.alternatives.filter((a) => a.length === 3).map((a) => a.slice(0, 2)))].filter((c) => starts(c));
      return cores.length ? { ...g, alternatives: [...g.alternatives, ...cores] } : g;
    }
    if (g.origin !== 'dictionary') return g;
    // a sense the documents write as a word of its own (横向联合), not inside another word
    // (水平 of 高水平): horizontal -> 横向 rather than 水平; its policy near-synonyms the documents use stay
    // (pushed -> 推动, written 驱动)
    const asWord = g.alternatives.filter((a) => starts(a));
    if (asWord.length) return { ...g, alternatives: [...new Set([...asWord, ...asWord.flatMap(policySynonyms).filter((a) => g.alternatives.includes(a) && used(a))])] };
    const rarerWords = (g.more ?? []).filter((a) => starts(a)).slice(0, 2);
    if (rarerWords.length) return { ...g, alternatives: rarerWords };
    const present = g.alternatives.filter(used);
    if (present.length) return { ...g, alternatives: present };
    // a rarer sense the documents do use (diligent -> 勤勉)
    const rarer = (g.more ?? []).filter(used).slice(0, 2);
    if (rarer.length) return { ...g, alternatives: rarer };
    // 战略性 -> 战略, 补偿费 -> 补偿: the two-character core of a compound the documents do not use
    const parts = g.alternatives.flatMap((a) => (a.length >= 3 ? [a.slice(0, -1), a.slice(1), a.slice(0, 2), a.slice(-2)] : []));
    const stems = [...new Set(parts.filter((a) => a.length >= 2 && used(a)))];
    return { ...g, alternatives: stems.length ? stems : g.alternatives.slice(0, 2) };
  });
}

/**
 * Does a word occur in the texts starting at a word boundary of their segmentation? A word starting
 * a longer token (横向 of 横向联合) counts; one inside a token (水平 of 高水平大学) does not.
 */
function wordStarts(texts: string[]): (w: string) => boolean {
  // segment a text only when it holds the word: an English question over many documents
  // checks a few words, and most sentences hold none of them
  const bounds = new Map<number, Set<number>>();
  const boundsOf = (i: number) => {
    let b = bounds.get(i);
    if (!b) bounds.set(i, (b = new Set(segment(texts[i]).map((tok) => tok.start))));
    return b;
  };
  return (w: string) =>
    texts.some((t, i) => {
      for (let at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + 1)) if (boundsOf(i).has(at)) return true;
      return false;
    });
}

/**
 * How far an English question's Chinese can be trusted as a query for the (Chinese-only)
 * embedding model: the share of its content groups whose Chinese the documents use, halved when
 * some English words could not be translated at all. 1 for Chinese questions.
 */
export function translationConfidence(parsed: Pick<ParsedQuestion, 'lang' | 'groups' | 'unknown'>, texts: string[]): number {
  if (parsed.lang !== 'en') return 1;
  const content = parsed.groups.filter((g) => !g.weak);
  if (content.length === 0) return 0;
  const found = content.filter((g) => g.alternatives.some((a) => texts.some((t) => t.includes(a)))).length;
  return (found / content.length) * (parsed.unknown.length ? 0.5 : 1);
}

/** The lexicon's names of an actor and of every actor under it (金融机构: 银行, 投资机构, 担保机构…). */
function namesUnder(category: string): string[] {
  const actors = lexicon().actors.actors;
  const root = actors.find((a) => a.label === category || a.aliases.includes(category));
  if (!root) return [category];
  return actors
    .filter((a) => a.label === root.label || actorAncestors(a.label).includes(root.label))
    .flatMap((a) => [a.label, ...a.aliases])
    .filter((n) => n.length >= 2);
}

/** An answer that is not of the named kind (its name ends in none of the kind's names) ranks lower, when some answer is. */
function preferCategory(category: string, contributions: Map<string, Contribution[]>, entities: Map<string, Entity>, factors: Map<string, number>): void {
  const names = namesUnder(category);
  const of = (id: string) => namesOf(entities.get(id)!).some((n) => names.some((c) => n.endsWith(c)));
  const ids = [...contributions.keys()].filter((id) => entities.get(id)?.type === 'Actor');
  if (!ids.some(of)) return;
  for (const id of ids) if (!of(id)) factors.set(id, (factors.get(id) ?? 1) * ASK_PARAMS.otherKindThanNamed);
}

/** Words saying an actor leads (牵头, 主导, 发起…), as the extractor reads them. */
const leadWords = (): Set<string> => new Set([...lexicon().relationCues.leadAfterActor, ...lexicon().relationCues.explicitLead].filter((w) => w.length >= 2));

/** The names of the actors leading the modes a question is about. */
async function leadersOf(store: GraphStore, focus: Focus[], entities: Map<string, Entity>): Promise<string[]> {
  const modes = new Set(focus.filter((f) => f.entity.type === 'Mode').map((f) => f.entity.id));
  if (modes.size === 0) return [];
  const led = await store.findRelations({ types: ['LED_BY'], involving: [...modes] });
  return led.filter((r) => modes.has(r.source)).flatMap((r) => (entities.get(r.target) ? namesOf(entities.get(r.target)!) : []));
}

/** A constraint this long, said verbatim by a passage, makes its document one to read. */
const MIN_VERBATIM = 4;

/** The documents to read in full: those holding the best retrieved passages. */
type Nearest = (text: string) => Promise<PassageHit[]>;

async function readDocuments(deps: AskDeps, parsed: ParsedQuestion, nearestTo: Nearest, only?: string[]): Promise<DocumentDetail[]> {
  const { store, embedder } = deps;
  let docIds: string[];
  if (only?.length) docIds = only;
  else {
    const tokens = queryTokens(parsed);
    const lexical = await store.searchPassages({ text: parsed.constraint, tokens }, ASK_PARAMS.pool);
    const nearest = embedder && parsed.constraint ? (await nearestTo(parsed.constraint)).slice(0, ASK_PARAMS.pool) : [];
    // documents by reciprocal rank of their passages over both lists
    const docScore = new Map<string, number>();
    for (const list of [lexical, nearest]) {
      list.forEach((h, i) => docScore.set(h.passage.docId, (docScore.get(h.passage.docId) ?? 0) + 1 / (10 + i)));
    }
    // a document that says the constraint word for word (不设置决策机构) is read, as if ranked first once more
    const phrase = parsed.lang === 'zh' && [...parsed.constraint].length >= MIN_VERBATIM ? parsed.constraint : undefined;
    for (const id of new Set(phrase ? lexical.filter((h) => h.passage.text.includes(phrase)).map((h) => h.passage.docId) : [])) {
      docScore.set(id, (docScore.get(id) ?? 0) + 1 / 10);
    }
    docIds = [...docScore.entries()].sort((a, b) => b[1] - a[1]).slice(0, ASK_PARAMS.maxDocs).map(([id]) => id);
    if (docIds.length === 0) docIds = (await store.listDocuments()).slice(0, ASK_PARAMS.maxDocs).map((d) => d.id);
  }
  const details = await Promise.all(docIds.map((id) => store.getDocument(id)));
  return details.filter((d): d is DocumentDetail => d !== null);
}

/** Cosine similarity of each sentence to the question, rescaled to [0, 1] over the retrieved pool. */
/** Per sentence, its passages' similarity rescaled over the documents read; top: the nearest passage's raw cosine. */
type VectorRelevance = Map<string, number> & { top: number };
const noVector = (): VectorRelevance => Object.assign(new Map<string, number>(), { top: 0 });

async function vectorRelevance(deps: AskDeps, parsed: ParsedQuestion, docs: DocumentDetail[], nearestTo: Nearest): Promise<VectorRelevance> {
  const out = noVector();
  if (!deps.embedder || !parsed.constraint) return out;
  const wanted = new Set(docs.map((d) => d.document.id));
  // rescaled over the passages of the documents being read: other documents' passages say
  // nothing about which of these sentences fits best
  const hits: PassageHit[] = (await nearestTo(parsed.constraint)).filter((h) => wanted.has(h.passage.docId)).slice(0, ASK_PARAMS.pool);
  if (hits.length < 2) return out;
  const top = hits[0].score;
  out.top = top;
  const floor = hits[hits.length - 1].score;
  const span = Math.max(1e-6, top - floor);
  for (const h of hits) {
    const v = (h.score - floor) / span;
    // a window's similarity is shared by its sentences, a little discounted
    const share = h.passage.kind === 'window' ? 0.85 : 1;
    for (const id of h.passage.sentenceIds) out.set(id, Math.max(out.get(id) ?? 0, v * share));
  }
  return out;
}

/**
 * The constraint split in two: scope terms name an entity the question is about (政府主导的产学研合作),
 * predicate terms say what the answer must do within it (提供资金). No focus: all terms are predicate.
 */
interface SplitTerms {
  predicate: WeightedGroup[];
  scope: WeightedGroup[];
  /** For each scope group (same order): the focus entities whose names it matches. */
  scopeFocus: Set<string>[];
}

function splitScope(groups: WeightedGroup[], focus: Focus[]): SplitTerms {
  const linked = (g: WeightedGroup) =>
    new Set(
      focus
        .filter((f) => namesOf(f.entity).some((n) => g.alternatives.some((a) => a.length >= 2 && (n.includes(a) || a.includes(n)))))
        .map((f) => f.entity.id),
    );
  const split: SplitTerms = { predicate: [], scope: [], scopeFocus: [] };
  for (const g of groups) {
    const ids = linked(g);
    // the role word says what the answer does, even when a focus's (long) name happens to hold it
    if (ids.size && !g.role) {
      split.scope.push(g);
      split.scopeFocus.push(ids);
    } else split.predicate.push(g);
  }
  return split;
}

const sumWeights = (groups: WeightedGroup[]): number => groups.reduce((a, g) => a + g.weight, 0);

function scoreSentences(
  docs: DocumentDetail[],
  terms: SplitTerms,
  focusIds: Set<string>,
  negated: boolean,
  vector: Map<string, number>,
  vectorWeight: number,
): ScoredSentence[] {
  const out: ScoredSentence[] = [];
  for (const d of docs) {
    const sections = new Map(d.sections.map((s) => [s.id, s]));
    // focus entities mentioned by each sentence, and by the headings of each section
    const sentenceFocus = new Map<string, Set<string>>();
    for (const m of d.mentions) {
      if (!focusIds.has(m.entityId)) continue;
      const set = sentenceFocus.get(m.sentenceId) ?? new Set<string>();
      set.add(m.entityId);
      sentenceFocus.set(m.sentenceId, set);
    }
    const headingFocus = new Map<string, Set<string>>();
    for (const sec of d.sections) {
      if (sec.headingEnd <= sec.headingStart) continue;
      const ids = d.mentions.filter((m) => focusIds.has(m.entityId) && m.start >= sec.headingStart && m.end <= sec.headingEnd).map((m) => m.entityId);
      if (ids.length) headingFocus.set(sec.id, new Set(ids));
    }
    for (const s of d.sentences) {
      const chain = sectionChain(sections, s.sectionId);
      // a heading sentence is its own section's heading: it inherits from the sections above only
      const headings = (s.isHeading ? chain.slice(1) : chain).map((c) => c.heading).filter(Boolean);
      const here = sentenceFocus.get(s.id);
      const above = chain.flatMap((c) => [...(headingFocus.get(c.id) ?? [])]);
      // a scope term is met where its own words are, or where the entity it names is (sentence or section)
      let scopeSum = 0;
      let ownScopeSum = 0;
      terms.scope.forEach((g, i) => {
        const ids = terms.scopeFocus[i];
        // the focus's words scattered in a sentence are weak evidence of being about the focus
        const said = 0.6 * relevanceInContext(s.text, headings, [g], 0.9).score;
        const mentioned = [...ids].some((id) => here?.has(id)) ? 1 : 0;
        const enclosing = above.some((id) => ids.has(id)) ? 0.9 : 0;
        scopeSum += g.weight * Math.max(said, mentioned, enclosing);
        ownScopeSum += g.weight * Math.max(relevance(s.text, [g]).score, mentioned);
      });
      // weighted coverage of all terms
      const predWeight = sumWeights(terms.predicate);
      const total = Math.max(1e-9, predWeight + sumWeights(terms.scope));
      const ctx = relevanceInContext(s.text, headings, terms.predicate);
      const o = relevance(s.text, terms.predicate);
      const ownScope = relevance(s.text, terms.scope);
      let rel = (ctx.score * predWeight + scopeSum) / total;
      let own = (o.score * predWeight + ownScopeSum) / total;
      const positions = [...o.positions, ...ownScope.positions];
      rel += vectorWeight * (vector.get(s.id) ?? 0);
      if (negated && positions.length > 0) {
        const factor = carriesNegation(s.text, positions) ? ASK_PARAMS.negationBonus : ASK_PARAMS.negationPenalty;
        rel *= factor;
        own *= Math.min(1, factor);
      }
      const saysPredicate = terms.predicate.every((g) => g.weak) || o.positions.length > 0;
      out.push({ sentence: s, rel, own, saysPredicate, docText: d.document.text });
    }
  }
  return out;
}

// ---------------------------------------------------------------- wholes of named kinds

/** The asked type's answers so far, each with its contributions best first, the best answer first. */
function bestOfType(contributions: Map<string, Contribution[]>, entities: Map<string, Entity>, type: Entity['type']): Array<{ id: string; list: Contribution[] }> {
  return [...contributions.entries()]
    .filter(([id]) => entities.get(id)?.type === type)
    .map(([id, list]) => ({ id, list: [...list].sort((a, b) => b.score - a.score) }))
    .sort((a, b) => b.list[0].score - a.list[0].score);
}

/**
 * Which mode splits into A and B: the best answers are the kinds the question names; their whole is
 * the answer. A kind's whole is its parent in the graph (parentId, SUBTYPE_OF), or the entity of the
 * type that a sentence naming the kind names before a verb of dividing (区域协同型又可细分为两种：一种是A
 * -> …区域协同型合作). The whole earns a little more than its kind's best evidence; the kinds give way.
 */
async function promoteWholes(
  store: GraphStore,
  contributions: Map<string, Contribution[]>,
  entities: Map<string, Entity>,
  type: Entity['type'],
  add: (entityId: string, c: Contribution) => void,
  factors: Map<string, number>,
): Promise<void> {
  const best = bestOfType(contributions, entities, type);
  const top = best[0]?.list[0].score ?? 0;
  const parts = best.filter((b) => b.list[0].score >= ASK_PARAMS.wholePartShare * top).slice(0, 4);
  if (parts.length === 0) return;
  const partIds = new Set(parts.map((p) => p.id));
  const subtypes = await store.findRelations({ types: ['SUBTYPE_OF'], involving: [...partIds] });
  const verbs = [...questionCues().division.zh].sort((a, b) => b.length - a.length);
  const candidates = [...entities.values()].filter((e) => e.type === type && !partIds.has(e.id));
  for (const part of parts) {
    const e = entities.get(part.id)!;
    const graphParent = e.parentId ?? subtypes.find((r) => r.source === e.id)?.target;
    let whole: { id: string; c: Contribution } | undefined;
    if (graphParent && !partIds.has(graphParent)) whole = { id: graphParent, c: part.list[0] };
    for (const c of part.list) {
      if (whole) break;
      const at = nameAt(e, c.evidence.text);
      for (const v of verbs) {
        const vAt = c.evidence.text.indexOf(v);
        if (vAt < 0 || at < 0 || vAt > at) continue;
        // the subject of the verb of dividing: its clause up to the verb, adverbs (又可, 还) aside
        const subject = c.evidence.text.slice(0, vAt).split(/[。；;，,]/u).pop()!.replace(/(又|还|也|则|亦|可以|可)+$/u, '');
        const named = candidates
          .map((x) => ({ x, run: Math.max(0, ...namesOf(x).map((n) => commonRun(n, subject))) }))
          .filter((m) => m.run >= 3 && m.run >= 0.6 * subject.length)
          .sort((a, b) => b.run - a.run)[0];
        if (named) whole = { id: named.x.id, c };
        break;
      }
    }
    if (!whole) continue;
    if (!entities.has(whole.id)) for (const x of await store.getEntities([whole.id])) entities.set(x.id, x);
    if (entities.get(whole.id)?.type !== type) continue;
    add(whole.id, { score: part.list[0].score * ASK_PARAMS.wholeOfParts, evidence: whole.c.evidence, supports: true });
    factors.set(part.id, ASK_PARAMS.partOfAskedWhole);
  }
}

/**
 * Into which kinds is X divided: X is the named entity of the asked type, or failing that the best
 * answer; its subtypes (SUBTYPE_OF, parentId) are the answers, each a little above X's best evidence,
 * with the relation's evidence; X itself gives way.
 */
async function promoteParts(
  store: GraphStore,
  contributions: Map<string, Contribution[]>,
  entities: Map<string, Entity>,
  focus: Focus[],
  type: Entity['type'],
  add: (entityId: string, c: Contribution) => void,
  factors: Map<string, number>,
): Promise<void> {
  const ranked = bestOfType(contributions, entities, type);
  const named = focus.filter((f) => f.entity.type === type).map((f) => f.entity.id);
  const wholes = named.length ? named : ranked.slice(0, 1).map((r) => r.id);
  const top = ranked[0]?.list[0].score ?? 0;
  const subtypes = await store.findRelations({ types: ['SUBTYPE_OF'], involving: wholes });
  for (const whole of wholes) {
    const parts = subtypes.filter((r) => r.target === whole);
    const byParent = [...entities.values()].filter((e) => e.parentId === whole && !parts.some((r) => r.source === e.id));
    if (parts.length + byParent.length === 0) continue;
    const score = Math.max(top, ranked.find((r) => r.id === whole)?.list[0].score ?? 0) * ASK_PARAMS.wholeOfParts;
    for (const r of parts) {
      if (!entities.has(r.source)) for (const x of await store.getEntities([r.source])) entities.set(x.id, x);
      if (entities.get(r.source)?.type !== type || !r.evidence[0]) continue;
      add(r.source, { score, evidence: r.evidence[0], supports: true });
    }
    for (const e of byParent) {
      const own = contributions.get(e.id)?.[0];
      if (own) add(e.id, { ...own, score });
    }
    factors.set(whole, ASK_PARAMS.partOfAskedWhole);
  }
}

/** Who takes part / 哪些参与方: the predicate asks for PARTICIPATES_IN (not for leading), or the frame says it. */
function asksParticipants(parsed: ParsedQuestion, predicate: WeightedGroup[]): boolean {
  const asked = askedRelations(predicate);
  if (asked.has('LED_BY')) return false;
  if (asked.has('PARTICIPATES_IN')) return true;
  const frame = `${parsed.typeCue} ${parsed.question}`.toLowerCase();
  return questionCues().participantCues.some((c) => frame.includes(c));
}

/** The leaders (LED_BY) of the modes the question names give way among the answers. */
async function demoteLeaders(store: GraphStore, focus: Focus[], contributions: Map<string, Contribution[]>, entities: Map<string, Entity>, factors: Map<string, number>): Promise<void> {
  const leaders = new Set<string>();
  // (由发电集团、电网企业等能源央企主导: actors named in the leader's slot lead, whatever the graph says)
  for (const [id, list] of contributions) {
    const e = entities.get(id);
    if (e?.type === 'Actor' && namesOf(e).some((n) => inLeaderSlot(strongest(list).evidence.text, n))) leaders.add(id);
  }
  const modes = focus.filter((f) => f.entity.type === 'Mode').map((f) => f.entity.id);
  if (modes.length) {
    for (const r of await store.findRelations({ types: ['LED_BY'], involving: modes })) if (modes.includes(r.source) && contributions.has(r.target)) leaders.add(r.target);
  }
  for (const id of leaders) factors.set(id, (factors.get(id) ?? 1) * ASK_PARAMS.leaderAsParticipant);
}

/** The contribution with the highest score (a list is never empty). */
const strongest = (list: Contribution[]): Contribution => list.reduce((a, b) => (b.score > a.score ? b : a));

/** A mode and its kind (SUBTYPE_OF) whose best evidence is one sentence the graph reads as the kind's: the whole gives way. */
async function preferKinds(store: GraphStore, contributions: Map<string, Contribution[]>, entities: Map<string, Entity>, factors: Map<string, number>): Promise<void> {
  const best = new Map(bestOfType(contributions, entities, 'Mode').map((r) => [r.id, r.list[0]]));
  if (best.size < 2) return;
  for (const r of await store.findRelations({ types: ['SUBTYPE_OF'], involving: [...best.keys()] })) {
    const kind = best.get(r.source);
    const whole = best.get(r.target);
    if (!kind || !whole || kind.evidence.doc !== whole.evidence.doc || kind.evidence.start !== whole.evidence.start) continue;
    // (only where the graph read that sentence as the kind's own: 这一层级采用赛马制 -> USES of the kind)
    const own = await store.findRelations({ involving: [r.source] });
    const said = own.some((o) => o.source === r.source && o.type !== 'SUBTYPE_OF' && o.evidence.some((e) => e.doc === kind.evidence.doc && e.start === kind.evidence.start));
    if (said) factors.set(r.target, (factors.get(r.target) ?? 1) * ASK_PARAMS.wholeSharingKindEvidence);
  }
}

/** Modes that are a kind of another mode (SUBTYPE_OF sources) rank below the wholes. */
async function demoteSubKinds(store: GraphStore, contributions: Map<string, Contribution[]>, entities: Map<string, Entity>, factors: Map<string, number>): Promise<void> {
  const modes = bestOfType(contributions, entities, 'Mode').map((r) => r.id);
  if (modes.length < 2) return;
  const kinds = new Set((await store.findRelations({ types: ['SUBTYPE_OF'], involving: modes })).map((r) => r.source));
  for (const id of modes) if (kinds.has(id)) factors.set(id, (factors.get(id) ?? 1) * ASK_PARAMS.subKindAmongCounted);
}

/** 由A、B等C主导: the name stands between 由 and a verb of leading, in one clause. */
export function inLeaderSlot(sentence: string, name: string): boolean {
  for (let at = sentence.indexOf(name); at >= 0; at = sentence.indexOf(name, at + 1)) {
    const before = sentence.slice(0, at).split(/[，。；：,;]/u).at(-1) ?? '';
    const after = sentence.slice(at + name.length).split(/[，。；：,;]/u)[0] ?? '';
    if (/由[^由]{0,12}$/u.test(before) && LEADER_SLOT_VERB.test(after)) return true;
  }
  return false;
}
const LEADER_SLOT_VERB = /^[^由]{0,12}?(?:主导|牵头|发起|领衔)/u;

/** Every entity of the type that the documents read divide into kinds (a SUBTYPE_OF target), with the sentence stating a kind; returns how many. */
async function dividedWholes(store: GraphStore, docs: DocumentDetail[], entities: Map<string, Entity>, type: Entity['type'], add: (entityId: string, c: Contribution) => void): Promise<number> {
  const docIds = new Set(docs.map((d) => d.document.id));
  const stated = new Map<string, Evidence>();
  for (const r of await store.findRelations({ types: ['SUBTYPE_OF'] })) {
    const ev = r.evidence.find((e) => docIds.has(e.doc));
    if (ev && !stated.has(r.target)) stated.set(r.target, ev);
  }
  const missing = [...stated.keys()].filter((id) => !entities.has(id));
  if (missing.length) for (const e of await store.getEntities(missing)) entities.set(e.id, e);
  let n = 0;
  for (const [whole, evidence] of stated) {
    if (entities.get(whole)?.type !== type) continue;
    add(whole, { score: ASK_PARAMS.listedAnswer, evidence, supports: true });
    n += 1;
  }
  return n;
}

/** Types a question may ask for as a whole list (the shifts, the recommendations, the modes). */
const LIST_TYPES = new Set<Entity['type']>(['Requirement', 'Recommendation', 'Mode']);
/** Words for collaboration in general: in a question with nothing else, they name no constraint. */
const COLLABORATION_WORDS = new Set(['合作', '协同', '协作', '产学研', '产学研合作', '协同创新']);
/** Types whose entities are whole statements (a shift, a measure): the sentence is the answer. */
const STATEMENT_TYPES = new Set<Entity['type']>(['Requirement', 'Recommendation']);

/** Every entity of the type the documents name, first-named first, with the sentence that first names it. */
function listRoute(docs: DocumentDetail[], byId: Map<string, ScoredSentence>, entities: Map<string, Entity>, type: Entity['type'], add: (entityId: string, c: Contribution) => void): void {
  const seen = new Set<string>();
  for (const d of docs) {
    for (const m of [...d.mentions].sort((a, b) => a.start - b.start)) {
      if (seen.has(m.entityId) || entities.get(m.entityId)?.type !== type) continue;
      const s = byId.get(m.sentenceId);
      if (!s) continue;
      seen.add(m.entityId);
      add(m.entityId, { score: ASK_PARAMS.listedAnswer / (1 + ASK_PARAMS.listedOrderDecay * seen.size), evidence: toEvidence(s.sentence, s.docText), supports: true });
    }
  }
}

// ---------------------------------------------------------------- ranking

function rank(contributions: Map<string, Contribution[]>, entities: Map<string, Entity>, parsed: ParsedQuestion, k: number, focus: Focus[], factors: Map<string, number>, below: Set<string> = new Set()): Answer[] {
  const named = new Set(focus.map((f) => f.entity.id));
  const scored: Answer[] = [];
  const excluded = (e: Entity) => namesOf(e).some((n) => parsed.excluded.includes(n));
  for (const [id, list] of contributions) {
    const e = entities.get(id);
    // what the question sets aside (apart from X) is not an answer
    if (!e || excluded(e)) continue;
    // best evidence per sentence, best first
    const perSentence = new Map<string, Contribution>();
    for (const c of list) {
      const key = `${c.evidence.doc}:${c.evidence.start}`;
      const prev = perSentence.get(key);
      if (!prev || c.score > prev.score) perSentence.set(key, c);
    }
    const sorted = [...perSentence.values()].sort((a, b) => b.score - a.score);
    // further evidence adds only when it says the predicate too (not a mere mention in scope)
    const second = sorted.slice(1).find((c) => c.supports);
    let score = sorted[0].score + ASK_PARAMS.secondEvidence * (second?.score ?? 0);
    if (named.has(id)) score *= ASK_PARAMS.namedPenalty;
    // (an actor never recorded as a decision body, for a question for one; a kind whose whole is asked for)
    score *= factors.get(id) ?? 1;
    const written = e.type === 'Actor' ? writtenAs(e, sorted.map((c) => c.evidence.text)) : e.label;
    scored.push({
      id: e.id,
      // in the document's own words, with the canonical name the graph files it under (科研院所（科研机构）)
      label: written === e.label ? e.label : `${written}（${e.label}）`,
      canonicalLabel: e.label,
      labelEn: e.labelEn,
      type: e.type,
      score: round(score),
      evidence: sorted.slice(0, ASK_PARAMS.evidencePerAnswer).map((c) => c.evidence),
    });
  }
  demoteParts(scored);
  // answers ranked below the others: at most just under the weakest of those others that leads them
  const above = scored.filter((a) => !below.has(a.id)).map((a) => a.score);
  if (below.size && above.length) {
    const cap = Math.max(...above) * ASK_PARAMS.belowShare;
    for (const a of scored) if (below.has(a.id)) a.score = round(Math.min(a.score, cap));
  }
  // equal scores: the answer with more evidence first, then the one the document states first (一是… before 二是…)
  const support = new Map([...contributions].map(([id, list]) => [id, new Set(list.map((c) => `${c.evidence.doc}:${c.evidence.start}`)).size]));
  const firstAt = (a: Answer) => a.evidence[0];
  const textOrder = (a: Answer, b: Answer) => (firstAt(a) && firstAt(b) && firstAt(a).doc === firstAt(b).doc ? firstAt(a).start - firstAt(b).start : 0);
  scored.sort((a, b) => b.score - a.score || (support.get(b.id) ?? 0) - (support.get(a.id) ?? 0) || textOrder(a, b) || a.label.localeCompare(b.label));
  const top = scored[0]?.score ?? 0;
  return scored.filter((a) => a.score > 0 && a.score >= ASK_PARAMS.relativeCut * top).slice(0, k);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * A mechanism its best evidence writes as a part of another answer (通过公开发榜、自由揭榜的揭榜挂帅方式:
 * 公开发榜 is a step of 揭榜挂帅) gives way to that whole: the question asks for what is used, and the
 * whole names it.
 */
function demoteParts(answers: Answer[]): void {
  const mechanisms = answers.filter((a) => a.type === 'Mechanism');
  for (const part of mechanisms) {
    const text = part.evidence[0]?.text ?? '';
    const whole = mechanisms.find((w) => w !== part && partOfIn(text, part.canonicalLabel, w.canonicalLabel));
    if (whole) part.score = round(part.score * ASK_PARAMS.partOfWhole);
  }
}

/** Does the text write `part` as a modifier of `whole` (A、B的C / A等C), in one clause? */
export function partOfIn(text: string, part: string, whole: string): boolean {
  if (part.length < 2 || whole.length < 2 || whole.includes(part) || part.includes(whole)) return false;
  return new RegExp(`${escapeRegExp(part)}[^，,；;。：:]{0,16}?(的|等|之)[“"‘]?${escapeRegExp(whole)}`, 'u').test(text);
}

/**
 * An actor's name as its evidence writes it, best evidence first: the canonical label when quoted,
 * else the longest alias of three or more characters quoted; a two-character alias (院所, 财政) only
 * from the best evidence when no quote names it better.
 */
function writtenAs(e: Entity, quotes: string[]): string {
  const longest = (quote: string, min: number) => e.aliases.filter((a) => a.length >= min && quote.includes(a)).sort((a, b) => b.length - a.length)[0];
  for (const quote of quotes) {
    const alias = longest(quote, 3);
    // 检验检测机构 over 检测机构: the fuller name the quote writes wins over the label inside it.
    if (quote.includes(e.label)) return alias && alias.length > e.label.length && alias.includes(e.label) ? alias : e.label;
    if (alias) return alias;
  }
  return (quotes[0] !== undefined ? longest(quotes[0], 2) : undefined) ?? e.label;
}

