/** Interface text lookup in the current language (strings.json holds both languages). */
import strings from './strings.json';
import type { Lang } from './vocab.js';

export type StringKey = keyof (typeof strings)['en'];

let current: Lang = 'zh';

export function setUiLang(lang: Lang): void {
  current = lang;
}

export function t(key: StringKey): string {
  return strings[current][key] ?? strings.en[key] ?? key;
}
