/**
 * The extraction lexicon: loads and validates the JSON data files under ingest/lexicon/
 * (actors, cue words and patterns, domain terms, stop words, relation cues, glossary).
 */
import { z } from 'zod';
import { PolicygraphError } from '../core/errors.js';
import actorsJson from './lexicon/actors.json' with { type: 'json' };
import cuesJson from './lexicon/cues.json' with { type: 'json' };
import domainTermsJson from './lexicon/domain-terms.json' with { type: 'json' };
import glossaryJson from './lexicon/glossary.json' with { type: 'json' };
import relationCuesJson from './lexicon/relation-cues.json' with { type: 'json' };
import stopwordsJson from './lexicon/stopwords.json' with { type: 'json' };

const ActorsSchema = z.object({
  actors: z.array(z.object({ label: z.string().min(1), aliases: z.array(z.string().min(1)), parent: z.string().optional() })),
  compounds: z.array(
    z.object({
      surface: z.string().min(1),
      parts: z.array(z.object({ offset: z.number().int().min(0), length: z.number().int().min(1), label: z.string() })),
    }),
  ),
  suffixes: z.array(z.string().min(1)),
  suffixModifierTags: z.array(z.string()),
  suffixMaxLength: z.number().int().positive(),
  notActors: z.array(z.string()),
  notActorModifiers: z.array(z.string()),
  /** Words that end in an organisation suffix without naming one (布局 ends in 局). */
  notSuffixTokens: z.array(z.string()),
  /** What may not follow a suffix-found actor (负责人 + 制 is a mechanism). */
  notFollowedBy: z.array(z.string()),
  /** A surface ending in the key and followed by one of the words is a modifier, not an actor (财政资金, 财政支持). */
  attributiveUses: z.record(z.string(), z.array(z.string())).default({}),
  /** Generic heads (企业, 专家): after a modifier (材料企业, 同行专家) they name a more specific actor, built like a suffix name. */
  genericHeads: z.array(z.string()).default([]),
  /** Words that give a named vehicle (…创新中心) agency of its own: it is then an organisation that acts. */
  agencyCues: z.array(z.string()).default([]),
  /** Unit heads a verb may modify directly (推广机构, 育种团队, 育种专家); never 企业 or 政府 (强化企业 is a phrase). */
  verbModifiedHeads: z.array(z.string()).default([]),
  /** 制造 in 装备制造企业: verbs of an industry's work that name the kind of firm before 企业 / 公司. */
  industryVerbs: z.array(z.string()).default([]),
  industryVerbHeads: z.array(z.string()).default([]),
  /** 服务 in 以服务企业数量为指标: a verb whose object is the firm, never part of its name. */
  verbsTakingFirms: z.array(z.string()).default([]),
  /** Modifiers kept out of suffix names in general (联合 is mostly a verb) but part of them before these heads (联合指导委员会). */
  boundModifiers: z.record(z.string(), z.array(z.string())).default({}),
});

const PatternSchema = z.object({
  name: z.string(),
  regex: z.string(),
  label: z.string().optional(),
  split: z.string().optional(),
  minX: z.number().int().optional(),
  confidence: z.number().min(0).max(1).optional(),
});

