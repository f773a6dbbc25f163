/**
 * A dedicated, throwaway Neo4j for the benchmark and the fault tests: scripts/neo4j.sh on its own
 * free port, home and run folder, so it never touches a developer's or CI's database.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Neo4jConfig } from '../core/config.js';
import { projectRoot } from '../core/paths.js';

export interface Neo4jInstance {
  config: Neo4jConfig;
  port: number;
  home: string;
  /** Starts (again) on the same port and home; resolves once Bolt answers. */
  start(): Promise<void>;
  /** Stops the server (SIGTERM, then SIGKILL after the script's bound). */
  stop(): Promise<void>;
  /** Stops it and removes its folders. */
  dispose(): Promise<void>;
}

/** Why a dedicated Neo4j cannot be started here, or null when it can (Java on PATH, jars already fetched). */
export function neo4jUnavailableReason(): string | null {
  const jars = path.join(projectRoot(), 'neo4j', 'lib', '.complete');
  if (!existsSync(jars)) return `the Neo4j jars are not fetched (${jars} missing; run \`npm run neo4j\` once)`;
  const javaOnPath = (process.env.PATH ?? '').split(path.delimiter).some((d) => d && existsSync(path.join(d, 'java')));
  if (!javaOnPath) return 'java (17+) is not on PATH';
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function script(action: 'start' | 'stop', env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [path.join(projectRoot(), 'scripts', 'neo4j.sh'), action], { env, timeout: 300_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`scripts/neo4j.sh ${action} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

export async function startDedicatedNeo4j(opts: { heap?: string; pageCacheMb?: number; password?: string } = {}): Promise<Neo4jInstance> {
  const reason = neo4jUnavailableReason();
  if (reason) throw new Error(`cannot start a dedicated Neo4j: ${reason}`);
  const port = await freePort();
  const base = mkdtempSync(path.join(os.tmpdir(), 'pg-neo4j-'));
  const home = path.join(base, 'home');
  const password = opts.password ?? 'policygraph-bench';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_PORT: String(port),
    NEO4J_HOME_DIR: home,
    NEO4J_RUN_DIR: path.join(base, 'run'),
    NEO4J_PASSWORD: password,
    NEO4J_HEAP: opts.heap ?? '768m',
    NEO4J_PAGECACHE_MB: String(opts.pageCacheMb ?? 128),
    NEO4J_HTTP_PORT: '0',
  };
  const instance: Neo4jInstance = {
    config: { uri: `bolt://127.0.0.1:${port}`, username: 'neo4j', password, database: 'neo4j' },
    port,
    home,
    start: async () => void (await script('start', env)),
    stop: async () => void (await script('stop', env)),
    dispose: async () => {
      await script('stop', env).catch(() => undefined);
      rmSync(base, { recursive: true, force: true });
    },
  };
  try {
    await instance.start();
  } catch (e) {
    await instance.dispose();
    throw e;
  }
  return instance;
}
