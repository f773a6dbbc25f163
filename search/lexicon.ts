/**
 * Data files of question understanding: search/lexicon/question-cues.json (our cue words) and
 * the domain glossary ingest/lexicon/glossary.json (owned by extraction, read here in reverse).
 * Loaded lazily on first use, validated once, cached.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PolicygraphError } from '../core/errors.js';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType } from '../ingest/types.js';

const AnswerTypeCues = z.object({
  type: z.enum(ENTITY_TYPES),
  zh: z.array(z.string().min(1)),
  en: z.array(z.string().min(1)),
});

const EnPhrase = z.object({
  en: z.string().min(1),
  zh: z.array(z.string().min(1)).min(1),
  /** Attaches to the preceding word when hyphenated (government-led -> 政府主导). */
  suffix: z.boolean().optional(),
  /** Light verbs (adopt, use): kept as low-weight terms. */
  weak: z.boolean().optional(),
});

const Contrast = z.object({ negators: z.array(z.string()), before: z.array(z.string()), after: z.array(z.string()) });

const QuestionCuesSchema = z.object({
  answerTypes: z.array(AnswerTypeCues).min(1),
  defaultType: z.enum(ENTITY_TYPES),
  /** English verbs that name the answer type when no question noun does (what does X require -> Requirement). */
  enVerbCues: z.array(z.object({ type: z.enum(ENTITY_TYPES), en: z.array(z.string().min(1)) })).default([]),
  /**
   * Verbs of change (change, shift, move): a requirement is itself a shift (从A迈向B), so in a
   * question for requirements they are part of the frame, and "how should X change" asks for one.
   */
  enShiftVerbs: z.array(z.string().min(1)).default([]),
  /** Nouns written as a suffix after the noun before them (the innovation consortium type -> 创新联合体型). */
  enTypeSuffix: z.record(z.string(), z.string()).default({}),
  /** Modal verbs of obligation (should, must): with a verb of change they ask for a requirement. */
  enModals: z.array(z.string().min(1)).default([]),
  /** Type nouns that also say what the answer is about (what kind of loan: a Mechanism about 贷款): they stay in the constraint. */
  enContentTypeNouns: z.array(z.string().min(1)).default([]),
  /** Types whose mention in a section heading makes them own the section's sentences. */
  /** Nouns of a body and verbs of deciding: a question for such a body asks for a decision body. */
  decisionBody: z
    .object({ enNouns: z.array(z.string().min(1)), zhNouns: z.array(z.string().min(1)), enVerbs: z.array(z.string().min(1)), zhVerbs: z.array(z.string().min(1)) })
    .passthrough()
    .default({ enNouns: [], zhNouns: [], enVerbs: [], zhVerbs: [] }),
  /** Verbs of dividing into kinds (splits into / 细分为): which X splits into A and B asks for the whole. */
  division: z.object({ en: z.array(z.string().min(1)), zh: z.array(z.string().min(1)) }).passthrough().default({ en: [], zh: [] }),
  /** Actor names that are roles every member has (成员单位, 参与方): they name no one in particular. */
  genericRoles: z.array(z.string().min(1)).default([]),
  sectionOwnerTypes: z.array(z.enum(ENTITY_TYPES)),
  /** Chinese words that signal each relation type in a question (参与 -> PARTICIPATES_IN). */
  relationCues: z.partialRecord(z.enum(RELATION_TYPES), z.array(z.string().min(1))),
  zhQuestionWords: z.array(z.string().min(1)),
  zhTailPatterns: z.array(z.string().min(1)),
  zhFrameWords: z.array(z.string().min(1)),
  zhStopWords: z.array(z.string().min(1)),
  zhWeakWords: z.array(z.string().min(1)).default([]),
  /** Sets of Chinese words policy texts use for one another (推动 / 驱动 / 拉动): each searches for all. */
  zhSynonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
  /** Verbs only actors do (参与, 牵头): 哪些方面参与 asks for actors though 方面 is no type noun. */
  zhAgentVerbs: z.array(z.string().min(1)).default([]),
  /** Words of a question for who takes part (参与方, take part): the named mode's leaders give way. */
  participantCues: z.array(z.string().min(1)).default([]),
  /** Verbs of putting a practice to use (采用, 实行): 采用X的是哪一类 asks for a mode. */
  zhPracticeVerbs: z.array(z.string().min(1)).default([]),
  /** what is behind X: a preposition after the copula that asks for what drives X. */
  enDriverPrepositions: z.array(z.string().min(1)).default([]),
  /** what is X oriented towards / driven by: participles that ask for what drives X. */
  enDriverParticiples: z.array(z.string().min(1)).default([]),
  enQuestionWords: z.array(z.string().min(1)),
  enFunctionWords: z.array(z.string().min(1)),
  negation: z.object({
    zh: z.array(z.string().min(1)),
    zhExceptions: z.array(z.string().min(1)).default([]),
    en: z.array(z.string().min(1)),
    /** Cues of ceasing (不再, no longer): in a question for a requirement (a shift 从A转向B) they name the shift's origin, not a negation. */
    cessation: z.object({ zh: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }).default({ zh: [], en: [] }),
    /** not just / not only X: X is added to, not denied; the cue goes and X stays as context. */
    enAdditive: z.array(z.string().min(1)).default([]),
  }),
  enPhrases: z.array(EnPhrase),
  /** Irregular English verb forms -> base form, for phrase lookup (took -> take, built -> build). */
  enIrregular: z.record(z.string(), z.string()).default({}),
  /**
   * Exclusion constructions (apart from X, which ...; 除了X之外，还有哪些...): X is what the
   * question already knows, dropped from the constraint and from the answers. English markers run
   * to the next comma; Chinese ones to an end word (之外) or the next comma.
   */
  exclusion: z.object({ en: z.array(z.string().min(1)), zh: z.array(z.string().min(1)), zhEnds: z.array(z.string().min(1)) }).default({ en: [], zh: [], zhEnds: [] }),
  /** Contrast constructions whose negated half is dropped (不是A而是B; A rather than B). */
  zhContrast: Contrast,
  enContrast: Contrast,
});
export type QuestionCues = z.infer<typeof QuestionCuesSchema>;
export type EnPhraseEntry = z.infer<typeof EnPhrase>;

