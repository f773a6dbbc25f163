/**
 * Multer storage for uploads: keeps each file in memory up to the per-file limit; a larger file is
 * drained (not kept) and marked, so it is refused by name while the rest of its batch is ingested.
 */
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

/** What the engine adds to a Multer file: the bytes, or `oversize` with the size seen. */
export interface BoundedFile {
  buffer: Buffer;
  size: number;
  oversize: boolean;
}

export function boundedMemoryStorage(maxBytes: number): StorageEngine {
  return {
    _handleFile(_req: Request, file: Express.Multer.File, cb: (error?: unknown, info?: Partial<Express.Multer.File> & Partial<BoundedFile>) => void) {
      const chunks: Buffer[] = [];
      let size = 0;
      file.stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk);
        else chunks.length = 0; // over the limit: stop holding it, keep reading so the next file arrives
      });
      file.stream.on('error', (e) => cb(e));
      file.stream.on('end', () => {
        const oversize = size > maxBytes;
        cb(null, { buffer: oversize ? Buffer.alloc(0) : Buffer.concat(chunks), size, oversize });
      });
    },
    _removeFile(_req: Request, file: Express.Multer.File, cb: (error: Error | null) => void) {
      file.buffer = Buffer.alloc(0);
      cb(null);
    },
  };
}
