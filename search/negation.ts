/**
 * Chinese negation cues (不/没有/无/未/非 ...) located in text, with words that merely contain
 * a negator (不断, 未来, 无论 ...) masked out. Cue lists are data (search/lexicon/question-cues.json).
 */
import { questionCues } from './lexicon.js';

export interface NegationHit {
  cue: string;
  start: number;
  end: number;
}

/** Every negation cue in `text`, longest cue first at each position, none inside an exception word. */
export function findNegations(text: string): NegationHit[] {
  const { zh, zhExceptions } = questionCues().negation;
  const masked = new Array<boolean>(text.length).fill(false);
  for (const ex of zhExceptions) {
    for (let i = text.indexOf(ex); i >= 0; i = text.indexOf(ex, i + 1)) for (let j = i; j < i + ex.length; j++) masked[j] = true;
  }
  const cues = [...zh].sort((a, b) => b.length - a.length);
  const out: NegationHit[] = [];
  for (let i = 0; i < text.length; ) {
    const cue = masked[i] ? undefined : cues.find((c) => text.startsWith(c, i));
    if (cue) {
      out.push({ cue, start: i, end: i + cue.length });
      i += cue.length;
    } else i += 1;
  }
  return out;
}

/** True when a negation cue ends within `window` characters before `pos` (不设置决策机构: 不 negates 决策机构). */
export function negatedAt(text: string, pos: number, window = 6, hits = findNegations(text)): boolean {
  return hits.some((h) => h.end <= pos && pos - h.end <= window);
}
