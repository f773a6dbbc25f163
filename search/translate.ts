/**
 * Query translation English -> Chinese: glossary and policy phrases longest-first, then
 * CC-CEDICT read in reverse for the remaining content words; English function words dropped.
 * Each English concept becomes a TermGroup of Chinese alternatives, best first.
 */
import { segment } from '../ingest/segment.js';
import { hasExactSense, reverseLookup } from './cedict-reverse.js';
import { domainGlossary, questionCues } from './lexicon.js';

export interface TermGroup {
  /** The English words (or Chinese run) this group stands for. */
  source: string;
  /** Chinese alternatives, best first. */
  alternatives: string[];
  /** Light verbs and the like: matched with a low weight. */
  weak: boolean;
  /** A negation cue precedes this group (does not / without ...). */
  negated: boolean;
  origin: 'glossary' | 'phrase' | 'dictionary' | 'chinese';
  /** Dictionary groups: further, rarer senses (not searched unless a document is known to use them). */
  more?: string[];
  /** Names the relation the answer fills (新型研发机构的【决策机构】是什么): weighted up by the answerer. */
  role?: boolean;
  /**
   * How this group's English stands to the next group's: 'adjacent' (industrialization company:
   * a compound the documents may write as one word, 产业化公司) or 'of' (the board of the
   * platform, alliances for common technologies: written head-last, 平台的理事会 / 平台理事会,
   * 共性技术联盟). Read by search/compounds.ts.
   */
  next?: 'adjacent' | 'of';
  /**
   * A compound joined from several English words (safety liability -> 安全责任): the alternatives
   * of each word, so that it weighs what its words weigh (search/evidence-score.ts).
   */
  parts?: string[][];
}

export interface Translation {
  /** The Chinese query: best alternative of each group (the text itself when it is Chinese). */
  zh: string;
  /** Every Chinese alternative of every group, for lexical search. */
  terms: string[];
  english: boolean;
  groups: TermGroup[];
  /** An English negation cue was seen. */
  negated: boolean;
  /** English content words nothing could translate. */
  unknown: string[];
}

const HAN = /\p{Script=Han}/gu;
const ARTICLES = new Set(['the', 'a', 'an']);
/** Prepositions after a head noun whose object Chinese writes before it. */
const OF = new Set(['of', 'for']);
const LATIN = /[A-Za-z]/g;

/** English when Latin letters outnumber Han characters (mixed questions keep their Han runs as terms). */
export function isEnglish(text: string): boolean {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return latin > 0 && latin >= han * 2;
}

/** Plural-stripping stemmer applied to both phrase keys and query words, so they meet. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

interface PhraseEntry {
  alternatives: string[];
  weak: boolean;
  suffix: boolean;
  origin: 'glossary' | 'phrase';
}

const phraseKey = (en: string): string =>
  en.toLowerCase().replace(/[-_/]+/g, ' ').replace(/[^a-z0-9&' ]+/g, ' ').split(/\s+/).filter(Boolean).map(stem).join(' ');

let phrases: Map<string, PhraseEntry> | undefined;
let maxPhraseWords = 1;
function phraseTable(): Map<string, PhraseEntry> {
  if (phrases) return phrases;
  const table = new Map<string, PhraseEntry>();
  const add = (en: string, zh: string[], origin: PhraseEntry['origin'], weak = false, suffix = false) => {
    const key = phraseKey(en);
    if (!key) return;
    maxPhraseWords = Math.max(maxPhraseWords, key.split(' ').length);
    const prev = table.get(key);
    if (prev) {
      for (const z of zh) if (!prev.alternatives.includes(z)) prev.alternatives.push(z);
      prev.suffix ||= suffix;
    } else table.set(key, { alternatives: [...zh], weak, suffix, origin });
  };
  // the domain glossary first: its Chinese is the documents' own vocabulary
  for (const g of domainGlossary()) for (const en of g.en) add(en, [g.zh], 'glossary');
  for (const p of questionCues().enPhrases) add(p.en, p.zh, 'phrase', p.weak ?? false, p.suffix ?? false);
  phrases = table;
  return table;
}

interface Word {
  text: string;
  han: boolean;
  /** Written attached to the previous word by a hyphen (government-led). */
  hyphenated: boolean;
  /** Punctuation stands between it and the previous word: a noun phrase does not run across it. */
  clauseStart: boolean;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  const re = /\p{Script=Han}+|[a-z0-9&]+(?:'[a-z]+)?/gu;
  let lastEnd = 0;
  const lower = text.toLowerCase().replace(/\u2019/g, "'");
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    // a possessive is the noun itself (the chain leader's role -> chain leader + role)
    const word = /[a-z]'s$/.test(m[0]) ? m[0].slice(0, -2) : m[0];
    const gap = lower.slice(lastEnd, m.index);
    out.push({ text: word, han: /\p{Script=Han}/u.test(word), hyphenated: m.index > 0 && lower[m.index - 1] === '-', clauseStart: /[,;:.?!，；：。？！]/u.test(gap) });
    lastEnd = m.index + m[0].length;
  }
  return out;
}

