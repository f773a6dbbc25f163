/** Stage `load`: read a file (or an upload buffer), check size, emptiness and extension. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PolicygraphError } from '../core/errors.js';
import { FORMATS, type Format, type SourceFile } from './types.js';

export interface LoadOptions {
  maxBytes: number;
}

const EXTENSIONS: Record<string, Format> = {
  '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md',
  '.html': 'html', '.htm': 'html', '.docx': 'docx', '.pdf': 'pdf',
};

export function formatOf(name: string): Format {
  const ext = path.extname(name).toLowerCase();
  const format = EXTENSIONS[ext];
  if (!format) {
    throw new PolicygraphError('UNSUPPORTED_FORMAT', `unsupported file type "${ext || '(none)'}"; expected one of ${FORMATS.join(', ')}`, { file: name });
  }
  return format;
}

export function loadBuffer(name: string, bytes: Buffer, opts: LoadOptions): SourceFile {
  const format = formatOf(name);
  if (bytes.length === 0) throw new PolicygraphError('EMPTY_FILE', 'file is empty', { file: name });
  if (bytes.length > opts.maxBytes) {
    throw new PolicygraphError('FILE_TOO_LARGE', `file is ${bytes.length} bytes, over the limit of ${opts.maxBytes}`, { file: name });
  }
  return { path: name, name: path.basename(name), format, bytes };
}

export async function loadFile(file: string, opts: LoadOptions): Promise<SourceFile> {
  formatOf(file);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    throw new PolicygraphError('NOT_FOUND', 'no such file', { file, cause: e });
  }
  if (!stat.isFile()) throw new PolicygraphError('BAD_INPUT', 'not a regular file', { file });
  if (stat.size > opts.maxBytes) {
    throw new PolicygraphError('FILE_TOO_LARGE', `file is ${stat.size} bytes, over the limit of ${opts.maxBytes}`, { file });
  }
  return loadBuffer(file, await fs.readFile(file), opts);
}
