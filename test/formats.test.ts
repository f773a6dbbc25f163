// Every reader (txt in four encodings, md, html, docx, pdf) turns the founding document into the same sentences and sections.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8, scanGb18030 } from '../ingest/detect-encoding.js';
import { htmlToBlocks } from '../ingest/formats/html.js';
import { markdownToText, stripInline } from '../ingest/formats/md.js';
import { pdfItemsToBlocks, type PdfItem } from '../ingest/formats/pdf.js';
import { loadBuffer } from '../ingest/load.js';
import { parseSource } from '../ingest/parse-source.js';
import { splitSections } from '../ingest/split-sections.js';
import { splitSentences } from '../ingest/split-sentences.js';
import type { DecodedDocument, Format } from '../ingest/types.js';
import { buildDocx, buildHtml, buildMarkdown, foundingBytes, gb18030Bytes, source, utf16Bytes } from './fixtures/build-fixtures.js';

interface Parsed {
  doc: DecodedDocument;
  sentences: Array<{ text: string; isHeading: boolean; sectionPath: string }>;
  paths: string[];
}

async function parse(name: string, bytes: Buffer, format: Format): Promise<Parsed> {
  const doc = await parseSource(source(name, bytes, format));
  const sections = splitSections(doc, 'd');
  const sentences = splitSentences(doc.text, sections, 'd');
  for (const s of sentences) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
  for (const h of doc.headingHints) expect(h.end).toBeLessThanOrEqual(doc.text.length);
  return {
    doc,
    sentences: sentences.map(({ text, isHeading, sectionPath }) => ({ text, isHeading, sectionPath })),
    paths: sections.map((s) => s.path.join(' > ')),
  };
}

describe('founding document in every format', () => {
  let base: Parsed;
  beforeAll(async () => {
    base = await parse('founding.txt', foundingBytes(), 'txt');
  });

  it('UTF-8 text is the reference: title, 13 sections, 55 sentences', () => {
    expect(base.doc.encoding).toBe('utf-8');
    expect(base.doc.title).toBe('着力打造企业主导的产学研深度融合创新联合体');
    expect(base.paths.length).toBe(13);
    expect(base.sentences.length).toBe(55);
  });

  const encodings: Array<[string, () => Buffer, string]> = [
    ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), foundingBytes()]), 'utf-8-bom'],
    ['UTF-16LE with BOM', () => utf16Bytes(true), 'utf-16le'],
    ['UTF-16BE with BOM', () => utf16Bytes(false), 'utf-16be'],
    ['GB18030', gb18030Bytes, 'gb18030'],
    ['GBK (CRLF line ends)', () => iconv.encode(foundingBytes().toString('utf8').replace(/\n/g, '\r\n'), 'gbk'), 'gb18030'],
  ];
  it.each(encodings)('txt in %s', async (_name, bytes, encoding) => {
    const got = await parse('founding.txt', bytes(), 'txt');
    expect(got.doc.encoding).toBe(encoding);
    expect(got.doc.text).toBe(base.doc.text);
    expect(got.sentences).toEqual(base.sentences);
  });

  it('docx built with the docx package (Word headings, bold-only heading paragraphs)', async () => {
    const got = await parse('founding.docx', await buildDocx(), 'docx');
    expect(got.doc.encoding).toBe('binary:docx');
    expect(got.doc.headingHints.map((h) => h.level)).toEqual([1, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0]);
    expect(got.sentences).toEqual(base.sentences);
    expect(got.paths).toEqual(base.paths);
  });

  it.each([['utf-8'], ['gbk']])('html (%s, with script/style/nav noise)', async (charset) => {
    const html = buildHtml(charset);
    const bytes = charset === 'utf-8' ? Buffer.from(html) : iconv.encode(html, charset);
    const got = await parse('founding.html', bytes, 'html');
    expect(got.doc.encoding).toBe(charset === 'utf-8' ? 'utf-8' : 'gb18030');
    expect(got.doc.text).not.toMatch(/脚本|样式|首页|注释|页面标题/);
    expect(got.sentences).toEqual(base.sentences);
    expect(got.paths).toEqual(base.paths);
  });

  it('markdown (headings, bold lines, inline emphasis and links stripped)', async () => {
    const got = await parse('founding.md', Buffer.from(buildMarkdown()), 'md');
    expect(got.doc.text).not.toMatch(/[*#[\]]|https?:/);
    expect(got.sentences).toEqual(base.sentences);
    expect(got.paths).toEqual(base.paths);
  });

  // The committed PDF (test/fixtures/make-pdf.mjs) is compared after removing all whitespace inside each
  // sentence; nothing else may differ: same sentence count, texts, heading flags and section paths.
  it('pdf (committed fixture): same sentences up to whitespace', async () => {
    const bytes = readFileSync(new URL('./fixtures/founding.pdf', import.meta.url));
    const got = await parse('founding.pdf', bytes, 'pdf');
    const squash = (xs: Parsed['sentences']) => xs.map((s) => ({ ...s, text: s.text.replace(/\s+/g, '') }));
    expect(got.doc.encoding).toBe('binary:pdf');
    expect(squash(got.sentences)).toEqual(squash(base.sentences));
    expect(got.paths).toEqual(base.paths);
    expect(got.doc.text).not.toMatch(/- \d+ -/); // page numbers dropped
  });
});

