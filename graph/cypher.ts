/**
 * Every Cypher statement of the Neo4j store, in one module. All values travel as parameters;
 * labels and relationship types are only ever taken from the fixed allow-lists ENTITY_TYPES and
 * RELATION_TYPES (validated here), never from extracted text.
 */
import { PolicygraphError } from '../core/errors.js';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../ingest/types.js';

/** Index names used by the store (full-text with the `cjk` analyzer, vector with cosine). */
export const INDEX = {
  passageText: 'policygraph_passage_text',
  entityText: 'policygraph_entity_text',
  passageVector: 'policygraph_passage_embedding',
  entityVector: 'policygraph_entity_embedding',
} as const;

/** `A|B|C` of all allow-listed relation types, for patterns over semantic relations only. */
const ANY_RELATION = RELATION_TYPES.join('|');

function entityLabel(type: string): EntityType {
  if (!(ENTITY_TYPES as readonly string[]).includes(type)) {
    throw new PolicygraphError('BAD_INPUT', `entity type "${type}" is not one of ${ENTITY_TYPES.join(', ')}`);
  }
  return type as EntityType;
}

function relationType(type: string): RelationType {
  if (!(RELATION_TYPES as readonly string[]).includes(type)) {
    throw new PolicygraphError('BAD_INPUT', `relation type "${type}" is not one of ${RELATION_TYPES.join(', ')}`);
  }
  return type as RelationType;
}

/** Idempotent schema: uniqueness constraints on ids, lookup indexes, full-text and vector indexes. */
export function schemaStatements(dimension: number): string[] {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 4096) {
    throw new PolicygraphError('CONFIG', `vector dimension must be an integer in 1..4096, got ${dimension}`);
  }
  const unique = (label: string) =>
    `CREATE CONSTRAINT policygraph_${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`;
  const byDoc = (label: string) =>
    `CREATE INDEX policygraph_${label.toLowerCase()}_doc IF NOT EXISTS FOR (n:${label}) ON (n.docId)`;
  const vector = (name: string, label: string) =>
    `CREATE VECTOR INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON n.embedding
     OPTIONS {indexConfig: {\`vector.dimensions\`: ${dimension}, \`vector.similarity_function\`: 'cosine'}}`;
  return [
    ...['Document', 'Section', 'Sentence', 'Passage', 'Entity'].map(unique),
    ...['Section', 'Sentence', 'Passage'].map(byDoc),
    ...RELATION_TYPES.map(
      (t) => `CREATE CONSTRAINT policygraph_rel_${t.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${t}]-() REQUIRE r.id IS UNIQUE`,
    ),
    `CREATE FULLTEXT INDEX ${INDEX.passageText} IF NOT EXISTS FOR (n:Passage) ON EACH [n.text]
     OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk'}}`,
    `CREATE FULLTEXT INDEX ${INDEX.entityText} IF NOT EXISTS FOR (n:Entity) ON EACH [n.label, n.labelEn, n.aliasText]
     OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk'}}`,
    vector(INDEX.passageVector, 'Passage'),
    vector(INDEX.entityVector, 'Entity'),
  ];
}

export const AWAIT_INDEXES = 'CALL db.awaitIndexes(300)';

export const VECTOR_INDEX_DIMENSIONS = `
SHOW VECTOR INDEXES YIELD name, options
WHERE name IN $names
RETURN name, options.indexConfig['vector.dimensions'] AS dimensions`;

export const DOCUMENT_HASH = 'MATCH (d:Document {id: $id}) RETURN d.hash AS hash';

export const DOCUMENT_EXISTS = 'MATCH (d:Document {id: $id}) RETURN count(d) AS n';

// ---------------------------------------------------------------- removal of one document

/**
 * Drop the document's evidence from relations; relations left without evidence go. The document
 * node lists the sources of the relations it wrote, so this starts from the entity id index
 * instead of scanning every relationship.
 */
