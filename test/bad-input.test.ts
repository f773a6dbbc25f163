// Bad input: every failure is a PolicygraphError with the right code and a message naming the file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { type ErrorCode, PolicygraphError } from '../core/errors.js';
import { loadBuffer, loadFile } from '../ingest/load.js';
import { parseSource } from '../ingest/parse-source.js';
import { splitSections } from '../ingest/split-sections.js';
import { splitSentences } from '../ingest/split-sentences.js';
import { sentenceRules } from '../ingest/structure/rules.js';
import type { Format } from '../ingest/types.js';
import { buildDocx, foundingBytes } from './fixtures/build-fixtures.js';

const LIMIT = { maxBytes: 4 * 1024 * 1024 };

async function failure(run: () => unknown): Promise<PolicygraphError> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(PolicygraphError);
    return e as PolicygraphError;
  }
  throw new Error('expected a PolicygraphError, got success');
}

async function expectError(name: string, run: () => unknown, code: ErrorCode): Promise<PolicygraphError> {
  const e = await failure(run);
  expect(e.code).toBe(code);
  expect(e.message).toContain(name);
  expect(e.file).toBe(name);
  return e;
}

/** load + parse, as the pipeline does for an upload. */
const ingest = (name: string, bytes: Buffer) => async () => parseSource(loadBuffer(name, bytes, LIMIT));

const dir = mkdtempSync(path.join(tmpdir(), 'pg-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('empty', () => {
  it.each([['empty.txt'], ['empty.docx'], ['empty.pdf']])('%s -> EMPTY_FILE', async (name) => {
    await expectError(name, ingest(name, Buffer.alloc(0)), 'EMPTY_FILE');
  });
  it('whitespace-only text -> EMPTY_FILE', async () => {
    await expectError('blank.txt', ingest('blank.txt', Buffer.from(' \r\n\t\n\u3000\n')), 'EMPTY_FILE');
  });
  it('html with only script and markup -> EMPTY_FILE', async () => {
    await expectError('bare.html', ingest('bare.html', Buffer.from('<html><head><script>x()</script></head><body><div> </div></body></html>')), 'EMPTY_FILE');
  });
  it('docx with no text -> EMPTY_FILE', async () => {
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] }));
    await expectError('blank.docx', ingest('blank.docx', bytes), 'EMPTY_FILE');
  });
});

describe('binary where text is expected', () => {
  it('NUL bytes -> CORRUPT_FILE', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x11, 0x22, 0x93, 0xf1]);
    const e = await expectError('image.txt', ingest('image.txt', png), 'CORRUPT_FILE');
    expect(e.message).toMatch(/binary/);
  });
  it('many control characters -> CORRUPT_FILE', async () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26))));
    await expectError('ctl.md', ingest('ctl.md', bytes), 'CORRUPT_FILE');
  });
  it('a docx renamed to .txt -> CORRUPT_FILE', async () => {
    await expectError('renamed.txt', ingest('renamed.txt', await buildDocx()), 'CORRUPT_FILE');
  });
});

describe('size', () => {
  it('over the limit (buffer) -> FILE_TOO_LARGE', async () => {
    await expectError('big.txt', () => loadBuffer('big.txt', Buffer.alloc(2048, 0x61), { maxBytes: 1024 }), 'FILE_TOO_LARGE');
  });
  it('over the limit (file on disk, checked before reading) -> FILE_TOO_LARGE', async () => {
    const file = path.join(dir, 'big.pdf');
    writeFileSync(file, Buffer.alloc(5000, 0x20));
    await expectError(file, () => loadFile(file, { maxBytes: 4096 }), 'FILE_TOO_LARGE');
  });
  it('a missing file -> NOT_FOUND', async () => {
    const file = path.join(dir, 'missing.txt');
    await expectError(file, () => loadFile(file, LIMIT), 'NOT_FOUND');
  });
});

