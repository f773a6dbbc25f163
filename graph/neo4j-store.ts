/**
 * The Neo4j GraphStore (neo4j-driver 6, Neo4j 5.26): entities are :Entity nodes with their
 * allow-listed type label, relations are real relationships carrying their evidence as parallel
 * lists; one write transaction per document; full-text (cjk) and vector indexes for search.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import type { Neo4jConfig } from '../core/config.js';
import { PolicygraphError, asPolicygraphError } from '../core/errors.js';
import type {
  DocumentRecord,
  Entity,
  EntityType,
  Evidence,
  ExtractedDocument,
  Mention,
  Passage,
  Relation,
  RelationType,
  Section,
  Sentence,
} from '../ingest/types.js';
import * as Q from './cypher.js';
import { expandLevel, overviewEntityIds } from './subgraph.js';
import { runReadOnlyCypher } from './readonly-cypher.js';
import type {
  Counts,
  DocumentDetail,
  DocumentSummary,
  EntityDetail,
  EntityHit,
  EntityWithStats,
  GraphStore,
  Neighbour,
  PassageHit,
  Path,
  RelationQuery,
  Subgraph,
  SubgraphQuery,
} from './types.js';

type Row = Record<string, unknown>;

export interface Neo4jStoreOptions {
  /** Dimension of the vector indexes (bge-small-zh-v1.5 gives 512). */
  dimension?: number;
  /** Rows per UNWIND batch. */
  batchSize?: number;
}

const BATCH = 1000;

const chunks = <T>(xs: T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};
const vec = (v?: Float32Array): number[] | null => (v ? Array.from(v) : null);
const fromList = (v: unknown): Float32Array | undefined => (Array.isArray(v) ? Float32Array.from(v as number[]) : undefined);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function toEntity(e: Row): Entity {
  return {
    id: str(e.id),
    type: e.type as EntityType,
    label: str(e.label),
    labelEn: str(e.labelEn),
    aliases: (e.aliases as string[] | null) ?? [],
    ...(e.parentId ? { parentId: str(e.parentId) } : {}),
  };
}

function toSentence(s: Row): Sentence {
  return {
    id: str(s.id),
    docId: str(s.docId),
    index: Number(s.index),
    sectionId: str(s.sectionId),
    sectionPath: str(s.sectionPath),
    start: Number(s.start),
    end: Number(s.end),
    text: str(s.text),
    isHeading: Boolean(s.isHeading),
  };
}

function toSection(s: Row): Section {
  return {
    id: str(s.id),
    docId: str(s.docId),
    heading: str(s.heading),
    marker: str(s.marker),
    level: Number(s.level),
    path: (s.path as string[] | null) ?? [],
    start: Number(s.start),
    end: Number(s.end),
    headingStart: Number(s.headingStart),
    headingEnd: Number(s.headingEnd),
    ...(s.parentId ? { parentId: str(s.parentId) } : {}),
  };
}

function toPassage(p: Row): Omit<Passage, 'embedding'> {
  return {
    id: str(p.id),
    docId: str(p.docId),
    kind: p.kind as Passage['kind'],
    sentenceIds: (p.sentenceIds as string[] | null) ?? [],
    sectionPath: str(p.sectionPath),
    start: Number(p.start),
    end: Number(p.end),
    text: str(p.text),
    tokens: str(p.tokens),
  };
}

function toMention(m: Row): Mention {
  return {
    entityId: str(m.entityId),
    docId: str(m.docId),
    sentenceId: str(m.sentenceId),
    start: Number(m.start),
    end: Number(m.end),
    text: str(m.text),
  };
}

function toEvidence(e: Row): Evidence {
  return {
    doc: str(e.doc),
    section: str(e.section),
    sentenceId: str(e.sentenceId),
    text: str(e.text),
    start: Number(e.start),
    end: Number(e.end),
  };
}

