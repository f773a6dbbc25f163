/** Format `txt`: decode the bytes (encoding detection) and normalise; plain text has no heading hints. */
import { decodeText } from '../detect-encoding.js';
import type { SourceFile } from '../types.js';
import type { FormatResult } from './blocks.js';
import { normaliseText } from './normalise.js';

export function parseTxt(source: SourceFile): FormatResult {
  const { text, encoding } = decodeText(source.bytes, source.path);
  return { text: normaliseText(text), headingHints: [], encoding };
}
