/** Passages to retrieve and embed: every sentence, plus windows of two adjacent sentences in one section. */
import { searchTokens } from './segment.js';
import type { Passage, Sentence } from './types.js';

export function buildPassages(sentences: Sentence[], text: string, docId: string): Passage[] {
  const out: Passage[] = [];
  const push = (kind: Passage['kind'], ss: Sentence[]) => {
    const start = ss[0].start;
    const end = ss[ss.length - 1].end;
    const t = text.slice(start, end);
    out.push({ id: `${docId}#p${out.length}`, docId, kind, sentenceIds: ss.map((s) => s.id), sectionPath: ss[0].sectionPath, start, end, text: t, tokens: searchTokens(t).join(' ') });
  };
  sentences.forEach((s, i) => {
    push('sentence', [s]);
    const next = sentences[i + 1];
    if (next && next.sectionId === s.sectionId && !s.isHeading) push('window', [s, next]);
  });
  return out;
}
