/**
 * Compiled structure rules: the heading schemes and sentence punctuation of the JSON data files
 * in this folder, turned once into regexes and sets the splitters use.
 */
import headingsData from './headings.json' with { type: 'json' };
import sentencesData from './sentences.json' with { type: 'json' };

export interface HeadingScheme {
  id: string;
  re: RegExp;
  rank: number;
  runIn: boolean;
  inlineBody: boolean;
  allowTrailingTerminator: boolean;
  keyByDepth: boolean;
}

export interface HeadingRules {
  schemes: HeadingScheme[];
  maxHeadingLength: number;
  maxRunInLength: number;
  runInTerminators: Set<string>;
  runInColons: Set<string>;
  maxRunInColonLength: number;
  forbiddenInHeading: Set<string>;
  trailingStrip: Set<string>;
  maxTitleLength: number;
  maxHintLength: number;
  maxDocTitleLength: number;
}

export interface SentenceRules {
  terminators: Set<string>;
  asciiTerminators: Set<string>;
  closers: Set<string>;
  /** Closers that look the same as their openers: they close only when one is open. */
  symmetricQuotes: Set<string>;
  softBreaks: Set<string>;
  maxSentenceLength: number;
  minCutLength: number;
}

const chars = (s: string): Set<string> => new Set([...s]);

export const headingRules: HeadingRules = {
  schemes: headingsData.schemes.map((s) => {
    const o = s as typeof s & { runIn?: boolean; inlineBody?: boolean; allowTrailingTerminator?: boolean; keyByDepth?: boolean };
    return {
      id: o.id,
      re: new RegExp(o.pattern.replaceAll('{cn}', headingsData.numerals), 'u'),
      rank: o.rank,
      runIn: o.runIn ?? true,
      inlineBody: o.inlineBody ?? false,
      allowTrailingTerminator: o.allowTrailingTerminator ?? true,
      keyByDepth: o.keyByDepth ?? false,
    };
  }),
  maxHeadingLength: headingsData.maxHeadingLength,
  maxRunInLength: headingsData.maxRunInLength,
  runInTerminators: chars(headingsData.runInTerminators),
  runInColons: chars(headingsData.runInColons),
  maxRunInColonLength: headingsData.maxRunInColonLength,
  forbiddenInHeading: chars(headingsData.forbiddenInHeading),
  trailingStrip: chars(headingsData.trailingStrip),
  maxTitleLength: headingsData.maxTitleLength,
  maxHintLength: headingsData.maxHintLength,
  maxDocTitleLength: headingsData.maxDocTitleLength,
};

export const sentenceRules: SentenceRules = {
  terminators: chars(sentencesData.terminators),
  asciiTerminators: chars(sentencesData.asciiTerminators),
  closers: chars(sentencesData.closers),
  symmetricQuotes: chars(sentencesData.symmetricQuotes),
  softBreaks: chars(sentencesData.softBreaks),
  maxSentenceLength: sentencesData.maxSentenceLength,
  minCutLength: sentencesData.minCutLength,
};