export const REMOVE_DOC_EVIDENCE = `
MATCH (d:Document {id: $docId})
UNWIND d.relationSources AS sid
MATCH (:Entity {id: sid})-[r:${ANY_RELATION}]->(:Entity)
WHERE $docId IN r.docs
WITH DISTINCT r
WITH r, [i IN range(0, size(r.docs) - 1) WHERE r.docs[i] <> $docId] AS keep
CALL (r, keep) {
  WITH r, keep WHERE size(keep) = 0
  DELETE r
}
CALL (r, keep) {
  WITH r, keep WHERE size(keep) > 0
  SET r.docs = [i IN keep | r.docs[i]],
      r.sentenceIds = [i IN keep | r.sentenceIds[i]],
      r.sections = [i IN keep | r.sections[i]],
      r.texts = [i IN keep | r.texts[i]],
      r.starts = [i IN keep | r.starts[i]],
      r.ends = [i IN keep | r.ends[i]],
      r.confidences = [i IN keep | r.confidences[i]]
  SET r.confidence = reduce(m = 0.0, c IN r.confidences | CASE WHEN c > m THEN c ELSE m END)
}
RETURN count(r) AS n`;

/** Sentences (with their MENTIONS), sections, passages and the document node itself; one label each so the docId indexes serve. */
export const REMOVE_DOC_NODES = [
  'MATCH (n:Sentence) WHERE n.docId = $docId DETACH DELETE n',
  'MATCH (n:Section) WHERE n.docId = $docId DETACH DELETE n',
  'MATCH (n:Passage) WHERE n.docId = $docId DETACH DELETE n',
  'MATCH (d:Document {id: $docId}) DETACH DELETE d',
];

/** Entities no longer mentioned anywhere and not an endpoint of any relation. */
export const COLLECT_ORPHAN_ENTITIES = `
MATCH (e:Entity)
WHERE NOT EXISTS { (e)<-[:MENTIONS]-() } AND NOT EXISTS { (e)-[:${ANY_RELATION}]-() }
DETACH DELETE e
RETURN count(e) AS n`;

// ---------------------------------------------------------------- writes (UNWIND batches)

export const CREATE_DOCUMENT = `
CREATE (d:Document {id: $doc.id, title: $doc.title, source: $doc.source, format: $doc.format,
  encoding: $doc.encoding, hash: $doc.hash, text: $doc.text, ingestedAt: $doc.ingestedAt,
  relationSources: $relationSources})`;

export const CREATE_SECTIONS = `
MATCH (d:Document {id: $docId})
UNWIND $rows AS row
CREATE (s:Section {id: row.id, docId: $docId, heading: row.heading, marker: row.marker,
  level: toInteger(row.level), path: row.path, start: toInteger(row.start), end: toInteger(row.end),
  headingStart: toInteger(row.headingStart), headingEnd: toInteger(row.headingEnd), parentId: row.parentId})
CREATE (d)-[:HAS_SECTION]->(s)
RETURN count(s) AS n`;

export const CREATE_SENTENCES = `
UNWIND $rows AS row
MATCH (sec:Section {id: row.sectionId})
WHERE sec.docId = $docId
CREATE (s:Sentence {id: row.id, docId: $docId, index: toInteger(row.index), sectionId: row.sectionId,
  sectionPath: row.sectionPath, start: toInteger(row.start), end: toInteger(row.end), text: row.text,
  isHeading: row.isHeading})
CREATE (sec)-[:HAS_SENTENCE]->(s)
RETURN count(s) AS n`;

export const CREATE_PASSAGES = `
MATCH (d:Document {id: $docId})
UNWIND $rows AS row
CREATE (p:Passage {id: row.id, docId: $docId, seq: toInteger(row.seq), kind: row.kind, sentenceIds: row.sentenceIds,
  sectionPath: row.sectionPath, start: toInteger(row.start), end: toInteger(row.end), text: row.text,
  tokens: row.tokens, embedding: row.embedding})
CREATE (d)-[:HAS_PASSAGE]->(p)
RETURN count(p) AS n`;

