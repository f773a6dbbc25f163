/**
 * Types of the ingest pipeline: what each stage reads and writes, and the
 * ExtractedDocument that a GraphStore persists in one transaction.
 * All offsets are UTF-16 code-unit offsets into `DecodedDocument.text` (the normalised
 * text), so `text.slice(start, end)` is the quoted span; JS strings index the same way.
 */

export const ENTITY_TYPES = ['Actor', 'Mode', 'Mechanism', 'Requirement', 'Recommendation', 'Driver'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Typed, directed relations. Labels/types in Neo4j come only from this allow-list. */
export const RELATION_TYPES = [
  'LED_BY', // Mode -> Actor: who leads/dominates the mode
  'PARTICIPATES_IN', // Actor -> Mode: who takes part
  'USES', // Mode -> Mechanism
  'DRIVEN_BY', // Mode -> Driver
  'HAS_DECISION_BODY', // Mode|Actor -> Actor (e.g. 新型研发机构 -> 理事会)
  'PROVIDES', // Actor -> (Mechanism|Driver|...) what an actor supplies within a mode (scoped by evidence)
  'ADDRESSES', // Requirement|Recommendation -> any
  'SUBTYPE_OF', // X -> X (中央政府主导 is a kind of 政府主导)
  'PART_OF', // X -> X (a mechanism belongs to a broader one, an actor to a body)
  'RELATED_TO', // weak co-occurrence link in one sentence, low confidence
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const FORMATS = ['txt', 'md', 'html', 'docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

/** Stage `load`: a file read from disk (or an upload), validated for size and extension. */
export interface SourceFile {
  /** Path as given by the user (used in every error message). */
  path: string;
  /** Base name, e.g. `000_b86ad707c747c04c.txt`. */
  name: string;
  format: Format;
  bytes: Buffer;
}

/** A heading the source format marked explicitly (md `#`, html h1-h6/strong line, docx heading/bold paragraph). */
export interface HeadingHint {
  start: number;
  end: number;
  level: number;
}

/** Stages `detect-encoding` + format parsing: normalised text of one document. */
export interface DecodedDocument {
  source: SourceFile;
  /** e.g. `utf-8`, `utf-8-bom`, `utf-16le`, `gb18030`, or `binary:docx` / `binary:pdf`. */
  encoding: string;
  /**
   * Normalised text: NFC, `\r\n` -> `\n`, no BOM, paragraphs separated by `\n`,
   * blank-line runs kept as in the source. Offsets everywhere refer to this string.
   */
  text: string;
  headingHints: HeadingHint[];
  /** First heading or first non-empty line. */
  title: string;
}

export interface Section {
  /** `${docId}#s${index}` */
  id: string;
  docId: string;
  /** Heading line text without its numbering marker, e.g. `企业主导多方参与的产学研合作`. */
  heading: string;
  /** Numbering marker as written: `一、`, `（一）`, `1.`, `①`, '' for the root. */
  marker: string;
  level: number;
  /** Headings from the top down, e.g. [`企业参与产学研协同创新的三种模式`, `企业主导多方参与的产学研合作`]. */
  path: string[];
  /** Span of the whole section (heading + body) in the normalised text. */
  start: number;
  end: number;
  /** Span of the heading line itself; for the root: the title line when the document opens with one, else empty. */
  headingStart: number;
  headingEnd: number;
  parentId?: string;
}

export interface Sentence {
  /** `${docId}#${index}` */
  id: string;
  docId: string;
  index: number;
  sectionId: string;
  /** Section path joined with ' > '. */
  sectionPath: string;
  start: number;
  end: number;
  text: string;
  /** True when the sentence is a heading line. */
  isHeading: boolean;
}

export interface Token {
  text: string;
  /** Offsets relative to the sentence's start. */
  start: number;
  end: number;
}

export interface Mention {
  entityId: string;
  docId: string;
  sentenceId: string;
  start: number;
  end: number;
  /** Surface form exactly as in the text: text.slice(start, end). */
  text: string;
}

export interface Entity {
  /** Stable across documents: `${type}:${canonical label}`. */
  id: string;
  type: EntityType;
  /** Canonical Chinese label. */
  label: string;
  /** English label (glossary, then dictionary, then pinyin-free fallback). */
  labelEn: string;
  /** Other surface forms and abbreviations merged into this entity (reversible: each is a real surface form). */
  aliases: string[];
  /** Parent entity id when this is a subtype (中央政府主导 -> 政府主导). */
  parentId?: string;
}

export interface Evidence {
  doc: string;
  /** Section path joined with ' > '. */
  section: string;
  sentenceId: string;
  /** Exactly document.text.slice(start, end). */
  text: string;
  start: number;
  end: number;
}

export interface Relation {
  /** `${type}:${source}->${target}` — one relation per triple across documents. */
  id: string;
  type: RelationType;
  source: string;
  target: string;
  confidence: number;
  evidence: Evidence[];
}

/** A retrievable span (a sentence, or a window of adjacent sentences) and its embedding. */
export interface Passage {
  /** `${docId}#p${index}` */
  id: string;
  docId: string;
  kind: 'sentence' | 'window';
  sentenceIds: string[];
  sectionPath: string;
  start: number;
  end: number;
  text: string;
  /** Jieba tokens joined by spaces (for lexical indexes). */
  tokens: string;
  embedding?: Float32Array;
}

export interface DocumentRecord {
  id: string;
  title: string;
  /** Original path or upload name. */
  source: string;
  format: Format;
  encoding: string;
  /** sha256 of the source bytes: unchanged content is skipped on re-ingest. */
  hash: string;
  text: string;
  ingestedAt: string;
}

/** Everything one document contributes; written by GraphStore.writeDocument in one transaction. */
export interface ExtractedDocument {
  document: DocumentRecord;
  sections: Section[];
  sentences: Sentence[];
  passages: Passage[];
  /** Entities mentioned by this document (merged with same-id entities already stored). */
  entities: Entity[];
  /** Embeddings of entities, keyed by entity id (label + aliases + English label). */
  entityEmbeddings?: Record<string, Float32Array>;
  mentions: Mention[];
  /** Relations whose evidence lies in this document. */
  relations: Relation[];
}
