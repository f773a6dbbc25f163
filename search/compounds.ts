/**
 * English compounds rebuilt as the documents write them: two translated groups that stood next
 * to each other (industrialization company -> 产业化 + 公司) or around "of" (the council of the
 * platform -> 平台 + 理事会) become one group when the documents use the joined Chinese word.
 */
import { questionCues } from './lexicon.js';
import type { TermGroup } from './translate.js';


/** Alternatives tried per side (dictionary groups include their rarer senses). */
const PER_SIDE = 8;

const candidates = (g: TermGroup): string[] => [...g.alternatives, ...(g.origin === 'dictionary' ? g.more ?? [] : [])].slice(0, PER_SIDE);

/** Joined forms of two groups in the order Chinese writes them: modifier first, head last. */
function joins(left: TermGroup, right: TermGroup): string[] {
  const out: string[] = [];
  for (const a of candidates(left)) {
    for (const b of candidates(right)) {
      if (left.next === 'adjacent') out.push(`${a}${b}`);
      // X of Y: Y is the modifier (平台的理事会 or 平台理事会)
      else out.push(`${b}${a}`, `${b}的${a}`);
    }
  }
  return out;
}

/**
 * Merge neighbouring groups whose joined Chinese occurs in `texts` (longest joins first). A merged
 * group may merge again with the next (proof of concept center -> 概念验证中心).
 */
export function mergeCompounds(groups: TermGroup[], texts: string[]): TermGroup[] {
  const used = (w: string) => texts.some((t) => t.includes(w));
  const functionWords = new Set(questionCues().enFunctionWords);
  const out: TermGroup[] = [];
  for (const g of groups) {
    const prev = out[out.length - 1];
    // a role word stays apart from its scope (the board of the company: 董事会 is asked for)
    const roleOf = prev?.next === 'of' && (prev.role || g.role);
    // a verb phrase (focus on, rely on) takes an object; it is not the modifier of a compound
    const verbal = prev ? prev.source.split(/\s+/).slice(1).some((w) => functionWords.has(w)) : false;
    if (prev?.next && !roleOf && !verbal && !prev.weak && !g.weak && prev.origin !== 'chinese' && g.origin !== 'chinese' && !prev.negated && !g.negated) {
      const found = [...new Set(joins(prev, g).filter(used))].sort((a, b) => b.length - a.length);
      if (found.length) {
        out[out.length - 1] = {
          source: `${prev.source} ${g.source}`,
          alternatives: found.slice(0, 4),
          weak: false,
          negated: false,
          origin: 'phrase',
          role: prev.role || g.role || undefined,
          next: g.next,
          parts: [...(prev.parts ?? [prev.alternatives]), ...(g.parts ?? [g.alternatives])],
        };
        continue;
      }
    }
    out.push(g);
  }
  return out;
}
