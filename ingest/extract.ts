/**
 * Stages `extract-entities`, `extract-relations`, `resolve`: the one entry point the pipeline
 * calls. Structure -> candidate mentions -> canonical entities -> relations with evidence.
 */
import { extractCandidates, KIND_NUMBER } from './extract-entities.js';
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

/** The structure cues compiled once per lexicon: kinds listed after a colon, and a heading that announces kinds (几种组织形态, 三条路径). */
const structureCues = new WeakMap<ReturnType<typeof lexicon>, { listIntro: RegExp; kindCue: RegExp }>();
function structureCuesOf(lex: ReturnType<typeof lexicon>): { listIntro: RegExp; kindCue: RegExp } {
  let cues = structureCues.get(lex);
  if (!cues) {
    const c = lex.cues.mode;
    const kindCue = new RegExp(`${KIND_NUMBER}(?:种|类|条)|${c.categoryHeadingCues.filter((x) => x.length >= 3).join('|')}`, 'u');
    structureCues.set(lex, (cues = { listIntro: new RegExp(c.colonListIntro, 'u'), kindCue }));
  }
  return cues;
}

export function extract(input: ExtractionInput): ExtractionOutput {
  const { docId, text, sections, sentences } = input;
  const { listIntro, kindCue } = structureCuesOf(lexicon());
  const structure = buildStructure(text, sections, listIntro, kindCue);
  const candidates = withoutModesAsMechanisms(extractCandidates({ text, sentences, structure }));
  const { entities, mentions, linked } = resolve(candidates, docId, text);
  const found = extractRelations({ docId, text, sentences, structure, entities, linked });
  const { entities: kept, mentions: keptMentions, relations } = dropUnattachedDrivers(entities, mentions, found);
  // A subtype's parent is recorded on the entity too, when both are in this document.
  const ids = new Set(kept.map((e) => e.id));
  for (const e of kept) if (e.parentId && !ids.has(e.parentId)) delete e.parentId;
  for (const r of relations) {
    if (r.type !== 'SUBTYPE_OF') continue;
    const e = kept.find((x) => x.id === r.source);
    if (e && !e.parentId) e.parentId = r.target;
  }
  return { entities: kept, mentions: keptMentions, relations };
}

/** 以契约型方式运行: a practice named exactly as one of the document's modes is that mode, not a mechanism of it. */
function withoutModesAsMechanisms<C extends { type: string; label: string }>(candidates: C[]): C[] {
  const modes = new Set(candidates.filter((c) => c.type === 'Mode').map((c) => c.label));
  return candidates.filter((c) => c.type !== 'Mechanism' || !modes.has(c.label));
}

/**
 * 以论文为导向 in a sentence about evaluation is an orientation, not what drives a mode: a driver
 * not named …驱动 is kept only where the text makes a mode driven by it.
 */
function dropUnattachedDrivers(entities: Entity[], mentions: Mention[], relations: Relation[]): ExtractionOutput {
  const standalone = lexicon().cues.driver.standaloneSuffixes;
  const drop = new Set(
    entities
      .filter((e) => e.type === 'Driver' && !standalone.some((s) => e.label.endsWith(s)))
      .filter((e) => !relations.some((r) => r.type === 'DRIVEN_BY' && r.target === e.id))
      .map((e) => e.id),
  );
  return {
    entities: entities.filter((e) => !drop.has(e.id)),
    mentions: mentions.filter((m) => !drop.has(m.entityId)),
    relations: relations.filter((r) => !drop.has(r.source) && !drop.has(r.target)),
  };
}
