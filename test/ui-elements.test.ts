// Pure parts of the explorer: the Subgraph -> Cytoscape mapping and the UI helpers built on it
// (deep-link state, reader segments, matrix grid, path search, highlight sets, CSV export, vocab).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../graph/types.js';
import { ENTITY_TYPES, RELATION_TYPES, type Entity, type Evidence, type Relation } from '../ingest/types.js';
import { toCytoscapeElements, type CytoscapeElements } from '../ui/elements.js';
import { csvField, edgesCsv, elementsJson, nodesCsv } from '../ui/src/export-data.js';
import { highlightFor } from '../ui/src/highlight.js';
import { buildGrid, cellAlpha } from '../ui/src/matrix-grid.js';
import { shortestPaths } from '../ui/src/path-search.js';
import { pickMentions, segmentText } from '../ui/src/segments.js';
import { DEFAULT_STATE, decodeState, encodeState, type ViewState } from '../ui/src/url-state.js';
import { displayLabel, entityStyle, relationName } from '../ui/src/vocab.js';

const ent = (type: Entity['type'], label: string, extra: Partial<Entity> = {}): Entity => ({
  id: `${type}:${label}`,
  type,
  label,
  labelEn: `${label}-en`,
  aliases: [],
  ...extra,
});
const ev = (doc: string, start: number, end: number): Evidence => ({ doc, section: 's', sentenceId: `${doc}#${start}`, text: 'x'.repeat(end - start), start, end });
const rel = (type: Relation['type'], s: Entity, t: Entity, evidence: Evidence[] = [ev('d1', 0, 10)]): Relation => ({
  id: `${type}:${s.id}->${t.id}`,
  type,
  source: s.id,
  target: t.id,
  confidence: 0.8,
  evidence,
});

describe('toCytoscapeElements', () => {
  const a = ent('Mode', '高校主导');
  const b = ent('Mechanism', '里程碑考核');
  const c = ent('Actor', '高校', { aliases: ['大学'], parentId: 'Actor:院所' });
  const g: Subgraph = {
    entities: [a, b, c],
    relations: [
      rel('USES', a, b, [ev('d1', 0, 10), ev('d2', 5, 9), ev('d1', 20, 30)]),
      rel('LED_BY', a, c),
      rel('RELATED_TO', a, ent('Driver', '不在图中')),
    ],
  };
  const el = toCytoscapeElements(g);

  it('keeps only edges whose ends are both present, and counts degree over them', () => {
    expect(el.edges.map((e) => e.data.id)).toEqual(['USES:Mode:高校主导->Mechanism:里程碑考核', 'LED_BY:Mode:高校主导->Actor:高校']);
    expect(Object.fromEntries(el.nodes.map((n) => [n.data.id, n.data.degree]))).toEqual({ [a.id]: 2, [b.id]: 1, [c.id]: 1 });
  });

  it('carries labels, aliases, parent, evidence count, distinct docs and evidence spans', () => {
    const cn = el.nodes.find((n) => n.data.id === c.id)!.data;
    expect(cn).toMatchObject({ label: '高校', labelEn: '高校-en', type: 'Actor', aliases: ['大学'], parentId: 'Actor:院所' });
    expect('parentId' in el.nodes.find((n) => n.data.id === a.id)!.data).toBe(false);
    const uses = el.edges[0]!.data;
    expect(uses).toMatchObject({ source: a.id, target: b.id, type: 'USES', confidence: 0.8, evidenceCount: 3, docs: ['d1', 'd2'] });
    expect(uses.spans).toEqual([
      { doc: 'd1', start: 0, end: 10 },
      { doc: 'd2', start: 5, end: 9 },
      { doc: 'd1', start: 20, end: 30 },
    ]);
  });

  it('maps an empty subgraph to empty element lists', () => {
    expect(toCytoscapeElements({ entities: [], relations: [] })).toEqual({ nodes: [], edges: [] });
  });
});

