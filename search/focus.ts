/**
 * The entities a question names (its focus): labels or aliases found in the constraint, or most
 * of a long label; the scope of the question rather than its answer.
 */
import type { Entity } from '../ingest/types.js';
import type { GraphStore } from '../graph/types.js';
import type { ParsedQuestion } from './question.js';
import { modeHeadWords } from '../ingest/lexicon.js';
import { questionCues } from './lexicon.js';
import { stem } from './translate.js';

export interface Focus {
  entity: Entity;
  /** How much of the entity's name the question states, in [0, 1]. */
  score: number;
}

/** Names of an entity worth matching in text (two characters or more). */
export const namesOf = (e: Entity): string[] => [e.label, ...e.aliases].filter((n) => n.length >= 2);

/** Where the text names the entity (the latest start among its names), -1 if it does not. */
export const nameAt = (e: Entity, text: string): number => Math.max(-1, ...namesOf(e).map((n) => text.indexOf(n)));

/** Length of the longest common substring. */
export function commonRun(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diag = up;
    }
  }
  return best;
}

/** The extractor's words for collaboration in general (产学研合作, 协同创新, 联合体): heads of many kinds' names. */
const genericModeHeads = (): Set<string> => new Set(modeHeadWords());

/** Types whose names are noun phrases with a head (not the sentence-like names of requirements and recommendations). */
const HEADED = new Set<string>(['Mode', 'Actor', 'Mechanism']);

/** Score of a focus named by its head alone or with 的 between its parts. */
const HEAD_SCORE = 0.75;

/** 平台的公司 names 平台公司: the name split in two (each two characters or more) around a 的 of the text. */
export function namedApart(name: string, text: string): boolean {
  if (name.length < 4 || !text.includes('的')) return false;
  for (let k = 2; k <= name.length - 2; k++) if (text.includes(`${name.slice(0, k)}的${name.slice(k)}`)) return true;
  return false;
}

/** Words of a mode's name that say only how it is run or what it is (主导的, 模式): not needed to name it. */
const NAME_FILLER = /^(?:主导的?|牵头的?|领衔的?|为主导的?|以|的|模式|型|类|合作|式)+$/u;

/**
 * 龙头药企主导的管线共建模式 named by "the leading drug company … pipeline co-development": a mode's
 * name (the scope of a question for something else) whose content words are all question terms (two at least, written apart in the question, as
 * an English question orders them), the rest only words of how it is led or what it is.
 */
export function namedInParts(name: string, parsed: Pick<ParsedQuestion, 'groups'>): boolean {
  if (name.length < 6) return false;
  const covered = new Array<boolean>(name.length).fill(false);
  let parts = 0;
  for (const g of parsed.groups) {
    const hit = g.alternatives.filter((a) => a.length >= 2 && name.includes(a)).sort((a, b) => b.length - a.length)[0];
    if (!hit) continue;
    parts += 1;
    for (let at = name.indexOf(hit); at >= 0; at = name.indexOf(hit, at + 1)) for (let i = at; i < at + hit.length; i++) covered[i] = true;
  }
  if (parts < 2) return false;
  const rest = [...name].map((c, i) => (covered[i] ? ' ' : c)).join('').split(' ').filter(Boolean);
  return rest.every((r) => NAME_FILLER.test(r));
}

/** A mode named in English shares at least this many content words with its English label… */
const MIN_ENGLISH_HITS = 2;
/** …and that much of the label's own content words (a long label sharing two common words is no match). */
const MIN_ENGLISH_SHARE = 0.4;
/** Stems of the generic words of kinds and types: they name no mode in particular. */
const GENERIC_EN = new Set(['mode', 'model', 'typ', 'type', 'kind', 'form', 'collabor', 'cooper', 'partnership', 'pattern', 'approach', 'led', 'lead', 'bas', 'orient', 'driven', 'driv', 'mechanism', 'requirement', 'recommend']);
/** Content stems of English text: what is left after function words and the generic words of kinds. */
function englishStems(text: string, functionWords: Set<string>): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length > 2 && !functionWords.has(w)).map(lightStem).filter((w) => !GENERIC_EN.has(w));
}
/** integration / integrated / integrates -> integr: enough to compare a question with a generated English label. */
const lightStem = (w: string): string => {
  const cut = stem(w).replace(/(?:ations?|ated|ating|ates|ate|ions?|ed|ing|es|s)$/u, '');
  return cut.length >= 3 ? cut : w;
};