const GlossarySchema = z.array(
  z.object({
    zh: z.string().min(1),
    en: z.string().min(1),
    enAlt: z.union([z.array(z.string()), z.string()]).optional(),
  }).passthrough(),
);
export interface GlossaryEntry {
  zh: string;
  en: string[];
}

/** The project root: the nearest folder upwards holding package.json (works from source and from dist/). */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new PolicygraphError('CONFIG', 'cannot locate the project root (no package.json above search/)');
    dir = up;
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PolicygraphError('CONFIG', `cannot read lexicon: ${(e as Error).message}`, { file, cause: e });
  }
}

let cues: QuestionCues | undefined;
export function questionCues(): QuestionCues {
  if (cues) return cues;
  const file = path.join(projectRoot(), 'search', 'lexicon', 'question-cues.json');
  const parsed = QuestionCuesSchema.safeParse(readJson(file));
  if (!parsed.success) throw new PolicygraphError('CONFIG', `invalid question cues: ${parsed.error.message}`, { file });
  cues = parsed.data;
  return cues;
}

let glossary: GlossaryEntry[] | undefined;
/** The bilingual domain glossary; empty when extraction has not written one yet. */
export function domainGlossary(): GlossaryEntry[] {
  if (glossary) return glossary;
  const file = path.join(projectRoot(), 'ingest', 'lexicon', 'glossary.json');
  if (!existsSync(file)) return (glossary = []);
  const raw = readJson(file);
  const list = Array.isArray(raw) ? raw : (raw as { entries?: unknown }).entries ?? (raw as { glossary?: unknown }).glossary;
  const parsed = GlossarySchema.safeParse(list);
  if (!parsed.success) throw new PolicygraphError('CONFIG', `invalid glossary: ${parsed.error.message}`, { file });
  glossary = parsed.data.map((g) => ({
    zh: g.zh,
    en: [g.en, ...(typeof g.enAlt === 'string' ? [g.enAlt] : g.enAlt ?? [])].filter((s) => s.trim().length > 0),
  }));
  return glossary;
}

/** Answer-type cue nouns of one language, longest first, with their type. */
export function typeCueNouns(lang: 'zh' | 'en'): Array<{ cue: string; type: EntityType }> {
  const out: Array<{ cue: string; type: EntityType }> = [];
  for (const t of questionCues().answerTypes) for (const cue of t[lang]) out.push({ cue: cue.toLowerCase(), type: t.type });
  return out.sort((a, b) => b.cue.length - a.cue.length);
}
