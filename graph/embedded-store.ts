/**
 * The embedded GraphStore: one SQLite file (better-sqlite3, WAL, synchronous=FULL), one
 * transaction per document, FTS5 over jieba tokens for lexical search, exact cosine search
 * over embeddings held in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MultiUndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { allSimplePaths } from 'graphology-simple-path';
import { PolicygraphError } from '../core/errors.js';
import { searchTokens } from '../ingest/segment.js';
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
import { SCHEMA_SQL } from './embedded-schema.js';
import { expandLevel, overviewEntityIds } from './subgraph.js';

type Row = Record<string, unknown>;

const json = <T>(s: unknown): T => JSON.parse(String(s)) as T;
const toBlob = (v?: Float32Array): Buffer | null => (v ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : null);
const fromBlob = (b: unknown): Float32Array | undefined => {
  if (!b) return undefined;
  const buf = b as Buffer;
  // Copy: the Buffer's memory may be reused by SQLite and need not be 4-byte aligned.
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return new Float32Array(copy.buffer);
};
/** FTS5 query of quoted tokens OR-ed together; quotes inside tokens are doubled. */
const ftsQuery = (tokens: string[]): string | null => {
  const uniq = [...new Set(tokens.map((t) => t.trim()).filter(Boolean))];
  return uniq.length ? uniq.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ') : null;
};
const placeholders = (n: number): string => Array(n).fill('?').join(',');

function rowToEntity(r: Row): Entity {
  return {
    id: String(r.id),
    type: r.type as EntityType,
    label: String(r.label),
    labelEn: String(r.label_en),
    aliases: json<string[]>(r.aliases),
    ...(r.parent_id ? { parentId: String(r.parent_id) } : {}),
  };
}

function rowToSentence(r: Row): Sentence {
  return {
    id: String(r.id),
    docId: String(r.doc_id),
    index: Number(r.idx),
    sectionId: String(r.section_id),
    sectionPath: String(r.section_path),
    start: Number(r.start),
    end: Number(r.end),
    text: String(r.text),
    isHeading: Boolean(r.is_heading),
  };
}

function rowToPassage(r: Row): Omit<Passage, 'embedding'> {
  return {
    id: String(r.id),
    docId: String(r.doc_id),
    kind: r.kind as Passage['kind'],
    sentenceIds: json<string[]>(r.sentence_ids),
    sectionPath: String(r.section_path),
    start: Number(r.start),
    end: Number(r.end),
    text: String(r.text),
    tokens: String(r.tokens),
  };
}

function rowToEvidence(r: Row): Evidence {
  return {
    doc: String(r.doc_id),
    section: String(r.section),
    sentenceId: String(r.sentence_id),
    text: String(r.text),
    start: Number(r.start),
    end: Number(r.end),
  };
}

interface VectorCache {
  ids: string[];
  matrix: Float32Array;
  dim: number;
}

