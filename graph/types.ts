/**
 * The GraphStore contract: one interface, two adapters (embedded SQLite, Neo4j),
 * one contract suite (test/graph-store.contract.ts) run against both.
 */
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

export type StoreKind = 'embedded' | 'neo4j';

export interface Counts {
  documents: number;
  entities: number;
  relations: number;
  sentences: number;
  passages: number;
}

export interface DocumentSummary {
  id: string;
  title: string;
  source: string;
  format: DocumentRecord['format'];
  hash: string;
  ingestedAt: string;
  chars: number;
  sentences: number;
}

export interface DocumentDetail {
  document: DocumentRecord;
  sections: Section[];
  sentences: Sentence[];
  mentions: Mention[];
}

/** An entity with how often and where it is mentioned. */
export interface EntityWithStats extends Entity {
  mentionCount: number;
  docIds: string[];
}

export interface Neighbour {
  relation: Relation;
  /** The entity at the other end. */
  entity: Entity;
  direction: 'out' | 'in';
}

export interface EntityDetail {
  entity: EntityWithStats;
  neighbours: Neighbour[];
  /** Sentences that mention the entity (one Evidence per mention, ordered by doc then offset). */
  evidence: Evidence[];
}

export interface Subgraph {
  entities: Entity[];
  relations: Relation[];
}

export interface SubgraphQuery {
  /** Centre entity id; absent = whole graph (up to limit). */
  focus?: string;
  depth?: number;
  entityTypes?: EntityType[];
  relationTypes?: RelationType[];
  /** Only relations with evidence in these documents (and their entities). */
  docIds?: string[];
  /** Max entities returned. */
  limit?: number;
}

export interface RelationQuery {
  types?: RelationType[];
  /** Relations whose source or target is one of these ids. */
  involving?: string[];
  sourceType?: EntityType;
  targetType?: EntityType;
  docIds?: string[];
}

export interface PassageHit {
  passage: Omit<Passage, 'embedding'>;
  /** Higher is better; scale depends on the method (bm25 or cosine). */
  score: number;
}

export interface EntityHit {
  entity: Entity;
  score: number;
}

export interface Path {
  entities: Entity[];
  relations: Relation[];
}

export interface GraphStore {
  readonly kind: StoreKind;

  /** Create schema (tables / constraints / indexes); idempotent. */
  init(): Promise<void>;
  close(): Promise<void>;

  /** The stored hash of a document, or null when absent. Used to skip unchanged content. */
  documentHash(docId: string): Promise<string | null>;

  /**
   * Write everything a document contributes in ONE transaction. If the document already
   * exists, its previous contribution (sentences, passages, mentions, evidence) is replaced;
   * entities and relations shared with other documents survive with their other evidence.
   * On any failure nothing of this document is left in the store.
   * Entities merge by id: aliases are unioned; label/labelEn of an existing entity are kept.
   * Relations merge by id: evidence is unioned (deduplicated by doc+start+end);
   * confidence is the max.
   */
  writeDocument(doc: ExtractedDocument): Promise<void>;

  /** Remove a document and everything only it supported. Returns false if absent. */
  deleteDocument(docId: string): Promise<boolean>;

  counts(): Promise<Counts>;
  listDocuments(): Promise<DocumentSummary[]>;
  getDocument(docId: string): Promise<DocumentDetail | null>;

  listEntities(filter?: { type?: EntityType; docIds?: string[] }): Promise<EntityWithStats[]>;
  getEntities(ids: string[]): Promise<Entity[]>;
  getEntity(id: string): Promise<EntityDetail | null>;

  /** Relations with all their evidence. */
  findRelations(query: RelationQuery): Promise<Relation[]>;
  /** Mentions inside the given sentences (for section/sentence-scope reasoning). */
  mentionsInSentences(sentenceIds: string[]): Promise<Mention[]>;
  /** Sentences by id, in document order. */
  getSentences(sentenceIds: string[]): Promise<Sentence[]>;
  /** All sentences of sections whose id is given (including nested sections). */
  sentencesInSections(sectionIds: string[]): Promise<Sentence[]>;

  subgraph(query: SubgraphQuery): Promise<Subgraph>;
  /** Shortest paths (up to `limit`) between two entities, ignoring direction, at most maxHops. */
  shortestPaths(fromId: string, toId: string, opts?: { maxHops?: number; limit?: number }): Promise<Path[]>;

  /** Lexical search over passages: `tokens` are jieba tokens of the query (store may also use `text`). */
  searchPassages(query: { text: string; tokens: string[] }, k: number): Promise<PassageHit[]>;
  /** Lexical search over entity labels, English labels and aliases. */
  searchEntities(query: { text: string; tokens: string[] }, k: number): Promise<EntityHit[]>;
  /** Nearest passages by cosine similarity of stored embeddings. Empty when none are stored. */
  nearestPassages(vector: Float32Array, k: number): Promise<PassageHit[]>;
  nearestEntities(vector: Float32Array, k: number): Promise<EntityHit[]>;

  /**
   * Everything the store holds of one document, as it was written (entities with their
   * merged state, relations restricted to this document's evidence, embeddings included).
   * Used by `policygraph export` to copy one store into another.
   */
  readDocumentBundle(docId: string): Promise<ExtractedDocument | null>;

  /** Read-only Cypher for analysts (Neo4j only; embedded throws NOT_IMPLEMENTED). */
  cypher?(query: string, params: Record<string, unknown>, opts: { maxRows: number; timeoutMs: number }): Promise<{
    columns: string[];
    rows: unknown[][];
    truncated: boolean;
  }>;
}
