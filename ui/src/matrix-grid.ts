/**
 * Turns an /api/matrix answer into a rendered grid: rows x cols counts, the maximum for the
 * colour scale, and optionally without rows/columns that are all zero. Pure.
 */
import type { EvidenceLike, MatrixResponse } from './api-types.js';

export interface GridCell {
  row: string;
  col: string;
  count: number;
  evidence: EvidenceLike[];
}

export interface Grid {
  rows: MatrixResponse['rows'];
  cols: MatrixResponse['cols'];
  /** cells[i][j] for rows[i] x cols[j]. */
  cells: GridCell[][];
  max: number;
  total: number;
}

export function buildGrid(m: MatrixResponse, opts: { dropEmpty?: boolean } = {}): Grid {
  const byKey = new Map<string, MatrixResponse['cells'][number]>();
  for (const c of m.cells) byKey.set(`${c.row}\u0000${c.col}`, c);
  const cellAt = (row: string, col: string): GridCell => {
    const c = byKey.get(`${row}\u0000${col}`);
    return { row, col, count: c?.count ?? 0, evidence: c?.evidence ?? [] };
  };
  let rows = m.rows;
  let cols = m.cols;
  if (opts.dropEmpty) {
    rows = rows.filter((r) => cols.some((c) => cellAt(r.id, c.id).count > 0));
    cols = cols.filter((c) => rows.some((r) => cellAt(r.id, c.id).count > 0));
  }
  const cells = rows.map((r) => cols.map((c) => cellAt(r.id, c.id)));
  let max = 0;
  let total = 0;
  for (const line of cells)
    for (const c of line) {
      max = Math.max(max, c.count);
      total += c.count;
    }
  return { rows, cols, cells, max, total };
}

/** Background shade for a count: 0 -> transparent, max -> full accent (alpha 0.12..0.85). */
export function cellAlpha(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.round((0.12 + 0.73 * Math.sqrt(count / max)) * 100) / 100;
}
