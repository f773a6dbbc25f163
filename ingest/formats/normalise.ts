/** Text normalisation every format applies, so that all offsets refer to one canonical string. */

/** NFC, no BOM, `\r\n`/`\r`/line and paragraph separators/form feeds -> `\n`. */
export function normaliseText(s: string): string {
  return s.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029\f\v]/g, '\n').normalize('NFC');
}
