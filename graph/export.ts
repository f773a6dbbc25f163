/**
 * Copies one GraphStore into another, document by document (`policygraph export --to neo4j`):
 * each document's bundle is read from the source and written to the target in one transaction.
 */
import { asPolicygraphError } from '../core/errors.js';
import type { GraphStore } from './types.js';

export interface ExportResult {
  /** Documents written to the target. */
  exported: string[];
  /** Documents the target already held with the same content hash. */
  unchanged: string[];
  failed: { id: string; code: string; message: string }[];
}

/**
 * Export every document of `from` into `to`. Idempotent: a document whose hash the target
 * already holds is skipped, and writeDocument replaces an older copy. A failing document is
 * reported and the others still go (each is its own transaction, so nothing half-written stays).
 */
export async function exportStore(
  from: GraphStore,
  to: GraphStore,
  onProgress?: (done: number, total: number, docId: string) => void,
): Promise<ExportResult> {
  const docs = await from.listDocuments();
  const result: ExportResult = { exported: [], unchanged: [], failed: [] };
  for (const [i, summary] of docs.entries()) {
    try {
      if ((await to.documentHash(summary.id)) === summary.hash) {
        result.unchanged.push(summary.id);
      } else {
        const bundle = await from.readDocumentBundle(summary.id);
        // Deleted from the source while exporting: nothing to copy.
        if (bundle) {
          await to.writeDocument(bundle);
          result.exported.push(summary.id);
        }
      }
    } catch (e) {
      const err = asPolicygraphError(e);
      result.failed.push({ id: summary.id, code: err.code, message: err.message });
    }
    onProgress?.(i + 1, docs.length, summary.id);
  }
  return result;
}
