// Where the Neo4j tests find their server: NEO4J_TEST_URI (+ NEO4J_TEST_USERNAME, NEO4J_TEST_PASSWORD,
// NEO4J_TEST_DATABASE), started by `bash scripts/neo4j.sh start` in .ci/run; absent means skip.
// Test files that use it hold a cross-process lock: they wipe the one database community Neo4j has.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Neo4jConfig } from '../core/config.js';

export const skipReason = 'NEO4J_TEST_URI is not set (start one with NEO4J_PORT=7688 NEO4J_HOME_DIR=$(mktemp -d) bash scripts/neo4j.sh start)';

export function neo4jTestConfig(env: NodeJS.ProcessEnv = process.env): Neo4jConfig | null {
  if (!env.NEO4J_TEST_URI) return null;
  return {
    uri: env.NEO4J_TEST_URI,
    username: env.NEO4J_TEST_USERNAME ?? 'neo4j',
    password: env.NEO4J_TEST_PASSWORD ?? 'policygraph',
    database: env.NEO4J_TEST_DATABASE ?? 'neo4j',
  };
}

/** Hook timeout for lock + schema setup: files wait for each other's whole run. */
export const LOCK_WAIT_MS = 600_000;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Take the lock of one test database (mkdir is atomic); a lock left by a dead process is broken.
 * Returns the release function.
 */
export async function lockTestDatabase(config: Neo4jConfig, waitMs = LOCK_WAIT_MS): Promise<() => void> {
  const key = createHash('sha256').update(`${config.uri}/${config.database}`).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `policygraph-neo4j-test-${key}.lock`);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'pid'), String(process.pid));
      return () => fs.rmSync(dir, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(path.join(dir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (owner && !alive(owner)) fs.rmSync(dir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`test database ${config.uri} stayed locked by pid ${owner} (${dir})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
