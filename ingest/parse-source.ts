/** Stages `detect-encoding` + format parsing: bytes of any supported format -> normalised text. (stub: UTF-8 txt only) */
import { PolicygraphError } from '../core/errors.js';
import type { DecodedDocument, SourceFile } from './types.js';

export function normaliseText(s: string): string {
  return s.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

export async function parseSource(source: SourceFile): Promise<DecodedDocument> {
  if (source.format !== 'txt' && source.format !== 'md') {
    throw new PolicygraphError('UNSUPPORTED_FORMAT', `format ${source.format} not supported yet`, { file: source.path });
  }
  const text = normaliseText(source.bytes.toString('utf8'));
  const title = text.split('\n').find((l) => l.trim())?.trim() ?? source.name;
  return { source, encoding: 'utf-8', text, headingHints: [], title };
}