/** What follows a leader's name in a mode's name (链主企业牵头的…, 高校主导型). */
const LEADS_AFTER = /^(?:等)?(?:牵头|主导|领衔|发起|为主导|为核心|出题)/u;

/** The modifier clause of a name (what comes before its last 的), said whole in the question. */
const MIN_MODIFIER = 4;
function namedByModifier(name: string, haystacks: string[]): boolean {
  const at = name.lastIndexOf('的');
  if (at < MIN_MODIFIER) return false;
  const modifier = name.slice(0, at);
  return haystacks.some((h) => h.includes(`${modifier}的`));
}

/** The modes the graph says the named actors lead. */
async function ledBy(store: GraphStore, entities: Entity[], actorTerms: string[]): Promise<Entity[]> {
  const actors = new Set(entities.filter((e) => e.type === 'Actor' && namesOf(e).some((n) => actorTerms.includes(n))).map((e) => e.id));
  if (actors.size === 0) return [];
  const rels = await store.findRelations({ types: ['LED_BY'], involving: [...actors] });
  const modes = new Set(rels.filter((r) => actors.has(r.target)).map((r) => r.source));
  return entities.filter((e) => modes.has(e.id));
}

/**
 * Entities the question names: a label or alias found in the constraint (or its translations),
 * or most of a long label (参与政府主导的产学研合作 names 企业参与政府主导的产学研合作).
 * A subtype is dropped when its parent is named too, and a name inside another named entity's
 * name is not a focus of its own (政府 inside 政府主导的产学研合作).
 */
