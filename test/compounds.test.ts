// search/compounds.ts: neighbouring English groups joined into the Chinese compound the documents write.
import { describe, expect, it } from 'vitest';
import { mergeCompounds } from '../search/compounds.js';
import type { TermGroup } from '../search/translate.js';

const g = (source: string, alternatives: string[], extra: Partial<TermGroup> = {}): TermGroup => ({
  source,
  alternatives,
  weak: false,
  negated: false,
  origin: 'dictionary',
  ...extra,
});

const texts = ['产业化公司的决策机构为董事会。', '平台理事会负责重大事项。', '企业提供资金。'];

describe('mergeCompounds', () => {
  it.each<[string, TermGroup[], string[][]]>([
    ['adjacent words the documents write as one', [g('industrialization', ['产业化'], { next: 'adjacent' }), g('company', ['企业', '公司'])], [['产业化公司']]],
    ['X of Y is written Y X', [g('council', ['理事会'], { next: 'of' }), g('platform', ['平台'])], [['平台理事会']]],
    ['no join when the documents lack it', [g('research', ['科研'], { next: 'adjacent' }), g('company', ['公司'])], [['科研'], ['公司']]],
    ['no join without adjacency', [g('industrialization', ['产业化']), g('company', ['公司'])], [['产业化'], ['公司']]],
    ['weak groups never join', [g('adopt', ['产业化'], { next: 'adjacent', weak: true }), g('company', ['公司'])], [['产业化'], ['公司']]],
    ['verb phrases take objects, not compounds', [g('provide for', ['企业'], { next: 'adjacent' }), g('funding', ['提供资金'])], [['企业'], ['提供资金']]],
    ['a role word stays apart from its "of" scope', [g('board', ['董事会'], { next: 'of', role: true }), g('company', ['产业化公司'])], [['董事会'], ['产业化公司']]],
  ])('%s', (_name, groups, expected) => expect(mergeCompounds(groups, texts).map((x) => x.alternatives)).toEqual(expected));

  it('uses rarer dictionary senses to find the compound', () => {
    const merged = mergeCompounds([g('industrialization', ['工业化'], { next: 'adjacent', more: ['产业化'] }), g('company', ['公司'])], texts);
    expect(merged.map((x) => x.alternatives[0])).toEqual(['产业化公司']);
  });
});
