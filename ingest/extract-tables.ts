/**
 * Tables written as text: a header row over one row per kind (形式｜牵头方｜主要参与方 then
 * 用户牵引型合作｜运营者｜企业、高校), or rows of labelled cells (模式一：X｜牵头方：Y｜主要参与方：Z).
 * Each row names a kind of collaboration and, in its own columns, who leads it and who takes part.
 */
import type { Lexicon } from './lexicon.js';

export interface TableKind {
  /** The kind's name (a trailing （含…） qualifier dropped) and its span in the text. */
  name: string;
  start: number;
  end: number;
  /** The names listed in the row's leader and participant cells, with their spans. */
  leaders: TableName[];
  participants: TableName[];
}

export interface TableName {
  name: string;
  start: number;
}

interface Cell {
  key: string;
  value: string;
  /** Offset of `value` in the text. */
  at: number;
}

const CELL_SEPARATOR = /[｜|]/u;
/** 牵头方：链主企业 — a labelled cell. */
const LABELLED = /^([^：:，,。]{1,8})[：:]\s*/u;
/** 模式一 / 类型A: a label that numbers the kind; the value is its name. */
const NUMBERED_LABEL = /^(?:模式|类型|形态|形式|路径|方式|类别)[一二三四五六七八九十\dA-Za-z]{1,2}$/u;
const QUALIFIER = /\s*[（(][^）)]*[）)]\s*$/u;
const MIN_NAME = 3;
const MAX_NAME = 30;
const MAX_HEADER_CELL = 8;

/** The parts of `text` between separators, trimmed, each with its offset (`at` is the offset of `text`). */
function partsOf(text: string, at: number, separator: RegExp): Array<{ text: string; at: number }> {
  const out: Array<{ text: string; at: number }> = [];
  let offset = 0;
  for (const part of text.split(separator)) {
    const lead = part.length - part.trimStart().length;
    out.push({ text: part.trim(), at: at + offset + lead });
    offset += part.length + 1;
  }
  return out;
}

/** A cell listing names (高校、科研院所、投资机构): each name with its offset. */
const listed = (cell: Cell): TableName[] => partsOf(cell.value, cell.at, NAME_SEPARATOR).filter((p) => p.text).map((p) => ({ name: p.text, start: p.at }));
const NAME_SEPARATOR = /[、，,；;]/u;

export function tableKinds(text: string, lex: Lexicon): TableKind[] {
  const cols = lex.cues.mode.tableColumns;
  const names = (key: string, words: string[]) => words.some((w) => key.endsWith(w));
  const isKind = (key: string) => NUMBERED_LABEL.test(key) || names(key, cols.kind);
  const out: TableKind[] = [];
  let header: string[] | undefined;
  for (const m of text.matchAll(/[^\n]+/gu)) {
    const raw = partsOf(m[0], m.index ?? 0, CELL_SEPARATOR);
    if (raw.length < 2) {
      header = undefined;
      continue;
    }
    // 形式｜牵头方｜主要参与方: short unlabelled cells, the first naming the kind column
    if (!header && raw.every((c) => c.text.length <= MAX_HEADER_CELL && !LABELLED.test(c.text)) && isKind(raw[0].text)) {
      header = raw.map((c) => c.text);
      continue;
    }
    const cells: Cell[] = raw.map((c, i) => {
      const label = LABELLED.exec(c.text);
      if (label) return { key: label[1], value: c.text.slice(label[0].length), at: c.at + label[0].length };
      return { key: header?.[i] ?? '', value: c.text, at: c.at };
    });
    const kind = cells.find((c) => isKind(c.key));
    if (!kind) continue;
    const name = kind.value.replace(QUALIFIER, '');
    if (name.length < MIN_NAME || name.length > MAX_NAME || /[，,。；;]/u.test(name)) continue;
    const participants = cells.filter((c) => c !== kind && names(c.key, cols.participants)).flatMap(listed);
    // (a participants column is never read as a leaders one: 主要参与方 does not end in 牵头)
    const leaders = cells.filter((c) => c !== kind && names(c.key, cols.leaders) && !names(c.key, cols.participants)).flatMap(listed);
    out.push({ name, start: kind.at, end: kind.at + name.length, leaders, participants });
  }
  return out;
}
