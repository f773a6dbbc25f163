// Where the Neo4j tests find their server: NEO4J_TEST_URI (+ NEO4J_TEST_USERNAME, NEO4J_TEST_PASSWORD,
// NEO4J_TEST_DATABASE), started by `bash scripts/neo4j.sh start` in .ci/run; absent means skip.
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
