/** Shapes of the search and ask answers (api/CONTRACT.md: `GET /api/search`, `GET /api/ask`, and the CLI `--json`). */
import type { EntityType, Evidence, Passage } from '../ingest/types.js';

export interface SearchHitEntity {
  id: string;
  label: string;
  labelEn: string;
  type: EntityType;
}

export interface SearchHit {
  /** Passage id (`${docId}#p${index}`). */
  id: string;
  kind: Passage['kind'];
  doc: string;
  section: string;
  text: string;
  start: number;
  end: number;
  /** Fused reciprocal-rank score: higher is better; comparable within one response only. */
  score: number;
  /** Entities mentioned in the passage, in order of first mention. */
  entities: SearchHitEntity[];
}

export interface SearchResponse {
  query: string;
  /** Present when the query was translated to Chinese before searching. */
  translated?: { zh: string; terms: string[] };
  /** 'hybrid' when vector similarity took part; 'lexical' when no model or no stored embeddings. */
  mode: 'hybrid' | 'lexical';
  hits: SearchHit[];
}

/** Shapes of the question answer (api/CONTRACT.md, `GET /api/ask` and `policygraph ask --json`). */
export interface Answer {
  id: string;
  /** The name as the best evidence writes it; when that is an alias, followed by the canonical label in （）. */
  label: string;
  /** The entity's canonical label (the graph's name for it). */
  canonicalLabel: string;
  labelEn: string;
  type: EntityType;
  /** Relevance of the answer's best evidence to the question (0..~1.2); comparable within one response. */
  score: number;
  /** Best evidence first; every quote is `document.text.slice(start, end)`. */
  evidence: Evidence[];
}

export interface AskInterpretation {
  lang: 'zh' | 'en';
  answerType: EntityType;
  /** The words that fixed the answer type ('' = default type). */
  typeCue: string;
  /** The constraint in Chinese. */
  constraint: string;
  /** Constraint term groups (Chinese alternatives, best first). */
  terms: string[][];
  negated: boolean;
  /** English words nothing could translate. */
  unknown: string[];
  /** Entities the question names (the scope of the question), best first. */
  focus: { id: string; label: string; type: EntityType; score: number }[];
  /** Documents the evidence was drawn from. */
  documents: string[];
  /** How much of the question the best sentence covers (0..1); under ASK_PARAMS.minRelevance nothing answers. */
  coverage: number;
}

export interface AskResult {
  question: string;
  type: EntityType;
  answers: Answer[];
  interpretation: AskInterpretation;
  /** When nothing of the asked type fits: the sentences closest to the question. */
  closest?: Evidence[];
}
