/**
 * Stage `detect-encoding`: bytes of a text format (txt, md, html) -> a JS string. BOMs first, then a
 * declared charset (HTML meta), strict UTF-8, validated GB18030, and chardet for the rest; binary
 * or undecodable/mixed bytes are PolicygraphErrors naming the file and the byte offset.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { PolicygraphError } from '../core/errors.js';
import rules from './structure/encoding.json' with { type: 'json' };

export interface DecodedText {
  /** Decoded text without BOM (not yet normalised). */
  text: string;
  /** `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030`, or another iconv name such as `big5`. */
  encoding: string;
}

/** Offset of the first byte that breaks strict UTF-8 (overlongs, surrogates, > U+10FFFF included), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i; // truncated sequence at the end
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= need; k++) if (b[i + k] < 0x80 || b[i + k] > 0xbf) return i;
    i += need + 1;
  }
  return -1;
}

export interface GbScan {
  /** Offset of the first byte that breaks GB18030's byte structure, or -1. */
  invalidAt: number;
  twoByte: number;
  /** Two-byte characters in the common ranges (GB2312 level-1 hanzi, CJK punctuation). */
  common: number;
}

/** Walk GB18030's 1/2/4-byte structure and count how many two-byte characters are common ones. */
export function scanGb18030(b: Uint8Array, commonLeads: number[][] = rules.gbCommonLeadRanges): GbScan {
  let twoByte = 0;
  let common = 0;
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c === 0x80 || c === 0xff || i + 1 >= n) return { invalidAt: i, twoByte, common };
    const d = b[i + 1];
    if ((d >= 0x40 && d <= 0x7e) || (d >= 0x80 && d <= 0xfe)) {
      twoByte++;
      if (d >= 0xa1 && commonLeads.some(([lo, hi]) => c >= lo && c <= hi)) common++;
      i += 2;
      continue;
    }
    if (d >= 0x30 && d <= 0x39 && i + 3 < n && b[i + 2] >= 0x81 && b[i + 2] <= 0xfe && b[i + 3] >= 0x30 && b[i + 3] <= 0x39) {
      i += 4;
      continue;
    }
    return { invalidAt: i, twoByte, common };
  }
  return { invalidAt: -1, twoByte, common };
}

/** Share of characters that are ordinary text: whitespace, printable ASCII, CJK, punctuation, Latin letters. */
export function plausibleShare(text: string): number {
  if (!text.length) return 1;
  let ok = 0;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    total++;
    if (
      c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0x24f) ||
      (c >= 0x2000 && c <= 0x206f) || (c >= 0x2460 && c <= 0x24ff) || (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2e80 && c <= 0x2fdf) || (c >= 0x20000 && c <= 0x3134f) || c === 0xfeff
    ) {
      if (c !== 0xfffd) ok++;
    }
  }
  return ok / total;
}

/** NUL bytes or a high share of control characters: not a text file. */
export function looksBinary(b: Uint8Array): boolean {
  if (b.indexOf(0) >= 0) return true;
  const n = Math.min(b.length, rules.binarySampleBytes);
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) || c === 0x7f) ctl++;
  }
  return n > 0 && ctl / n > rules.binaryControlShare;
}

