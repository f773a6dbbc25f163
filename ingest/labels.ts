/**
 * English labels for entities: the bilingual domain glossary (lexicon/glossary.json), then phrase
 * templates (lexicon/label-templates.json), then CC-CEDICT word by word for the rest.
 */
import { z } from 'zod';
import { cedictSenses } from '../core/cedict.js';
import { PolicygraphError } from '../core/errors.js';
import templatesJson from './lexicon/label-templates.json' with { type: 'json' };
import { lexicon, type Lexicon } from './lexicon.js';
import { segment } from './segment.js';
import type { EntityType } from './types.js';


const TemplatesSchema = z.object({
  templates: z.array(z.object({ regex: z.string(), en: z.string() })),
  joiners: z.record(z.string(), z.string()),
});

let templates: { templates: Array<{ re: RegExp; en: string }>; joiners: Record<string, string> } | undefined;
let glossaryMap: Map<string, string> | undefined;
let cedict: Map<string, string[]> | undefined;

/**
 * Load CC-CEDICT once (core/cedict.ts). Until it is loaded, labels use the glossary and templates
 * only, so callers that want dictionary labels await this first.
 */
export async function loadDictionary(): Promise<void> {
  cedict ??= cedictSenses();
}

export const dictionaryLoaded = (): boolean => cedict !== undefined;

function tpl() {
  if (templates) return templates;
  const r = TemplatesSchema.safeParse(templatesJson);
  if (!r.success) throw new PolicygraphError('CONFIG', `invalid label templates: ${r.error.message}`, { file: 'ingest/lexicon/label-templates.json' });
  templates = { templates: r.data.templates.map((t) => ({ re: new RegExp(t.regex, 'u'), en: t.en })), joiners: r.data.joiners };
  return templates;
}

function glossary(lex: Lexicon): Map<string, string> {
  glossaryMap ??= new Map(lex.glossary.map((g) => [g.zh, g.en]));
  return glossaryMap;
}

const SKIP_SENSE = /^(CL:|variant of|old variant|see |surname|abbr\.|used in|\(bound form\)|erhua|Taiwan pr\.)/i;
const MAX_GLOSS_WORDS = 4;

/** A short dictionary gloss: the first plain sense of at most a few words ("to assess" -> "assess"). */
function cedictGloss(word: string): string | undefined {
  const senses = (cedict?.get(word) ?? [])
    .map((s) => s.split(';')[0])
    .filter((s) => !SKIP_SENSE.test(s))
    .map((s) => s.replace(/\([^)]*\)/g, '').replace(/\b(sth|sb|one's)\b/g, '').replace(/^to /, '').replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '');
  return senses.find((s) => s.split(' ').length <= MAX_GLOSS_WORDS) ?? senses[0];
}

const MAX_WORD = 8;

function glossWord(w: string, lex: Lexicon): string | undefined {
  return tpl().joiners[w] ?? glossary(lex).get(w) ?? cedictGloss(w);
}

/** Greedy longest-match over glossary and dictionary words inside one segment. */
function greedy(zh: string, lex: Lexicon): string[] {
  const parts: string[] = [];
  for (let i = 0; i < zh.length; ) {
    let n = Math.min(MAX_WORD, zh.length - i);
    let en: string | undefined;
    for (; n >= 1 && en === undefined; n--) en = glossWord(zh.slice(i, i + n), lex);
    if (en === undefined) {
      // Not in any dictionary (or the dictionary is not loaded): keep the character as written.
      parts.push(zh[i]);
      i++;
    } else {
      parts.push(en);
      i += n + 1;
    }
  }
  return parts;
}

/** Word-by-word translation: jieba words (with the domain dictionary), each glossed whole when possible. */
function compose(zh: string, lex: Lexicon): string {
  const parts = segment(zh).flatMap((t) => {
    const whole = glossWord(t.text, lex);
    return whole !== undefined ? [whole] : greedy(t.text, lex);
  });
  return parts.join(' ').replace(/\s+([,])/g, '$1').replace(/\s+/g, ' ').replace(/\s+-/g, '-').trim();
}

function translate(zh: string, lex: Lexicon, depth = 0): string {
  const hit = glossary(lex).get(zh);
  if (hit) return hit;
  if (depth < 3) {
    for (const t of tpl().templates) {
      const m = zh.match(t.re);
      if (!m?.groups) continue;
      const groups = m.groups;
      return t.en.replace(/\{(\w+)\}/g, (_, k: string) => (groups[k] ? translate(groups[k], lex, depth + 1) : '')).replace(/\s+/g, ' ').trim();
    }
  }
  return compose(zh, lex);
}

/** English label of an entity label (Chinese). Deterministic for a given lexicon and dictionary state. */
export function englishLabel(label: string, _type: EntityType, lex: Lexicon = lexicon()): string {
  return translate(label.replace(/[“”"]/g, ''), lex);
}