const mergeEntitiesCache = new Map<EntityType, string>();
/**
 * Merge entities of one type: a new entity takes everything; an existing one keeps its
 * label/labelEn/parentId, unions aliases and takes a new embedding when one is given.
 */
export function mergeEntities(type: string): string {
  const label = entityLabel(type);
  let q = mergeEntitiesCache.get(label);
  if (!q) {
    q = `
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e:${label}, e.type = row.type, e.label = row.label, e.labelEn = row.labelEn, e.aliases = [],
  e.parentId = row.parentId
SET e.aliases = e.aliases + [a IN row.aliases WHERE NOT a IN e.aliases],
    e.parentId = coalesce(e.parentId, row.parentId),
    e.embedding = coalesce(row.embedding, e.embedding)
SET e.aliasText = reduce(s = '', a IN e.aliases | s + ' ' + a)
RETURN count(e) AS n`;
    mergeEntitiesCache.set(label, q);
  }
  return q;
}

export const CREATE_MENTIONS = `
UNWIND $rows AS row
MATCH (s:Sentence {id: row.sentenceId})
WHERE s.docId = $docId
MATCH (e:Entity {id: row.entityId})
CREATE (s)-[:MENTIONS {docId: $docId, start: toInteger(row.start), end: toInteger(row.end), text: row.text}]->(e)
RETURN count(*) AS n`;

const mergeRelationsCache = new Map<RelationType, string>();
/**
 * Merge relations of one type, one relationship per relation id, evidence held as parallel
 * lists (docs, sentenceIds, sections, texts, starts, ends, confidences) deduplicated by
 * doc+start+end; confidence is the max over the evidence kept.
 */
export function mergeRelations(type: string): string {
  const t = relationType(type);
  let q = mergeRelationsCache.get(t);
  if (!q) {
    q = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:${t} {id: row.id}]->(b)
ON CREATE SET r.type = row.type, r.docs = [], r.sentenceIds = [], r.sections = [], r.texts = [],
  r.starts = [], r.ends = [], r.confidences = []
WITH r, row, [k IN range(0, size(row.docs) - 1)
  WHERE NOT any(j IN range(0, size(r.docs) - 1)
    WHERE r.docs[j] = row.docs[k] AND r.starts[j] = row.starts[k] AND r.ends[j] = row.ends[k])] AS fresh
SET r.docs = r.docs + [k IN fresh | row.docs[k]],
    r.sentenceIds = r.sentenceIds + [k IN fresh | row.sentenceIds[k]],
    r.sections = r.sections + [k IN fresh | row.sections[k]],
    r.texts = r.texts + [k IN fresh | row.texts[k]],
    r.starts = r.starts + [k IN fresh | toInteger(row.starts[k])],
    r.ends = r.ends + [k IN fresh | toInteger(row.ends[k])],
    r.confidences = r.confidences + [k IN fresh | row.confidence]
SET r.confidence = reduce(m = 0.0, c IN r.confidences | CASE WHEN c > m THEN c ELSE m END)
RETURN count(r) AS n`;
    mergeRelationsCache.set(t, q);
  }
  return q;
}

// ---------------------------------------------------------------- reads

export const COUNTS = `
CALL () { MATCH (n:Document) RETURN count(n) AS documents }
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (:Entity)-[r:${ANY_RELATION}]->(:Entity) RETURN count(r) AS relations }
CALL () { MATCH (n:Sentence) RETURN count(n) AS sentences }
CALL () { MATCH (n:Passage) RETURN count(n) AS passages }
RETURN documents, entities, relations, sentences, passages`;

export const LIST_DOCUMENTS = `
MATCH (d:Document)
CALL (d) { MATCH (s:Sentence) WHERE s.docId = d.id RETURN count(s) AS sentences }
RETURN d.id AS id, d.title AS title, d.source AS source, d.format AS format, d.hash AS hash,
  d.ingestedAt AS ingestedAt, size(d.text) AS chars, sentences
