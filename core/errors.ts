/**
 * The one error family of policygraph. Every failure a user can cause or see is a
 * PolicygraphError with a stable `code`; the API maps codes to HTTP statuses in one place.
 */
export type ErrorCode =
  | 'BAD_INPUT' // a request or argument is malformed
  | 'UNSUPPORTED_FORMAT' // file extension / type we cannot read
  | 'EMPTY_FILE'
  | 'FILE_TOO_LARGE'
  | 'CORRUPT_FILE' // truncated docx/pdf, binary where text expected, malformed beyond repair
  | 'ENCODING' // undecodable or mixed encoding
  | 'NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED' // too many requests from one client
  | 'CYPHER_REJECTED' // write or procedure attempted through the read-only Cypher endpoint
  | 'NOT_IMPLEMENTED' // e.g. Cypher on the embedded store
  | 'STORE_UNAVAILABLE' // Neo4j down, database locked
  | 'MODEL_UNAVAILABLE'
  | 'CONFIG'
  | 'INTERNAL';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNSUPPORTED_FORMAT: 415,
  EMPTY_FILE: 422,
  FILE_TOO_LARGE: 413,
  CORRUPT_FILE: 422,
  ENCODING: 422,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  CYPHER_REJECTED: 400,
  NOT_IMPLEMENTED: 501,
  STORE_UNAVAILABLE: 503,
  MODEL_UNAVAILABLE: 503,
  CONFIG: 500,
  INTERNAL: 500,
};

export class PolicygraphError extends Error {
  readonly code: ErrorCode;
  /** The file the problem is about, when there is one: always named in the message too. */
  readonly file?: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, opts: { file?: string; details?: unknown; cause?: unknown } = {}) {
    super(opts.file && !message.includes(opts.file) ? `${opts.file}: ${message}` : message, { cause: opts.cause });
    this.name = 'PolicygraphError';
    this.code = code;
    this.file = opts.file;
    this.details = opts.details;
  }

  toJSON(): { code: ErrorCode; message: string; file?: string; details?: unknown } {
    return { code: this.code, message: this.message, file: this.file, details: this.details };
  }
}

export const isPolicygraphError = (e: unknown): e is PolicygraphError => e instanceof PolicygraphError;

/** Wrap anything thrown into a PolicygraphError, keeping the original as `cause`. */
export function asPolicygraphError(e: unknown, fallback: ErrorCode = 'INTERNAL', file?: string): PolicygraphError {
  if (e instanceof PolicygraphError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new PolicygraphError(fallback, message, { file, cause: e });
}
