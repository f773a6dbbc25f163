/** Line iteration and whitespace trimming over the normalised text, by offsets (no copies of long lines). */

/** Same set as String.prototype.trim: ASCII/Unicode spaces, line terminators, BOM. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

export interface Span {
  start: number;
  end: number;
}

/** Shrink [start, end) to exclude leading and trailing whitespace; empty spans come back with start === end. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Each line [start, end) of the text, without its '\n'. */
export function* lines(text: string): Generator<Span> {
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      yield { start, end: text.length };
      return;
    }
    yield { start, end: nl };
    start = nl + 1;
  }
}