describe('encoding detection', () => {
  it('finds the first invalid UTF-8 byte', () => {
    const cases: Array<[number[], number]> = [
      [[0x61, 0x62], -1],
      [[0xe4, 0xb8, 0xad], -1],
      [[0x61, 0xe4, 0xb8], 1], // truncated
      [[0xc0, 0x80], 0], // overlong
      [[0xed, 0xa0, 0x80], 0], // surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // > U+10FFFF
      [[0x61, 0xd6, 0xd0], 1], // GBK 中
    ];
    for (const [bytes, at] of cases) expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });

  it('scores real GBK as common characters and UTF-8 read as GBK as rare ones', () => {
    const text = foundingBytes().toString('utf8');
    const gb = scanGb18030(iconv.encode(text, 'gbk'));
    expect(gb.invalidAt).toBe(-1);
    expect(gb.common / gb.twoByte).toBeGreaterThan(0.85);
    const u = scanGb18030(Buffer.from(text.replace(/\n/g, '')));
    expect(u.invalidAt >= 0 || u.common / u.twoByte < 0.3).toBe(true);
  });

  it('honours a declared HTML charset and falls back to detection when it is wrong', () => {
    const gbk = iconv.encode('<meta charset="gb2312"><p>产学研合作</p>', 'gbk');
    expect(decodeText(gbk, 'a.html', { declared: 'gb2312' }).encoding).toBe('gb18030');
    const utf8 = Buffer.from('<meta charset="gbk"><p>产学研合作，企业主导。</p>');
    expect(decodeText(utf8, 'b.html', { declared: 'gbk' })).toEqual({ text: utf8.toString('utf8'), encoding: 'utf-8' });
  });

  it('reads UTF-16 without a BOM when its NUL bytes line up', () => {
    expect(decodeText(iconv.encode('Policy text about industry and universities.\n'.repeat(20), 'utf-16le'), 'c.txt').encoding).toBe('utf-16le');
    expect(decodeText(iconv.encode('产学研合作 2024\n'.repeat(20), 'utf-16be'), 'c.txt').encoding).toBe('utf-16be');
  });

  it('tells Big5 from GBK (Big5 read as GBK is mostly rare characters) and decodes it via chardet', () => {
    const trad = '產學研合作是推動科技成果轉化為現實生產力的重要途徑。近年來，各地圍繞產業鏈部署創新鏈，合作方式由早期以技術轉讓、委託開發為主的鬆散合作，逐步演進為平台共建、人才共育、聯盟協同等多種形式並存的格局。';
    expect(decodeText(iconv.encode(trad, 'big5'), 'd.txt')).toEqual({ text: trad, encoding: 'big5' });
  });
});

describe('markdown stripping', () => {
  const cases: Array<[string, string]> = [
    ['**粗体**和*斜体*', '粗体和斜体'],
    ['[链接](http://x.cn/a_b)与![图](a.png)', '链接与图'],
    ['`代码`与~~删除~~', '代码与删除'],
    ['snake_case_name 保留', 'snake_case_name 保留'],
    ['转义\\*星号\\*', '转义*星号*'],
    ['<span>标签</span>去掉', '标签去掉'],
  ];
  it.each(cases)('%s', (md, text) => expect(stripInline(md)).toBe(text));

  it('turns headings, setext headings and bold lines into hints on plain-text offsets', () => {
    const { text, headingHints } = markdownToText('# 标题 #\n\n设置\n===\n\n- 列表项\n> 引用\n\n```\n# 代码不是标题\n```\n\n**一、加粗行**\n\n---\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |');
    expect(text.split('\n')).toEqual(['标题', '', '设置', '', '', '列表项', '引用', '', '', '# 代码不是标题', '', '', '一、加粗行', '', '', '甲 乙', '', '1 2']);
    expect(headingHints.map((h) => [text.slice(h.start, h.end), h.level])).toEqual([['标题', 1], ['设置', 1], ['一、加粗行', 0]]);
  });
});

