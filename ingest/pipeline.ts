/**
 * The ingest pipeline: an ordered list of named stages from a file to an ExtractedDocument,
 * then one store transaction per document. The runner times each stage and reports progress.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.js';
import { asPolicygraphError, type ErrorCode } from '../core/errors.js';
import { noProgress, type Progress } from '../core/progress.js';
import type { GraphStore } from '../graph/types.js';
import { embedDocument } from './embed.js';
import type { Embedder } from './embedder.js';
import { extract, prepareExtraction } from './extract.js';
import { formatOf, loadBuffer, loadFile } from './load.js';
import { parseSource } from './parse-source.js';
import { buildPassages } from './passages.js';
import { splitSections } from './split-sections.js';
import { splitSentences } from './split-sentences.js';
import type { ExtractedDocument, SourceFile } from './types.js';

export const STAGES = [
  'load',
  'detect-encoding',
  'split-sections',
  'split-sentences',
  'segment',
  'extract',
  'embed',
  'write',
] as const;
export type StageName = (typeof STAGES)[number];

export interface IngestDeps {
  store: GraphStore;
  embedder: Embedder | null;
  config: Pick<Config, 'maxFileBytes'>;
  progress?: Progress;
}

export interface IngestOptions {
  /** Re-extract even when the stored hash equals the file's. */
  force?: boolean;
}

export interface IngestedDoc {
  id: string;
  file: string;
  sentences: number;
  entities: number;
  relations: number;
  timings: Partial<Record<StageName, number>>;
}

export interface IngestReport {
  ingested: IngestedDoc[];
  skipped: { id: string; file: string; reason: string }[];
  errors: { file: string; code: ErrorCode; message: string }[];
}

/** A document id from a file name: its stem, with anything outside letters, digits, `_.-` replaced. */
export function documentId(fileName: string): string {
  const stem = path.basename(fileName).replace(/\.[^.]+$/, '');
  const id = stem.normalize('NFC').replace(/[^\p{L}\p{N}_.-]+/gu, '_').replace(/^[._]+/, '');
  return id || 'document';
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Files to ingest under the given paths: directories are walked (sorted, hidden entries skipped). */
export async function expandPaths(paths: string[]): Promise<{ files: string[]; skipped: { file: string; reason: string }[] }> {
  const files: string[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const walk = async (p: string, explicit: boolean): Promise<void> => {
    const stat = await fs.stat(p).catch(() => null);
    if (stat?.isDirectory()) {
      const entries = (await fs.readdir(p)).filter((n) => !n.startsWith('.')).sort();
      for (const name of entries) await walk(path.join(p, name), false);
      return;
    }
    if (!explicit) {
      try {
        formatOf(p);
      } catch {
        skipped.push({ file: p, reason: 'unsupported file type' });
        return;
      }
    }
    files.push(p); // explicit files are always tried, so errors name them
  };
  for (const p of paths) await walk(p, true);
  return { files, skipped };
}

/** Runs the stages on one loaded source and returns what the store will write. */
export async function extractDocument(
  source: SourceFile,
  embedder: Embedder | null,
  timings: Partial<Record<StageName, number>> = {},
  onStage: (stage: StageName, detail?: string) => void = () => {},
): Promise<ExtractedDocument> {
  const time = async <T>(stage: StageName, fn: () => T | Promise<T>): Promise<T> => {
    onStage(stage);
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - t0;
    }
  };
  const docId = documentId(source.name);
  await prepareExtraction(); // lexicon, segmenter and dictionary: loaded once per process
  const decoded = await time('detect-encoding', () => parseSource(source));
  const sections = await time('split-sections', () => splitSections(decoded, docId));
  const sentences = await time('split-sentences', () => splitSentences(decoded.text, sections, docId));
  const passages = await time('segment', () => buildPassages(sentences, decoded.text, docId));
  const extracted = await time('extract', () => extract({ docId, text: decoded.text, sections, sentences }));
  const embedded = await time('embed', () =>
    embedDocument({ passages, entities: extracted.entities }, embedder, (done, total) => onStage('embed', `${done}/${total}`)),
  );
  return {
    document: {
      id: docId,
      title: decoded.title,
      source: source.path,
      format: source.format,
      encoding: decoded.encoding,
      hash: sha256(source.bytes),
      text: decoded.text,
      ingestedAt: new Date().toISOString(),
    },
    sections,
    sentences,
    passages: embedded.passages,
    entities: extracted.entities,
    entityEmbeddings: embedded.entityEmbeddings,
    mentions: extracted.mentions,
    relations: extracted.relations,
  };
}

/** Ingests one source unless its content is unchanged; errors propagate (nothing is written then). */
export async function ingestSource(
  source: SourceFile,
  deps: IngestDeps,
  opts: IngestOptions = {},
  onStage?: (stage: StageName, detail?: string) => void,
): Promise<{ status: 'ingested'; doc: IngestedDoc } | { status: 'skipped'; id: string; reason: string }> {
  const id = documentId(source.name);
  const hash = sha256(source.bytes);
  if (!opts.force && (await deps.store.documentHash(id)) === hash) {
    return { status: 'skipped', id, reason: 'unchanged' };
  }
  const timings: Partial<Record<StageName, number>> = {};
  const extracted = await extractDocument(source, deps.embedder, timings, onStage);
  onStage?.('write');
  const t0 = performance.now();
  await deps.store.writeDocument(extracted);
  timings.write = performance.now() - t0;
  return {
    status: 'ingested',
    doc: {
      id,
      file: source.path,
      sentences: extracted.sentences.length,
      entities: extracted.entities.length,
      relations: extracted.relations.length,
      timings,
    },
  };
}

/** Ingests files and directories; a bad file is reported and the rest of the batch goes on. */
export async function ingestPaths(paths: string[], deps: IngestDeps, opts: IngestOptions = {}): Promise<IngestReport> {
  const progress = deps.progress ?? noProgress;
  const { files, skipped: unsupported } = await expandPaths(paths);
  const report: IngestReport = { ingested: [], skipped: unsupported.map((s) => ({ id: documentId(s.file), ...s })), errors: [] };
  for (const [i, file] of files.entries()) {
    progress.update(i, files.length, path.basename(file), 'load');
    try {
      const source = await loadFile(file, { maxBytes: deps.config.maxFileBytes });
      const result = await ingestSource(source, deps, opts, (stage, detail) =>
        progress.update(i, files.length, path.basename(file), detail ? `${stage} ${detail}` : stage),
      );
      if (result.status === 'ingested') report.ingested.push(result.doc);
      else report.skipped.push({ id: result.id, file, reason: result.reason });
    } catch (e) {
      const err = asPolicygraphError(e, 'INTERNAL', file);
      report.errors.push({ file, code: err.code, message: err.message });
    }
  }
  progress.done();
  return report;
}

/** Ingests an uploaded buffer (the API's upload route). */
export async function ingestBuffer(name: string, bytes: Buffer, deps: IngestDeps, opts: IngestOptions = {}) {
  return ingestSource(loadBuffer(name, bytes, { maxBytes: deps.config.maxFileBytes }), deps, opts);
}