const CuesSchema = z.object({
  mode: z.object({
    leadVerbs: z.array(z.string()),
    participateVerbs: z.array(z.string()),
    listJoiners: z.array(z.string()),
    leaderPrefixes: z.array(z.string()),
    heads: z.array(z.string()),
    nounHeads: z.array(z.string()),
    categoryHeadingCues: z.array(z.string()),
    /** Heading markers that name what they number as kinds (路径一：…, 模式二：…): such a heading names a mode. */
    kindMarkers: z.array(z.string()).default([]),
    genericModifiers: z.array(z.string()),
    goalVerbs: z.array(z.string()),
    /** 以X为主导的HEAD with any X (HEADS is replaced by the head alternation). */
    anyLeaderPattern: z.string(),
    /** 分为两类：A…；B… — a sentence announcing kinds, whose ；-separated items name them. */
    colonListIntro: z.string(),
    /** 分为A和B两类 (no colon): the group `list` holds the kinds, split by kindListJoiners. */
    kindListPattern: z.string(),
    /** A leaf heading ending so is a mode when at least two of its sibling headings are modes. */
    siblingHeads: z.array(z.string()),
    /** A heading ending so (…共性问题, …主要成效) names no kind, even among the kinds' headings. */
    notKindHeadingEndings: z.array(z.string()).default([]),
    /** A table written as text (形式｜牵头方｜主要参与方): words naming its kind, leader and participant columns. */
    tableColumns: z.object({ kind: z.array(z.string()), leaders: z.array(z.string()), participants: z.array(z.string()) }),
    kindListJoiners: z.array(z.string()),
    /** An enumerated item names a mode only if it ends in one of these (纵向联盟, 共建型). */
    itemHeads: z.array(z.string()),
    /** A leaf heading ending so (高校内设型, …型合作, …模式) names a kind of collaboration on its own. */
    typeHeadingEndings: z.array(z.string()),
  }),
  mechanism: z.object({
    suffixes: z.array(z.string()),
    lexicon: z.array(z.string()),
    modifierTags: z.array(z.string()),
    boundaryWords: z.array(z.string()),
    maxModifierTokens: z.number().int().positive(),
    maxLength: z.number().int().positive(),
    rejectLabels: z.array(z.string()),
    rejectModifiers: z.array(z.string()),
    /** Phrases ending so are programmes or plans, not arrangements (创新驱动发展战略). */
    rejectEndings: z.array(z.string()),
    followedByNot: z.array(z.string()),
    patterns: z.array(PatternSchema),
    /** The object of 实行/推行/采取… (a short noun phrase) as a mechanism, even without a suffix. */
    cueObject: z.object({
      verbs: z.array(z.string()),
      maxTokens: z.number().int().positive(),
      minLength: z.number().int().positive(),
      maxLength: z.number().int().positive(),
      confidence: z.number().min(0).max(1),
    }),
  }),
  requirement: z.object({
    patterns: z.array(PatternSchema),
    categoryHeadingCues: z.array(z.string()),
    /** Words that make a listed item a shift (向, 转为…) when no pattern read it. */
    shiftMarkers: z.array(z.string()),
  }),
  recommendation: z.object({
    imperativeVerbs: z.array(z.string()),
    categoryHeadingCues: z.array(z.string()),
    maxLength: z.number().int().positive(),
  }),
  driver: z.object({
    suffix: z.string(),
    suffixes: z.array(z.string()),
    /** Drivers named so (…驱动) stand alone; others (…导向, 以…为牵引) only where a mode is driven by them. */
    standaloneSuffixes: z.array(z.string()),
    /** Inside a mode's name (需求牵引型合作): groups x (what) and y (驱动/牵引/导向) name the mode's driver. */
    modeNamePattern: z.string(),
    /** 由A和B共同驱动: two drivers named by one verb (groups a, b, verb). */
    coordinatedPattern: z.string().optional(),
    canonical: z.array(z.string()),
    notFollowedBy: z.array(z.string()),
    /** 牵引变流器, 驱动电机: a driver word right before a noun is part of the noun (a product), except before these heads (需求驱动模式). */
    headsAfterDriver: z.array(z.string()),
    modifierTags: z.array(z.string()),
    patterns: z.array(PatternSchema),
  }),
});

const RelationCuesSchema = z.object({
  explicitUse: z.array(z.string()),
  explicitDriver: z.array(z.string()),
  explicitLead: z.array(z.string()),
  decisionBody: z.array(PatternSchema),
  membership: z.array(PatternSchema),
  inclusion: z.array(PatternSchema),
  /** Max characters between an actor and a lead verb for 地方政府还主导… to switch scope to that actor's mode. */
  anaphoricLeadGap: z.number().int().min(0),
  /** Max characters before an inline mode mention for it to count as the clause's subject. */
  subjectLeadChars: z.number().int().min(0),
  /** Heading words found in more than this share of the document's sentences are too common to tie a section mention to it. */
  addressMaxDocFrequency: z.number().min(0).max(1),
  providesVerbs: z.array(z.string()),
  /** Right after an actor (anchored): 以X方式支持 — group x holds the practice the actor supplies. */
  providesMannerPattern: z.string(),
  /** An actor right before one of these (地方政府牵头…) in a mode's section leads that mode. */
  leadAfterActor: z.array(z.string()),
  /** Verbs that name a kind (可以概括为…模式, 称之为…): the named mode is the topic of the rest of its paragraph. */
  namingVerbs: z.array(z.string()).default([]),
  /** 由A联合B发起: A leads; B is A's partner and leads too only with an adverb (由A会同B共同发起). */
  jointLeadVerbs: z.array(z.string()).default([]),
  /** Adverbs that may stand between an actor (list) and its lead verb (A、B共同发起). */
  leadAdverbs: z.array(z.string()).default([]),
  /** After an actor opening a clause (地方政府联合…, 地方政府出资建设…): it leads a mode whose name names no leader. */
  leadAfterActorWhenUnled: z.array(z.string()),
  /** After 以+actor (以产业园区为载体): the actor is where the mode happens, not a participant. */
  carrierAfterActor: z.array(z.string()),
  /** What may precede an actor (list) at the start of a clause for it to count as taking part. */
  participantPrefixes: z.array(z.string()),
  /** Verbs right after an actor that say it takes part (提供, 承担, 参与…). */
  participantVerbs: z.array(z.string()),
  participantGap: z.number().int().min(0),
  /** 同行企业加入意愿不强, 高校难以参与: words around a verb of taking part that deny it. */
  participationNegators: z.object({ before: z.array(z.string()), after: z.array(z.string()) }).default({ before: [], after: [] }),
  /** Verbs shortly before an actor that staff or bring in a party (配备…技术经理人, 派驻…团队). */
  roleVerbsBefore: z.array(z.string()),
  roleVerbGap: z.number().int().min(0),
  /** Max characters between an actor and a provides verb (地方政府则给予…). */
  providesGap: z.number().int().min(0),
  decisionSubjectSuffixes: z.array(z.string()),
  /** Regex (no anchors) for words that introduce one of several kinds (第一种是, 二是, 另一类是); a mode mention right after is the topic of the text that follows. */
  modeIntroducers: z.string(),
  /** Nouns an anaphoric subject uses for a mode (该模式, 这种合作, 此类机构). */
  modeAnaphorHeads: z.array(z.string()),
  /** Determiners of an anaphoric subject (这类机构, 该平台) that refers back to a named organisation. */
  anaphorDeterminers: z.array(z.string()),
  bodyLabels: z.array(z.string()),
  negations: z.array(z.string()),
  confidence: z.record(z.string(), z.number().min(0).max(1)),
});

