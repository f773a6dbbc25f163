/**
 * Format `md`: strip Markdown syntax line by line into plain text (offsets refer to the plain text);
 * `#`/setext headings and wholly `**bold**` lines become HeadingHints.
 */
import { decodeText } from '../detect-encoding.js';
import type { HeadingHint, SourceFile } from '../types.js';
import type { FormatResult } from './blocks.js';
import { normaliseText } from './normalise.js';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const TABLE_RULE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;
const REF_DEF = /^ {0,3}\[[^\]]+\]:\s+\S/;
const BOLD_LINE = /^(\*\*|__)(?!\s)(.+?)(?<!\s)\1[:：]?$/;

/** Remove inline Markdown: images, links, code spans, emphasis, strike-through, html tags, escapes. */
export function stripInline(s: string): string {
  const escaped: string[] = [];
  // Escaped characters are set aside first so that '\*' never takes part in emphasis.
  return s
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, (_m, c: string) => `\uDFF0${escaped.push(c) - 1}\uDFF1`)
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(`+)(.+?)\1/g, '$2')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w])/g, '$1$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/\uDFF0(\d+)\uDFF1/g, (_m, i: string) => escaped[Number(i)]);
}

export function markdownToText(source: string): { text: string; headingHints: HeadingHint[] } {
  const input = source.split('\n');
  const out: string[] = [];
  const levels: Array<number | undefined> = [];
  let fence: string | null = null;
  const emit = (line: string, level?: number) => {
    out.push(normaliseText(line).trim());
    levels.push(level);
  };

  for (let i = 0; i < input.length; i++) {
    const raw = input[i];
    if (i === 0 && /^---[ \t]*$/.test(raw)) {
      const close = input.findIndex((l, k) => k > 0 && /^(---|\.\.\.)[ \t]*$/.test(l));
      if (close > 0) {
        for (let k = 0; k <= close; k++) emit('');
        i = close;
        continue;
      }
    }
    const f = FENCE.exec(raw);
    if (fence !== null) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      emit(fence === null ? '' : raw);
      continue;
    }
    if (f) {
      fence = f[1];
      emit('');
      continue;
    }
    const atx = ATX.exec(raw);
    if (atx) {
      emit(stripInline(atx[2] ?? ''), atx[1].length);
      continue;
    }
    const next = input[i + 1];
    if (raw.trim() && next !== undefined && SETEXT.test(next) && !/^\s*([-*+]|\d+[.)])\s/.test(raw) && !THEMATIC.test(raw)) {
      emit(stripInline(raw.replace(/^\s*(>\s?)+/, '')), next.trim().startsWith('=') ? 1 : 2);
      emit('');
      i++;
      continue;
    }
    if (THEMATIC.test(raw) || TABLE_RULE.test(raw) || REF_DEF.test(raw)) {
      emit('');
      continue;
    }
    let line = raw.replace(/^\s*(>\s?)+/, '').replace(/^\s*[-*+][ \t]+(\[[ xX]\][ \t]+)?/, '');
    if (/^\s*\|/.test(line)) line = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).join(' ');
    const bold = BOLD_LINE.exec(line.trim());
    emit(stripInline(line), bold ? 0 : undefined);
  }

  let text = '';
  const headingHints: HeadingHint[] = [];
  out.forEach((line, k) => {
    if (k > 0) text += '\n';
    const level = levels[k];
    if (level !== undefined && line) headingHints.push({ start: text.length, end: text.length + line.length, level });
    text += line;
  });
  return { text, headingHints };
}

export function parseMd(source: SourceFile): FormatResult {
  const { text, encoding } = decodeText(source.bytes, source.path);
  return { ...markdownToText(normaliseText(text)), encoding };
}
