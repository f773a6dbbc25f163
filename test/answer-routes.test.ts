// search/answer-routes.ts and search/ask.ts helpers: masking sibling names, trusting an English translation.
import { describe, expect, it } from 'vitest';
import { maskSpans } from '../search/answer-routes.js';
import { translationConfidence } from '../search/ask.js';
import { relevance } from '../search/evidence-score.js';
import type { TermGroup } from '../search/translate.js';

describe('maskSpans', () => {
  it.each<[string, Array<[number, number]>, string]>([
    ['包括甲模式、乙模式两类', [[2, 5]], '包括\u3000\u3000\u3000、乙模式两类'],
    ['包括甲模式、乙模式两类', [], '包括甲模式、乙模式两类'],
    ['短', [[0, 9]], '\u3000'],
  ])('%s %j', (text, spans, expected) => {
    const out = maskSpans(text, spans);
    expect(out).toBe(expected);
    expect(out.length).toBe(text.length);
  });
  it('removes a match that lies only inside a sibling name', () => {
    const groups = [{ alternatives: ['政府主导'], weight: 1, weak: false }];
    const text = '包括企业牵头主导多方参与、企业参与政府主导三类';
    expect(relevance(text, groups).score).toBe(1);
    const at = text.indexOf('企业参与政府主导');
    expect(relevance(maskSpans(text, [[at, at + 8]]), groups).score).toBe(0);
  });
});

describe('translationConfidence', () => {
  const g = (alternatives: string[], weak = false): TermGroup => ({ source: alternatives[0], alternatives, weak, negated: false, origin: 'dictionary' });
  const texts = ['企业提供资金和产业资源。'];
  it.each<[string, TermGroup[], string[], number]>([
    ['every content word found', [g(['企业']), g(['资金'])], [], 1],
    ['half found', [g(['企业']), g(['种族'])], [], 0.5],
    ['weak words do not count', [g(['企业']), g(['采用'], true)], [], 1],
    ['untranslated words halve it', [g(['企业'])], ['zork'], 0.5],
    ['nothing to embed', [g(['采用'], true)], [], 0],
  ])('%s', (_name, groups, unknown, expected) => expect(translationConfidence({ lang: 'en', groups, unknown }, texts)).toBeCloseTo(expected));
  it('Chinese questions are trusted as they are', () => expect(translationConfidence({ lang: 'zh', groups: [g(['种族'])], unknown: [] }, texts)).toBe(1));
});
