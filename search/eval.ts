/**
 * `policygraph eval <questions.json>`: asks every question and scores the answers as
 * shared/eval/README.md says (hit@1, recall@k with k = expected + 2, MRR over the top 10,
 * evidence validity against the stored document text), overall and per language.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PolicygraphError } from '../core/errors.js';
import { documentId } from '../ingest/pipeline.js';
import { ENTITY_TYPES, type EntityType, type Evidence } from '../ingest/types.js';
import { ask, type AskDeps } from './ask.js';
import type { Answer } from './types.js';

const QuestionFields = z.object({
  id: z.string().min(1),
  lang: z.string().min(1),
  q: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  /** One inner list per expected answer: acceptable label fragments. */
  answers: z.array(z.array(z.string().min(1)).min(1)),
  /** Optional: the document the question is about (path or file name). */
  doc: z.string().optional(),
});
/** The question text is `q` (as in shared/eval); a file that calls it `question` is read the same. */
const QuestionSchema = z.preprocess(
  (v) => (v && typeof v === 'object' && !('q' in v) && 'question' in v ? { ...v, q: (v as { question: unknown }).question } : v),
  QuestionFields,
);
const QuestionsFileSchema = z.object({ questions: z.array(QuestionSchema) }).passthrough();
export type EvalQuestion = z.infer<typeof QuestionSchema>;

/** What is scored of a returned answer. */
export type ScoredAnswer = Pick<Answer, 'label' | 'type'>;

export interface QuestionScore {
  id: string;
  lang: string;
  q: string;
  type: EntityType;
  /** The answer type the system understood. */
  askedType: EntityType | null;
  hit1: boolean;
  /** Share of expected answers found among the first k returned. */
  recall: number;
  k: number;
  /** 1 / rank of the first matching answer in the top 10, else 0. */
  rr: number;
  /** Every returned answer has evidence, all of it exact at its offsets. */
  evidenceValid: boolean;
  /** Labels of the first returned answers (for the printed report). */
  top: string[];
  error?: string;
}

export interface Metrics {
  n: number;
  hit1: number;
  recall: number;
  mrr: number;
  /** Share of questions whose every answer's evidence is valid. */
  evidenceValid: number;
}

export interface EvalReport {
  file: string;
  overall: Metrics;
  byLang: Record<string, Metrics>;
  questions: QuestionScore[];
}

export interface EvalOptions {
  /** Answers asked for per question (default 10: MRR looks at the top 10). */
  k?: number;
  /**
   * Restrict each question that names a `doc` to that document when it is in the store
   * (default true: such answers are only guaranteed unique within their document).
   */
  scopeToDoc?: boolean;
}

/** An answer matches an expected one when the types are equal and its label contains one of the fragments. */
export function matches(answer: ScoredAnswer, type: EntityType, fragments: string[]): boolean {
  return answer.type === type && fragments.some((f) => answer.label.includes(f));
}

/** hit@1, recall@k and reciprocal rank of one question's ranked answers. Pure. */
export function scoreAnswers(q: Pick<EvalQuestion, 'type' | 'answers'>, answers: ScoredAnswer[]): { hit1: boolean; recall: number; k: number; rr: number } {
  const k = q.answers.length + 2;
  const matchesAny = (a: ScoredAnswer) => q.answers.some((fr) => matches(a, q.type, fr));
  const hit1 = answers.length > 0 && matchesAny(answers[0]);
  const topK = answers.slice(0, k);
  const found = q.answers.filter((fr) => topK.some((a) => matches(a, q.type, fr))).length;
  const recall = q.answers.length ? found / q.answers.length : 0;
  const rank = answers.slice(0, 10).findIndex(matchesAny);
  return { hit1, recall, k, rr: rank >= 0 ? 1 / (rank + 1) : 0 };
}

/** Aggregate per-question scores (empty input -> zeros). Pure. */
export function aggregate(scores: Pick<QuestionScore, 'hit1' | 'recall' | 'rr' | 'evidenceValid'>[]): Metrics {
  const n = scores.length;
  const mean = (f: (s: (typeof scores)[number]) => number) => (n ? scores.reduce((a, s) => a + f(s), 0) / n : 0);
  return {
    n,
    hit1: mean((s) => (s.hit1 ? 1 : 0)),
    recall: mean((s) => s.recall),
    mrr: mean((s) => s.rr),
    evidenceValid: mean((s) => (s.evidenceValid ? 1 : 0)),
  };
}

