// Test helper: a fresh embedded store with the founding document ingested through the real pipeline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/config.js';
import { EmbeddedStore } from '../../graph/embedded-store.js';
import type { Embedder } from '../../ingest/embedder.js';
import { ingestPaths, type IngestReport } from '../../ingest/pipeline.js';

export const CORPUS = path.resolve('corpus');
export const FOUNDING = path.join(CORPUS, '000_b86ad707c747c04c.txt');

export function tempDir(prefix = 'pg-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function corpusStore(opts: { embedder?: Embedder | null; paths?: string[] } = {}): Promise<{
  store: EmbeddedStore;
  dir: string;
  report: IngestReport;
}> {
  const dir = tempDir();
  const store = new EmbeddedStore(dir);
  await store.init();
  const config = loadConfig({}, { dataDir: dir });
  const report = await ingestPaths(opts.paths ?? [CORPUS], { store, embedder: opts.embedder ?? null, config });
  return { store, dir, report };
}
