/**
 * Starts the real policygraph app in-process for the explorer's end-to-end tests: a fresh
 * embedded store in a temp folder, the corpus ingested (lexical, no model), an ephemeral port.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { loadConfig } from '../core/config.js';
import { silentLogger } from '../core/log.js';
import { openStore } from '../graph/open-store.js';
import { ingestPaths } from '../ingest/pipeline.js';
import { startServer } from '../api/server.js';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

export async function startRealApp(opts: { corpus?: string; writable?: boolean } = {}): Promise<RunningApp> {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-ui-e2e-'));
  const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'silent', POLICYGRAPH_ALLOW_UPLOAD: opts.writable ? '1' : '0' };
  const config = loadConfig(env, { dataDir, port: 0, host: '127.0.0.1', noModel: true });
  const store = await openStore(config);
  const report = await ingestPaths([opts.corpus ?? path.join(root, 'corpus')], { store, embedder: null, config });
  if (report.errors.length) throw new Error(`ingest failed: ${JSON.stringify(report.errors)}`);
  const { server } = await startServer(
    { config, store, embedder: null, modelStatus: { available: false, modelId: config.model, reason: 'e2e: lexical' }, log: silentLogger },
    0,
    '127.0.0.1',
  );
  const addr = (server as Server).address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