ORDER BY id`;

export const GET_DOCUMENT = 'MATCH (d:Document {id: $docId}) RETURN d {.*} AS d';

export const DOCUMENT_SECTIONS = `
MATCH (s:Section) WHERE s.docId = $docId
RETURN s {.*} AS s ORDER BY s.start, s.level`;

export const DOCUMENT_SENTENCES = `
MATCH (s:Sentence) WHERE s.docId = $docId
RETURN s {.*} AS s ORDER BY s.index`;

export const DOCUMENT_MENTIONS = `
MATCH (s:Sentence)-[m:MENTIONS]->(e:Entity) WHERE s.docId = $docId
RETURN e.id AS entityId, m.docId AS docId, s.id AS sentenceId, m.start AS start, m.end AS end, m.text AS text
ORDER BY start, end, entityId`;

export const DOCUMENT_PASSAGES = `
MATCH (p:Passage) WHERE p.docId = $docId
RETURN p {.*} AS p ORDER BY p.seq`;

/** Entities this document mentions, plus endpoints of relations with evidence in it. */
export const DOCUMENT_ENTITIES = `
CALL () {
  MATCH (s:Sentence)-[:MENTIONS]->(e:Entity) WHERE s.docId = $docId RETURN e
  UNION
  MATCH (e:Entity)-[r:${ANY_RELATION}]-(:Entity) WHERE $docId IN r.docs RETURN e
}
RETURN e {.*} AS e ORDER BY e.id`;

const ENTITY_STATS = `
CALL (e) {
  OPTIONAL MATCH (s:Sentence)-[m:MENTIONS]->(e)
  RETURN count(m) AS mentionCount, [d IN collect(DISTINCT m.docId) WHERE d IS NOT NULL] AS docIds
}
RETURN e {.*, embedding: null} AS e, mentionCount, docIds`;

export const LIST_ENTITIES = `
MATCH (e:Entity)
WHERE ($type IS NULL OR e.type = $type)
  AND ($docIds IS NULL OR EXISTS { MATCH (s:Sentence)-[:MENTIONS]->(e) WHERE s.docId IN $docIds })
${ENTITY_STATS}
ORDER BY e.type, e.label`;

export const ENTITIES_WITH_STATS_BY_ID = `
MATCH (e:Entity) WHERE e.id IN $ids
${ENTITY_STATS}`;

export const GET_ENTITIES = 'MATCH (e:Entity) WHERE e.id IN $ids RETURN e {.*, embedding: null} AS e';

/** Sentences that mention an entity, as evidence. */
export const ENTITY_EVIDENCE = `
MATCH (s:Sentence)-[:MENTIONS]->(:Entity {id: $id})
WITH DISTINCT s
RETURN s.docId AS doc, s.sectionPath AS section, s.id AS sentenceId, s.text AS text, s.start AS start, s.end AS end
ORDER BY doc, start`;

const RELATION_FILTER = `
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($sourceType IS NULL OR a.type = $sourceType)
  AND ($targetType IS NULL OR b.type = $targetType)
  AND ($docIds IS NULL OR any(d IN r.docs WHERE d IN $docIds))
  AND ($ids IS NULL OR r.id IN $ids)
WITH r, a, b, [i IN range(0, size(r.docs) - 1) WHERE $docIds IS NULL OR r.docs[i] IN $docIds] AS keep
RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r.confidence AS confidence,
  [i IN keep | {doc: r.docs[i], section: r.sections[i], sentenceId: r.sentenceIds[i], text: r.texts[i],
    start: r.starts[i], end: r.ends[i], confidence: r.confidences[i]}] AS evidence
ORDER BY id`;

/**
 * Relations with their evidence, filtered; evidence optionally restricted to some documents.
 * With `involving`, the match starts from those entities (id index) instead of every relationship.
 */
export function findRelations(byInvolving: boolean): string {
  return byInvolving
    ? `