const GlossarySchema = z.array(z.object({ zh: z.string().min(1), en: z.string().min(1), enAlt: z.array(z.string()).optional() }));

export type Actors = z.infer<typeof ActorsSchema>;
export type Cues = z.infer<typeof CuesSchema>;
export type RelationCues = z.infer<typeof RelationCuesSchema>;
export type GlossaryEntry = z.infer<typeof GlossarySchema>[number];
export type PatternSpec = z.infer<typeof PatternSchema>;

export interface Lexicon {
  actors: Actors;
  cues: Cues;
  relationCues: RelationCues;
  domainTerms: string[];
  stopwords: Set<string>;
  glossary: GlossaryEntry[];
}

function parse<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data);
  if (!r.success) throw new PolicygraphError('CONFIG', `invalid lexicon file: ${r.error.message}`, { file });
  return r.data;
}

let cached: Lexicon | undefined;

/** The validated lexicon (parsed once, on first use). */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const stop = parse(z.object({ zh: z.array(z.string()), en: z.array(z.string()) }), stopwordsJson, 'ingest/lexicon/stopwords.json');
  cached = {
    actors: parse(ActorsSchema, actorsJson, 'ingest/lexicon/actors.json'),
    cues: parse(CuesSchema, cuesJson, 'ingest/lexicon/cues.json'),
    relationCues: parse(RelationCuesSchema, relationCuesJson, 'ingest/lexicon/relation-cues.json'),
    domainTerms: parse(z.object({ terms: z.array(z.string().min(1)) }), domainTermsJson, 'ingest/lexicon/domain-terms.json').terms,
    stopwords: new Set([...stop.zh, ...stop.en]),
    glossary: parse(GlossarySchema, glossaryJson, 'ingest/lexicon/glossary.json'),
  };
  return cached;
}

/** Compile a pattern string from a lexicon file, naming the file when it is malformed. */
export function compilePattern(spec: PatternSpec, flags = 'gu'): RegExp {
  try {
    return new RegExp(spec.regex, flags);
  } catch (e) {
    throw new PolicygraphError('CONFIG', `pattern "${spec.name}" is not a valid regex`, { file: 'ingest/lexicon', cause: e });
  }
}

/** The words a mode's name may end in that name collaboration in general (…合作, 模式, 产学研协同, 联合体). */
export function modeHeadWords(lex: Lexicon = lexicon()): string[] {
  return [...lex.cues.mode.heads, ...lex.cues.mode.nounHeads];
}

/** The actors above one in the lexicon's hierarchy (银行 -> 金融机构), nearest first. */
export function actorAncestors(label: string, lex: Lexicon = lexicon()): string[] {
  const parents = actorParents(lex);
  const out: string[] = [];
  for (let p = parents.get(label); p && !out.includes(p); p = parents.get(p)) out.push(p);
  return out;
}
const parentMaps = new WeakMap<Lexicon, Map<string, string>>();
function actorParents(lex: Lexicon): Map<string, string> {
  let m = parentMaps.get(lex);
  if (!m) {
    m = new Map(lex.actors.actors.filter((a) => a.parent).map((a) => [a.label, a.parent!]));
    parentMaps.set(lex, m);
  }
  return m;
}

/** Every term the segmenter should keep whole: domain terms plus actor, mechanism and driver vocabulary. */
export function segmenterTerms(lex: Lexicon = lexicon()): string[] {
  const out = new Set<string>(lex.domainTerms);
  for (const a of lex.actors.actors) {
    out.add(a.label);
    for (const al of a.aliases) out.add(al);
  }
  for (const m of lex.cues.mechanism.lexicon) out.add(m);
  for (const d of lex.cues.driver.canonical) out.add(d);
  return [...out].filter((t) => /^[\p{Script=Han}]{2,}$/u.test(t));
}
