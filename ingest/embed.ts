/**
 * Stage `embed`: vectors for a document's passages and entities, in one batched pass so identical
 * texts are embedded once. With no embedder the draft passes through unchanged (lexical mode).
 */
import type { Embedder } from './embedder.js';
import type { Entity, Passage } from './types.js';

export interface EmbedResult {
  passages: Passage[];
  entityEmbeddings: Record<string, Float32Array>;
}

/**
 * The text an entity is embedded from: its label, the other surface forms it was written as, and
 * the English label (a multilingual model uses it; for a Chinese one it is a small nudge at most).
 */
export function entityText(e: Pick<Entity, 'label' | 'aliases' | 'labelEn'>): string {
  const names = [e.label, ...e.aliases.filter((a) => a !== e.label)];
  return e.labelEn ? `${names.join('、')} (${e.labelEn})` : names.join('、');
}

export async function embedDocument(
  draft: { passages: Passage[]; entities: Entity[] },
  embedder: Embedder | null,
  onProgress?: (done: number, total: number) => void,
): Promise<EmbedResult> {
  if (!embedder) return { passages: draft.passages, entityEmbeddings: {} };
  const texts = [...draft.passages.map((p) => p.text), ...draft.entities.map(entityText)];
  const vectors = await embedder.embedPassages(texts, onProgress);
  const n = draft.passages.length;
  const passages = draft.passages.map((p, i) => ({ ...p, embedding: vectors[i] }));
  const entityEmbeddings: Record<string, Float32Array> = {};
  draft.entities.forEach((e, i) => (entityEmbeddings[e.id] = vectors[n + i]));
  return { passages, entityEmbeddings };
}
