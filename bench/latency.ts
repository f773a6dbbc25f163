/**
 * In-process latency of the read paths on one store: ask, hybrid search, and graph (a focused
 * subgraph and the overview), as p50/p95/p99 over a fixed, repeated set of questions.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../core/paths.js';
import type { GraphStore } from '../graph/types.js';
import type { Embedder } from '../ingest/embedder.js';
import { ask } from '../search/ask.js';
import { hybridSearch } from '../search/hybrid.js';
import type { Vocabulary } from './synthetic.js';

const ROOT = projectRoot();
/** The team's development questions (shared/eval); the bench only times them, it does not score. */
const SEED_QUESTIONS = path.resolve(ROOT, '..', 'shared', 'eval', 'seed-questions.json');

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export type LatencyOp = 'ask' | 'search' | 'graphFocus' | 'graphOverview';
export type LatencyReport = Record<LatencyOp, Percentiles> & { questions: number; entities: number };

export interface LatencyDeps {
  store: GraphStore;
  embedder: Embedder | null;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Nearest-rank percentiles of samples in milliseconds. */
export function percentiles(samples: number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN);
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN;
  return { n: s.length, p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(at(100)), mean: round(mean) };
}

/**
 * Questions to time: the shared development questions when present, plus questions built from the
 * lexicon (so a checkout without ../shared still has a workload, and both languages appear).
 */
export function benchQuestions(vocab: Vocabulary, count = 12): string[] {
  const out: string[] = [];
  if (existsSync(SEED_QUESTIONS)) {
    const seed = z.object({ questions: z.array(z.object({ q: z.string() })) }).parse(JSON.parse(readFileSync(SEED_QUESTIONS, 'utf8')));
    out.push(...seed.questions.map((q) => q.q));
  }
  for (let i = 0; i < count; i++) {
    const actor = vocab.actors[(i * 7) % vocab.actors.length];
    const mechanism = vocab.mechanism[(i * 5) % vocab.mechanism.length];
    const driver = vocab.driver[(i * 3) % vocab.driver.length];
    const shapes = [`哪些模式采用${mechanism}`, `${actor}主导的合作侧重什么驱动`, `${driver}的合作模式有哪些`, `which modes use ${mechanism}`];
    out.push(shapes[i % shapes.length]);
  }
  return out;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Runs each question `reps` times through ask and search (after one untimed warm-up pass, so the
 * first call's lazy loads are not counted), and focused subgraphs around the most-mentioned entities.
 * `budgetMsPerOp` bounds the time spent sampling one operation (at least `minSamples` are taken), so
 * a slow store at a large size still finishes inside the benchmark's overall time.
 */
export async function measureLatency(
  deps: LatencyDeps,
  questions: string[],
  opts: { reps?: number; overviewReps?: number; budgetMsPerOp?: number; minSamples?: number } = {},
): Promise<LatencyReport> {
  const reps = opts.reps ?? 5;
  const overviewReps = opts.overviewReps ?? 5;
  const budget = opts.budgetMsPerOp ?? Infinity;
  const minSamples = opts.minSamples ?? 10;
  /** Times fn over the inputs, `rounds` times, until the budget is spent. */
  const sample = async <T>(inputs: T[], rounds: number, fn: (x: T) => Promise<unknown>): Promise<number[]> => {
    const out: number[] = [];
    let spent = 0;
    for (let r = 0; r < rounds; r++) {
      for (const x of inputs) {
        const ms = await timed(() => fn(x));
        out.push(ms);
        spent += ms;
        if (spent > budget && out.length >= minSamples) return out;
      }
    }
    return out;
  };
  // Warm-up: one pass of each question, untimed (bounded by the budget too).
  const warmStart = performance.now();
  for (const q of questions) {
    if (performance.now() - warmStart > budget) break;
    await ask(deps, q, { k: 10 });
    await hybridSearch(deps, q, { k: 10 });
  }
  const askMs = await sample(questions, reps, (q) => ask(deps, q, { k: 10 }));
  const searchMs = await sample(questions, reps, (q) => hybridSearch(deps, q, { k: 10 }));
  const entities = (await deps.store.listEntities()).sort((a, b) => b.mentionCount - a.mentionCount || a.id.localeCompare(b.id));
  const focus = entities.slice(0, Math.min(20, entities.length));
  const focusMs = await sample(focus, reps, (e) => deps.store.subgraph({ focus: e.id, depth: 2, limit: 3000 }));
  const overviewMs = await sample([null], overviewReps, () => deps.store.subgraph({ limit: 3000 }));
  return {
    questions: questions.length,
    entities: entities.length,
    ask: percentiles(askMs),
    search: percentiles(searchMs),
    graphFocus: percentiles(focusMs),
    graphOverview: percentiles(overviewMs),
  };
}