export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private db!: Database.Database;
  private vectorCache = new Map<'passages' | 'entities', VectorCache>();

  /** @param dataDir folder holding `policygraph.db`; ':memory:' for a throwaway store. */
  constructor(private readonly dataDir: string) {}

  async init(): Promise<void> {
    const file = this.dataDir === ':memory:' ? ':memory:' : path.join(this.dataDir, 'policygraph.db');
    if (file !== ':memory:') fs.mkdirSync(this.dataDir, { recursive: true });
    try {
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(SCHEMA_SQL);
    } catch (e) {
      throw new PolicygraphError('STORE_UNAVAILABLE', `cannot open the embedded store at ${file}: ${(e as Error).message}`, { cause: e });
    }
  }

  async close(): Promise<void> {
    if (this.db?.open) this.db.close();
  }

  async documentHash(docId: string): Promise<string | null> {
    const r = this.db.prepare('SELECT hash FROM documents WHERE id = ?').get(docId) as Row | undefined;
    return r ? String(r.hash) : null;
  }

  async writeDocument(doc: ExtractedDocument): Promise<void> {
    const write = this.db.transaction((d: ExtractedDocument) => {
      const touched = this.removeContribution(d.document.id);
      this.insertDocument(d);
      for (const r of d.relations) touched.relations.add(r.id);
      for (const e of d.entities) touched.entities.add(e.id);
      this.collectGarbage(touched);
    });
    try {
      write(doc);
    } catch (e) {
      throw new PolicygraphError('INTERNAL', `writing document ${doc.document.id} failed, nothing of it was stored: ${(e as Error).message}`, {
        file: doc.document.source,
        cause: e,
      });
    } finally {
      this.vectorCache.clear();
    }
  }

  async deleteDocument(docId: string): Promise<boolean> {
    const del = this.db.transaction((id: string) => {
      const exists = this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id);
      if (!exists) return false;
      this.collectGarbage(this.removeContribution(id));
      return true;
    });
    const removed = del(docId);
    this.vectorCache.clear();
    return removed;
  }

  /**
   * Remove everything a document contributed, leaving shared entities/relations for GC; returns the
   * relations and entities it touched (the only ones that can have become orphans).
   */
  private removeContribution(docId: string): { relations: Set<string>; entities: Set<string> } {
    const d = this.db;
    const touched = { relations: new Set<string>(), entities: new Set<string>() };
    if (!d.prepare('SELECT 1 FROM documents WHERE id = ?').get(docId)) return touched;
    for (const r of d.prepare('SELECT DISTINCT relation_id AS id FROM evidence WHERE doc_id = ?').all(docId) as Row[]) touched.relations.add(String(r.id));
    for (const r of d.prepare('SELECT DISTINCT entity_id AS id FROM mentions WHERE doc_id = ?').all(docId) as Row[]) touched.entities.add(String(r.id));
    // passage_id is not indexed in FTS5: this scans, so it runs only when the document was stored before.
    d.prepare('DELETE FROM passages_fts WHERE passage_id IN (SELECT id FROM passages WHERE doc_id = ?)').run(docId);
    for (const table of ['evidence', 'mentions', 'passages', 'sentences', 'sections']) {
      d.prepare(`DELETE FROM ${table} WHERE doc_id = ?`).run(docId);
    }
    d.prepare('DELETE FROM documents WHERE id = ?').run(docId);
    return touched;
  }

  /**
   * Of the touched relations, those without evidence go and the rest take the max confidence of
   * their evidence; of the touched entities (and ends of removed relations), those without mentions
   * or relations go. Scoped, so a write costs the size of its document, not of the store.
   */
  private collectGarbage(touched: { relations: Set<string>; entities: Set<string> }): void {
    const d = this.db;
    const ends = d.prepare('SELECT source, target FROM relations WHERE id = ?');
    const hasEvidence = d.prepare('SELECT 1 FROM evidence WHERE relation_id = ? LIMIT 1');
    const delRelation = d.prepare('DELETE FROM relations WHERE id = ?');
    const setConfidence = d.prepare('UPDATE relations SET confidence = (SELECT MAX(confidence) FROM evidence e WHERE e.relation_id = ?) WHERE id = ?');
    const entities = new Set(touched.entities);
    for (const id of touched.relations) {
      const rel = ends.get(id) as Row | undefined;
      if (!rel) continue;
      if (hasEvidence.get(id)) {
        setConfidence.run(id, id);
      } else {
        delRelation.run(id);
        entities.add(String(rel.source));
        entities.add(String(rel.target));
      }
    }
    const orphan = d.prepare(
      `SELECT 1 FROM entities e WHERE e.id = ? AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)
         AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.source = e.id) AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.target = e.id)`,
    );
    const delEntity = d.prepare('DELETE FROM entities WHERE id = ?');
    const delEntityFts = d.prepare('DELETE FROM entities_fts WHERE entity_id = ?');
    for (const id of entities) {
      if (!orphan.get(id)) continue;
      delEntity.run(id);
      delEntityFts.run(id);
    }
  }

  private insertDocument(x: ExtractedDocument): void {
    const d = this.db;
    const doc = x.document;
    d.prepare(
      'INSERT INTO documents (id, title, source, format, encoding, hash, text, ingested_at) VALUES (?,?,?,?,?,?,?,?)',
    ).run(doc.id, doc.title, doc.source, doc.format, doc.encoding, doc.hash, doc.text, doc.ingestedAt);

    const insSection = d.prepare(
      `INSERT INTO sections (id, doc_id, heading, marker, level, path, start, end, heading_start, heading_end, parent_id)
       VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    );
    for (const s of x.sections) {
      insSection.run(s.id, doc.id, s.heading, s.marker, s.level, JSON.stringify(s.path), s.start, s.end, s.headingStart, s.headingEnd, s.parentId ?? null);
    }
    const insSentence = d.prepare(
      'INSERT INTO sentences (id, doc_id, idx, section_id, section_path, start, end, text, is_heading) VALUES (?,?,?,?,?,?,?,?,?)',
    );
    for (const s of x.sentences) {
      insSentence.run(s.id, doc.id, s.index, s.sectionId, s.sectionPath, s.start, s.end, s.text, s.isHeading ? 1 : 0);
    }
    const insPassage = d.prepare(
      `INSERT INTO passages (id, doc_id, kind, sentence_ids, section_path, start, end, text, tokens, embedding)
       VALUES (?,?,?,?,?,?,?,?,?,?)`,
    );
    const insPassageFts = d.prepare('INSERT INTO passages_fts (tokens, passage_id) VALUES (?, ?)');
    for (const p of x.passages) {
      insPassage.run(p.id, doc.id, p.kind, JSON.stringify(p.sentenceIds), p.sectionPath, p.start, p.end, p.text, p.tokens, toBlob(p.embedding));
      insPassageFts.run(p.tokens, p.id);
    }

    const getEntity = d.prepare('SELECT * FROM entities WHERE id = ?');
    const insEntity = d.prepare(
      'INSERT INTO entities (id, type, label, label_en, aliases, parent_id, embedding) VALUES (?,?,?,?,?,?,?)',
    );
    const updEntity = d.prepare('UPDATE entities SET aliases = ?, parent_id = COALESCE(parent_id, ?), embedding = COALESCE(?, embedding) WHERE id = ?');
    const delEntityFts = d.prepare('DELETE FROM entities_fts WHERE entity_id = ?');
    const insEntityFts = d.prepare('INSERT INTO entities_fts (tokens, entity_id) VALUES (?, ?)');
    for (const e of x.entities) {
      const existing = getEntity.get(e.id) as Row | undefined;
      const embedding = toBlob(x.entityEmbeddings?.[e.id]);
      let aliases = e.aliases;
      if (existing) {
        aliases = [...new Set([...json<string[]>(existing.aliases), ...e.aliases])];
        updEntity.run(JSON.stringify(aliases), e.parentId ?? null, embedding, e.id);
      } else {
        insEntity.run(e.id, e.type, e.label, e.labelEn, JSON.stringify(aliases), e.parentId ?? null, embedding);
      }
      const label = existing ? String(existing.label) : e.label;
      const labelEn = existing ? String(existing.label_en) : e.labelEn;
      // Re-index only what changed: deleting by entity_id scans the FTS table (not indexed there).
      const aliasesGrew = existing && aliases.length !== json<string[]>(existing.aliases).length;
      if (aliasesGrew) delEntityFts.run(e.id);
      if (!existing || aliasesGrew) insEntityFts.run(entityTokens(label, labelEn, aliases).join(' '), e.id);
    }

    const insMention = d.prepare(
      'INSERT OR IGNORE INTO mentions (entity_id, doc_id, sentence_id, start, end, text) VALUES (?,?,?,?,?,?)',
    );
    for (const m of x.mentions) insMention.run(m.entityId, doc.id, m.sentenceId, m.start, m.end, m.text);

    const insRelation = d.prepare(
      `INSERT INTO relations (id, type, source, target, confidence) VALUES (?,?,?,?,?)
       ON CONFLICT(id) DO UPDATE SET confidence = MAX(confidence, excluded.confidence)`,
    );
    const insEvidence = d.prepare(
      `INSERT OR IGNORE INTO evidence (relation_id, doc_id, section, sentence_id, text, start, end, confidence)
       VALUES (?,?,?,?,?,?,?,?)`,
    );
    for (const r of x.relations) {
      insRelation.run(r.id, r.type, r.source, r.target, r.confidence);
      for (const ev of r.evidence) {
        if (ev.doc !== doc.id) {
          throw new PolicygraphError('BAD_INPUT', `relation ${r.id} carries evidence from another document (${ev.doc})`);
        }
        insEvidence.run(r.id, doc.id, ev.section, ev.sentenceId, ev.text, ev.start, ev.end, r.confidence);
      }
    }
  }

  async counts(): Promise<Counts> {
    const c = (table: string) => Number((this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as Row).n);
    return {
      documents: c('documents'),
      entities: c('entities'),
      relations: c('relations'),
      sentences: c('sentences'),
      passages: c('passages'),
    };
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const rows = this.db
      .prepare(
        `SELECT d.id, d.title, d.source, d.format, d.hash, d.ingested_at, length(d.text) AS chars,
                (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences
         FROM documents d ORDER BY d.id`,
      )
      .all() as Row[];
    return rows.map((r) => ({
      id: String(r.id),
      title: String(r.title),
      source: String(r.source),
      format: r.format as DocumentRecord['format'],
      hash: String(r.hash),
      ingestedAt: String(r.ingested_at),
      chars: Number(r.chars),
      sentences: Number(r.sentences),
    }));
  }

  private documentRecord(docId: string): DocumentRecord | null {
    const r = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(docId) as Row | undefined;
    if (!r) return null;
    return {
      id: String(r.id),
      title: String(r.title),
      source: String(r.source),
      format: r.format as DocumentRecord['format'],
      encoding: String(r.encoding),
      hash: String(r.hash),
      text: String(r.text),
      ingestedAt: String(r.ingested_at),
    };
  }

  private sections(docId: string): Section[] {
    const rows = this.db.prepare('SELECT * FROM sections WHERE doc_id = ? ORDER BY start, level').all(docId) as Row[];
    return rows.map((r) => ({
      id: String(r.id),
      docId: String(r.doc_id),
      heading: String(r.heading),
      marker: String(r.marker),
      level: Number(r.level),
      path: json<string[]>(r.path),
      start: Number(r.start),
      end: Number(r.end),
      headingStart: Number(r.heading_start),
      headingEnd: Number(r.heading_end),
      ...(r.parent_id ? { parentId: String(r.parent_id) } : {}),
    }));
  }

  private mentionsOf(docId: string): Mention[] {
    const rows = this.db.prepare('SELECT * FROM mentions WHERE doc_id = ? ORDER BY start, end').all(docId) as Row[];
    return rows.map(rowToMention);
  }

  async getDocument(docId: string): Promise<DocumentDetail | null> {
    const document = this.documentRecord(docId);
    if (!document) return null;
    const sentences = (this.db.prepare('SELECT * FROM sentences WHERE doc_id = ? ORDER BY idx').all(docId) as Row[]).map(rowToSentence);
    return { document, sections: this.sections(docId), sentences, mentions: this.mentionsOf(docId) };
  }

  async readDocumentBundle(docId: string): Promise<ExtractedDocument | null> {
    const detail = await this.getDocument(docId);
    if (!detail) return null;
    const passageRows = this.db.prepare('SELECT * FROM passages WHERE doc_id = ? ORDER BY rowid').all(docId) as Row[];
    const passages: Passage[] = passageRows.map((r) => {
      const embedding = fromBlob(r.embedding);
      return { ...rowToPassage(r), ...(embedding ? { embedding } : {}) };
    });
    const entityRows = this.db
      .prepare('SELECT * FROM entities WHERE id IN (SELECT DISTINCT entity_id FROM mentions WHERE doc_id = ?) ORDER BY id')
      .all(docId) as Row[];
    const entityEmbeddings: Record<string, Float32Array> = {};
    for (const r of entityRows) {
      const v = fromBlob(r.embedding);
      if (v) entityEmbeddings[String(r.id)] = v;
    }
    const relations = await this.findRelations({ docIds: [docId] });
    // Relation endpoints are entities too, even where this document does not mention them.
    const endpointIds = new Set(relations.flatMap((r) => [r.source, r.target]));
    const known = new Set(entityRows.map((r) => String(r.id)));
    const extra = await this.getEntities([...endpointIds].filter((id) => !known.has(id)));
    return {
      document: detail.document,
      sections: detail.sections,
      sentences: detail.sentences,
      passages,
      entities: [...entityRows.map(rowToEntity), ...extra],
      entityEmbeddings,
      mentions: detail.mentions,
      relations,
    };
  }

  async listEntities(filter: { type?: EntityType; docIds?: string[] } = {}): Promise<EntityWithStats[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.type) {
      where.push('e.type = ?');
      params.push(filter.type);
    }
    if (filter.docIds?.length) {
      where.push(`e.id IN (SELECT entity_id FROM mentions WHERE doc_id IN (${placeholders(filter.docIds.length)}))`);
      params.push(...filter.docIds);
    }
    const rows = this.db
      .prepare(
        `SELECT e.*, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count,
                (SELECT json_group_array(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = e.id) AS doc_ids
         FROM entities e ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.type, e.label`,
      )
      .all(...params) as Row[];
    return rows.map((r) => ({ ...rowToEntity(r), mentionCount: Number(r.mention_count), docIds: json<string[]>(r.doc_ids).sort() }));
  }

  async getEntities(ids: string[]): Promise<Entity[]> {
    if (!ids.length) return [];
    const rows = this.db.prepare(`SELECT * FROM entities WHERE id IN (${placeholders(ids.length)})`).all(...ids) as Row[];
    const byId = new Map(rows.map((r) => [String(r.id), rowToEntity(r)]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  async getEntity(id: string): Promise<EntityDetail | null> {
    const [entity] = await this.listEntitiesByIds([id]);
    if (!entity) return null;
    const relations = await this.findRelations({ involving: [id] });
    const others = await this.getEntities([...new Set(relations.map((r) => (r.source === id ? r.target : r.source)))]);
    const byId = new Map(others.map((e) => [e.id, e]));
    const neighbours: Neighbour[] = relations.flatMap((relation) => {
      const otherId = relation.source === id ? relation.target : relation.source;
      const other = byId.get(otherId);
      return other ? [{ relation, entity: other, direction: relation.source === id ? ('out' as const) : ('in' as const) }] : [];
    });
    const evidence = (
      this.db
        .prepare(
          `SELECT DISTINCT s.doc_id, s.section_path AS section, s.id AS sentence_id, s.text, s.start, s.end
           FROM mentions m JOIN sentences s ON s.id = m.sentence_id
           WHERE m.entity_id = ? ORDER BY s.doc_id, s.start`,
        )
        .all(id) as Row[]
    ).map(rowToEvidence);
    return { entity, neighbours, evidence };
  }

  private async listEntitiesByIds(ids: string[]): Promise<EntityWithStats[]> {
    if (!ids.length) return [];
    const rows = this.db
      .prepare(
        `SELECT e.*, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count,
                (SELECT json_group_array(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = e.id) AS doc_ids
         FROM entities e WHERE e.id IN (${placeholders(ids.length)})`,
      )
      .all(...ids) as Row[];
    return rows.map((r) => ({ ...rowToEntity(r), mentionCount: Number(r.mention_count), docIds: json<string[]>(r.doc_ids).sort() }));
  }

  async findRelations(q: RelationQuery): Promise<Relation[]> {
    return this.withEvidence(this.relationRows(q), q.docIds);
  }

  /** Relation rows matching the query, without their evidence (one query, cheap at any size). */
  private relationRows(q: RelationQuery): Row[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.types?.length) {
      where.push(`r.type IN (${placeholders(q.types.length)})`);
      params.push(...q.types);
    }
    if (q.involving?.length) {
      const ph = placeholders(q.involving.length);
      where.push(`(r.source IN (${ph}) OR r.target IN (${ph}))`);
      params.push(...q.involving, ...q.involving);
    }
    if (q.sourceType) {
      where.push('(SELECT type FROM entities WHERE id = r.source) = ?');
      params.push(q.sourceType);
    }
    if (q.targetType) {
      where.push('(SELECT type FROM entities WHERE id = r.target) = ?');
      params.push(q.targetType);
    }
    const docFilter = q.docIds?.length ? ` AND ev.doc_id IN (${placeholders(q.docIds.length)})` : '';
    if (q.docIds?.length) {
      where.push(`EXISTS (SELECT 1 FROM evidence ev WHERE ev.relation_id = r.id${docFilter})`);
      params.push(...q.docIds);
    }
    return this.db
      .prepare(`SELECT r.* FROM relations r ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id`)
      .all(...params) as Row[];
  }

  /** Relation rows with their evidence (only from `docIds` when given; confidence then from that evidence). */
  private withEvidence(rows: Row[], docIds?: string[]): Relation[] {
    if (!rows.length) return [];
    const docFilter = docIds?.length ? ` AND ev.doc_id IN (${placeholders(docIds.length)})` : '';
    const evStmt = this.db.prepare(
      `SELECT * FROM evidence ev WHERE ev.relation_id = ?${docFilter} ORDER BY ev.doc_id, ev.start, ev.end`,
    );
    return rows.map((r) => {
      const evRows = evStmt.all(String(r.id), ...(docIds ?? [])) as Row[];
      const confidence = docIds?.length
        ? Math.max(...evRows.map((e) => Number(e.confidence)))
        : Number(r.confidence);
      return {
        id: String(r.id),
        type: r.type as RelationType,
        source: String(r.source),
        target: String(r.target),
        confidence,
        evidence: evRows.map(rowToEvidence),
      };
    });
  }

  async mentionsInSentences(sentenceIds: string[]): Promise<Mention[]> {
    if (!sentenceIds.length) return [];
    const rows = this.db
      .prepare(`SELECT * FROM mentions WHERE sentence_id IN (${placeholders(sentenceIds.length)}) ORDER BY doc_id, start, end`)
      .all(...sentenceIds) as Row[];
    return rows.map(rowToMention);
  }

  async getSentences(sentenceIds: string[]): Promise<Sentence[]> {
    if (!sentenceIds.length) return [];
    const rows = this.db
      .prepare(`SELECT * FROM sentences WHERE id IN (${placeholders(sentenceIds.length)}) ORDER BY doc_id, idx`)
      .all(...sentenceIds) as Row[];
    return rows.map(rowToSentence);
  }

  async sentencesInSections(sectionIds: string[]): Promise<Sentence[]> {
    if (!sectionIds.length) return [];
    const rows = this.db
      .prepare(
        `SELECT DISTINCT s.* FROM sentences s JOIN sections sec ON sec.doc_id = s.doc_id
         WHERE sec.id IN (${placeholders(sectionIds.length)}) AND s.start >= sec.start AND s.end <= sec.end
         ORDER BY s.doc_id, s.idx`,
      )
      .all(...sectionIds) as Row[];
    return rows.map(rowToSentence);
  }

  async subgraph(q: SubgraphQuery): Promise<Subgraph> {
    const limit = q.limit ?? 2000;
    // Walk relation rows without evidence; evidence is read only for the relations returned.
    const rows = this.relationRows({ types: q.relationTypes, docIds: q.docIds }).map((r) => ({ row: r, source: String(r.source), target: String(r.target) }));
    let entityIds: string[];
    if (q.focus) {
      const depth = q.depth ?? 1;
      const seen = new Set([q.focus]);
      let frontier = [q.focus];
      let typeOk = (_id: string) => true;
      if (q.entityTypes?.length) {
        const allowed = new Set(
          (this.db.prepare(`SELECT id FROM entities WHERE type IN (${placeholders(q.entityTypes.length)})`).all(...q.entityTypes) as Row[]).map((r) => String(r.id)),
        );
        allowed.add(q.focus);
        typeOk = (id) => allowed.has(id);
      }
      for (let i = 0; i < depth && frontier.length && seen.size < limit; i++) {
        frontier = expandLevel(frontier, rows, seen, typeOk, limit);
      }
      entityIds = [...seen];
    } else {
      entityIds = overviewEntityIds(await this.listEntities({ docIds: q.docIds }), q.entityTypes, limit);
    }
    const idSet = new Set(entityIds);
    const relations = this.withEvidence(rows.filter((r) => idSet.has(r.source) && idSet.has(r.target)).map((r) => r.row), q.docIds);
    const entities = await this.getEntities(entityIds);
    return { entities: entities.sort((a, b) => a.id.localeCompare(b.id)), relations };
  }

  async shortestPaths(fromId: string, toId: string, opts: { maxHops?: number; limit?: number } = {}): Promise<Path[]> {
    const maxHops = opts.maxHops ?? 6;
    const limit = opts.limit ?? 5;
    // The walk needs only ids and ends; evidence is read for the relations on the paths found.
    const rows = this.relationRows({});
    const graph = new MultiUndirectedGraph();
    for (const r of rows) {
      graph.mergeNode(String(r.source));
      graph.mergeNode(String(r.target));
      graph.addEdgeWithKey(String(r.id), String(r.source), String(r.target));
    }
    if (!graph.hasNode(fromId) || !graph.hasNode(toId) || fromId === toId) return [];
    const shortest = bidirectional(graph, fromId, toId);
    if (!shortest || shortest.length - 1 > maxHops) return [];
    const nodePaths = (allSimplePaths(graph, fromId, toId, { maxDepth: shortest.length - 1 }) as string[][])
      .filter((p) => p.length === shortest.length)
      .map((p) => p.join('\u0000'))
      .sort()
      .slice(0, limit)
      .map((p) => p.split('\u0000'));
    const keyed = nodePaths.map((nodes) => nodes.slice(1).map((b, i) => graph.edges(nodes[i], b).sort()[0]));
    const used = new Set(keyed.flat());
    const byId = new Map(this.withEvidence(rows.filter((r) => used.has(String(r.id)))).map((r) => [r.id, r]));
    const entities = new Map((await this.getEntities([...new Set(nodePaths.flat())])).map((e) => [e.id, e]));
    return nodePaths.map((nodes, p) => ({
      entities: nodes.map((id) => entities.get(id)!),
      relations: keyed[p].map((key) => byId.get(key)!),
    }));
  }

  async searchPassages(query: { text: string; tokens: string[] }, k: number): Promise<PassageHit[]> {
    const match = ftsQuery(query.tokens);
    if (!match) return [];
    const rows = this.db
      .prepare(
        `SELECT p.*, bm25(passages_fts) AS rank FROM passages_fts JOIN passages p ON p.id = passages_fts.passage_id
         WHERE passages_fts MATCH ? ORDER BY rank, p.doc_id, p.start LIMIT ?`,
      )
      .all(match, k) as Row[];
    return rows.map((r) => ({ passage: rowToPassage(r), score: -Number(r.rank) }));
  }

  async searchEntities(query: { text: string; tokens: string[] }, k: number): Promise<EntityHit[]> {
    const match = ftsQuery([...query.tokens, ...entityTokens(query.text, '', [])]);
    if (!match) return [];
    const rows = this.db
      .prepare(
        `SELECT e.*, bm25(entities_fts) AS rank FROM entities_fts JOIN entities e ON e.id = entities_fts.entity_id
         WHERE entities_fts MATCH ? ORDER BY rank, e.id LIMIT ?`,
      )
      .all(match, k) as Row[];
    return rows.map((r) => ({ entity: rowToEntity(r), score: -Number(r.rank) }));
  }

  private vectors(kind: 'passages' | 'entities'): VectorCache | null {
    let cache = this.vectorCache.get(kind);
    if (!cache) {
      const rows = this.db.prepare(`SELECT id, embedding FROM ${kind} WHERE embedding IS NOT NULL ORDER BY id`).all() as Row[];
      if (!rows.length) return null;
      const dim = (rows[0].embedding as Buffer).byteLength / 4;
      const matrix = new Float32Array(rows.length * dim);
      const ids: string[] = [];
      rows.forEach((r, i) => {
        const v = fromBlob(r.embedding)!;
        if (v.length === dim) matrix.set(v, i * dim);
        ids.push(String(r.id));
      });
      cache = { ids, matrix, dim };
      this.vectorCache.set(kind, cache);
    }
    return cache;
  }

  /** Exact cosine top-k (stored vectors are L2-normalised, the query is normalised here). */
  private nearest(kind: 'passages' | 'entities', vector: Float32Array, k: number): { id: string; score: number }[] {
    const cache = this.vectors(kind);
    if (!cache || cache.dim !== vector.length || k <= 0) return [];
    let norm = 0;
    for (let i = 0; i < vector.length; i++) norm += vector[i] * vector[i];
    norm = Math.sqrt(norm) || 1;
    const { ids, matrix, dim } = cache;
    const top: { id: string; score: number }[] = [];
    for (let row = 0; row < ids.length; row++) {
      let dot = 0;
      const off = row * dim;
      for (let i = 0; i < dim; i++) dot += matrix[off + i] * vector[i];
      const score = dot / norm;
      if (top.length < k || score > top[top.length - 1].score) {
        top.push({ id: ids[row], score });
        top.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
        if (top.length > k) top.pop();
      }
    }
    return top;
  }

  async nearestPassages(vector: Float32Array, k: number): Promise<PassageHit[]> {
    const top = this.nearest('passages', vector, k);
    if (!top.length) return [];
    const rows = this.db.prepare(`SELECT * FROM passages WHERE id IN (${placeholders(top.length)})`).all(...top.map((t) => t.id)) as Row[];
    const byId = new Map(rows.map((r) => [String(r.id), rowToPassage(r)]));
    return top.flatMap((t) => (byId.has(t.id) ? [{ passage: byId.get(t.id)!, score: t.score }] : []));
  }

  async nearestEntities(vector: Float32Array, k: number): Promise<EntityHit[]> {
    const top = this.nearest('entities', vector, k);
    const entities = new Map((await this.getEntities(top.map((t) => t.id))).map((e) => [e.id, e]));
    return top.flatMap((t) => (entities.has(t.id) ? [{ entity: entities.get(t.id)!, score: t.score }] : []));
  }

  async cypher(): Promise<never> {
    throw new PolicygraphError('NOT_IMPLEMENTED', 'Cypher queries need the Neo4j store: set NEO4J_URI (see README, "Neo4j")');
  }
}

function rowToMention(r: Row): Mention {
  return {
    entityId: String(r.entity_id),
    docId: String(r.doc_id),
    sentenceId: String(r.sentence_id),
    start: Number(r.start),
    end: Number(r.end),
    text: String(r.text),
  };
}

/** Tokens indexed for an entity: segmented label and aliases, the whole label, English words. */
function entityTokens(label: string, labelEn: string, aliases: string[]): string[] {
  const zh = [label, ...aliases].flatMap((s) => [s, ...searchTokens(s)]);
  const en = labelEn.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 1);
  return [...new Set([...zh, ...en].map((t) => t.trim()).filter(Boolean))];
}