/** Checks quotes against stored document text; caches documents across calls. */
export class EvidenceChecker {
  private texts = new Map<string, string | null>();
  constructor(private readonly deps: Pick<AskDeps, 'store'>) {}

  async valid(ev: Evidence): Promise<boolean> {
    if (!this.texts.has(ev.doc)) this.texts.set(ev.doc, (await this.deps.store.getDocument(ev.doc))?.document.text ?? null);
    const text = this.texts.get(ev.doc);
    return text != null && ev.start >= 0 && ev.end <= text.length && ev.start < ev.end && text.slice(ev.start, ev.end) === ev.text;
  }

  /** Every answer carries at least one quote and all its quotes are exact. */
  async answersValid(answers: Pick<Answer, 'evidence'>[]): Promise<boolean> {
    for (const a of answers) {
      if (a.evidence.length === 0) return false;
      for (const ev of a.evidence) if (!(await this.valid(ev))) return false;
    }
    return true;
  }
}

export async function readQuestions(file: string): Promise<EvalQuestion[]> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new PolicygraphError('NOT_FOUND', 'cannot read the questions file', { file, cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new PolicygraphError('BAD_INPUT', `questions file is not JSON: ${(e as Error).message}`, { file, cause: e });
  }
  const parsed = QuestionsFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new PolicygraphError('BAD_INPUT', `not a questions file (${problems})`, { file });
  }
  return parsed.data.questions;
}

export async function evaluate(deps: AskDeps, questionsFile: string, opts: EvalOptions = {}): Promise<EvalReport> {
  const questions = await readQuestions(questionsFile);
  const k = opts.k ?? 10;
  const stored = new Set((await deps.store.listDocuments()).map((d) => d.id));
  const checker = new EvidenceChecker(deps);
  const scores: QuestionScore[] = [];
  for (const q of questions) {
    const docId = q.doc ? documentId(path.basename(q.doc)) : undefined;
    const docIds = opts.scopeToDoc !== false && docId && stored.has(docId) ? [docId] : undefined;
    try {
      const result = await ask(deps, q.q, { k: Math.max(k, q.answers.length + 2), docIds });
      const s = scoreAnswers(q, result.answers);
      scores.push({
        id: q.id,
        lang: q.lang,
        q: q.q,
        type: q.type,
        askedType: result.type,
        ...s,
        evidenceValid: await checker.answersValid(result.answers),
        top: result.answers.slice(0, 3).map((a) => `${a.label} [${a.type}]`),
      });
    } catch (e) {
      // one failing question is scored as a miss and reported; the run goes on
      scores.push({ id: q.id, lang: q.lang, q: q.q, type: q.type, askedType: null, hit1: false, recall: 0, k: q.answers.length + 2, rr: 0, evidenceValid: false, top: [], error: (e as Error).message });
    }
  }
  const byLang: Record<string, Metrics> = {};
  for (const lang of [...new Set(scores.map((s) => s.lang))].sort()) byLang[lang] = aggregate(scores.filter((s) => s.lang === lang));
  return { file: questionsFile, overall: aggregate(scores), byLang, questions: scores };
}

const pct = (x: number): string => x.toFixed(3);

/** The printable report: one row per language and overall, then the questions missed at rank 1. */
export function formatReport(r: EvalReport): string {
  const rows: string[][] = [['set', 'n', 'hit@1', 'recall@k', 'MRR', 'evidence']];
  for (const [lang, m] of Object.entries(r.byLang)) rows.push([lang, String(m.n), pct(m.hit1), pct(m.recall), pct(m.mrr), pct(m.evidenceValid)]);
  const o = r.overall;
  rows.push(['overall', String(o.n), pct(o.hit1), pct(o.recall), pct(o.mrr), pct(o.evidenceValid)]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [`eval: ${r.file}`, line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  const missed = r.questions.filter((q) => !q.hit1 || !q.evidenceValid);
  if (missed.length) {
    out.push('', 'missed at rank 1 (or invalid evidence):');
    for (const q of missed) {
      const why = q.error ? `error: ${q.error}` : `got ${q.top[0] ?? '(no answer)'}${q.askedType && q.askedType !== q.type ? `; understood type ${q.askedType}` : ''}${q.evidenceValid ? '' : '; INVALID EVIDENCE'}`;
      out.push(`  ${q.id} [${q.lang}] ${q.q} -> ${why}; RR ${pct(q.rr)}`);
    }
  }
  return out.join('\n');
}
