/**
 * Format `pdf`: text items from unpdf (pdf.js) are grouped into lines by position, and lines into
 * paragraphs (a line that reaches the right margin continues in the next one; CJK lines join without
 * a space), since PDF text, Chinese especially, arrives as line fragments.
 */
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { PolicygraphError } from '../../core/errors.js';
import layout from '../structure/pdf-layout.json' with { type: 'json' };
import type { SourceFile } from '../types.js';
import { assembleBlocks, type Block, type FormatResult } from './blocks.js';
import { isCjkChar } from './normalise.js';

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

const PAGE_NUMBER = new RegExp(layout.pageNumberPattern, 'u');

function toLines(items: PdfItem[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  let lastEnd = 0;
  let eol = false;
  for (const it of items) {
    if (!it.str) {
      eol ||= it.hasEOL;
      continue;
    }
    const size = Math.max(it.fontSize, 1);
    const newLine = !cur || Math.abs(it.y - cur.y) > layout.sameLineTolerance * size || (eol && it.x < lastEnd);
    if (newLine) {
      cur = { text: it.str, x0: it.x, x1: it.x + it.width, y: it.y, size };
      lines.push(cur);
    } else if (cur) {
      const gap = it.x - lastEnd;
      const spaced = gap > 0.25 * size && !isCjkChar(cur.text.at(-1)) && !isCjkChar(it.str[0]) && !cur.text.endsWith(' ') && !it.str.startsWith(' ');
      cur.text += (spaced ? ' ' : '') + it.str;
      cur.x1 = Math.max(cur.x1, it.x + it.width);
      cur.size = Math.max(cur.size, size);
    }
    lastEnd = it.x + it.width;
    eol = it.hasEOL;
  }
  return lines.filter((l) => l.text.trim() && !PAGE_NUMBER.test(l.text.trim()));
}

/**
 * Running headers/footers: a line text that opens or closes at least `runningShare` of the pages
 * (with at least `runningMinPages` pages) is page furniture, not content.
 */
function runningLines(pages: Line[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const ends = new Set([lines[0]?.text.trim(), lines.at(-1)?.text.trim()].filter((t): t is string => Boolean(t)));
    for (const t of ends) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const out = new Set<string>();
  if (pages.length < layout.runningMinPages) return out;
  for (const [t, n] of counts) if (n >= layout.runningShare * pages.length) out.add(t);
  return out;
}

/** Rebuild paragraphs from the text items of each page. */
export function pdfItemsToBlocks(pages: PdfItem[][]): Block[] {
  const blocks: Block[] = [];
  let para = '';
  let prev: { line: Line; right: number } | null = null;
  const pageLines = pages.map(toLines);
  const running = runningLines(pageLines);
  for (const all of pageLines) {
    const lines = all.filter((l) => !running.has(l.text.trim()));
    if (!lines.length) continue;
    const left = Math.min(...lines.map((l) => l.x0));
    const right = Math.max(...lines.map((l) => l.x1));
    lines.forEach((line, k) => {
      const text = line.text.trim();
      let joined = false;
      if (prev) {
        const a = prev.line;
        const samePage = k > 0;
        const gapBreak = samePage && a.y - line.y > layout.paragraphGap * a.size;
        const shortBreak = a.x1 < prev.right - layout.shortLineSlack * a.size;
        // indented by position, or by leading (ideographic) spaces in the text itself
        const indentBreak = line.x0 > left + layout.indentThreshold * line.size || /^[\s\u3000]/u.test(line.text);
        const sizeBreak = Math.abs(a.size - line.size) > 0.1 * Math.max(a.size, line.size);
        if (!gapBreak && !shortBreak && !indentBreak && !sizeBreak) {
          para += isCjkChar(para.at(-1)) || isCjkChar(text[0]) ? text : ` ${text}`;
          joined = true;
        }
      }
      if (!joined) {
        if (para) blocks.push({ text: para });
        para = text;
      }
      prev = { line, right };
    });
  }
  if (para) blocks.push({ text: para });
  return blocks;
}

function corrupt(file: string, why: string, cause?: unknown): PolicygraphError {
  return new PolicygraphError('CORRUPT_FILE', `cannot read PDF: ${why}`, { file, cause });
}

export async function parsePdf(source: SourceFile): Promise<FormatResult> {
  const b = source.bytes;
  if (b.subarray(0, 1024).indexOf('%PDF-') < 0) throw corrupt(source.path, 'no %PDF- header (not a PDF file)');
  if (b.subarray(Math.max(0, b.length - 2048)).indexOf('%%EOF') < 0) throw corrupt(source.path, 'no %%EOF trailer (the file is truncated)');
  let pages: PdfItem[][];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(b), { verbosity: 0 }); // errors only: no pdf.js warnings on the console
    try {
      pages = (await extractTextItems(pdf)).items;
    } finally {
      await pdf.destroy();
    }
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    const why = name === 'PasswordException' ? 'the PDF is password-protected' : e instanceof Error ? e.message : String(e);
    throw corrupt(source.path, why, e);
  }
  return assembleBlocks(pdfItemsToBlocks(pages), 'binary:pdf');
}
