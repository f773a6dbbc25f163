/**
 * The explorer's HTTP client: one typed function per /api route it reads. Failures become
 * ApiError with the server's error code so the UI can say what went wrong.
 */
import type {
  AskResponse,
  DocumentResponse,
  DocumentSummary,
  EntityDetail,
  GraphResponse,
  Health,
  MatrixResponse,
  PathsResponse,
  SearchResponse,
} from './api-types.js';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Build `/api/<path>?k=v` leaving out empty parameters. */
export function apiUrl(path: string, params: Record<string, string | number | string[] | undefined> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) qs.set(k, v.join(','));
    } else qs.set(k, String(v));
  }
  const s = qs.toString();
  return `/api/${path}${s ? `?${s}` : ''}`;
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('NETWORK', `cannot reach the server (${(e as Error).message})`, 0);
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(err?.code ?? 'HTTP', err?.message ?? `${res.status} ${res.statusText}`, res.status);
  }
  return body as T;
}

export const api = {
  health: () => getJson<Health>(apiUrl('health')),
  ask: (q: string, k = 8, signal?: AbortSignal) => getJson<AskResponse>(apiUrl('ask', { q, k }), signal),
  search: (q: string, k = 10, signal?: AbortSignal) => getJson<SearchResponse>(apiUrl('search', { q, k }), signal),
  entity: (id: string) => getJson<EntityDetail>(apiUrl(`entities/${encodeURIComponent(id)}`)),
  graph: (p: { focus?: string; depth?: number; limit?: number } = {}) => getJson<GraphResponse>(apiUrl('graph', p)),
  documents: () => getJson<{ documents: DocumentSummary[] }>(apiUrl('documents')),
  document: (id: string) => getJson<DocumentResponse>(apiUrl(`documents/${encodeURIComponent(id)}`)),
  matrix: (rows: string, cols: string, doc?: string) => getJson<MatrixResponse>(apiUrl('matrix', { rows, cols, doc })),
  paths: (from: string, to: string, max = 4) => getJson<PathsResponse>(apiUrl('paths', { from, to, max })),
};
