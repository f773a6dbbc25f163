/**
 * Type vocabulary for display: colours, shapes and bilingual names of entity and relation
 * types, read from vocab.json so styling is data, not logic.
 */
import vocabJson from './vocab.json';

export type Lang = 'zh' | 'en';

export interface EntityTypeStyle {
  color: string;
  shape: string;
  zh: string;
  en: string;
}

interface Vocab {
  entityTypes: Record<string, EntityTypeStyle>;
  relationTypes: Record<string, { zh: string; en: string; line: 'solid' | 'dashed' | 'dotted' }>;
}

const vocab = vocabJson as Vocab;

/** Entity types in display order (without the fallback). */
export const ENTITY_TYPE_ORDER = Object.keys(vocab.entityTypes).filter((t) => t !== 'other');
export const RELATION_TYPE_ORDER = Object.keys(vocab.relationTypes);

export function entityStyle(type: string): EntityTypeStyle {
  return vocab.entityTypes[type] ?? vocab.entityTypes.other!;
}

export function entityTypeName(type: string, lang: Lang): string {
  const s = vocab.entityTypes[type];
  return s ? s[lang] : type;
}

export function relationName(type: string, lang: Lang): string {
  const r = vocab.relationTypes[type];
  return r ? r[lang] : type.toLowerCase().replace(/_/g, ' ');
}

export function relationLine(type: string): 'solid' | 'dashed' | 'dotted' {
  return vocab.relationTypes[type]?.line ?? 'solid';
}

/** The label to show for an entity-like object in the chosen language (falls back to Chinese). */
export function displayLabel(e: { label: string; labelEn?: string }, lang: Lang): string {
  return lang === 'en' && e.labelEn ? e.labelEn : e.label;
}
