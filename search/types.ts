/** Shapes of the search answer (api/CONTRACT.md, `GET /api/search` and `policygraph search --json`). */
import type { EntityType, Passage } from '../ingest/types.js';

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
