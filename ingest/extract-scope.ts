/**
 * Document structure as the extractor sees it: heading spans (marker stripped), their nesting
 * and the span each heading governs. Uses the splitter's sections when it found any, otherwise
 * falls back to numbered heading lines so extraction still has structural cues.
 */
import type { Section } from './types.js';

export interface Heading {
  /** Span of the heading text without its numbering marker. */
  start: number;
  end: number;
  text: string;
  marker: string;
  level: number;
  /** Span governed by the heading (heading + body + nested sections). */
  scopeStart: number;
  scopeEnd: number;
  /** Index of the enclosing heading in `Structure.headings`, if any. */
  parent?: number;
  hasChildren: boolean;
  /** `enumeration` for inline items (一是…；二是…), whose heading text is the item's first clause. */
  kind: 'heading' | 'enumeration';
  /** For enumeration items: the text that introduces the list (…主要有两种组织形式：). */
  intro?: string;
}

export interface Structure {
  headings: Heading[];
}

const MARKERS: Array<{ re: RegExp; level: number }> = [
  { re: /^第[一二三四五六七八九十百\d]+[章节部分篇]\s*/u, level: 1 },
  { re: /^[一二三四五六七八九十]+[、.．]\s*/u, level: 1 },
  { re: /^[（(][一二三四五六七八九十]+[）)]\s*/u, level: 2 },
  { re: /^\d{1,2}[.．、](?!\d)\s*/u, level: 3 },
  { re: /^[（(]\d{1,2}[）)]\s*/u, level: 4 },
  { re: /^[①②③④⑤⑥⑦⑧⑨⑩]\s*/u, level: 5 },
];

const MAX_HEADING_CHARS = 60;

function fromSections(text: string, sections: Section[]): Heading[] {
  const out: Heading[] = [];
  for (const s of sections) {
    if (s.level === 0 || s.headingEnd <= s.headingStart || !s.heading) continue;
    const at = text.indexOf(s.heading, s.headingStart);
    const start = at >= 0 && at < s.headingEnd ? at : s.headingStart;
    const end = at >= 0 && at < s.headingEnd ? at + s.heading.length : s.headingEnd;
    // (（一）第五条、第六条：整机企业牵头的…: the articles cited before the colon are no part of the title)
    const cited = CITED_ARTICLES.exec(text.slice(start, end))?.[0].length ?? 0;
    out.push({ start: start + cited, end, text: text.slice(start + cited, end), marker: s.marker, level: s.level, scopeStart: s.start, scopeEnd: s.end, hasChildren: false, kind: 'heading' });
  }
  return out;
}
/** 第五条、第六条： / 第九条： — articles a heading cites before its title. */
const CITED_ARTICLES = /^第[一二三四五六七八九十百\d]+条(?:[、和及至到—－-]第?[一二三四五六七八九十百\d]+条)*[：:]\s*(?=\S)/u;

/** Numbered lines without sentence-final punctuation, as headings (used when the splitter gave none). */
function fromLines(text: string): Heading[] {
  const out: Heading[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const line = m[0];
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (!body || body.length > MAX_HEADING_CHARS || /[。；;！？!?]$/u.test(body)) continue;
    const marker = MARKERS.find((k) => k.re.test(body));
    if (!marker) continue;
    const mk = body.match(marker.re)?.[0] ?? '';
    const start = m.index + lead + mk.length;
    const end = m.index + lead + body.length;
    out.push({ start, end, text: text.slice(start, end), marker: mk.trim(), level: marker.level, scopeStart: m.index + lead, scopeEnd: text.length, hasChildren: false, kind: 'heading' });
  }
  // A heading governs the text up to the next heading of the same or a higher level.
  for (let i = 0; i < out.length; i++) {
    const next = out.slice(i + 1).find((h) => h.level <= out[i].level);
    out[i].scopeEnd = next ? next.scopeStart : text.length;
  }
  return out;
}

const ORDINALS = '一二三四五六七八九十';
const ENUM_MARKER = /(?:^|(?<=[。；;：:，,\s]))([一二三四五六七八九十]是|其[一二三四五六七八九十](?:是|(?=[，,：:])))/gmu;
/** An item's first clause, as its heading: long enough for a stated shift (由以论文…为导向向以…为导向转变). */
const ENUM_ITEM_MAX = 36;
const SEQUENCE_WORDS = ['首先', '其次', '再次', '最后'];
const PAIR_MARKER = /(?:^|(?<=[。；;：:，,\s]))(一种是|另一种是|一类是|另一类是)/gu;
const PAIR_WORDS = /^(?:另)?一(?:种|类)是$/u;
const SEQUENCE_MARKER = /(?:^|(?<=\n))[ \t\u3000]*(首先|其次|再次|再者|最后)([，,：:])/gu;
/** 头一件，…\n第二件，…: paragraphs opened by a counted ordinal, as a speaker lists what will be done. */
const COUNTED_MARKER = /(?:^|(?<=\n))[ \t\u3000]*((?:第([一二三四五六七八九十])|头(一))(?:件|点|项)(?:事)?)([，,：:])/gu;
const ENUM_LEVEL = 9;

