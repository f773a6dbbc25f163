/**
 * Assemble the paragraphs a structured format yields (html, docx, pdf) into one normalised text
 * plus HeadingHints whose offsets point into that text.
 */
import type { HeadingHint } from '../types.js';
import { normaliseText } from './normalise.js';

export interface Block {
  text: string;
  /** Undefined for body text, 1-6 for an explicit heading level, 0 for a wholly bold paragraph. */
  headingLevel?: number;
}

export interface FormatResult {
  /** Normalised text (see DecodedDocument.text). */
  text: string;
  headingHints: HeadingHint[];
  encoding: string;
}

/** Blocks are trimmed and joined by a blank line; empty blocks vanish. Each line of a heading block gets a hint. */
export function assembleBlocks(blocks: Block[], encoding: string): FormatResult {
  let text = '';
  const headingHints: HeadingHint[] = [];
  for (const block of blocks) {
    const body = normaliseText(block.text)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n');
    if (!body) continue;
    if (text) text += '\n\n';
    if (block.headingLevel !== undefined) {
      let at = text.length;
      for (const line of body.split('\n')) {
        headingHints.push({ start: at, end: at + line.length, level: block.headingLevel });
        at += line.length + 1;
      }
    }
    text += body;
  }
  return { text, headingHints, encoding };
}
