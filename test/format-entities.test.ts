// The founding document as docx, pdf, html and GB18030 txt extracts to the same entities and
// relations as the UTF-8 txt: format and encoding must not change what the graph holds.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../ingest/pipeline.js';
import type { ExtractedDocument, Format } from '../ingest/types.js';
import { buildDocx, buildHtml, foundingBytes, gb18030Bytes, source } from './fixtures/build-fixtures.js';

/** What the graph gets from a document, independent of offsets (which differ by format). */
const graphOf = (x: ExtractedDocument) => ({
  entities: x.entities.map((e) => e.id).sort(),
  relations: x.relations.map((r) => r.id).sort(),
});

const extractAs = (name: string, bytes: Buffer, format: Format) => extractDocument(source(name, bytes, format), null);

describe('same entities in every format', () => {
  let base: ReturnType<typeof graphOf>;
  beforeAll(async () => {
    base = graphOf(await extractAs('founding.txt', foundingBytes(), 'txt'));
    expect(base.entities.length).toBeGreaterThan(20);
  });

  it.each<[string, () => Promise<Buffer> | Buffer, Format]>([
    ['founding.gb18030.txt', gb18030Bytes, 'txt'],
    ['founding.html', () => Buffer.from(buildHtml()), 'html'],
    ['founding.docx', buildDocx, 'docx'],
    ['founding.pdf', () => readFileSync(new URL('./fixtures/founding.pdf', import.meta.url)), 'pdf'],
  ])('%s', async (name, bytes, format) => {
    const extracted = await extractAs(name, await bytes(), format);
    expect(graphOf(extracted)).toEqual(base);
    for (const r of extracted.relations) {
      for (const ev of r.evidence) expect(extracted.document.text.slice(ev.start, ev.end)).toBe(ev.text);
    }
  });
});
