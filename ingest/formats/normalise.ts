/** Text normalisation every format applies, so that all offsets refer to one canonical string. */

/** NFC, no BOM, `\r\n`/`\r`/line and paragraph separators/form feeds -> `\n`. */
export function normaliseText(s: string): string {
  return s.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029\f\v]/g, '\n').normalize('NFC');
}

/**
 * East Asian wide characters and the quotes/dashes used with them: between two of these a source line
 * break is no space (HTML segment breaks, wrapped PDF lines).
 */
export const isCjkChar = (ch: string | undefined): boolean =>
  ch !== undefined && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2014\u2026\u00b7]/u.test(ch);