describe('html reading', () => {
  it('block elements are paragraphs, br breaks lines, cells are spaced, only wholly bold paragraphs are hints', () => {
    const blocks = htmlToBlocks('<div>甲<p>乙<br>丙</p><table><tr><td>一</td><td>二</td></tr></table><p><b>全粗</b></p><p><b>半</b>粗</p><h3>三级</h3></div>');
    expect(blocks.map((b) => [b.text.trim(), b.headingLevel])).toEqual([
      ['甲', undefined], ['乙\n丙', undefined], ['一 二', undefined], ['全粗', 0], ['半粗', undefined], ['三级', 3],
    ]);
  });

  it('inline font-weight styles count as bold (government sites style headings that way)', () => {
    const blocks = htmlToBlocks('<p style="text-align:center"><span style="font-weight: 700">一、总体要求</span></p><p><span style="font-weight:normal">正文</span></p>');
    expect(blocks.map((b) => b.headingLevel)).toEqual([0, undefined]);
  });

  it('keeps pre-formatted line breaks and collapses other whitespace', () => {
    const blocks = htmlToBlocks('<pre>a\n  b</pre><p>x   y\n z</p>');
    expect(blocks.map((b) => b.text)).toEqual(['a\n  b', 'x y z']);
  });
});

describe('pdf paragraph rebuilding', () => {
  const item = (str: string, x: number, y: number, width: number, fontSize = 10): PdfItem => ({ str, x, y, width, fontSize, hasEOL: true });
  it('joins wrapped lines (CJK without space, Latin with), breaks on short lines, indents, gaps and size changes', () => {
    const page = [
      item('标题', 100, 800, 40, 16),
      item('第一段第一行写满了', 92, 760, 400),
      item('第一段第二行。', 72, 745, 120),
      item('第二段缩进开头写满', 92, 730, 400),
      item('继续。', 72, 715, 60),
      item('English words fill', 72, 690, 420),
      item('the line.', 72, 675, 80),
      item('12', 280, 40, 10),
    ];
    expect(pdfItemsToBlocks([page]).map((b) => b.text)).toEqual(['标题', '第一段第一行写满了第一段第二行。', '第二段缩进开头写满继续。', 'English words fill the line.']);
  });

  it('a line opening with ideographic spaces starts a paragraph even at the left margin', () => {
    const page = [item('第一段写满了一整行的文字', 72, 800, 420), item('结束。', 72, 785, 60), item('　　第二段', 72, 770, 420), item('继续。', 72, 755, 60)];
    expect(pdfItemsToBlocks([page]).map((b) => b.text)).toEqual(['第一段写满了一整行的文字结束。', '第二段继续。']);
  });

  it('drops running headers repeated on most pages', () => {
    const page = (n: number) => [item('某某市科技局文件', 200, 810, 120), item(`第${n}页的正文写满一行`, 72, 760, 420), item(`结束${n}。`, 72, 745, 60)];
    expect(pdfItemsToBlocks([page(1), page(2), page(3)]).map((b) => b.text)).toEqual(['第1页的正文写满一行结束1。', '第2页的正文写满一行结束2。', '第3页的正文写满一行结束3。']);
    // with only two pages nothing counts as running
    expect(pdfItemsToBlocks([page(1), page(2)])[0].text).toBe('某某市科技局文件');
  });

  it('continues a paragraph across a page break when the last line is full', () => {
    const p1 = [item('跨页的段落写满了一整行', 72, 100, 420)];
    const p2 = [item('在下一页结束。', 72, 800, 140), item('新段落', 92, 785, 60)];
    expect(pdfItemsToBlocks([p1, p2]).map((b) => b.text)).toEqual(['跨页的段落写满了一整行在下一页结束。', '新段落']);
  });
});

describe('document title', () => {
  const cases: Array<[string, Format, string, string]> = [
    ['short first line', 'txt', ' 关于推进产学研合作的意见\n\n正文。', '关于推进产学研合作的意见'],
    ['long first paragraph, then an h1', 'md', `${'很长的导语段落，'.repeat(12)}\n\n# 真正的标题\n\n正文。`, '真正的标题'],
    ['h1 first', 'html', '<h2>小节</h2><h1>主标题</h1>', '小节'],
    ['nothing title-like: first line, cut', 'txt', '字'.repeat(500), `${'字'.repeat(100)}…`],
  ];
  it.each(cases)('%s', async (_name, format, content, title) => {
    expect((await parseSource(source(`t.${format}`, Buffer.from(content), format))).title).toBe(title);
  });
});

describe('load', () => {
  it('reads the format from the extension, case-insensitively', () => {
    expect(loadBuffer('A/B.HTM', Buffer.from('x'), { maxBytes: 10 }).format).toBe('html');
    expect(loadBuffer('a.markdown', Buffer.from('x'), { maxBytes: 10 }).name).toBe('a.markdown');
  });
});