/** 总的看，… / 这一类合作… / 两种方式…: a sentence that sums up a list or speaks of the kind its items divide. */
const SUMMARY_OPENER = /^(?:总的看|总体看|总的来说|总体上|总之|综上|这一?类|该类|此类|[两二三四][种类](?:方式|做法|合作|模式|形式))/u;

/** Where the last item of a list ends: at the first later sentence of its paragraph that sums the list up. */
function summaryAt(text: string, start: number, lineEnd: number): number {
  const sentenceEnds = /[。！？]/gu;
  sentenceEnds.lastIndex = start;
  for (let m = sentenceEnds.exec(text); m && m.index < lineEnd; m = sentenceEnds.exec(text)) {
    if (SUMMARY_OPENER.test(text.slice(m.index + 1, lineEnd))) return m.index + 1;
  }
  return lineEnd;
}

/** The last sentence of a text, by full-width terminators and, unless `asciiStops` is false, ASCII ones too. */
export const lastSentence = (t: string, asciiStops = true): string =>
  t
    .split(asciiStops ? /(?<=[。！？!?])/u : /(?<=[。！？])/u)
    .filter((x) => x.trim())
    .at(-1) ?? '';

/**
 * Inline enumerations (一是…；二是…, within a paragraph or one per line): each item is a
 * pseudo-heading whose text is the item's first clause and whose scope runs to the next item
 * (the last one to the end of its paragraph).
 */
function enumerations(text: string, taken: Heading[]): Heading[] {
  const ordinal = [...text.matchAll(ENUM_MARKER)].map((m) => ({ at: m.index ?? 0, marker: m[1], n: ORDINALS.indexOf(m[1].replace(/[是其]/gu, '')) }));
  // 首先，…\n其次，…\n最后，…: paragraphs opened by sequence words are a list too (最后 closes any run).
  const sequence = [...text.matchAll(SEQUENCE_MARKER)].map((m) => ({ at: (m.index ?? 0) + m[0].indexOf(m[1]), marker: m[1] + m[2], n: SEQUENCE_WORDS.indexOf(m[1]) }));
  // 一种是校内自建型，…；另一种是区域共建型，…: a pair of kinds named in running text.
  const pair = [...text.matchAll(PAIR_MARKER)].map((m) => ({ at: (m.index ?? 0) + m[0].indexOf(m[1]), marker: m[1], n: m[1].startsWith('另') ? 1 : 0 }));
  const counted = [...text.matchAll(COUNTED_MARKER)].map((m) => ({ at: (m.index ?? 0) + m[0].indexOf(m[1]), marker: m[1] + m[4], n: ORDINALS.indexOf(m[2] ?? m[3]) }));
  const marks = [...ordinal, ...sequence, ...pair, ...counted].sort((a, b) => a.at - b.at);
  // Runs of consecutive ordinals (一, 二, 三…) form one list.
  const runs: (typeof marks)[] = [];
  for (const m of marks) {
    const run = runs.at(-1);
    const prev = run?.at(-1);
    const family = (x: { marker: string }) => (SEQUENCE_WORDS.includes(x.marker.slice(0, 2)) ? 'seq' : PAIR_WORDS.test(x.marker) ? 'pair' : /^[第头]/u.test(x.marker) ? 'counted' : 'ordinal');
    const isSeq = family(m) === 'seq';
    const prevSeq = prev !== undefined && family(prev) === 'seq';
    if (run && prev && family(m) !== family(prev)) {
      if (m.n === 0) runs.push([m]);
      continue;
    }
    if (run && prev && isSeq === prevSeq && (m.n === prev.n + 1 || (isSeq && m.marker.startsWith('最后') && prev.n >= 1))) run.push(isSeq && m.marker.startsWith('最后') ? { ...m, n: prev.n + 1 } : m);
    else if (m.n === 0) runs.push([m]);
  }
  const out: Heading[] = [];
  for (const run of runs.filter((r) => r.length >= 2)) {
    const first = run[0].at;
    const lineStart = text.lastIndexOf('\n', first - 1) + 1;
    const introLine = text.slice(lineStart, first).trim();
    const prev = text.slice(0, lineStart).trimEnd().split('\n').at(-1) ?? '';
    // (the sentence that introduces the list, not the whole paragraph before it)
    const intro = lastSentence(introLine) || lastSentence(prev);
    run.forEach((it, i) => {
      // (其一，龙头竹企领衔的全链攻关。: the comma closing the marker is not the item's first clause)
      const start = it.at + it.marker.length + (/^[，,：:]/u.test(text.slice(it.at + it.marker.length)) ? 1 : 0);
      const lineEnd = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
      const scopeEnd = i + 1 < run.length ? run[i + 1].at : summaryAt(text, start, lineEnd);
      const rest = text.slice(start, scopeEnd);
      const cut = rest.search(/[，,：:；;。]/u);
      const end = start + (cut >= 0 ? cut : rest.length);
      if (end - start < 2 || end - start > ENUM_ITEM_MAX) return;
      if (taken.some((h) => h.start < end && start < h.end)) return;
      out.push({ start, end, text: text.slice(start, end), marker: it.marker, level: ENUM_LEVEL, scopeStart: it.at, scopeEnd, hasChildren: false, kind: 'enumeration', intro });
    });
  }
  return out;
}