/**
 * Base forms tried against the phrase table, the word itself first: irregular forms from the
 * cue data (took -> take), then the regular inflections (decided -> decide, funding -> fund).
 */
export function lemmas(word: string): string[] {
  const irregular = questionCues().enIrregular[word];
  return [...new Set([word, stem(word), ...(irregular ? [irregular] : []), ...variants(word)])].filter((w) => w.length > 1);
}

/** Inflection variants tried against the dictionary when the word itself is absent. */
function variants(word: string): string[] {
  // British spellings: the dictionary is American (organise -> organize, labour -> labor, centre -> center)
  const us = word.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1').replace(/our(s?)$/, 'or$1').replace(/([tb])re(s?)$/, '$1er$2');
  if (us !== word) return [...new Set([...variants(us), word])];
  const out = [word, stem(word)];
  if (word.endsWith('ing') && word.length > 5) out.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  if (word.endsWith('ed') && word.length > 4) out.push(word.slice(0, -2), word.slice(0, -1));
  // doubled final consonant (planned -> plan, committed -> commit)
  if (/([bdgklmnprt])\1(ed|ing)$/.test(word)) out.push(word.replace(/([bdgklmnprt])\1(ed|ing)$/, '$1'));
  if (word.endsWith('ied') && word.length > 4) out.push(`${word.slice(0, -3)}y`);
  // an adverb's adjective (jointly -> joint), never a short word that only ends in -ly (early -> ear, only -> on)
  if (word.endsWith('ly') && word.length > 5) out.push(word.slice(0, -2));
  if (word.endsWith('es') && word.length > 4) out.push(word.slice(0, -2));
  return [...new Set(out)];
}

/**
 * Dictionary candidates, best first (up to 5: the answerer keeps those its documents use).
 * Single characters are left out: as search terms they match almost anything (还, 注, 成).
 */
function dictionaryAlternatives(word: string, limit = 5, margin?: number): string[] {
  const scored = new Map<string, number>();
  // an adjective the dictionary only has as its noun (ceramic -> ceramics 陶瓷, not 瓷砖 "ceramic tile")
  const forms = variants(word);
  if (!forms.some(hasExactSense) && !word.endsWith('s') && hasExactSense(`${word}s`)) forms.push(`${word}s`);
  // a field's adjective the dictionary only has as the field (archaeological -> archaeology 考古)
  if (!forms.some(hasExactSense) && word.endsWith('ical') && hasExactSense(`${word.slice(0, -4)}y`)) forms.push(`${word.slice(0, -4)}y`);
  for (const v of forms) {
    for (const c of reverseLookup(v, limit, margin)) if (c.zh.length > 1) scored.set(c.zh, Math.max(scored.get(c.zh) ?? -Infinity, c.score));
  }
  return [...scored.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([zh]) => zh);
}

/** The words policy texts use for `word` (推动 -> 驱动, 拉动…), itself included; [] when it has none. */
export function policySynonyms(word: string): string[] {
  return questionCues().zhSynonyms.find((set) => set.includes(word)) ?? [];
}

