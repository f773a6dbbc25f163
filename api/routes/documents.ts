/** Documents: list, read (text + mentions), upload (multipart, token-guarded) and delete. */
import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import path from 'node:path';
import { asPolicygraphError, PolicygraphError } from '../../core/errors.js';
import { ingestBuffer, type IngestReport } from '../../ingest/pipeline.js';
import type { AppDeps } from '../deps.js';
import { boundedMemoryStorage, type BoundedFile } from '../upload-storage.js';
import { id, parse } from '../validate.js';

/** Upload names are plain file names: anything that looks like a path is refused, not silently trimmed. */
export function checkUploadName(name: string): string {
  const bad = !name || name.length > 255 || /[\\/\u0000]/.test(name) || name.split(/[\\/]/).includes('..') || name.startsWith('.');
  if (bad || path.basename(name) !== name) {
    throw new PolicygraphError('BAD_INPUT', 'upload name must be a plain file name (no folders, no "..", no leading dot)', { file: name || '(empty name)' });
  }
  return name;
}

/** One write at a time: uploads queue behind each other. */
function serialise(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => undefined);
    return next;
  };
}

export function documentsRouter(deps: AppDeps, guardWrite: RequestHandler[]): Router {
  const r = Router();
  const upload = multer({
    // A file over maxFileBytes is refused by name and the rest of the batch goes on; only one far
    // over it (4x) aborts the whole request.
    storage: boundedMemoryStorage(deps.config.maxFileBytes),
    limits: { fileSize: 4 * deps.config.maxFileBytes, files: 50, fields: 10, parts: 60 },
    // Names arrive as sent, so checkUploadName refuses "../x.txt" instead of busboy trimming it to "x.txt".
    preservePath: true,
  });
  const queue = serialise();

  r.get('/documents', async (_req, res) => {
    res.json({ documents: await deps.store.listDocuments() });
  });

  r.get('/documents/:id', async (req, res) => {
    const docId = parse(id, req.params.id);
    const detail = await deps.store.getDocument(docId);
    if (!detail) throw new PolicygraphError('NOT_FOUND', `no document ${docId}`);
    const entities = new Map((await deps.store.getEntities([...new Set(detail.mentions.map((m) => m.entityId))])).map((e) => [e.id, e]));
    res.json({
      document: detail.document,
      sections: detail.sections,
      sentences: detail.sentences,
      mentions: detail.mentions.map((m) => ({ ...m, type: entities.get(m.entityId)?.type, label: entities.get(m.entityId)?.label })),
    });
  });

  r.post('/documents', ...guardWrite, (req, res, next) => {
    upload.array('files')(req, res, (err: unknown) => {
      if (err) {
        const e = err as { code?: string; field?: string; filename?: string };
        if (e.code === 'LIMIT_FILE_SIZE') {
          const file = e.filename ? Buffer.from(e.filename, 'latin1').toString('utf8') : undefined;
          return next(new PolicygraphError('FILE_TOO_LARGE', `file is over the limit of ${deps.config.maxFileBytes} bytes`, { file }));
        }
        return next(new PolicygraphError('BAD_INPUT', `upload rejected: ${(err as Error).message}`));
      }
      next();
    });
  }, async (req, res) => {
    const files = (req.files as (Express.Multer.File & BoundedFile)[] | undefined) ?? [];
    if (!files.length) throw new PolicygraphError('BAD_INPUT', 'no files in the upload (multipart field "files")');
    const report: IngestReport = { ingested: [], skipped: [], errors: [] };
    for (const f of files) {
      // multer hands latin1 names; browsers send UTF-8.
      const name = Buffer.from(f.originalname, 'latin1').toString('utf8');
      try {
        checkUploadName(name);
        if (f.oversize) throw new PolicygraphError('FILE_TOO_LARGE', `file is ${f.size} bytes, over the limit of ${deps.config.maxFileBytes}`, { file: name });
        const result = await queue(() => ingestBuffer(name, f.buffer, deps, {}));
        if (result.status === 'ingested') report.ingested.push(result.doc);
        else report.skipped.push({ id: result.id, file: name, reason: result.reason });
      } catch (e) {
        const err = asPolicygraphError(e, 'INTERNAL', name);
        deps.log.warn({ file: name, code: err.code }, err.message);
        report.errors.push({ file: name, code: err.code, message: err.message });
      }
    }
    const status = report.errors.length && !report.ingested.length && !report.skipped.length ? 422 : 200;
    res.status(status).json(report);
  });

  r.delete('/documents/:id', ...guardWrite, async (req, res) => {
    const docId = parse(id, req.params.id);
    const deleted = await queue(() => deps.store.deleteDocument(docId));
    if (!deleted) throw new PolicygraphError('NOT_FOUND', `no document ${docId}`);
    res.json({ deleted: true });
  });
  return r;
}