/**
 * Kinds announced by a sentence (分为两类：A，…；B，…): each ；-separated item is a pseudo-heading
 * whose text is its first clause, introduced by the announcing words.
 */
function colonLists(text: string, taken: Heading[], intro: RegExp): Heading[] {
  const out: Heading[] = [];
  for (const m of text.matchAll(new RegExp(intro.source, 'gu'))) {
    const listStart = (m.index ?? 0) + m[0].length;
    let listEnd = text.indexOf('。', listStart);
    const nl = text.indexOf('\n', listStart);
    if (listEnd < 0 || (nl >= 0 && nl < listEnd)) listEnd = nl < 0 ? text.length : nl;
    const lineStart = text.lastIndexOf('\n', m.index ?? 0) + 1;
    const introText = text.slice(lineStart, listStart);
    let at = listStart;
    const items: Heading[] = [];
    for (const part of text.slice(listStart, listEnd).split(/[；;]/u)) {
      // 一种是…；另一种是…: the item's own introducer is not part of its name.
      const lead = part.length - part.trimStart().length + (part.trimStart().match(ITEM_INTRODUCER)?.[0].length ?? 0);
      const start = at + lead;
      const cut = part.slice(lead).search(/[，,：:（(]/u);
      const end = start + (cut >= 0 ? cut : part.length - lead);
      if (end - start >= 2 && end - start <= ENUM_ITEM_MAX && !taken.some((h) => h.start < end && start < h.end)) {
        items.push({ start, end, text: text.slice(start, end), marker: '', level: ENUM_LEVEL, scopeStart: at, scopeEnd: at + part.length, hasChildren: false, kind: 'enumeration', intro: introText });
      }
      at += part.length + 1;
    }
    if (items.length >= 2) out.push(...items);
  }
  return out;
}

/** A line opened by an ordinal kind (第一类…, 第二种…): the start of one kind's description in a series. */
export const ORDINAL_KIND = /^[ \t\u3000]*第[一二三四五六七八九十]+(?:类|种)/u;
/** An item of a series of kinds: 第二类… / 第三种…, or told one at a time as in speech (头一条，是… / 第二条，是…). */
export const SERIES_ITEM = /^[ \t\u3000]*(?:第[一二三四五六七八九十]+(?:类|种)|(?:第[一二三四五六七八九十]+|头一)条[，,])/u;

const ITEM_INTRODUCER = /^(?:另一种|另一类|一种|一类|其[一二三四五])(?:是|为)?/u;

const MAX_UNMARKED_HEADING = 24;
/** A line that is one quotation: “…”. */
const QUOTED_LINE = /^[“"「][^“”"「」]+[”"」]$/u;
/** 【案由】 / 【具体建议】: an unnumbered chapter title in lenticular brackets. */
const BRACKETED_TITLE = /^[【〖][^】〗]+[】〗]$/u;
/** 【案例一】… / 【专栏】… / 【评析】 / 专栏1　…: a box inside the section it illustrates. */
const BOX_TITLE = /^(?:[【〖](?:案例|专栏|链接|资料|背景|评析|点评|延伸阅读|典型案例|经验做法)[^】〗]{0,4}[】〗]|(?:专栏|案例|链接)[0-9０-９一二三四五六七八九十]{1,3}[\s\u3000：:])/u;
/** 表1　… / 图2　…: the caption of a table or figure, not a heading. */
const CAPTION = /^[表图][0-9０-９]{1,2}[\s\u3000：:]/u;

/**
 * Unnumbered heading lines (对策与建议, 当前面临的变化主要体现在：) that follow the body of a numbered
 * section start a new block: they close that section's scope and become headings at its level, so
 * that what follows (①… measures, 一是… shifts) is not read as part of the section before.
 */
function unmarkedHeadings(text: string, base: Heading[], kindCue?: RegExp): Heading[] {
  const out: Heading[] = [];
  const firstLine = text.search(/\S/u);
  const re = /[^\n]+/g;
  const lines: Array<{ at: number; body: string }> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim().replace(/[：:]$/u, '');
    const at = m.index + lead;
    if (at <= firstLine || body.length < 2 || body.length > MAX_UNMARKED_HEADING) continue;
    // A line holding a heading the splitter found (its marker before the heading text: '2.1 …') is that heading.
    const lineEnd = at + m[0].trim().length;
    // (a feature's subheading in quotes may hold a comma: “从枝头到货架，一条链管到底”)
    const punct = QUOTED_LINE.test(body) ? /[。；;！？!?｜|：:]/u : /[。；;！？!?，,、｜|：:]/u;
    if (punct.test(body) || MARKERS.some((k) => k.re.test(body)) || base.some((h) => h.start < lineEnd && at < h.end + 1)) continue;
    // (【案例一】… / 【专栏2】…: the title of a box illustrating the text around it, not a chapter)
    if (BOX_TITLE.test(body) || CAPTION.test(body)) continue;
    lines.push({ at, body });
  }
  // Unmarked lines outside every numbered section (三类合作形态 / 几点建议 / 第一，… ) are the document's
  // chapters when there are at least two: each runs to the next, and numbered headings right under
  // one (几点建议 then 第一，…) become its children. A line followed by body text that would swallow
  // numbered headings (摘要 …正文… 一、…) is left alone.
  const numbered = base.filter((h) => h.kind === 'heading');
  // Sections whose body opens with an unmarked line are divided by such lines (below); their lines are not chapters.
  const opensWithLine = (h: Heading) => lines.some((l) => l.at === text.slice(h.end).search(/\S/u) + h.end);
  const innerOf = (at: number) => numbered.filter((h) => h.scopeStart <= at && at < h.scopeEnd).sort((a, b) => b.level - a.level)[0];
  // A line inside a top-level numbered section, after its body, ends that section: the splitter does not
  // know unmarked headings (…3．良种联合攻关 正文… 新阶段的新要求 一是… / 政策取向与建议 1．…).
  const top = lines.filter((l) => {
    const o = innerOf(l.at);
    if (!o) return true;
    // 【形势研判】 after （乙）… : a bracketed title line (提案 / 议案 chapters) ends every section open above it.
    if (BRACKETED_TITLE.test(l.body)) return text.slice(o.end, l.at).trim() !== '';
    return o.level === 1 && !opensWithLine(o) && text.slice(o.end, l.at).trim() !== '' && !numbered.some((h) => h.level === 1 && h.scopeStart > o.scopeStart && h.scopeStart < l.at);
  });
  const chapters = new Set<number>();
  if (top.length >= 2) {
    for (const l of top) for (const h of numbered) if (h.scopeStart < l.at && l.at < h.scopeEnd) h.scopeEnd = l.at;
    top.forEach((l, i) => {
      const end = i + 1 < top.length ? top[i + 1].at : text.length;
      const inside = numbered.filter((h) => h.scopeStart > l.at && h.scopeStart < end);
      const next = text.slice(l.at + l.body.length).search(/\S/u) + l.at + l.body.length;
      // …unless the line announces kinds (当前…合作的几种组织形态 / 三种模式): its lead text comes before them.
      if (inside.length > 0 && !inside.some((h) => h.scopeStart === next) && !(kindCue?.test(l.body) ?? false)) return;
      for (const h of inside) {
        h.level += 1;
        h.scopeEnd = Math.min(h.scopeEnd, end);
      }
      chapters.add(l.at);
      out.push({ start: l.at, end: l.at + l.body.length, text: l.body, marker: '', level: 1, scopeStart: l.at, scopeEnd: end, hasChildren: false, kind: 'heading' });
    });
  }
  // A numbered section whose body opens with an unmarked line is divided by such lines: they are its
  // sub-headings (二、主要组织方式 / 商业化育种联合体 / 正文… / 资源共享型协作 / 正文…).
  const divided = new Set<number>();
  for (const open of base.filter((h) => h.kind === 'heading')) {
    const firstBody = text.slice(open.end).search(/\S/u) + open.end;
    const mine = lines.filter((l) => !chapters.has(l.at) && l.at > open.end && l.at < open.scopeEnd && innermostAt(base, l.at) === open);
    if (mine.length === 0 || mine[0].at !== firstBody) continue;
    const next = (at: number) => Math.min(open.scopeEnd, ...base.filter((h) => h.kind === 'heading' && h.scopeStart > at).map((h) => h.scopeStart));
    mine.forEach((l, i) => {
      divided.add(l.at);
      const end = Math.min(next(l.at), i + 1 < mine.length ? mine[i + 1].at : open.scopeEnd);
      out.push({ start: l.at, end: l.at + l.body.length, text: l.body, marker: '', level: open.level + 1, scopeStart: l.at, scopeEnd: end, hasChildren: false, kind: 'heading' });
    });
  }
  for (const { at, body } of lines) {
    if (divided.has(at) || chapters.has(at)) continue;
    // The innermost section open here, with body text of its own between its heading and this line.
    const all = [...base, ...out];
    const open = all
      .filter((h) => h.kind === 'heading' && h.end < at && at < h.scopeEnd)
      .sort((a, b) => b.level - a.level)[0];
    if (!open || text.slice(open.end, at).trim() === '') continue;
    // Sections that run over the line end before it (the splitter does not know unnumbered headings).
    const scopeEnd = Math.min(...base.filter((h) => h.kind === 'heading' && h.start > at && h.level <= open.level).map((h) => h.scopeStart), open.scopeEnd);
    for (const h of all) if (h.kind === 'heading' && h.end < at && at < h.scopeEnd && h.level >= open.level) h.scopeEnd = at;
    out.push({ start: at, end: at + body.length, text: body, marker: '', level: open.level, scopeStart: at, scopeEnd, hasChildren: false, kind: 'heading' });
  }
  return out;
}

/** A heading numbered by its marker (一、, （二）, 第三条, Ⅱa): not an unnumbered line or a bullet (——, ●). */
export const isNumbered = (h: Heading): boolean => /[\p{Script=Han}\p{N}A-Za-z]/u.test(h.marker);

/** The first paragraph of a heading's body: from its first non-blank character to the end of that line, within the heading's scope. */
export function firstParagraph(text: string, h: Heading): { start: number; end: number } {
  const start = h.end + Math.max(0, text.slice(h.end, h.scopeEnd).search(/\S/u));
  const nl = text.indexOf('\n', start);
  return { start, end: nl < 0 || nl > h.scopeEnd ? h.scopeEnd : nl };
}

/** The innermost heading whose scope holds `at` (its heading line excluded). */
export function innermostAt(hs: Heading[], at: number): Heading | undefined {
  return hs.filter((h) => h.kind === 'heading' && h.end <= at && at < h.scopeEnd).sort((a, b) => b.level - a.level)[0];
}

export function buildStructure(text: string, sections: Section[], listIntro?: RegExp, kindCue?: RegExp): Structure {
  const fromSplitter = fromSections(text, sections);
  const marked = fromSplitter.length > 0 ? fromSplitter : fromLines(text);
  const base = [...marked, ...unmarkedHeadings(text, marked, kindCue)].sort((a, b) => a.start - b.start);
  const enums = enumerations(text, base);
  // 其三，…——甲…——乙…其四，…: a heading inside one item of a list ends where the list's next item begins
  for (const h of base) {
    const next = enums.find((e) => e.scopeStart > h.end && e.scopeStart < h.scopeEnd && enums.some((f) => f !== e && f.intro === e.intro && f.scopeStart < h.start));
    if (next) h.scopeEnd = next.scopeStart;
  }
  const lists = listIntro ? colonLists(text, [...base, ...enums], listIntro) : [];
  const headings = [...base, ...enums, ...lists].sort((a, b) => a.start - b.start);
  headings.forEach((h, i) => {
    for (let j = i - 1; j >= 0; j--) {
      const p = headings[j];
      if (p.scopeStart <= h.scopeStart && h.scopeEnd <= p.scopeEnd && p.level < h.level) {
        h.parent = j;
        // Enumerated items do not make their heading a chapter: it still names one thing.
        if (h.kind === 'heading') p.hasChildren = true;
        break;
      }
    }
  });
  return { headings };
}

/** The heading (or enumeration item) whose text contains [start, end), if any. */
export function headingAt(structure: Structure, start: number, end: number): number | undefined {
  const i = structure.headings.findIndex((h) => h.start <= start && end <= h.end);
  return i >= 0 ? i : undefined;
}
