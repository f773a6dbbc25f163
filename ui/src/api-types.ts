/**
 * Shapes of the JSON the explorer reads from /api (see api/CONTRACT.md). Built from the
 * core types so a change there shows up here at type-check time.
 */
import type { DocumentSummary, EntityDetail, EntityWithStats } from '../../graph/types.js';
import type { DocumentRecord, Entity, Evidence, Relation, Section, Sentence } from '../../ingest/types.js';
import type { CytoscapeElements } from '../elements.js';

export type { DocumentSummary, EntityDetail, EntityWithStats, Entity, Evidence, Relation, CytoscapeElements };

/** Evidence as the API sends it: sentenceId may be missing on some routes. */
export type EvidenceLike = Pick<Evidence, 'doc' | 'section' | 'text' | 'start' | 'end'> & { sentenceId?: string };

export interface Health {
  status: string;
  store: string;
  model: { available: boolean; modelId?: string; reason?: string };
  counts: { documents: number; entities: number; relations: number; sentences: number; passages: number };
  writable: boolean;
  /** True when writes need a bearer token. */
  auth?: boolean;
}

/** /api/ask and /api/search answer with the search module's own shapes. */
export type { Answer, AskInterpretation, AskResult as AskResponse, SearchHit, SearchResponse } from '../../search/types.js';

export interface GraphResponse {
  elements: CytoscapeElements;
  truncated: boolean;
}

export interface DocumentMention {
  entityId: string;
  type: string;
  label: string;
  start: number;
  end: number;
  text: string;
  sentenceId: string;
}

export interface DocumentResponse {
  document: DocumentRecord;
  sections: Section[];
  sentences: Sentence[];
  mentions: DocumentMention[];
}

export interface MatrixCell {
  row: string;
  col: string;
  count: number;
  evidence: EvidenceLike[];
}

export interface MatrixResponse {
  rows: Entity[];
  cols: Entity[];
  cells: MatrixCell[];
}

export interface PathsResponse {
  paths: { entities: Entity[]; relations: Relation[] }[];
}

export interface UploadResponse {
  ingested: { id: string; file: string }[];
  skipped: { id: string; file: string; reason: string }[];
  errors: { file: string; code: string; message: string }[];
}