/** `<meta charset=…>` or `<meta http-equiv content="…charset=…">` in the head of an HTML file. */
export function sniffHtmlCharset(b: Uint8Array): string | undefined {
  const head = Buffer.from(b.subarray(0, rules.metaSniffBytes)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return m?.[1].toLowerCase();
}

const CANONICAL: Record<string, string> = {
  utf8: 'utf-8', 'utf-8': 'utf-8', gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb18030: 'gb18030',
  cp936: 'gb18030', 'euc-cn': 'gb18030', big5: 'big5', 'big5-hkscs': 'big5',
};

const utf8 = new TextDecoder('utf-8');

function tryGb18030(b: Uint8Array): { text?: string; reason: string; invalidAt: number } {
  const scan = scanGb18030(b);
  if (scan.invalidAt >= 0) return { reason: `byte 0x${b[scan.invalidAt].toString(16)} at offset ${scan.invalidAt} breaks GB18030`, invalidAt: scan.invalidAt };
  const share = scan.twoByte ? scan.common / scan.twoByte : 1;
  if (share < rules.gbMinCommonShare) {
    return { reason: `read as GB18030 only ${Math.round(share * 100)}% of its characters are common ones`, invalidAt: -1 };
  }
  const text = iconv.decode(Buffer.from(b), 'gb18030');
  if (text.includes('\uFFFD') || plausibleShare(text) < rules.gbMinPlausibleShare) {
    return { reason: 'read as GB18030 it is not plausible text', invalidAt: -1 };
  }
  return { text, reason: '', invalidAt: -1 };
}

function tryDeclared(b: Uint8Array, declared: string): DecodedText | undefined {
  const name = CANONICAL[declared] ?? declared;
  if (name === 'utf-8') return firstInvalidUtf8(b) < 0 ? { text: utf8.decode(b), encoding: 'utf-8' } : undefined;
  if (name === 'gb18030') {
    const gb = tryGb18030(b);
    return gb.text !== undefined ? { text: gb.text, encoding: 'gb18030' } : undefined;
  }
  if (!iconv.encodingExists(name)) return undefined;
  const text = iconv.decode(Buffer.from(b), name);
  return text.includes('\uFFFD') || plausibleShare(text) < rules.gbMinPlausibleShare ? undefined : { text, encoding: name };
}

function tryChardet(b: Uint8Array): DecodedText | undefined {
  const highShare = b.reduce((n, c) => n + (c >= 0x80 ? 1 : 0), 0) / Math.max(1, b.length);
  for (const match of chardet.analyse(b)) {
    if (match.confidence < rules.chardetMinConfidence || !rules.chardetAllowed.includes(match.name)) continue;
    const singleByte = /8859|windows-125/i.test(match.name);
    if (singleByte && highShare > rules.singleByteMaxHighShare) continue; // Latin-1 decodes any bytes: only trust it for nearly-ASCII text
    const text = iconv.decode(Buffer.from(b), match.name);
    if (!text.includes('\uFFFD') && plausibleShare(text) >= rules.gbMinPlausibleShare) return { text, encoding: match.name.toLowerCase() };
  }
  return undefined;
}

/**
 * UTF-16 without a BOM: its ASCII characters put NUL bytes all on odd offsets (LE) or all on even ones
 * (BE); accepted only then, and when that byte order decodes strictly into plausible text.
 */
function tryUtf16(b: Uint8Array): DecodedText | undefined {
  if (b.length % 2) return undefined;
  let odd = 0;
  let even = 0;
  for (let i = b.indexOf(0); i >= 0; i = b.indexOf(0, i + 1)) {
    if (i % 2) odd++;
    else even++;
  }
  const encoding = odd && !even ? 'utf-16le' : even && !odd ? 'utf-16be' : undefined;
  if (!encoding) return undefined;
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(b);
    return plausibleShare(text) >= rules.gbMinPlausibleShare ? { text, encoding } : undefined;
  } catch {
    return undefined;
  }
}

function decodeUtf16(b: Uint8Array, encoding: 'utf-16le' | 'utf-16be', skip: number, file: string): DecodedText {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(b.subarray(skip)), encoding };
  } catch (e) {
    throw new PolicygraphError('ENCODING', `invalid ${encoding.toUpperCase()} text (odd length or unpaired surrogate after the byte-order mark)`, { file, cause: e });
  }
}

/**
 * Decode the bytes of a text file. `declared` is a charset the format itself names (HTML meta);
 * it is honoured when the bytes agree with it.
 */
export function decodeText(bytes: Uint8Array, file: string, opts: { declared?: string } = {}): DecodedText {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const bad = firstInvalidUtf8(b.subarray(3));
    if (bad >= 0) throw new PolicygraphError('ENCODING', `has a UTF-8 byte-order mark but invalid UTF-8 at byte offset ${bad + 3}; the file may mix encodings`, { file, details: { offset: bad + 3 } });
    return { text: utf8.decode(b.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (b[0] === 0xff && b[1] === 0xfe) return decodeUtf16(b, 'utf-16le', 2, file);
  if (b[0] === 0xfe && b[1] === 0xff) return decodeUtf16(b, 'utf-16be', 2, file);

  if (looksBinary(b)) {
    const utf16 = tryUtf16(b); // UTF-16 without a BOM is full of NULs but still text
    if (utf16) return utf16;
    const nul = b.indexOf(0);
    throw new PolicygraphError('CORRUPT_FILE', `looks like a binary file, not text${nul >= 0 ? ` (NUL byte at offset ${nul})` : ' (many control characters)'}`, { file, details: { offset: nul } });
  }

  if (opts.declared) {
    const d = tryDeclared(b, opts.declared);
    if (d) return d;
  }

  const badUtf8 = firstInvalidUtf8(b);
  if (badUtf8 < 0) return { text: utf8.decode(b), encoding: 'utf-8' };

  const gb = tryGb18030(b);
  if (gb.text !== undefined) return { text: gb.text, encoding: 'gb18030' };

  const other = tryChardet(b);
  if (other) return other;

  const utf8Before = badUtf8 > 0 && b.subarray(0, badUtf8).some((c) => c >= 0x80);
  const mixed = utf8Before ? `; bytes 0-${badUtf8 - 1} are valid UTF-8 text, so the file seems to mix encodings` : '';
  throw new PolicygraphError(
    'ENCODING',
    `cannot decode: invalid UTF-8 at byte offset ${badUtf8}${mixed}; not GB18030 either (${gb.reason})`,
    { file, details: { utf8InvalidAt: badUtf8, gb18030InvalidAt: gb.invalidAt } },
  );
}