describe('deep-link state', () => {
  it('writes nothing for the default state and reads defaults from an empty query', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('');
    expect(decodeState('')).toEqual(DEFAULT_STATE);
  });

  it('round-trips a full state', () => {
    const s: ViewState = {
      ...DEFAULT_STATE,
      q: '哪些模式采用里程碑考核',
      focus: 'Mode:企业参与高校、科研机构主导的产学研合作',
      types: ['Mode', 'Mechanism'],
      rels: ['USES'],
      docs: ['000_b86ad707c747c04c', 'doc,with,commas'],
      lang: 'en',
      tab: 'matrix',
      layout: 'dagre',
      mrows: 'Actor',
      mcols: 'Mode',
      mdoc: 'd1',
      from: 'Mechanism:里程碑考核',
      to: 'Actor:理事会',
    };
    expect(decodeState(encodeState(s))).toEqual(s);
  });

  it('ignores unknown or malformed values', () => {
    const s = decodeState('?lang=fr&tab=table&layout=grid&types=,,Mode,&q=%20x%20');
    expect(s.lang).toBe('zh');
    expect(s.tab).toBe('graph');
    expect(s.layout).toBe('fcose');
    expect(s.types).toEqual(['Mode']);
    expect(s.q).toBe('x');
  });

  it('round-trips any query text and id lists (property)', () => {
    const id = fc.string({ minLength: 1, maxLength: 12 }).filter((x) => x.trim() === x && x.length > 0 && !x.includes('%2C'));
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }).map((x) => x.trim()), fc.array(id, { maxLength: 4 }), (q, docs) => {
        const s = { ...DEFAULT_STATE, q, docs };
        expect(decodeState(encodeState(s))).toEqual(s);
      }),
    );
  });
});

describe('reader segments', () => {
  const text = '企业参与高校主导的产学研合作采用里程碑考核。';
  const m = (entityId: string, start: number, end: number) => ({ entityId, type: 'Mode', start, end });

  it('keeps the longer of overlapping mentions and drops out-of-range ones', () => {
    const picked = pickMentions([m('short', 4, 6), m('long', 4, 9), m('inner', 5, 7), m('bad', 20, 40)], text.length);
    expect(picked.map((p) => p.entityId)).toEqual(['long']);
  });

  it('covers the text exactly, marks mentions and the highlighted span', () => {
    const segs = segmentText(text, [m('mode', 4, 9), m('mech', 16, 21)], { start: 14, end: 22 });
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.mention).map((s) => [s.text, s.mention!.entityId])).toEqual([
      ['高校主导的', 'mode'],
      ['里程碑考核', 'mech'],
    ]);
    expect(segs.filter((s) => s.highlighted).map((s) => s.text).join('')).toBe(text.slice(14, 22));
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBe(segs[i - 1]!.end);
  });

  it('splits a mention that straddles the highlight edge but keeps it the same mention', () => {
    const segs = segmentText(text, [m('mode', 4, 9)], { start: 6, end: 12 });
    const parts = segs.filter((s) => s.mention?.entityId === 'mode');
    expect(parts.map((s) => [s.text, s.highlighted])).toEqual([
      ['高校', false],
      ['主导的', true],
    ]);
  });

  it('always reassembles the text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(70), fc.nat(10)), { maxLength: 8 }),
        fc.option(fc.tuple(fc.nat(70), fc.nat(20))),
        (t, ms, hl) => {
          const mentions = ms.map(([s, l], i) => m(`e${i}`, s, s + l));
          const segs = segmentText(t, mentions, hl ? { start: hl[0], end: hl[0] + hl[1] } : undefined);
          expect(segs.map((s) => s.text).join('')).toBe(t);
          for (const s of segs) if (s.mention) expect(t.slice(s.mention.start, s.mention.end)).toContain(s.text);
        },
      ),
    );
  });
});

