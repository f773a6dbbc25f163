/** Schema of the embedded store; idempotent (CREATE ... IF NOT EXISTS). */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '${SCHEMA_VERSION}');

CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT NULL, format TEXT NOT NULL,
  encoding TEXT NOT NULL, hash TEXT NOT NULL, text TEXT NOT NULL, ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sections (
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, heading TEXT NOT NULL, marker TEXT NOT NULL, level INTEGER NOT NULL,
  path TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, heading_start INTEGER NOT NULL,
  heading_end INTEGER NOT NULL, parent_id TEXT
);
CREATE INDEX IF NOT EXISTS sections_doc ON sections(doc_id);
CREATE TABLE IF NOT EXISTS sentences (
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, idx INTEGER NOT NULL, section_id TEXT NOT NULL,
  section_path TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, is_heading INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sentences_doc ON sentences(doc_id, idx);
CREATE TABLE IF NOT EXISTS passages (
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, kind TEXT NOT NULL, sentence_ids TEXT NOT NULL, section_path TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, tokens TEXT NOT NULL, embedding BLOB
);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(tokens, passage_id UNINDEXED, tokenize = 'unicode61');

CREATE TABLE IF NOT EXISTS entities (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, label TEXT NOT NULL, label_en TEXT NOT NULL,
  aliases TEXT NOT NULL, parent_id TEXT, embedding BLOB
);
CREATE INDEX IF NOT EXISTS entities_type ON entities(type);
CREATE VIRTUAL TABLE IF NOT EXISTS entities_fts USING fts5(tokens, entity_id UNINDEXED, tokenize = 'unicode61');

CREATE TABLE IF NOT EXISTS mentions (
  entity_id TEXT NOT NULL, doc_id TEXT NOT NULL, sentence_id TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (doc_id, start, end, entity_id)
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS mentions_sentence ON mentions(sentence_id);

CREATE TABLE IF NOT EXISTS relations (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, confidence REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS relations_source ON relations(source);
CREATE INDEX IF NOT EXISTS relations_target ON relations(target);
CREATE TABLE IF NOT EXISTS evidence (
  relation_id TEXT NOT NULL, doc_id TEXT NOT NULL, section TEXT NOT NULL, sentence_id TEXT NOT NULL,
  text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, confidence REAL NOT NULL,
  PRIMARY KEY (relation_id, doc_id, start, end)
);
CREATE INDEX IF NOT EXISTS evidence_doc ON evidence(doc_id);
`;
