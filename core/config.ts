/**
 * Configuration: the only module that reads process.env. Validated once with zod and
 * passed down as a typed object.
 */
import path from 'node:path';
import { z } from 'zod';
import { PolicygraphError } from './errors.js';

const EnvSchema = z.object({
  POLICYGRAPH_DATA: z.string().min(1).default('./data'),
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  POLICYGRAPH_TOKEN: z.string().min(8).optional(),
  POLICYGRAPH_MODELS_DIR: z.string().default('./models'),
  POLICYGRAPH_MODEL: z.string().default('BAAI/bge-small-zh-v1.5'),
  POLICYGRAPH_QUERY_PREFIX: z.string().default('为这个句子生成表示以用于检索相关文章：'),
  POLICYGRAPH_NO_MODEL: z.enum(['0', '1']).default('0'),
  POLICYGRAPH_MAX_FILE_MB: z.coerce.number().positive().default(20),
  POLICYGRAPH_ALLOW_UPLOAD: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface Neo4jConfig {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export interface Config {
  /** Folder of the embedded store. */
  dataDir: string;
  /** Set when NEO4J_URI is set: the Neo4j store is used instead of the embedded one. */
  neo4j?: Neo4jConfig;
  port: number;
  host: string;
  /** Bearer token required for writes (upload, ingest, delete); mandatory when host is not loopback. */
  token?: string;
  modelsDir: string;
  /** Model id laid out under modelsDir as <org>/<name>/ for transformers.js. */
  model: string;
  /** Prefix prepended to retrieval queries (bge recommends one); empty disables. */
  queryPrefix: string;
  /** Force lexical-only mode (no embedding model). */
  noModel: boolean;
  maxFileBytes: number;
  allowUpload: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export type ConfigOverrides = Partial<Pick<Config, 'dataDir' | 'port' | 'host' | 'noModel'>>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new PolicygraphError('CONFIG', `invalid environment: ${problems}`);
  }
  const e = parsed.data;
  return {
    dataDir: path.resolve(overrides.dataDir ?? e.POLICYGRAPH_DATA),
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : undefined,
    port: overrides.port ?? e.PORT,
    host: overrides.host ?? e.HOST,
    token: e.POLICYGRAPH_TOKEN,
    modelsDir: path.resolve(e.POLICYGRAPH_MODELS_DIR),
    model: e.POLICYGRAPH_MODEL,
    queryPrefix: e.POLICYGRAPH_QUERY_PREFIX,
    noModel: overrides.noModel ?? e.POLICYGRAPH_NO_MODEL === '1',
    maxFileBytes: Math.round(e.POLICYGRAPH_MAX_FILE_MB * 1024 * 1024),
    allowUpload: e.POLICYGRAPH_ALLOW_UPLOAD === '1',
    logLevel: e.LOG_LEVEL,
  };
}

export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host.startsWith('127.');