export async function findFocus(store: GraphStore, parsed: ParsedQuestion, entities: Entity[]): Promise<Focus[]> {
  const haystacks = [parsed.constraint, ...parsed.groups.flatMap((g) => g.alternatives)].filter(Boolean);
  const found: Array<Focus & { exact: boolean }> = [];
  const allNames = new Set(entities.flatMap(namesOf));
  // a compound's head said alone (the strategic alliance -> 产业技术创新战略联盟): a term of four
  // characters or more that ends a longer name and is no entity's whole name
  // (but not a generic word of collaboration: 产学研合作 ending kinds' names names none of them)
  const generic = genericModeHeads();
  const heads = [...new Set(parsed.groups.flatMap((g) => g.alternatives))].filter((a) => a.length >= 4 && !allNames.has(a) && !generic.has(a));
  // question terms that name a particular actor (链主企业), for modes named by their leader
  const actorNames = new Set(entities.filter((e) => e.type === 'Actor').flatMap(namesOf));
  // (three characters at least: 企业 or 高校 alone names no particular leader)
  const actorTerms = [...new Set(parsed.groups.flatMap((g) => g.alternatives))].filter((a) => a.length >= 3 && actorNames.has(a));
  for (const e of entities) {
    let best = 0;
    let exact = false;
    for (const n of namesOf(e)) {
      // (the head alone names a scope of another type than the answer: which mechanism … select
      // technology routes must not make a mechanism labelled …遴选技术路线 the premise)
      const head = HEADED.has(e.type) && e.type !== parsed.answerType && heads.some((h) => n.length > h.length && n.endsWith(h));
      // (a mode named by the clause that sets it apart: 依托海上试验场的模式 names 依托海上试验场的场景开放模式)
      const byModifier = e.type === 'Mode' && e.type !== parsed.answerType && namedByModifier(n, haystacks);
      // (a mode named by who leads it: the collaboration led by chain-leader firms -> 链主企业牵头的…模式)
      const byLeader = e.type === 'Mode' && e.type !== parsed.answerType && actorTerms.some((a) => n.includes(a) && LEADS_AFTER.test(n.slice(n.indexOf(a) + a.length)));
      const partial = namedApart(n, parsed.constraint) || head || byModifier || byLeader || (e.type === 'Mode' && e.type !== parsed.answerType && namedInParts(n, parsed)) ? HEAD_SCORE : 0;
      if (partial > best) best = partial;
      const run = Math.max(0, ...haystacks.map((h) => commonRun(n, h)));
      if (run === n.length && Math.min(1, n.length / 4) >= best) {
        best = Math.min(1, n.length / 4);
        exact = true;
      } else if (run >= 4 && run / n.length >= 0.7 && (run / n.length) * 0.9 > best) {
        best = (run / n.length) * 0.9;
        exact = false;
      }
    }
    if (best > 0) found.push({ entity: e, score: best, exact });
  }
  // an English question may name a mode by the words of its English label (the system-integration
  // model -> system integrated mode) where the translation missed its Chinese name
  if (parsed.lang === 'en' && !found.some((f) => f.entity.type === 'Mode')) {
    const functionWords = new Set(questionCues().enFunctionWords);
    const asked = new Set(englishStems(parsed.question, functionWords));
    const byEnglish = entities
      .filter((e) => e.type === 'Mode' && e.type !== parsed.answerType && e.labelEn)
      .map((e) => {
        const own = [...new Set(englishStems(e.labelEn, functionWords))];
        const hit = own.filter((w) => asked.has(w)).length;
        return { entity: e, hit, share: own.length ? hit / own.length : 0 };
      })
      .filter((x) => x.hit >= MIN_ENGLISH_HITS && x.share >= MIN_ENGLISH_SHARE)
      .sort((a, b) => b.hit - a.hit || b.share - a.share);
    // (only a clear best: two modes sharing the words leave the question unfocused)
    if (byEnglish.length && (byEnglish.length === 1 || byEnglish[0].hit > byEnglish[1].hit)) found.push({ entity: byEnglish[0].entity, score: HEAD_SCORE, exact: false });
  }
  // a mode described by who leads it and what it does (大钢铁集团搞工业中试 -> the one mode led by
  // 钢铁集团 whose name holds 中试), when the question asks for something else of it
  if (!found.some((f) => f.entity.type === 'Mode') && parsed.answerType !== 'Mode' && parsed.answerType !== 'Actor' && actorTerms.length) {
    const led = await ledBy(store, entities, actorTerms);
    const words = [...new Set(parsed.groups.flatMap((g) => g.alternatives))].filter((a) => a.length >= 2 && !actorTerms.includes(a) && !generic.has(a));
    const described = led.filter((m) => words.some((w) => m.label.includes(w)));
    if (described.length === 1) found.push({ entity: described[0], score: HEAD_SCORE, exact: false });
  }
  if (found.length === 0) return [];
  const ids = new Set(found.map((f) => f.entity.id));
  const subtypes = await store.findRelations({ types: ['SUBTYPE_OF'], involving: [...ids] });
  // only a partly matched subtype gives way to its parent: one the question spells out stays
  const hasNamedParent = (f: (typeof found)[number]) =>
    !f.exact &&
    ((f.entity.parentId !== undefined && ids.has(f.entity.parentId)) || subtypes.some((r) => r.source === f.entity.id && ids.has(r.target)));
  const nested = (f: Focus) =>
    found.some((g) => g !== f && g.exact && namesOf(g.entity).some((n) => n.length > f.entity.label.length && n.includes(f.entity.label) && found.some((h) => h.entity.id === g.entity.id)));
  const nestedAny = (f: Focus) =>
    nested(f) || found.some((g) => g !== f && !g.exact && g.entity.type !== f.entity.type && namesOf(g.entity).some((n) => n.length > f.entity.label.length && n.includes(f.entity.label)));
  return found
    .filter((f) => !hasNamedParent(f) && !nestedAny(f))
    .map(({ entity, score }) => ({ entity, score }))
    .sort((a, b) => b.score - a.score);
}