describe('truncated or corrupt docx / pdf', () => {
  it('truncated docx -> CORRUPT_FILE', async () => {
    const bytes = await buildDocx();
    for (const cut of [0.3, 0.6, 0.95]) {
      await expectError('cut.docx', ingest('cut.docx', bytes.subarray(0, Math.floor(bytes.length * cut))), 'CORRUPT_FILE');
    }
  });
  it('not a zip at all (.doc renamed to .docx) -> CORRUPT_FILE', async () => {
    await expectError('old.docx', ingest('old.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3])), 'CORRUPT_FILE');
  });
  it('a zip that is no Word document -> CORRUPT_FILE', async () => {
    // A minimal empty ZIP archive: just the end-of-central-directory record, preceded by a local header magic.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
    await expectError('notword.docx', ingest('notword.docx', zip), 'CORRUPT_FILE');
  });
  const pdf = readFileSync(new URL('./fixtures/founding.pdf', import.meta.url));
  it('truncated pdf -> CORRUPT_FILE', async () => {
    for (const cut of [0.1, 0.5, 0.9]) {
      const e = await expectError('cut.pdf', ingest('cut.pdf', pdf.subarray(0, Math.floor(pdf.length * cut))), 'CORRUPT_FILE');
      expect(e.message).toMatch(/truncated/);
    }
  });
  it('pdf with its middle missing -> CORRUPT_FILE', async () => {
    const broken = Buffer.concat([pdf.subarray(0, 2000), pdf.subarray(pdf.length - 200)]);
    await expectError('holed.pdf', ingest('holed.pdf', broken), 'CORRUPT_FILE');
  });
  it('not a pdf -> CORRUPT_FILE', async () => {
    await expectError('fake.pdf', ingest('fake.pdf', Buffer.from('just some text, no PDF here')), 'CORRUPT_FILE');
  });
});

describe('encodings', () => {
  const text = foundingBytes().toString('utf8');
  const half = Math.floor(text.length / 2);

  it('first half UTF-8, second half GBK -> ENCODING with the byte offset', async () => {
    const head = Buffer.from(text.slice(0, half));
    const bytes = Buffer.concat([head, iconv.encode(text.slice(half), 'gbk')]);
    const e = await expectError('mixed.txt', ingest('mixed.txt', bytes), 'ENCODING');
    expect(e.message).toMatch(/byte offset \d+/);
    expect(e.message).toMatch(/mix/);
    const at = Number(/byte offset (\d+)/.exec(e.message)![1]);
    expect(at).toBeGreaterThanOrEqual(head.length);
    expect(at).toBeLessThan(head.length + 4);
  });
  it('first half GBK, second half UTF-8 -> ENCODING', async () => {
    const bytes = Buffer.concat([iconv.encode(text.slice(0, half), 'gbk'), Buffer.from(text.slice(half))]);
    const e = await expectError('mixed2.md', ingest('mixed2.md', bytes), 'ENCODING');
    expect(e.message).toMatch(/byte offset \d+/);
  });
  it('UTF-8 BOM followed by GBK bytes -> ENCODING', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text.slice(0, 200), 'gbk')]);
    await expectError('bom.txt', ingest('bom.txt', bytes), 'ENCODING');
  });
  it('UTF-16 BOM with an odd number of bytes -> ENCODING', async () => {
    const bytes = Buffer.concat([iconv.encode(text.slice(0, 100), 'utf-16le', { addBOM: true }), Buffer.from([0x41])]);
    await expectError('odd.txt', ingest('odd.txt', bytes), 'ENCODING');
  });
  it('Japanese Shift_JIS (no supported Chinese encoding) -> ENCODING', async () => {
    const bytes = iconv.encode('日本語のテキストです。産学連携について説明します。'.repeat(10), 'shift_jis');
    await expectError('sjis.txt', ingest('sjis.txt', bytes), 'ENCODING');
  });
  it('html whose meta charset lies is still read by detection', async () => {
    const doc = await ingest('lie.html', iconv.encode('<meta charset="utf-8"><p>产学研深度融合。</p>', 'gbk'))();
    expect([doc.encoding, doc.text]).toEqual(['gb18030', '产学研深度融合。']);
  });
});

describe('malformed html', () => {
  const cases: Array<[string, string]> = [
    ['unclosed tags', '<html><body><p>未闭合段落<div><b>粗体<p>另一段</i></table>正文。'],
    ['stray closers and bad nesting', '</div></p><li>列表项<table><td>单元格</p><h2>标题<h3>子标题</h2>正文。'],
    ['broken attributes and entities', '<p class="a title=\'b>文字&nbsp&amp;&#xZZ;&bogus;内容。</p><img src=x onerror=1'],
    ['unterminated script and comment', '<p>前文。</p><!-- 注释 <script>var x = "<p>'],
  ];
  it.each(cases)('%s: parses leniently without throwing', async (_name, html) => {
    const doc = await failureOr(() => ingest('bad.html', Buffer.from(html))());
    if (doc instanceof PolicygraphError) {
      expect(doc.code).toBe('EMPTY_FILE');
      return;
    }
    const sections = splitSections(doc, 'd');
    for (const s of splitSentences(doc.text, sections, 'd')) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
    expect(doc.text).not.toMatch(/<|var x/);
  });
});

async function failureOr<T>(run: () => Promise<T>): Promise<T | PolicygraphError> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof PolicygraphError) return e;
    throw e;
  }
}

describe('very long lines', () => {
  it.each<[string, Format, string]>([
    ['long.txt', 'txt', '产'.repeat(1_000_000)],
    ['long.md', 'md', `# 标题\n\n${'a'.repeat(1_000_000)}`],
    ['long.html', 'html', `<p>${'研，'.repeat(500_000)}</p>`],
  ])('%s: a 1 MB line without sentence punctuation is cut into bounded sentences, offsets exact', async (name, _format, content) => {
    const t0 = performance.now();
    const doc = await ingest(name, Buffer.from(content))();
    const sections = splitSections(doc, 'd');
    const sentences = splitSentences(doc.text, sections, 'd');
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(5000);
    expect(doc.title.length).toBeLessThanOrEqual(101);
    let prevEnd = 0;
    for (const s of sentences) {
      expect(s.end - s.start).toBeLessThanOrEqual(sentenceRules.maxSentenceLength);
      expect(s.start).toBeGreaterThanOrEqual(prevEnd);
      prevEnd = s.end;
    }
    expect(sentences.every((s) => doc.text.slice(s.start, s.end) === s.text)).toBe(true);
    expect(sentences.length).toBeGreaterThan(1_000_000 / sentenceRules.maxSentenceLength - 1);
  });
});

describe('unsupported formats', () => {
  it.each([['report.doc'], ['slides.pptx'], ['archive.zip'], ['README'], ['data.json']])('%s -> UNSUPPORTED_FORMAT', async (name) => {
    await expectError(name, () => loadBuffer(name, Buffer.from('x'), LIMIT), 'UNSUPPORTED_FORMAT');
  });
  it('checked before the file is read', async () => {
    const file = path.join(dir, 'nothing-here.exe');
    await expectError(file, () => loadFile(file, LIMIT), 'UNSUPPORTED_FORMAT');
  });
});
