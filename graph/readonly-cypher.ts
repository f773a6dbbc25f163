/**
 * Read-only Cypher for analysts: planned first with EXPLAIN (only queryType 'r' passes), then
 * run in a read transaction (the server refuses writes there too) with a row cap and a timeout.
 */
import neo4j, { type Session } from 'neo4j-driver';
import { PolicygraphError } from '../core/errors.js';
import { explain } from './cypher.js';

export interface CypherResult {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
}

const MAX_QUERY_CHARS = 20_000;

/** Clauses that read outside the graph although the planner calls them reads. */
const FORBIDDEN = [
  { pattern: /\bLOAD\s+CSV\b/i, why: 'LOAD CSV reads files of the server' },
  { pattern: /\bIN\s+(?:\S+\s+CONCURRENT\s+)?TRANSACTIONS\b/i, why: 'CALL { ... } IN TRANSACTIONS is for batched writes' },
];

export async function runReadOnlyCypher(
  session: Session,
  query: string,
  params: Record<string, unknown>,
  opts: { maxRows: number; timeoutMs: number },
): Promise<CypherResult> {
  const text = query.trim().replace(/;\s*$/, '');
  if (!text) throw new PolicygraphError('BAD_INPUT', 'the Cypher query is empty');
  if (text.length > MAX_QUERY_CHARS) throw new PolicygraphError('BAD_INPUT', `the Cypher query is longer than ${MAX_QUERY_CHARS} characters`);
  if (!Number.isInteger(opts.maxRows) || opts.maxRows < 1) throw new PolicygraphError('BAD_INPUT', 'maxRows must be a positive integer');
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs < 1) throw new PolicygraphError('BAD_INPUT', 'timeoutMs must be positive');
  for (const f of FORBIDDEN) {
    if (f.pattern.test(text)) throw new PolicygraphError('CYPHER_REJECTED', `query refused: ${f.why}`);
  }
  const txConfig = { timeout: Math.ceil(opts.timeoutMs) };
  params = integerParams(params) as Record<string, unknown>;
  try {
    const queryType = await session.executeRead(async (tx) => (await tx.run(explain(text), params)).summary.queryType, txConfig);
    if (queryType !== 'r') {
      throw new PolicygraphError('CYPHER_REJECTED', `only read queries are allowed; this one is of type '${queryType}' (write, schema or admin)`);
    }
    return await session.executeRead(async (tx) => {
      const result = tx.run(text, params);
      const columns = await result.keys();
      const rows: unknown[][] = [];
      let truncated = false;
      for await (const record of result) {
        if (rows.length >= opts.maxRows) {
          truncated = true;
          break;
        }
        rows.push(columns.map((c) => plain(record.get(c))));
      }
      return { columns, rows, truncated };
    }, txConfig);
  } catch (e) {
    throw classify(e, opts.timeoutMs);
  }
}

function classify(e: unknown, timeoutMs: number): PolicygraphError {
  if (e instanceof PolicygraphError) return e;
  const code = (e as { code?: string }).code ?? '';
  const message = (e as Error).message ?? String(e);
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.startsWith('Neo.ClientError.Security.Forbidden')) {
    return new PolicygraphError('CYPHER_REJECTED', `query refused by the server: ${message}`, { cause: e });
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new PolicygraphError('BAD_INPUT', `query stopped after the time limit of ${timeoutMs} ms`, { cause: e });
  }
  if (code.startsWith('Neo.ClientError.')) {
    return new PolicygraphError('BAD_INPUT', `invalid Cypher: ${message}`, { cause: e, details: { neo4jCode: code } });
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new PolicygraphError('STORE_UNAVAILABLE', `Neo4j is unavailable: ${message}`, { cause: e });
  }
  return new PolicygraphError('INTERNAL', message, { cause: e });
}

/** JSON numbers arrive as floats; whole ones become Cypher integers so `LIMIT $n` and the like work. */
function integerParams(v: unknown): unknown {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(integerParams);
  if (v && typeof v === 'object' && (v as object).constructor === Object) {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, integerParams(x)]));
  }
  return v;
}

/** Driver values to JSON-friendly ones; embeddings are left out of nodes (kilobytes each). */
export function plain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (neo4j.isNode(v as never)) {
    const n = v as unknown as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return { elementId: n.elementId, labels: n.labels, properties: props(n.properties) };
  }
  if (neo4j.isRelationship(v as never)) {
    const r = v as unknown as { elementId: string; type: string; startNodeElementId: string; endNodeElementId: string; properties: Record<string, unknown> };
    return { elementId: r.elementId, type: r.type, start: r.startNodeElementId, end: r.endNodeElementId, properties: props(r.properties) };
  }
  if (neo4j.isPath(v as never)) {
    const p = v as unknown as { segments: { start: unknown; relationship: unknown; end: unknown }[]; start: unknown };
    return {
      nodes: [p.start, ...p.segments.map((s) => s.end)].map(plain),
      relationships: p.segments.map((s) => plain(s.relationship)),
    };
  }
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // Temporal and spatial values print as Cypher literals.
    if (typeof o.toString === 'function' && o.constructor !== Object) return String(v);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

function props(p: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'embedding').map(([k, x]) => [k, plain(x)]));
}
