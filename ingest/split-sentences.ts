/** Stage `split-sentences`: sentences with offsets, each tagged with its innermost section. (stub) */
import type { Section, Sentence } from './types.js';

export function splitSentences(text: string, sections: Section[], docId: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。！？!?\n]+[。！？!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) continue;
    const start = m.index + lead;
    const end = start + body.length;
    const section = [...sections].reverse().find((s) => s.start <= start && end <= s.end) ?? sections[0];
    out.push({ id: `${docId}#${out.length}`, docId, index: out.length, sectionId: section.id, sectionPath: section.path.join(' > '), start, end, text: body, isHeading: false });
  }
  return out;
}