describe('matrix grid', () => {
  const rows = [ent('Mode', 'A'), ent('Mode', 'B'), ent('Mode', 'Empty')];
  const cols = [ent('Mechanism', 'x'), ent('Mechanism', 'y')];
  const resp = {
    rows,
    cols,
    cells: [
      { row: rows[0]!.id, col: cols[1]!.id, count: 3, evidence: [ev('d', 0, 1), ev('d', 2, 3), ev('d', 4, 5)] },
      { row: rows[1]!.id, col: cols[0]!.id, count: 1, evidence: [ev('d', 9, 10)] },
    ],
  };

  it('places counts by row and column with zeros elsewhere', () => {
    const g = buildGrid(resp);
    expect(g.cells.map((r) => r.map((c) => c.count))).toEqual([
      [0, 3],
      [1, 0],
      [0, 0],
    ]);
    expect(g.cells[0]![1]!.evidence).toHaveLength(3);
    expect(g.max).toBe(3);
    expect(g.total).toBe(4);
  });

  it('drops all-zero rows and columns on request', () => {
    const g = buildGrid(resp, { dropEmpty: true });
    expect(g.rows.map((r) => r.label)).toEqual(['A', 'B']);
    expect(g.cols.map((c) => c.label)).toEqual(['x', 'y']);
  });

  it('shades zero as transparent and grows with the count', () => {
    expect(cellAlpha(0, 5)).toBe(0);
    expect(cellAlpha(1, 5)).toBeGreaterThan(0);
    expect(cellAlpha(5, 5)).toBeGreaterThan(cellAlpha(1, 5));
    expect(cellAlpha(5, 5)).toBeLessThanOrEqual(1);
  });
});

/** A graph from an edge list "a-b" (directed a -> b, type USES). */
function elementsOf(edges: string[], extraNodes: string[] = []): CytoscapeElements {
  const ids = new Set(extraNodes);
  for (const e of edges) for (const n of e.split('-')) ids.add(n);
  return toCytoscapeElements({
    entities: [...ids].map((id) => ({ id, type: 'Actor', label: id, labelEn: id, aliases: [] })),
    relations: edges.map((e, i) => {
      const [s, t] = e.split('-') as [string, string];
      return { id: `r${i}:${e}`, type: 'USES', source: s, target: t, confidence: 1, evidence: [] };
    }),
  });
}

describe('path search (graphology)', () => {
  it('lists every shortest path, ignoring direction', () => {
    // a -> b -> d and a <- c -> d are both 2 hops; a -> e -> f -> d is longer.
    const el = elementsOf(['a-b', 'b-d', 'c-a', 'c-d', 'a-e', 'e-f', 'f-d']);
    const paths = shortestPaths(el, 'a', 'd');
    expect(paths.map((p) => p.nodes.join('')).sort()).toEqual(['abd', 'acd']);
    expect(paths.find((p) => p.nodes.join('') === 'acd')!.hops).toEqual([['r2:c-a'], ['r3:c-d']]);
  });

  it('groups parallel relations between the same pair into one hop', () => {
    const el = elementsOf(['a-b', 'b-a', 'b-c']);
    const [p] = shortestPaths(el, 'a', 'c');
    expect(p!.nodes).toEqual(['a', 'b', 'c']);
    expect(p!.hops[0]!.sort()).toEqual(['r0:a-b', 'r1:b-a']);
  });

  it('returns nothing for unknown, disconnected or identical ends, and respects maxHops and limit', () => {
    const el = elementsOf(['a-b', 'b-c', 'c-d', 'x-y'], ['lonely']);
    expect(shortestPaths(el, 'a', 'nope')).toEqual([]);
    expect(shortestPaths(el, 'a', 'x')).toEqual([]);
    expect(shortestPaths(el, 'a', 'lonely')).toEqual([]);
    expect(shortestPaths(el, 'a', 'a')).toEqual([]);
    expect(shortestPaths(el, 'a', 'd', { maxHops: 2 })).toEqual([]);
    expect(shortestPaths(el, 'a', 'd', { maxHops: 3 })).toHaveLength(1);
    const wide = elementsOf(['s-m1', 's-m2', 's-m3', 'm1-t', 'm2-t', 'm3-t']);
    expect(shortestPaths(wide, 's', 't', { limit: 2 })).toHaveLength(2);
    expect(shortestPaths(wide, 's', 't')).toHaveLength(3);
  });
});

