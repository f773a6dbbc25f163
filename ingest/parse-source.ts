/**
 * Stages `detect-encoding` + format parsing: bytes of any supported format -> DecodedDocument, the
 * normalised text (NFC, LF, no BOM) that every later offset refers to, with the format's heading hints.
 */
import { PolicygraphError } from '../core/errors.js';
import type { FormatResult } from './formats/blocks.js';
import { parseDocx } from './formats/docx.js';
import { parseHtml } from './formats/html.js';
import { parseMd } from './formats/md.js';
import { normaliseText } from './formats/normalise.js';
import { parsePdf } from './formats/pdf.js';
import { parseTxt } from './formats/txt.js';
import { headingRules } from './structure/rules.js';
import type { DecodedDocument, Format, SourceFile } from './types.js';

export { normaliseText };

const PARSERS: Record<Format, (s: SourceFile) => FormatResult | Promise<FormatResult>> = {
  txt: parseTxt,
  md: parseMd,
  html: parseHtml,
  docx: parseDocx,
  pdf: parsePdf,
};

/**
 * The first non-empty line when it is short or marked as a heading (what split-sections takes as the
 * title line), else the first level-1 heading, else the first line; cut to a readable length.
 */
function titleOf(r: FormatResult, fallback: string): string {
  const m = /\S[^\n]*/.exec(r.text);
  const first = m ? m[0].trim() : '';
  const firstHinted = m !== null && r.headingHints.some((h) => h.start <= m.index && m.index < h.end);
  const h1 = r.headingHints.find((h) => h.level === 1);
  let title = first;
  if (first.length > headingRules.maxTitleLength && !firstHinted && h1) title = r.text.slice(h1.start, h1.end).trim();
  const max = headingRules.maxDocTitleLength;
  return title.length > max ? `${title.slice(0, max)}…` : title || fallback;
}

export async function parseSource(source: SourceFile): Promise<DecodedDocument> {
  if (source.bytes.length === 0) throw new PolicygraphError('EMPTY_FILE', 'file is empty', { file: source.path });
  const parse = PARSERS[source.format];
  if (!parse) throw new PolicygraphError('UNSUPPORTED_FORMAT', `unsupported format "${source.format}"`, { file: source.path });
  let result: FormatResult;
  try {
    result = await parse(source);
  } catch (e) {
    if (e instanceof PolicygraphError) throw e;
    // A reader library failing on odd input: still a typed error that names the file.
    const why = e instanceof Error ? e.message : String(e);
    throw new PolicygraphError('CORRUPT_FILE', `cannot read this ${source.format} file: ${why}`, { file: source.path, cause: e });
  }
  if (!result.text.trim()) throw new PolicygraphError('EMPTY_FILE', 'no text could be extracted (the document is empty or contains only whitespace/images)', { file: source.path });
  return { source, encoding: result.encoding, text: result.text, headingHints: result.headingHints, title: titleOf(result, source.name) };
}
