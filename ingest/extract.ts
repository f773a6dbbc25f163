/**
 * Stages `extract-entities`, `extract-relations`, `resolve`: one entry point used by the
 * pipeline. (stub: to be replaced by the lexicon/pattern extractor)
 */
import type { Entity, Mention, Relation, Section, Sentence } from './types.js';

export interface ExtractionInput {
  docId: string;
  text: string;
  sections: Section[];
  sentences: Sentence[];
}

export interface ExtractionOutput {
  entities: Entity[];
  mentions: Mention[];
  relations: Relation[];
}

export function extract(_input: ExtractionInput): ExtractionOutput {
  return { entities: [], mentions: [], relations: [] };
}