describe('highlight set', () => {
  const mode = ent('Mode', '高校主导');
  const mech = ent('Mechanism', '里程碑考核');
  const actor = ent('Actor', '高校');
  const other = ent('Mode', '政府主导');
  const el = toCytoscapeElements({
    entities: [mode, mech, actor, other],
    relations: [
      rel('USES', mode, mech, [ev('d1', 100, 150)]),
      rel('LED_BY', mode, actor, [ev('d1', 300, 340)]),
      rel('USES', other, mech, [ev('d1', 500, 540)]),
    ],
  });

  it('lights the answer, edges whose evidence overlaps its evidence, and their far ends', () => {
    const h = highlightFor(el, [{ id: mode.id, evidence: [ev('d1', 120, 160)] }]);
    expect([...h.answers]).toEqual([mode.id]);
    expect(h.top).toBe(mode.id);
    expect([...h.edges]).toEqual([`USES:${mode.id}->${mech.id}`]);
    expect([...h.nodes].sort()).toEqual([mech.id, mode.id].sort());
  });

  it('lights edges to entities the question names even without overlapping evidence', () => {
    const h = highlightFor(el, [{ id: mode.id, evidence: [ev('d9', 0, 5)] }], [mech.id]);
    expect([...h.edges]).toEqual([`USES:${mode.id}->${mech.id}`]);
    expect(h.nodes.has(other.id)).toBe(false);
  });

  it('ignores answers that are not in the graph', () => {
    const h = highlightFor(el, [{ id: 'Mode:absent', evidence: [ev('d1', 0, 1000)] }]);
    expect(h.nodes.size).toBe(0);
    expect(h.top).toBeUndefined();
  });
});

describe('export', () => {
  it('quotes CSV fields with commas, quotes or newlines, and joins lists with |', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('l1\nl2')).toBe('"l1\nl2"');
    expect(csvField(['x', 'y'])).toBe('x|y');
    expect(csvField(undefined)).toBe('');
  });

  it('writes one CSV row per node and edge plus a header, and JSON with both lists', () => {
    const el = elementsOf(['a-b', 'b-c']);
    const nodes = nodesCsv(el).trimEnd().split('\r\n');
    expect(nodes[0]).toBe('id,label,labelEn,type,aliases,degree');
    expect(nodes).toHaveLength(4);
    expect(nodes[2]).toBe('b,b,b,Actor,,2');
    const edges = edgesCsv(el).trimEnd().split('\r\n');
    expect(edges).toHaveLength(3);
    expect(edges[1]).toBe('r0:a-b,a,b,USES,1,0,');
    const json = JSON.parse(elementsJson(el, { view: 'x' }));
    expect(json.view).toBe('x');
    expect(json.nodes).toHaveLength(3);
    expect(json.edges[1].source).toBe('b');
  });
});

describe('type vocabulary', () => {
  it('gives every entity type its own colour and shape', () => {
    const styles = ENTITY_TYPES.map((t) => entityStyle(t));
    expect(new Set(styles.map((s) => s.color)).size).toBe(ENTITY_TYPES.length);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(ENTITY_TYPES.length);
    expect(entityStyle('Unknown')).toEqual(entityStyle('other'));
  });

  it('names every relation type in both languages', () => {
    for (const r of RELATION_TYPES) {
      expect(relationName(r, 'zh')).not.toBe(r);
      expect(relationName(r, 'en')).not.toBe(r);
    }
    expect(relationName('NEW_KIND', 'en')).toBe('new kind');
  });

  it('falls back to the Chinese label when there is no English one', () => {
    expect(displayLabel({ label: '高校', labelEn: '' }, 'en')).toBe('高校');
    expect(displayLabel({ label: '高校', labelEn: 'university' }, 'en')).toBe('university');
    expect(displayLabel({ label: '高校', labelEn: 'university' }, 'zh')).toBe('高校');
  });
});

describe('label wrapping', () => {
  it('breaks long Chinese labels every n characters and keeps short or spaced ones', async () => {
    const { wrapLabel } = await import('../ui/src/labels.js');
    expect(wrapLabel('企业参与高校、科研机构主导的产学研合作', 12)).toBe('企业参与高校、科研机构主\n导的产学研合作');
    expect(wrapLabel('高校', 12)).toBe('高校');
    expect(wrapLabel('university-led collaboration with enterprise participation', 12)).toBe('university-led collaboration with enterprise participation');
    // A dangling one- or two-character line joins the previous one.
    expect(wrapLabel('一二三四五六七', 3)).toBe('一二三\n四五六七');
    expect(wrapLabel('一二三四五六七', 3).replace(/\n/g, '')).toBe('一二三四五六七');
  });
});
