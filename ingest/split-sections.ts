/** Stage `split-sections`: Chinese heading schemes -> nested sections with offsets. (stub: root only) */
import type { DecodedDocument, Section } from './types.js';

export function splitSections(doc: DecodedDocument, docId: string): Section[] {
  return [{ id: `${docId}#s0`, docId, heading: doc.title, marker: '', level: 0, path: [], start: 0, end: doc.text.length, headingStart: 0, headingEnd: 0 }];
}
