/** Format `docx`: mammoth converts to HTML (keeping Word headings and bold paragraphs), then the HTML reader takes over. */
import mammoth from 'mammoth';
import { PolicygraphError } from '../../core/errors.js';
import docxRules from '../structure/docx.json' with { type: 'json' };
import type { SourceFile } from '../types.js';
import { assembleBlocks, type FormatResult } from './blocks.js';
import { htmlToBlocks } from './html.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function parseDocx(source: SourceFile): Promise<FormatResult> {
  const b = source.bytes;
  if (!ZIP_MAGIC.every((x, i) => b[i] === x)) {
    throw new PolicygraphError('CORRUPT_FILE', 'is not a .docx file (no ZIP header); it may be truncated, renamed or an old binary .doc', { file: source.path });
  }
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: b }, { styleMap: docxRules.styleMap })).value;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new PolicygraphError('CORRUPT_FILE', `cannot read .docx (truncated or corrupt): ${why}`, { file: source.path, cause: e });
  }
  return assembleBlocks(htmlToBlocks(html), 'binary:docx');
}
