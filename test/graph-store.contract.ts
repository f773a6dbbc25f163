/**
 * The GraphStore contract: one suite of cases that every store implementation runs
 * (test/graph-store.embedded.test.ts, test/graph-store.neo4j.test.ts), on small hand-made documents.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PolicygraphError } from '../core/errors.js';
import type { Entity, EntityType, ExtractedDocument, Mention, Passage, Relation, RelationType } from '../ingest/types.js';
import type { GraphStore } from '../graph/types.js';

export const DIM = 512;

/** A unit vector along axis `i`, optionally tilted towards axis `j`. */
export function axis(i: number, j?: number, tilt = 0.2): Float32Array {
  const v = new Float32Array(DIM);
  v[i] = 1;
  if (j !== undefined) v[j] = tilt;
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

interface EntitySpec {
  type: EntityType;
  label: string;
  labelEn?: string;
  aliases?: string[];
  vector?: number;
}
interface RelationSpec {
  type: RelationType;
  source: string;
  target: string;
  confidence: number;
  /** Index of the sentence that is the evidence. */
  sentence: number;
}

const entityId = (type: EntityType, label: string) => `${type}:${label}`;

/**
 * Builds an ExtractedDocument from sentences: one root section, one passage per sentence
 * (tokens given by hand, as jieba would), mentions found by surface form.
 */
export function makeDoc(spec: {
  id: string;
  hash?: string;
  sentences: { text: string; tokens: string[]; vector: number; mentions: string[] }[];
  entities: EntitySpec[];
  relations: RelationSpec[];
}): ExtractedDocument {
  const text = spec.sentences.map((s) => s.text).join('\n');
  const root = { id: `${spec.id}#s0`, docId: spec.id, heading: '', marker: '', level: 0, path: [], start: 0, end: text.length, headingStart: 0, headingEnd: 0 };
  let offset = 0;
  const sentences = spec.sentences.map((s, index) => {
    const start = offset;
    offset += s.text.length + 1;
    return { id: `${spec.id}#${index}`, docId: spec.id, index, sectionId: root.id, sectionPath: '', start, end: start + s.text.length, text: s.text, isHeading: false };
  });
  const passages: Passage[] = sentences.map((s, i) => ({
    id: `${spec.id}#p${i}`,
    docId: spec.id,
    kind: 'sentence',
    sentenceIds: [s.id],
    sectionPath: '',
    start: s.start,
    end: s.end,
    text: s.text,
    tokens: spec.sentences[i].tokens.join(' '),
    embedding: axis(spec.sentences[i].vector),
  }));
  const entities: Entity[] = spec.entities.map((e) => ({
    id: entityId(e.type, e.label),
    type: e.type,
    label: e.label,
    labelEn: e.labelEn ?? e.label,
    aliases: e.aliases ?? [],
  }));
  const byLabel = new Map(spec.entities.map((e) => [e.label, entityId(e.type, e.label)]));
  const mentions: Mention[] = spec.sentences.flatMap((s, i) =>
    s.mentions.map((surface) => {
      const at = s.text.indexOf(surface);
      if (at < 0) throw new Error(`fixture: ${surface} not in ${s.text}`);
      const id = byLabel.get(surface);
      if (!id) throw new Error(`fixture: no entity ${surface}`);
      return { entityId: id, docId: spec.id, sentenceId: sentences[i].id, start: sentences[i].start + at, end: sentences[i].start + at + surface.length, text: surface };
    }),
  );
  const relations: Relation[] = spec.relations.map((r) => {
    const source = byLabel.get(r.source)!;
    const target = byLabel.get(r.target)!;
    const s = sentences[r.sentence];
    return {
      id: `${r.type}:${source}->${target}`,
      type: r.type,
      source,
      target,
      confidence: r.confidence,
      evidence: [{ doc: spec.id, section: s.sectionPath, sentenceId: s.id, text: s.text, start: s.start, end: s.end }],
    };
  });
  const entityEmbeddings = Object.fromEntries(
    spec.entities.filter((e) => e.vector !== undefined).map((e) => [entityId(e.type, e.label), axis(e.vector!)]),
  );
  return {
    document: { id: spec.id, title: spec.sentences[0].text, source: `${spec.id}.txt`, format: 'txt', encoding: 'utf-8', hash: spec.hash ?? `hash-${spec.id}`, text, ingestedAt: '2026-01-01T00:00:00.000Z' },
    sections: [root],
    sentences,
    passages,
    entities,
    entityEmbeddings,
    mentions,
    relations,
  };
}

const ENTERPRISE = 'Mode:企业主导';
const HIRING = 'Mechanism:项目聘用制';
const ASSESS = 'Mechanism:考核';
const UNI_LED = 'Mode:高校主导';
const UNI = 'Actor:高校';
const USES_HIRING = `USES:${ENTERPRISE}->${HIRING}`;
const USES_ASSESS = `USES:${ENTERPRISE}->${ASSESS}`;
const LED_BY_UNI = `LED_BY:${UNI_LED}->${UNI}`;

/** Document A: enterprise-led mode uses project hiring and assessment. */
export const docA = (variant: 'full' | 'short' = 'full'): ExtractedDocument =>
  makeDoc({
    id: 'docA',
    hash: `hash-docA-${variant}`,
    sentences: [
      { text: '企业主导的产学研合作采用项目聘用制。', tokens: ['企业', '主导', '的', '产学研', '合作', '采用', '项目', '聘用制'], vector: 0, mentions: ['企业主导', '项目聘用制'] },
      ...(variant === 'full'
        ? [{ text: '对合作项目进行考核。', tokens: ['对', '合作', '项目', '进行', '考核'], vector: 1, mentions: ['考核'] }]
        : []),
    ],
    entities: [
      { type: 'Mode', label: '企业主导', labelEn: 'Enterprise-led', aliases: ['企业牵头主导'], vector: 10 },
      { type: 'Mechanism', label: '项目聘用制', labelEn: 'Project-based hiring', vector: 11 },
      ...(variant === 'full' ? [{ type: 'Mechanism' as const, label: '考核', labelEn: 'Assessment', vector: 12 }] : []),
    ],
    relations: [
      { type: 'USES', source: '企业主导', target: '项目聘用制', confidence: 0.95, sentence: 0 },
      ...(variant === 'full' ? [{ type: 'USES' as const, source: '企业主导', target: '考核', confidence: 0.6, sentence: 1 }] : []),
    ],
  });

/** Document B: shares the enterprise-led mode and the hiring relation; adds a university-led mode. */
export const docB = (): ExtractedDocument => {
  const d = makeDoc({
    id: 'docB',
    sentences: [
      { text: '高校主导的合作中，企业主导的项目也采用项目聘用制。', tokens: ['高校', '主导', '的', '合作', '中', '企业', '主导', '的', '项目', '也', '采用', '项目', '聘用制'], vector: 2, mentions: ['高校主导', '企业主导', '项目聘用制'] },
      { text: '高校负责确定研究方向。', tokens: ['高校', '负责', '确定', '研究', '方向'], vector: 3, mentions: ['高校'] },
    ],
    entities: [
      // Same id as in A with another label and alias: the stored label stays, aliases union.
      { type: 'Mode', label: '企业主导', labelEn: 'Enterprise-dominated', aliases: ['企业牵头'] },
      { type: 'Mechanism', label: '项目聘用制' },
      { type: 'Mode', label: '高校主导', labelEn: 'University-led', vector: 13 },
      { type: 'Actor', label: '高校', labelEn: 'University' },
    ],
    relations: [
      { type: 'USES', source: '企业主导', target: '项目聘用制', confidence: 0.7, sentence: 0 },
      { type: 'LED_BY', source: '高校主导', target: '高校', confidence: 0.8, sentence: 0 },
    ],
  });
  // The label of B's copy differs from A's: make it so (makeDoc keys entities by label).
  d.entities[0] = { ...d.entities[0], label: '企业主导型' };
  return d;
};

const stripEmbedding = <T extends { embedding?: Float32Array }>(p: T) => {
  const { embedding: _e, ...rest } = p;
  return rest;
};

export function graphStoreContract(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;

    beforeEach(async () => {
      store = await makeStore();
      await store.writeDocument(docA());
      await store.writeDocument(docB());
    });

    afterEach(async () => {
      await store?.close();
    });

    it('counts what two documents sharing an entity contribute', async () => {
      expect(await store.counts()).toEqual({ documents: 2, entities: 5, relations: 3, sentences: 4, passages: 4 });
      expect(await store.documentHash('docA')).toBe('hash-docA-full');
      expect(await store.documentHash('nope')).toBeNull();
    });

    it('lists documents and reads one back in document order', async () => {
      const docs = await store.listDocuments();
      expect(docs.map((d) => [d.id, d.sentences, d.chars, d.hash])).toEqual([
        ['docA', 2, docA().document.text.length, 'hash-docA-full'],
        ['docB', 2, docB().document.text.length, 'hash-docB'],
      ]);
      const detail = await store.getDocument('docB');
      expect(detail?.document).toEqual(docB().document);
      expect(detail?.sections).toEqual(docB().sections);
      expect(detail?.sentences).toEqual(docB().sentences);
      expect(detail?.mentions.map((m) => [m.entityId, m.start, m.end, m.text])).toEqual(
        [...docB().mentions].sort((a, b) => a.start - b.start || a.end - b.end).map((m) => [m.entityId, m.start, m.end, m.text]),
      );
      expect(await store.getDocument('nope')).toBeNull();
    });

    it('merges entities by id: first label kept, aliases unioned', async () => {
      const [e] = await store.getEntities([ENTERPRISE]);
      expect(e.label).toBe('企业主导');
      expect(e.labelEn).toBe('Enterprise-led');
      expect([...e.aliases].sort()).toEqual(['企业牵头', '企业牵头主导']);
      expect((await store.getEntities([UNI, 'Actor:none', HIRING])).map((x) => x.id)).toEqual([UNI, HIRING]);
    });

    it('lists entities with mention counts, filtered by type and document', async () => {
      const all = await store.listEntities();
      const enterprise = all.find((e) => e.id === ENTERPRISE)!;
      expect(enterprise.mentionCount).toBe(2);
      expect(enterprise.docIds).toEqual(['docA', 'docB']);
      expect((await store.listEntities({ type: 'Mode' })).map((e) => e.id).sort()).toEqual([ENTERPRISE, UNI_LED].sort());
      expect((await store.listEntities({ docIds: ['docA'] })).map((e) => e.id).sort()).toEqual([ENTERPRISE, HIRING, ASSESS].sort());
    });

    it('merges a relation across documents: evidence from both, confidence the max', async () => {
      const [rel] = await store.findRelations({ types: ['USES'], involving: [HIRING] });
      expect(rel.id).toBe(USES_HIRING);
      expect(rel.source).toBe(ENTERPRISE);
      expect(rel.target).toBe(HIRING);
      expect(rel.confidence).toBeCloseTo(0.95);
      expect(rel.evidence.map((e) => [e.doc, e.sentenceId, e.start, e.end])).toEqual([
        ['docA', 'docA#0', 0, docA().sentences[0].end],
        ['docB', 'docB#0', 0, docB().sentences[0].end],
      ]);
      expect(rel.evidence[1].text).toBe(docB().sentences[0].text);
      const onlyB = await store.findRelations({ docIds: ['docB'] });
      expect(onlyB.map((r) => r.id)).toEqual([LED_BY_UNI, USES_HIRING].sort());
      const hiringInB = onlyB.find((r) => r.id === USES_HIRING)!;
      expect(hiringInB.evidence.map((e) => e.doc)).toEqual(['docB']);
      expect(hiringInB.confidence).toBeCloseTo(0.7);
      expect((await store.findRelations({ sourceType: 'Mode', targetType: 'Actor' })).map((r) => r.id)).toEqual([LED_BY_UNI]);
    });

    it('describes an entity: neighbours and the sentences that mention it', async () => {
      const detail = await store.getEntity(ENTERPRISE);
      expect(detail?.entity.mentionCount).toBe(2);
      expect(detail?.neighbours.map((n) => [n.relation.id, n.entity.id, n.direction])).toEqual([
        [USES_HIRING, HIRING, 'out'],
        [USES_ASSESS, ASSESS, 'out'],
      ].sort((a, b) => a[0].localeCompare(b[0])));
      expect(detail?.evidence.map((e) => [e.doc, e.sentenceId, e.text])).toEqual([
        ['docA', 'docA#0', docA().sentences[0].text],
        ['docB', 'docB#0', docB().sentences[0].text],
      ]);
      const uni = await store.getEntity(UNI);
      expect(uni?.neighbours.map((n) => [n.entity.id, n.direction])).toEqual([[UNI_LED, 'in']]);
      expect(await store.getEntity('Mode:none')).toBeNull();
    });

    it('re-ingesting a document replaces its contribution', async () => {
      await store.writeDocument(docA('short'));
      expect(await store.documentHash('docA')).toBe('hash-docA-short');
      expect(await store.counts()).toEqual({ documents: 2, entities: 4, relations: 2, sentences: 3, passages: 3 });
      expect(await store.getEntities([ASSESS])).toEqual([]);
      const [rel] = await store.findRelations({ involving: [HIRING] });
      expect(rel.evidence.map((e) => e.doc)).toEqual(['docA', 'docB']);
      // Writing the same document twice changes nothing.
      await store.writeDocument(docA('short'));
      expect(await store.counts()).toEqual({ documents: 2, entities: 4, relations: 2, sentences: 3, passages: 3 });
      expect((await store.findRelations({ involving: [HIRING] }))[0].evidence).toHaveLength(2);
    });

    it('deleting a document removes exactly what only it supported', async () => {
      expect(await store.deleteDocument('docA')).toBe(true);
      expect(await store.deleteDocument('docA')).toBe(false);
      expect(await store.counts()).toEqual({ documents: 1, entities: 4, relations: 2, sentences: 2, passages: 2 });
      expect(await store.getEntities([ASSESS])).toEqual([]);
      const enterprise = await store.getEntity(ENTERPRISE);
      expect(enterprise?.entity.docIds).toEqual(['docB']);
      expect(enterprise?.evidence.map((e) => e.doc)).toEqual(['docB']);
      const [rel] = await store.findRelations({ involving: [HIRING] });
      expect(rel.evidence.map((e) => e.doc)).toEqual(['docB']);
      // The confidence falls back to what the remaining evidence supports.
      expect(rel.confidence).toBeCloseTo(0.7);
      expect(await store.getDocument('docA')).toBeNull();
      expect(await store.getSentences(['docA#0'])).toEqual([]);
      expect(await store.searchPassages({ text: '考核', tokens: ['考核'] }, 5)).toEqual([]);
      expect(await store.deleteDocument('docB')).toBe(true);
      expect(await store.counts()).toEqual({ documents: 0, entities: 0, relations: 0, sentences: 0, passages: 0 });
    });

    it('reads sentences, sections and mentions by id', async () => {
      expect((await store.getSentences(['docB#1', 'docA#1', 'docA#0'])).map((s) => s.id)).toEqual(['docA#0', 'docA#1', 'docB#1']);
      expect((await store.sentencesInSections(['docA#s0'])).map((s) => s.id)).toEqual(['docA#0', 'docA#1']);
      const mentions = await store.mentionsInSentences(['docB#0']);
      expect(mentions.map((m) => m.entityId)).toEqual([UNI_LED, ENTERPRISE, HIRING]);
      expect(mentions.every((m) => m.docId === 'docB' && m.sentenceId === 'docB#0')).toBe(true);
    });

    it('builds subgraphs around a focus and filtered by type', async () => {
      const around = await store.subgraph({ focus: ENTERPRISE, depth: 1 });
      expect(around.entities.map((e) => e.id)).toEqual([ENTERPRISE, HIRING, ASSESS].sort());
      expect(around.relations.map((r) => r.id)).toEqual([USES_HIRING, USES_ASSESS].sort());
      const modes = await store.subgraph({ entityTypes: ['Mode'] });
      expect(modes.entities.map((e) => e.id)).toEqual([ENTERPRISE, UNI_LED].sort());
      expect(modes.relations).toEqual([]);
      const inA = await store.subgraph({ docIds: ['docA'], relationTypes: ['USES'] });
      expect(inA.relations.map((r) => r.id)).toEqual([USES_HIRING, USES_ASSESS].sort());
      expect(inA.relations.find((r) => r.id === USES_HIRING)?.evidence.map((e) => e.doc)).toEqual(['docA']);
    });

    it('finds shortest paths ignoring direction, bounded by hops', async () => {
      const paths = await store.shortestPaths(HIRING, ASSESS);
      expect(paths).toHaveLength(1);
      expect(paths[0].entities.map((e) => e.id)).toEqual([HIRING, ENTERPRISE, ASSESS]);
      expect(paths[0].relations.map((r) => r.id)).toEqual([USES_HIRING, USES_ASSESS]);
      expect(await store.shortestPaths(HIRING, ASSESS, { maxHops: 1 })).toEqual([]);
      expect(await store.shortestPaths(UNI, ASSESS)).toEqual([]);
    });

    it('searches passages lexically with two-character Chinese words', async () => {
      const assess = await store.searchPassages({ text: '考核', tokens: ['考核'] }, 5);
      expect(assess.map((h) => h.passage.id)).toEqual(['docA#p1']);
      expect(assess[0].score).toBeGreaterThan(0);
      expect(assess[0].passage).toEqual(stripEmbedding(docA().passages[1]));
      const uni = await store.searchPassages({ text: '高校', tokens: ['高校'] }, 5);
      expect(uni.map((h) => h.passage.id).sort()).toEqual(['docB#p0', 'docB#p1']);
      const both = await store.searchPassages({ text: '高校考核', tokens: ['高校', '考核'] }, 2);
      expect(both).toHaveLength(2);
      expect(await store.searchPassages({ text: '专利', tokens: ['专利'] }, 5)).toEqual([]);
    });

    it('searches entities by label and alias', async () => {
      const byLabel = await store.searchEntities({ text: '项目聘用制', tokens: ['项目', '聘用制'] }, 3);
      expect(byLabel[0].entity.id).toBe(HIRING);
      const byAlias = await store.searchEntities({ text: '企业牵头主导', tokens: ['企业', '牵头', '主导'] }, 3);
      expect(byAlias[0].entity.id).toBe(ENTERPRISE);
      expect(await store.searchEntities({ text: '专利', tokens: ['专利'] }, 3)).toEqual([]);
    });

    it('finds nearest passages and entities by cosine similarity', async () => {
      const hits = await store.nearestPassages(axis(2, 3, 0.5), 2);
      expect(hits.map((h) => h.passage.id)).toEqual(['docB#p0', 'docB#p1']);
      expect(hits[0].score).toBeCloseTo(1 / Math.hypot(1, 0.5), 3);
      expect(hits[0].score).toBeGreaterThan(hits[1].score);
      const ents = await store.nearestEntities(axis(13), 1);
      expect(ents.map((h) => h.entity.id)).toEqual([UNI_LED]);
      expect(ents[0].score).toBeCloseTo(1, 3);
    });

    it('reads a document bundle back as it was written', async () => {
      const original = docB();
      const bundle = await store.readDocumentBundle('docB');
      expect(bundle).not.toBeNull();
      expect(bundle!.document).toEqual(original.document);
      expect(bundle!.sections).toEqual(original.sections);
      expect(bundle!.sentences).toEqual(original.sentences);
      expect(bundle!.passages.map(stripEmbedding)).toEqual(original.passages.map(stripEmbedding));
      expect(bundle!.passages.map((p) => Array.from(p.embedding!))).toEqual(original.passages.map((p) => Array.from(p.embedding!)));
      expect(bundle!.entities.map((e) => e.id).sort()).toEqual(original.entities.map((e) => e.id).sort());
      // Entities come back in their merged state.
      expect(bundle!.entities.find((e) => e.id === ENTERPRISE)?.label).toBe('企业主导');
      expect(Array.from(bundle!.entityEmbeddings![UNI_LED])).toEqual(Array.from(axis(13)));
      expect(bundle!.relations.map((r) => r.id)).toEqual([LED_BY_UNI, USES_HIRING].sort());
      expect(bundle!.relations.flatMap((r) => r.evidence.map((e) => e.doc))).toEqual(['docB', 'docB']);
      expect(await store.readDocumentBundle('nope')).toBeNull();
      // Writing the bundle back is a no-op on the store's content.
      const before = await store.counts();
      const detailBefore = await store.getDocument('docB');
      const relationsBefore = await store.findRelations({});
      await store.writeDocument(bundle!);
      expect(await store.counts()).toEqual(before);
      expect(await store.getDocument('docB')).toEqual(detailBefore);
      expect(await store.findRelations({})).toEqual(relationsBefore);
    });

    it('leaves nothing of a document whose write fails', async () => {
      const before = await store.counts();
      const bad = makeDoc({
        id: 'docC',
        sentences: [{ text: '政府主导的合作设立理事会。', tokens: ['政府', '主导', '的', '合作', '设立', '理事会'], vector: 4, mentions: ['政府主导', '理事会'] }],
        entities: [{ type: 'Mode', label: '政府主导' }, { type: 'Actor', label: '理事会' }],
        relations: [{ type: 'HAS_DECISION_BODY', source: '政府主导', target: '理事会', confidence: 0.9, sentence: 0 }],
      });
      bad.relations[0].evidence[0].doc = 'docA';
      await expect(store.writeDocument(bad)).rejects.toBeInstanceOf(PolicygraphError);
      expect(await store.documentHash('docC')).toBeNull();
      expect(await store.counts()).toEqual(before);
      expect(await store.getEntities(['Mode:政府主导', 'Actor:理事会'])).toEqual([]);
      // A failed re-ingest of an existing document keeps its previous content.
      const badA = docA('short');
      badA.relations[0].evidence[0].doc = 'docB';
      await expect(store.writeDocument(badA)).rejects.toBeInstanceOf(PolicygraphError);
      expect(await store.documentHash('docA')).toBe('hash-docA-full');
      expect(await store.counts()).toEqual(before);
    });
  });
}