UNWIND $involving AS eid
MATCH (:Entity {id: eid})-[r:${ANY_RELATION}]-(:Entity)
WITH DISTINCT r
MATCH (a:Entity)-[r]->(b:Entity)
${RELATION_FILTER}`
    : `
MATCH (a:Entity)-[r:${ANY_RELATION}]->(b:Entity)
${RELATION_FILTER}`;
}

export const MENTIONS_IN_SENTENCES = `
MATCH (s:Sentence)-[m:MENTIONS]->(e:Entity) WHERE s.id IN $ids
RETURN e.id AS entityId, m.docId AS docId, s.id AS sentenceId, m.start AS start, m.end AS end, m.text AS text
ORDER BY docId, start, end, entityId`;

export const GET_SENTENCES = `
MATCH (s:Sentence) WHERE s.id IN $ids
RETURN s {.*} AS s ORDER BY s.docId, s.index`;

export const SENTENCES_IN_SECTIONS = `
MATCH (sec:Section) WHERE sec.id IN $ids
MATCH (s:Sentence) WHERE s.docId = sec.docId AND s.start >= sec.start AND s.end <= sec.end
WITH DISTINCT s
RETURN s {.*} AS s ORDER BY s.docId, s.index`;

/** Relations within `depth` hops of a focus entity (ignoring direction), for subgraph BFS. */
export function neighbourhoodRelationIds(depth: number): string {
  const d = boundedInt(depth, 1, 6, 'depth');
  return `
MATCH (f:Entity {id: $focus})
OPTIONAL MATCH p = (f)-[:${ANY_RELATION}*1..${d}]-(:Entity)
UNWIND (CASE WHEN p IS NULL THEN [] ELSE relationships(p) END) AS r
RETURN collect(DISTINCT r.id) AS ids`;
}

/** All shortest paths between two entities, ignoring direction, over semantic relations only. */
export function shortestPaths(maxHops: number): string {
  const h = boundedInt(maxHops, 1, 15, 'maxHops');
  return `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:${ANY_RELATION}*..${h}]-(b))
RETURN [n IN nodes(p) | n.id] AS nodeIds
LIMIT $cap`;
}

/** Relation ids directly connecting consecutive pairs (either direction). */
export const RELATIONS_BETWEEN = `
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair[0]})-[r:${ANY_RELATION}]-(b:Entity {id: pair[1]})
RETURN pair[0] AS a, pair[1] AS b, collect(r.id) AS ids`;

export const SEARCH_PASSAGES = `
CALL db.index.fulltext.queryNodes('${INDEX.passageText}', $query, {limit: $k}) YIELD node, score
RETURN node {.*, embedding: null} AS p, score
ORDER BY score DESC, p.docId, p.start
LIMIT $k`;

export const SEARCH_ENTITIES = `
CALL db.index.fulltext.queryNodes('${INDEX.entityText}', $query, {limit: $k}) YIELD node, score
RETURN node {.*, embedding: null} AS e, score
ORDER BY score DESC, e.id
LIMIT $k`;

/** Vector search; the index's cosine score is (1 + cos) / 2, turned back into cos. */
export const NEAREST_PASSAGES = `
CALL db.index.vector.queryNodes('${INDEX.passageVector}', $k, $vector) YIELD node, score
RETURN node {.*, embedding: null} AS p, 2 * score - 1 AS score
ORDER BY score DESC, p.id`;

export const NEAREST_ENTITIES = `
CALL db.index.vector.queryNodes('${INDEX.entityVector}', $k, $vector) YIELD node, score
RETURN node {.*, embedding: null} AS e, 2 * score - 1 AS score
ORDER BY score DESC, e.id`;

/** Prefix that plans a query without running it; its summary tells whether it would write. */
export const explain = (query: string): string => `EXPLAIN ${query}`;

/** Wipe everything (tests only). */
export const DELETE_ALL = `
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`;

function boundedInt(n: number, min: number, max: number, what: string): number {
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new PolicygraphError('BAD_INPUT', `${what} must be an integer in ${min}..${max}, got ${n}`);
  }
  return n;
}