function chineseTranslation(text: string): Translation {
  const stop = new Set(questionCues().zhStopWords);
  const weak = new Set(questionCues().zhWeakWords);
  const groups: TermGroup[] = [];
  for (const t of segment(text)) {
    if (!/\p{Script=Han}|[A-Za-z0-9]/u.test(t.text) || stop.has(t.text)) continue;
    // a lone character left by segmentation (型 of 高校内设型) says little: weak, like a light verb
    const lone = /^\p{Script=Han}$/u.test(t.text);
    groups.push({ source: t.text, alternatives: [...new Set([t.text, ...policySynonyms(t.text)])], weak: weak.has(t.text) || lone, negated: false, origin: 'chinese' });
  }
  return { zh: text.trim(), terms: [...new Set(groups.map((g) => g.alternatives[0]))], english: false, groups, negated: false, unknown: [] };
}

/**
 * Translate a query. Chinese input is returned as is (with its segmented content words as
 * terms); English input is translated group by group.
 */
export function translateQuery(text: string): Translation {
  if (!isEnglish(text)) return chineseTranslation(text);
  const cues = questionCues();
  const functionWords = new Set(cues.enFunctionWords.map((w) => w.toLowerCase()));
  const negations = new Set(cues.negation.en.map((w) => w.toLowerCase()));
  const table = phraseTable();
  const ws = words(text);
  const groups: TermGroup[] = [];
  const unknown: string[] = [];
  let negatedNext = false;
  let negated = false;
  /** A suffix word followed by "by" (led by X): combined with the next group. */
  let pendingSuffix: string[] | null = null;
  let pendingSource = '';

  /** "X-ed by" suffixes waiting for the head of the noun phrase that follows (led by big drug makers -> 药企主导). */
  const suffixed: Array<{ at: number; suffix: string[] }> = [];
  /** Word index just past the last pushed group (for compound adjacency). */
  let lastEnd = -1;
  const push = (g: TermGroup, start: number, end: number) => {
    const prev = groups[groups.length - 1];
    if (prev && !prev.weak && !g.weak && !pendingSuffix && lastEnd >= 0) {
      const between = ws.slice(lastEnd, start).map((x) => x.text);
      if (between.length === 0 && !ws[start]?.clauseStart) groups[groups.length - 1] = { ...prev, next: 'adjacent' };
      // X of Y / X for Y: Chinese writes Y first (alliances for common technologies -> 共性技术联盟)
      else if (OF.has(between[0]) && between.slice(1).every((x) => ARTICLES.has(x))) groups[groups.length - 1] = { ...prev, next: 'of' };
    }
    lastEnd = end;
    if (pendingSuffix) {
      // (combined after the loop with the head of the noun phrase this group opens)
      suffixed.push({ at: groups.length, suffix: pendingSuffix });
      pendingSuffix = null;
    }
    if (negatedNext) {
      g = { ...g, negated: true };
      negatedNext = false;
    }
    groups.push(g);
  };

  for (let i = 0; i < ws.length; ) {
    const w = ws[i];
    if (w.han) {
      push({ source: w.text, alternatives: [w.text], weak: false, negated: false, origin: 'chinese' }, i, i + 1);
      i += 1;
      continue;
    }
    if (negations.has(w.text) || w.text.endsWith("n't")) {
      negatedNext = true;
      negated = true;
      i += 1;
      continue;
    }
    // the government-led type / the innovation consortium type: Chinese writes the kind as a suffix (…型);
    // so it writes a right over something (variety rights -> 品种权, usage rights -> 使用权)
    const kind = cues.enTypeSuffix[stem(w.text)];
    const before = groups[groups.length - 1];
    if (kind && before && lastEnd === i && !before.weak && !before.negated && before.origin !== 'chinese' && !pendingSuffix) {
      const alternatives = [...new Set([...before.alternatives.map((a) => `${a}${kind}`), ...before.alternatives])].slice(0, 8);
      groups[groups.length - 1] = { ...before, source: `${before.source} ${w.text}`, alternatives, origin: before.origin === 'dictionary' ? 'phrase' : before.origin, next: undefined };
      lastEnd = i + 1;
      i += 1;
      continue;
    }
    // longest phrase first, never across a Han run
    let matched = false;
    for (let n = Math.min(maxPhraseWords, ws.length - i); n >= 1 && !matched; n--) {
      const span = ws.slice(i, i + n);
      if (span.some((s) => s.han)) continue;
      const entry = lookupSpan(table, span.map((s) => s.text));
      if (!entry) continue;
      // a single function word is only a phrase when the table says so explicitly (e.g. "have")
      matched = true;
      const prev = groups[groups.length - 1];
      if (entry.suffix && n === 1 && w.hyphenated && prev) {
        // government-led -> 政府主导: the suffix attaches to the word before the hyphen
        groups[groups.length - 1] = { ...prev, source: `${prev.source}-${w.text}`, alternatives: combine(prev.alternatives, entry.alternatives) };
        lastEnd = i + 1;
      } else if (entry.suffix && n === 1 && ws[i + 1]?.text === 'by') {
        pendingSuffix = entry.alternatives;
        pendingSource = `${w.text} by`;
        i += 1; // skip "by"
      } else {
        push({ source: span.map((s) => s.text).join(' '), alternatives: entry.alternatives, weak: entry.weak, negated: false, origin: entry.origin }, i, i + n);
      }
      i += n;
    }
    if (matched) continue;
    if (functionWords.has(w.text) || /^\d+$/.test(w.text)) {
      i += 1;
      continue;
    }
    const alts = dictionaryAlternatives(w.text);
    // rarer senses, for a reader that can check which ones its documents use (diligent -> 勤勉)
    const more = dictionaryAlternatives(w.text, 20, Infinity).filter((a) => !alts.includes(a));
    if (alts.length > 0) push({ source: w.text, alternatives: alts, more, weak: false, negated: false, origin: 'dictionary' }, i, i + 1);
    else unknown.push(w.text);
    i += 1;
  }
  // nothing followed "X-ed by" (who is it run by): the participle is the predicate itself
  if (pendingSuffix) groups.push({ source: pendingSource, alternatives: pendingSuffix, weak: false, negated: false, origin: 'phrase' });
  // the suffix goes to the phrase's head, its last word (led by big drug makers: makers, not big)
  for (const { at, suffix } of suffixed) {
    let head = at;
    while (groups[head]?.next === 'adjacent' && head + 1 < groups.length) head++;
    groups[head] = { ...groups[head], alternatives: combine(groups[head].alternatives, suffix), next: undefined };
  }

  // (pushed -> 推动, which the documents may write 驱动: a rendering searches for its policy near-synonyms too)
  for (const [i, g] of groups.entries()) {
    const synonyms = g.alternatives.slice(0, 3).flatMap(policySynonyms);
    if (synonyms.length) groups[i] = { ...g, alternatives: [...new Set([...g.alternatives.slice(0, 3), ...synonyms, ...g.alternatives.slice(3)])] };
  }
  const zh = groups.map((g) => `${g.negated ? '不' : ''}${g.alternatives[0]}`).join(' ');
  // for lexical search: dictionary guesses beyond the best three add more noise than recall
  const terms = [...new Set(groups.flatMap((g) => (g.origin === 'dictionary' ? g.alternatives.slice(0, 3) : g.alternatives)))];
  return { zh, terms, english: true, groups, negated, unknown };
}

/**
 * The phrase entry for a span of words: as written (plurals stemmed) first, then with the first
 * and last words lemmatised (took the lead -> take the lead, decided by -> decide by).
 */
function lookupSpan(table: Map<string, PhraseEntry>, span: string[]): PhraseEntry | undefined {
  const exact = table.get(span.map(stem).join(' '));
  if (exact) return exact;
  const firsts = lemmas(span[0]);
  const lasts = span.length > 1 ? lemmas(span[span.length - 1]) : [''];
  const middle = span.slice(1, -1).map(stem);
  for (const f of firsts) {
    for (const l of lasts) {
      const key = (span.length > 1 ? [f, ...middle, l] : [f]).map(stem).join(' ');
      const hit = table.get(key);
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * Every head + suffix pairing (at most 8), the first suffix with every head before the next
 * suffix: contract-based -> 合同型 / 协议型 / 契约型 before 合同基于, so a later head is not cut off.
 */
function combine(heads: string[], suffixes: string[]): string[] {
  const out: string[] = [];
  for (const s of suffixes) for (const h of heads) out.push(`${h}${s}`);
  return out.slice(0, 8);
}
