/**
 * Stage `resolve`: merges candidate mentions into canonical entities (`${type}:${label}`).
 * Aliases and abbreviations join their canonical entity and are recorded as aliases; every
 * accepted mention is kept and points at its entity, so merging is reversible.
 */
import type { Candidate } from './extract-entities.js';
import { englishLabel } from './labels.js';
import { lexicon, type Lexicon } from './lexicon.js';
import type { Entity, EntityType, Mention } from './types.js';

export interface LinkedCandidate extends Candidate {
  entityId: string;
}

export interface Resolution {
  entities: Entity[];
  mentions: Mention[];
  linked: LinkedCandidate[];
}

export const entityId = (type: EntityType, label: string): string => `${type}:${label}`;

/** Labels are compared without quotes and whitespace (“里程碑”考核 and 里程碑考核 are one). */
const normalise = (s: string) => s.replace(/[\s“”"「」『』]/g, '');

interface ModeGroup {
  label: string;
  leaders: Set<string>;
}

/** What may stand before a short form inside the full name: 的 (…的系统集成模式) or a dash (研发—委托生产模式). */
const SHORT_FORM_BOUNDARY = ['的', '—', '－', '-'];

/**
 * The one mode a short form names: 系统集成模式 is 以总装企业为核心的系统集成模式 when that is the only
 * mode whose name ends in it after a modifier clause (…的系统集成模式) or a dash (研发—委托生产模式).
 */
function shortFormOf(groups: ModeGroup[], label: string): ModeGroup | undefined {
  const short = normalise(label);
  const named = groups.filter((g) => SHORT_FORM_BOUNDARY.some((b) => normalise(g.label).endsWith(`${b}${short}`)));
  if (named.length > 0) return named.length === 1 ? named[0] : undefined;
  // 联合研究院模式 for “一校一企”的校企联合研究院模式: a tail long enough to be a name of its own names
  // the one mode that ends in it.
  if (short.length < MIN_TAIL_FORM) return undefined;
  const tailOf = groups.filter((g) => normalise(g.label) !== short && normalise(g.label).endsWith(short));
  return tailOf.length === 1 ? tailOf[0] : undefined;
}
const MIN_TAIL_FORM = 6;

/**
 * Practices: 双负责人制 written where 馆校双负责人制 is meant. A label that ends exactly one longer
 * practice label of the document is that practice; a short one (许可) is too common to tell.
 */
function practiceTails(candidates: Candidate[]): Map<string, string> {
  const labels = [...new Set(candidates.filter((c) => c.type === 'Mechanism').map((c) => normalise(c.label)))];
  const out = new Map<string, string>();
  for (const l of labels) {
    if (l.length < MIN_PRACTICE_TAIL) continue;
    const longer = labels.filter((o) => o !== l && o.endsWith(l));
    if (longer.length === 1) out.set(l, longer[0]);
  }
  return out;
}
const MIN_PRACTICE_TAIL = 4;

/** 企业拉：加工企业牵头的… is named 企业拉 too: the short words before the heading's colon. */
const namedByCatchword = (label: string, short: string): boolean => {
  const l = normalise(label);
  const w = normalise(short);
  return w.length >= 2 && w.length <= MAX_CATCHWORD && l.length > w.length + 1 && (l.startsWith(`${w}：`) || l.startsWith(`${w}:`));
};
const MAX_CATCHWORD = 6;

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const superset = (a: Set<string>, b: Set<string>) => [...b].every((x) => a.has(x));

// Headings that name a mode define the canonical label; then mentions with a noun head; then the rest.
const modeRank = (c: Candidate) => (c.via === 'heading' ? 0 : c.heading !== undefined ? 1 : c.weak ? 3 : 2);

/**
 * Modes: within a document, mentions naming the same leading actors are one mode (企业牵头主导
 * and 企业主导的产学研合作). A mention whose leaders are a subset of exactly one mode's leaders joins
 * it (高校主导 -> 高校、科研机构主导). Weak mentions (no collaboration noun) never create a mode.
 */
function resolveModes(modes: Candidate[]): Map<Candidate, string> {
  const out = new Map<Candidate, string>();
  const groups: ModeGroup[] = [];
  const ordered = [...modes].sort((a, b) => modeRank(a) - modeRank(b) || a.start - b.start);
  for (const c of ordered) {
    const leaders = new Set(c.leaders ?? []);
    // A mention defining a listed mode joins it, and its leaders become the mode's; so does the
    // catchword a heading names its mode by (企业拉 of 企业拉：加工企业牵头的全链条合作).
    const defined = c.sameAs === undefined ? groups.find((g) => namedByCatchword(g.label, c.label)) : groups.find((g) => g.label === c.sameAs);
    if (defined) {
      out.set(c, defined.label);
      for (const l of leaders) defined.leaders.add(l);
      continue;
    }
    if (leaders.size === 0) {
      if (c.weak) continue;
      const g = groups.find((x) => x.leaders.size === 0 && normalise(x.label) === normalise(c.label)) ?? shortFormOf(groups, c.label) ?? sameTypeName(groups, c.label);
      if (g) out.set(c, g.label);
      else {
        groups.push({ label: c.label, leaders });
        out.set(c, c.label);
      }
      continue;
    }
    // (a kind named by its own type — 高校主导的共性技术研究型合作 under 高校院所主导的…合作 — is a mode of its own)
    const ownType = ownTypeName(c.label);
    const sameType = (g: ModeGroup) => ownType === undefined || normalise(g.label).includes(ownType);
    const exact = groups.find((g) => sameSet(g.leaders, leaders) && sameType(g));
    const supers = groups.filter((g) => g.leaders.size > 0 && superset(g.leaders, leaders) && sameType(g));
    const led = exact ?? (supers.length === 1 ? supers[0] : undefined);
    // (the table's 工地出题型 with its organiser joins the 工地出题型合作 named earlier without one)
    const typed = led ? undefined : sameTypeName(groups, c.label);
    const joins = typed !== undefined && typed.leaders.size === 0 ? typed : undefined;
    if (joins) for (const l of leaders) joins.leaders.add(l);
    const target = led ?? joins;
    if (target) out.set(c, target.label);
    else if (!c.weak) {
      groups.push({ label: c.label, leaders });
      out.set(c, c.label);
    }
  }
  return out;
}

/** 工地出题型合作 and 工地出题型: a type's name (…型, …式) with or without a generic head after it is one mode. */
function sameTypeName(groups: ModeGroup[], label: string): ModeGroup | undefined {
  const bare = (l: string) => normalise(l).replace(GENERIC_MODE_HEAD, '');
  const own = bare(label);
  if (!TYPE_NAME.test(own)) return undefined;
  const same = groups.filter((g) => bare(g.label) === own);
  return same.length === 1 ? same[0] : undefined;
}
const GENERIC_MODE_HEAD = /(?:合作|协同|协作|模式)$/u;
const TYPE_NAME = /^\p{Script=Han}{2,10}[型式]$/u;

/** The type a mode's name gives it after its leader (共性技术研究型 of 高校主导的共性技术研究型合作), if any. */
function ownTypeName(label: string): string | undefined {
  const m = normalise(label).match(/的([^的]{2,12}?型)(?:合作|协同|协作|联盟|模式|平台|联合体)$/u);
  return m?.[1];
}

function canonicalLabel(c: Candidate, tails?: Map<string, string>): string {
  if (c.type === 'Mechanism') return tails?.get(normalise(c.label)) ?? normalise(c.label);
  return c.type === 'Requirement' || c.type === 'Driver' ? normalise(c.label) : c.label;
}

export function resolve(candidates: Candidate[], docId: string, text: string, lex: Lexicon = lexicon()): Resolution {
  const modeLabels = resolveModes(candidates.filter((c) => c.type === 'Mode'));
  const parents = new Map(lex.actors.actors.filter((a) => a.parent).map((a) => [a.label, a.parent!]));
  const entities = new Map<string, Entity>();
  const linked: LinkedCandidate[] = [];
  const mentions: Mention[] = [];
  // A weak mention of another type (an actor named only inside a stated shift) joins an entity a strong one names.
  const tails = practiceTails(candidates);
  const strong = new Set(candidates.filter((c) => c.type !== 'Mode' && !c.weak).map((c) => entityId(c.type, canonicalLabel(c, tails))));
  for (const c of candidates) {
    const label = c.type === 'Mode' ? modeLabels.get(c) : canonicalLabel(c, tails);
    if (label === undefined) continue;
    if (c.type !== 'Mode' && c.weak && !strong.has(entityId(c.type, label))) continue;
    const id = entityId(c.type, label);
    let e = entities.get(id);
    if (!e) {
      e = { id, type: c.type, label, labelEn: englishLabel(label, c.type, lex), aliases: [] };
      const parent = c.type === 'Actor' ? parents.get(label) : undefined;
      if (parent) e.parentId = entityId('Actor', parent);
      entities.set(id, e);
    }
    const surface = text.slice(c.start, c.end);
    // One-character surfaces (校 of 校企) stay as mentions but are too ambiguous to list as aliases.
    if (surface !== e.label && surface.length > 1 && !e.aliases.includes(surface)) e.aliases.push(surface);
    if (c.label !== e.label && c.label !== surface && !e.aliases.includes(c.label) && text.includes(c.label)) e.aliases.push(c.label);
    linked.push({ ...c, entityId: id });
    mentions.push({ entityId: id, docId, sentenceId: c.sentence.id, start: c.start, end: c.end, text: surface });
  }
  return { entities: [...entities.values()], mentions, linked };
}