/** Lucene query of quoted terms OR-ed together (the cjk analyzer bigrams each phrase). */
export function fulltextQuery(terms: string[]): string | null {
  // A single CJK character yields no bigram and matches nothing; keep it out of the query.
  const uniq = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 1 || /[a-z0-9]/i.test(t)))];
  return uniq.length ? uniq.map((t) => `"${t.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(' OR ') : null;
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private driver: Driver;
  private readonly dimension: number;
  private readonly batchSize: number;

  constructor(
    private readonly config: Neo4jConfig,
    opts: Neo4jStoreOptions = {},
  ) {
    this.dimension = opts.dimension ?? 512;
    this.batchSize = opts.batchSize ?? BATCH;
    // neo4j:// and neo4j+s:// route through the cluster; bolt:// talks to one server.
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password), {
      disableLosslessIntegers: true,
      userAgent: 'policygraph',
      // Fail fast when the server is down: the API answers 503 within seconds instead of
      // retrying for the driver's default 30 s (retries still cover brief leader changes).
      connectionTimeout: 5_000,
      connectionAcquisitionTimeout: 8_000,
      maxTransactionRetryTime: 5_000,
    });
  }

  private session(mode: 'READ' | 'WRITE' = 'WRITE'): Session {
    return this.driver.session({
      database: this.config.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  /** Run a read in a managed read transaction; driver failures become STORE_UNAVAILABLE. */
  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead(work);
    } catch (e) {
      throw this.wrap(e);
    } finally {
      await session.close();
    }
  }

  private async rows(query: string, params: Row = {}): Promise<Row[]> {
    return this.read(async (tx) => (await tx.run(query, params)).records.map((r) => r.toObject() as Row));
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (e) {
      throw this.wrap(e);
    } finally {
      await session.close();
    }
  }

  private wrap(e: unknown): PolicygraphError {
    if (e instanceof PolicygraphError) return e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.ClientError.Security')) {
      return new PolicygraphError('STORE_UNAVAILABLE', `Neo4j at ${this.config.uri} is unavailable: ${(e as Error).message}`, { cause: e });
    }
    return asPolicygraphError(e, 'INTERNAL');
  }

  async init(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.config.database });
    } catch (e) {
      throw new PolicygraphError('STORE_UNAVAILABLE', `cannot reach Neo4j at ${this.config.uri}: ${(e as Error).message}`, { cause: e });
    }
    const session = this.session('WRITE');
    try {
      // Schema statements must each run in their own (auto-commit) transaction.
      for (const statement of Q.schemaStatements(this.dimension)) await session.run(statement);
      await session.run(Q.AWAIT_INDEXES);
      const dims = await session.run(Q.VECTOR_INDEX_DIMENSIONS, { names: [Q.INDEX.passageVector, Q.INDEX.entityVector] });
      for (const r of dims.records) {
        if (Number(r.get('dimensions')) !== this.dimension) {
          throw new PolicygraphError(
            'CONFIG',
            `vector index ${r.get('name')} has dimension ${r.get('dimensions')} but the store expects ${this.dimension}: ` +
              'the embedding model changed; drop the index (DROP INDEX <name>) and re-ingest',
          );
        }
      }
    } catch (e) {
      throw this.wrap(e);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  async documentHash(docId: string): Promise<string | null> {
    const [r] = await this.rows(Q.DOCUMENT_HASH, { id: docId });
    return r ? str(r.hash) : null;
  }

  async writeDocument(doc: ExtractedDocument): Promise<void> {
    const docId = doc.document.id;
    validate(doc);
    try {
      await this.write(async (tx) => {
        await removeContribution(tx, docId);
        await this.insert(tx, doc);
        await tx.run(Q.COLLECT_ORPHAN_ENTITIES);
      });
    } catch (e) {
      const err = asPolicygraphError(e);
      throw new PolicygraphError(err.code, `writing document ${docId} failed, nothing of it was stored: ${err.message}`, {
        file: doc.document.source,
        cause: e,
      });
    }
  }

  /** Batched inserts; every batch checks that each row found what it links to. */
  private async insert(tx: ManagedTransaction, x: ExtractedDocument): Promise<void> {
    const docId = x.document.id;
    const expect = async (what: string, query: string, rows: Row[], extra: Row = {}) => {
      for (const batch of chunks(rows, this.batchSize)) {
        const res = await tx.run(query, { docId, rows: batch, ...extra });
        const n = Number(res.records[0]?.get('n') ?? 0);
        if (n !== batch.length) {
          throw new PolicygraphError('BAD_INPUT', `${what}: ${batch.length - n} of ${batch.length} rows refer to missing nodes`);
        }
      }
    };
    await tx.run(Q.CREATE_DOCUMENT, { doc: x.document, relationSources: [...new Set(x.relations.map((r) => r.source))] });
    await expect('sections', Q.CREATE_SECTIONS, x.sections.map((s) => ({ ...s, parentId: s.parentId ?? null })));
    await expect('sentences', Q.CREATE_SENTENCES, x.sentences.map((s) => ({ ...s })));
    await expect(
      'passages',
      Q.CREATE_PASSAGES,
      x.passages.map((p, seq) => ({ ...p, seq, embedding: vec(p.embedding) })),
    );
    const byType = new Map<string, Row[]>();
    for (const e of x.entities) {
      const rows = byType.get(e.type) ?? [];
      rows.push({
        id: e.id,
        type: e.type,
        label: e.label,
        labelEn: e.labelEn,
        aliases: [...new Set(e.aliases)],
        parentId: e.parentId ?? null,
        embedding: vec(x.entityEmbeddings?.[e.id]),
      });
      byType.set(e.type, rows);
    }
    for (const [type, rows] of byType) await expect(`entities of type ${type}`, Q.mergeEntities(type), rows);

    const seen = new Set<string>();
    const mentions = x.mentions.filter((m) => {
      const key = `${m.start}\u0000${m.end}\u0000${m.entityId}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    await expect('mentions', Q.CREATE_MENTIONS, mentions.map((m) => ({ ...m })));

    const relByType = new Map<string, Row[]>();
    for (const r of x.relations) {
      const evSeen = new Set<string>();
      const ev = r.evidence.filter((e) => {
        const key = `${e.doc}\u0000${e.start}\u0000${e.end}`;
        return evSeen.has(key) ? false : (evSeen.add(key), true);
      });
      const rows = relByType.get(r.type) ?? [];
      rows.push({
        id: r.id,
        type: r.type,
        source: r.source,
        target: r.target,
        confidence: r.confidence,
        docs: ev.map((e) => e.doc),
        sentenceIds: ev.map((e) => e.sentenceId),
        sections: ev.map((e) => e.section),
        texts: ev.map((e) => e.text),
        starts: ev.map((e) => e.start),
        ends: ev.map((e) => e.end),
      });
      relByType.set(r.type, rows);
    }
    for (const [type, rows] of relByType) await expect(`relations of type ${type}`, Q.mergeRelations(type), rows);
  }

  async deleteDocument(docId: string): Promise<boolean> {
    return this.write(async (tx) => {
      const exists = Number((await tx.run(Q.DOCUMENT_EXISTS, { id: docId })).records[0].get('n')) > 0;
      if (!exists) return false;
      await removeContribution(tx, docId);
      await tx.run(Q.COLLECT_ORPHAN_ENTITIES);
      return true;
    });
  }

  async counts(): Promise<Counts> {
    const [r] = await this.rows(Q.COUNTS);
    return {
      documents: Number(r.documents),
      entities: Number(r.entities),
      relations: Number(r.relations),
      sentences: Number(r.sentences),
      passages: Number(r.passages),
    };
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    return (await this.rows(Q.LIST_DOCUMENTS)).map((r) => ({
      id: str(r.id),
      title: str(r.title),
      source: str(r.source),
      format: r.format as DocumentRecord['format'],
      hash: str(r.hash),
      ingestedAt: str(r.ingestedAt),
      chars: Number(r.chars),
      sentences: Number(r.sentences),
    }));
  }

  async getDocument(docId: string): Promise<DocumentDetail | null> {
    return this.read(async (tx) => {
      const d = (await tx.run(Q.GET_DOCUMENT, { docId })).records[0]?.get('d') as Row | undefined;
      if (!d) return null;
      const document: DocumentRecord = {
        id: str(d.id),
        title: str(d.title),
        source: str(d.source),
        format: d.format as DocumentRecord['format'],
        encoding: str(d.encoding),
        hash: str(d.hash),
        text: str(d.text),
        ingestedAt: str(d.ingestedAt),
      };
      const all = async (q: string) => (await tx.run(q, { docId })).records.map((r) => r.toObject() as Row);
      return {
        document,
        sections: (await all(Q.DOCUMENT_SECTIONS)).map((r) => toSection(r.s as Row)),
        sentences: (await all(Q.DOCUMENT_SENTENCES)).map((r) => toSentence(r.s as Row)),
        mentions: (await all(Q.DOCUMENT_MENTIONS)).map(toMention),
      };
    });
  }

  async readDocumentBundle(docId: string): Promise<ExtractedDocument | null> {
    const detail = await this.getDocument(docId);
    if (!detail) return null;
    const passages: Passage[] = (await this.rows(Q.DOCUMENT_PASSAGES, { docId })).map((r) => {
      const p = r.p as Row;
      const embedding = fromList(p.embedding);
      return { ...toPassage(p), ...(embedding ? { embedding } : {}) };
    });
    const entityRows = (await this.rows(Q.DOCUMENT_ENTITIES, { docId })).map((r) => r.e as Row);
    const entityEmbeddings: Record<string, Float32Array> = {};
    for (const e of entityRows) {
      const v = fromList(e.embedding);
      if (v) entityEmbeddings[str(e.id)] = v;
    }
    return {
      document: detail.document,
      sections: detail.sections,
      sentences: detail.sentences,
      passages,
      entities: entityRows.map(toEntity),
      entityEmbeddings,
      mentions: detail.mentions,
      relations: await this.findRelations({ docIds: [docId] }),
    };
  }

  async listEntities(filter: { type?: EntityType; docIds?: string[] } = {}): Promise<EntityWithStats[]> {
    const rows = await this.rows(Q.LIST_ENTITIES, {
      type: filter.type ?? null,
      docIds: filter.docIds?.length ? filter.docIds : null,
    });
    return rows.map(toEntityWithStats);
  }

  async getEntities(ids: string[]): Promise<Entity[]> {
    if (!ids.length) return [];
    const byId = new Map((await this.rows(Q.GET_ENTITIES, { ids })).map((r) => [str((r.e as Row).id), toEntity(r.e as Row)]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  async getEntity(id: string): Promise<EntityDetail | null> {
    const [row] = await this.rows(Q.ENTITIES_WITH_STATS_BY_ID, { ids: [id] });
    if (!row) return null;
    const entity = toEntityWithStats(row);
    const relations = await this.findRelations({ involving: [id] });
    const others = new Map(
      (await this.getEntities([...new Set(relations.map((r) => (r.source === id ? r.target : r.source)))])).map((e) => [e.id, e]),
    );
    const neighbours: Neighbour[] = relations.flatMap((relation) => {
      const other = others.get(relation.source === id ? relation.target : relation.source);
      return other ? [{ relation, entity: other, direction: relation.source === id ? ('out' as const) : ('in' as const) }] : [];
    });
    const evidence = (await this.rows(Q.ENTITY_EVIDENCE, { id })).map(toEvidence);
    return { entity, neighbours, evidence };
  }

  async findRelations(q: RelationQuery): Promise<Relation[]> {
    return this.relations(q, null);
  }

  private async relations(q: RelationQuery, ids: string[] | null): Promise<Relation[]> {
    const involving = q.involving?.length ? q.involving : null;
    const rows = await this.rows(Q.findRelations(involving !== null), {
      types: q.types?.length ? q.types : null,
      involving,
      sourceType: q.sourceType ?? null,
      targetType: q.targetType ?? null,
      docIds: q.docIds?.length ? q.docIds : null,
      ids,
    });
    return rows.map((r) => {
      const ev = (r.evidence as Row[]).sort(
        (a, b) => str(a.doc).localeCompare(str(b.doc)) || Number(a.start) - Number(b.start) || Number(a.end) - Number(b.end),
      );
      // Restricted to some documents, the confidence is the best of the evidence kept.
      const confidence = q.docIds?.length ? Math.max(...ev.map((e) => Number(e.confidence))) : Number(r.confidence);
      return {
        id: str(r.id),
        type: r.type as RelationType,
        source: str(r.source),
        target: str(r.target),
        confidence,
        evidence: ev.map(toEvidence),
      };
    });
  }

  async mentionsInSentences(sentenceIds: string[]): Promise<Mention[]> {
    if (!sentenceIds.length) return [];
    return (await this.rows(Q.MENTIONS_IN_SENTENCES, { ids: sentenceIds })).map(toMention);
  }

  async getSentences(sentenceIds: string[]): Promise<Sentence[]> {
    if (!sentenceIds.length) return [];
    return (await this.rows(Q.GET_SENTENCES, { ids: sentenceIds })).map((r) => toSentence(r.s as Row));
  }

  async sentencesInSections(sectionIds: string[]): Promise<Sentence[]> {
    if (!sectionIds.length) return [];
    return (await this.rows(Q.SENTENCES_IN_SECTIONS, { ids: sectionIds })).map((r) => toSentence(r.s as Row));
  }

  async subgraph(q: SubgraphQuery): Promise<Subgraph> {
    const limit = q.limit ?? 2000;
    const typeOk = (e: Entity) => !q.entityTypes?.length || q.entityTypes.includes(e.type);
    let entityIds: string[];
    if (q.focus) {
      // Breadth-first, one query per level over the relations touching the frontier.
      const depth = q.depth ?? 1;
      const seen = new Set([q.focus]);
      let frontier = [q.focus];
      for (let i = 0; i < depth && frontier.length && seen.size < limit; i++) {
        const rels = await this.findRelations({ types: q.relationTypes, docIds: q.docIds, involving: frontier });
        const ends = new Map((await this.getEntities([...new Set(rels.flatMap((r) => [r.source, r.target]))])).map((e) => [e.id, e]));
        const allowed = (id: string) => {
          const e = ends.get(id);
          return !!e && typeOk(e);
        };
        frontier = expandLevel(frontier, rels, seen, allowed, limit);
      }
      entityIds = [...seen];
    } else {
      entityIds = overviewEntityIds(await this.listEntities({ docIds: q.docIds }), q.entityTypes, limit);
    }
    const idSet = new Set(entityIds);
    const relations = entityIds.length
      ? (await this.findRelations({ types: q.relationTypes, docIds: q.docIds, involving: entityIds })).filter(
          (r) => idSet.has(r.source) && idSet.has(r.target),
        )
      : [];
    const entities = await this.getEntities(entityIds);
    return { entities: entities.sort((a, b) => a.id.localeCompare(b.id)), relations };
  }

  async shortestPaths(fromId: string, toId: string, opts: { maxHops?: number; limit?: number } = {}): Promise<Path[]> {
    const maxHops = opts.maxHops ?? 6;
    const limit = opts.limit ?? 5;
    if (fromId === toId || limit <= 0) return [];
    const rows = await this.rows(Q.shortestPaths(maxHops), { from: fromId, to: toId, cap: neo4j.int(1000) });
    // Parallel relations between the same pair give one path, like the embedded store: node
    // sequences are deduplicated and sorted, each hop takes its smallest relation id.
    const nodePaths = [...new Set(rows.map((r) => (r.nodeIds as string[]).join('\u0000')))]
      .sort()
      .slice(0, limit)
      .map((p) => p.split('\u0000'));
    if (!nodePaths.length) return [];
    const pairs = [...new Map(nodePaths.flatMap((p) => p.slice(1).map((b, i) => [`${p[i]}\u0000${b}`, [p[i], b]] as const))).values()];
    const between = new Map(
      (await this.rows(Q.RELATIONS_BETWEEN, { pairs })).map((r) => [`${str(r.a)}\u0000${str(r.b)}`, (r.ids as string[]).sort()[0]]),
    );
    const relIds = [...new Set(between.values())];
    const relations = new Map((await this.relationsById(relIds)).map((r) => [r.id, r]));
    const entities = new Map((await this.getEntities([...new Set(nodePaths.flat())])).map((e) => [e.id, e]));
    return nodePaths.map((nodes) => ({
      entities: nodes.map((id) => entities.get(id)!),
      relations: nodes.slice(1).map((b, i) => relations.get(between.get(`${nodes[i]}\u0000${b}`)!)!),
    }));
  }

  private async relationsById(ids: string[]): Promise<Relation[]> {
    return ids.length ? this.relations({}, ids) : [];
  }

  async searchPassages(query: { text: string; tokens: string[] }, k: number): Promise<PassageHit[]> {
    const lucene = fulltextQuery(query.tokens);
    if (!lucene || k <= 0) return [];
    const rows = await this.rows(Q.SEARCH_PASSAGES, { query: lucene, k: neo4j.int(k) });
    return rows.map((r) => ({ passage: toPassage(r.p as Row), score: Number(r.score) }));
  }

  async searchEntities(query: { text: string; tokens: string[] }, k: number): Promise<EntityHit[]> {
    const lucene = fulltextQuery([...query.tokens, query.text]);
    if (!lucene || k <= 0) return [];
    const rows = await this.rows(Q.SEARCH_ENTITIES, { query: lucene, k: neo4j.int(k) });
    return rows.map((r) => ({ entity: toEntity(r.e as Row), score: Number(r.score) }));
  }

  async nearestPassages(vector: Float32Array, k: number): Promise<PassageHit[]> {
    if (vector.length !== this.dimension || k <= 0) return [];
    const rows = await this.rows(Q.NEAREST_PASSAGES, { vector: Array.from(vector), k: neo4j.int(k) });
    return rows.map((r) => ({ passage: toPassage(r.p as Row), score: Number(r.score) }));
  }

  async nearestEntities(vector: Float32Array, k: number): Promise<EntityHit[]> {
    if (vector.length !== this.dimension || k <= 0) return [];
    const rows = await this.rows(Q.NEAREST_ENTITIES, { vector: Array.from(vector), k: neo4j.int(k) });
    return rows.map((r) => ({ entity: toEntity(r.e as Row), score: Number(r.score) }));
  }

  async cypher(
    query: string,
    params: Record<string, unknown>,
    opts: { maxRows: number; timeoutMs: number },
  ): Promise<{ columns: string[]; rows: unknown[][]; truncated: boolean }> {
    const session = this.session('READ');
    try {
      return await runReadOnlyCypher(session, query, params, opts);
    } catch (e) {
      throw this.wrap(e);
    } finally {
      await session.close();
    }
  }

  /** Remove every node and relationship (tests only: the database is shared by nothing else). */
  async clearAll(): Promise<void> {
    const session = this.session('WRITE');
    try {
      await session.run(Q.DELETE_ALL);
    } finally {
      await session.close();
    }
  }
}

function toEntityWithStats(r: Row): EntityWithStats {
  return { ...toEntity(r.e as Row), mentionCount: Number(r.mentionCount), docIds: ((r.docIds as string[]) ?? []).sort() };
}

async function removeContribution(tx: ManagedTransaction, docId: string): Promise<void> {
  await tx.run(Q.REMOVE_DOC_EVIDENCE, { docId });
  for (const statement of Q.REMOVE_DOC_NODES) await tx.run(statement, { docId });
}

/** Checks done before the transaction so a bad document fails with a precise message. */
function validate(doc: ExtractedDocument): void {
  const docId = doc.document.id;
  const bad = (message: string) => new PolicygraphError('BAD_INPUT', `document ${docId}: ${message}`, { file: doc.document.source });
  for (const r of doc.relations) {
    for (const ev of r.evidence) {
      if (ev.doc !== docId) throw bad(`relation ${r.id} carries evidence from another document (${ev.doc})`);
      if (!Number.isInteger(ev.start) || !Number.isInteger(ev.end) || ev.end < ev.start) {
        throw bad(`relation ${r.id} has evidence with an invalid span ${ev.start}..${ev.end}`);
      }
    }
  }
}
