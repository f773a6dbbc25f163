/**
 * Format `html` (also the output of docx conversion): lenient parse with cheerio, drop script/style/nav,
 * block elements -> paragraphs, h1-h6 and wholly bold paragraphs -> HeadingHints.
 */
import * as cheerio from 'cheerio';
import { decodeText, sniffHtmlCharset } from '../detect-encoding.js';
import htmlRules from '../structure/html.json' with { type: 'json' };
import type { SourceFile } from '../types.js';
import { assembleBlocks, type Block, type FormatResult } from './blocks.js';
import { isCjkChar } from './normalise.js';

const DROP = new Set(htmlRules.drop);
const BLOCKS = new Set(htmlRules.blocks);
const CELLS = new Set(htmlRules.cells);
const BOLD = new Set(htmlRules.bold);
const BOLD_STYLE = new RegExp(htmlRules.boldStyle, 'i');
// Stand-ins for <br> and for <pre> whitespace until other whitespace is collapsed: lone surrogates,
// which decoded HTML text never contains.
const BREAK = '\uDFF0';
const PRE_SPACE = '\uDFF1';
const PRE_TAB = '\uDFF2';

/** Minimal view of the DOM nodes cheerio (domhandler) produces. */
interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  data?: string;
  children?: DomNode[];
}


/** Collapse source whitespace like a browser; a line break between two CJK characters vanishes (CSS Text segment breaks). */
function collapse(s: string): string {
  return s
    .replace(/[ \t\n\r\f]+/g, (run, at: number, all: string) => (run.includes('\n') && isCjkChar(all[at - 1]) && isCjkChar(all[at + run.length]) ? '' : ' '))
    .replaceAll(BREAK, '\n')
    .replaceAll(PRE_SPACE, ' ')
    .replaceAll(PRE_TAB, '\t');
}

export function htmlToBlocks(html: string): Block[] {
  const $ = cheerio.load(html);
  const blocks: Block[] = [];
  let parts: string[] = [];
  let bold = 0;
  let total = 0;

  const flush = (headingLevel?: number) => {
    const text = parts.join('');
    parts = [];
    const wholeBold = total > 0 && bold === total;
    bold = total = 0;
    if (!text.trim()) return;
    blocks.push({ text: collapse(text), headingLevel: headingLevel ?? (wholeBold ? 0 : undefined) });
  };

  const walk = (node: DomNode, inBold: boolean, inPre: boolean) => {
    if (node.type === 'text') {
      const data = node.data ?? '';
      parts.push(inPre ? data.replace(/\r?\n/g, BREAK).replaceAll(' ', PRE_SPACE).replaceAll('\t', PRE_TAB) : data);
      const visible = data.replace(/\s+/g, '').length;
      total += visible;
      if (inBold) bold += visible;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return; // comments, directives, script/style nodes
    const name = node.name?.toLowerCase() ?? '';
    if (DROP.has(name)) return;
    if (name === 'br') {
      parts.push(BREAK);
      return;
    }
    const children = node.children ?? [];
    const b = inBold || BOLD.has(name) || BOLD_STYLE.test(node.attribs?.style ?? '');
    const pre = inPre || name === 'pre';
    const h = /^h([1-6])$/.exec(name);
    if (h) {
      flush();
      for (const c of children) walk(c, b, pre);
      flush(Number(h[1]));
      return;
    }
    if (BLOCKS.has(name)) {
      flush();
      for (const c of children) walk(c, b, pre);
      flush();
      return;
    }
    for (const c of children) walk(c, b, pre);
    if (CELLS.has(name)) parts.push(' ');
  };

  walk($.root()[0] as unknown as DomNode, false, false);
  flush();
  return blocks;
}

export function parseHtml(source: SourceFile): FormatResult {
  const { text, encoding } = decodeText(source.bytes, source.path, { declared: sniffHtmlCharset(source.bytes) });
  return assembleBlocks(htmlToBlocks(text), encoding);
}
