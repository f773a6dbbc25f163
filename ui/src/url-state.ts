/**
 * Deep links: the view state the URL carries (query, focus, filters, language, tab,
 * layout, matrix axes, path ends) and its encode/decode. Pure, so links round-trip in tests.
 */
export type Tab = 'graph' | 'matrix';
export type LayoutName = 'fcose' | 'concentric' | 'dagre';

export interface ViewState {
  q: string;
  focus: string;
  types: string[];
  rels: string[];
  docs: string[];
  lang: 'zh' | 'en';
  tab: Tab;
  layout: LayoutName;
  mrows: string;
  mcols: string;
  mdoc: string;
  from: string;
  to: string;
}

export const DEFAULT_STATE: ViewState = {
  q: '',
  focus: '',
  types: [],
  rels: [],
  docs: [],
  lang: 'zh',
  tab: 'graph',
  layout: 'fcose',
  mrows: 'Mode',
  mcols: 'Mechanism',
  mdoc: '',
  from: '',
  to: '',
};

const LAYOUTS: readonly LayoutName[] = ['fcose', 'concentric', 'dagre'];
const LIST_KEYS = ['types', 'rels', 'docs'] as const;
const STRING_KEYS = ['q', 'focus', 'mrows', 'mcols', 'mdoc', 'from', 'to'] as const;

/** Query string for a state; only values that differ from the defaults are written. */
export function encodeState(s: ViewState): string {
  const p = new URLSearchParams();
  for (const k of STRING_KEYS) if (s[k] && s[k] !== DEFAULT_STATE[k]) p.set(k, s[k]);
  // Lists are comma-joined; ids never contain commas in practice, but escape them anyway.
  for (const k of LIST_KEYS) if (s[k].length) p.set(k, s[k].map((v) => v.replace(/,/g, '%2C')).join(','));
  if (s.lang !== DEFAULT_STATE.lang) p.set('lang', s.lang);
  if (s.tab !== DEFAULT_STATE.tab) p.set('tab', s.tab);
  if (s.layout !== DEFAULT_STATE.layout) p.set('layout', s.layout);
  const out = p.toString();
  return out ? `?${out}` : '';
}

/** Parse a query string (with or without `?`); unknown or malformed values fall back to defaults. */
export function decodeState(search: string): ViewState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const s: ViewState = { ...DEFAULT_STATE, types: [], rels: [], docs: [] };
  for (const k of STRING_KEYS) {
    const v = p.get(k);
    if (v) s[k] = v.trim();
  }
  for (const k of LIST_KEYS) {
    const v = p.get(k);
    if (v) s[k] = v.split(',').map((x) => x.replace(/%2C/g, ',').trim()).filter(Boolean);
  }
  const lang = p.get('lang');
  if (lang === 'en' || lang === 'zh') s.lang = lang;
  const tab = p.get('tab');
  if (tab === 'graph' || tab === 'matrix') s.tab = tab;
  const layout = p.get('layout') as LayoutName | null;
  if (layout && LAYOUTS.includes(layout)) s.layout = layout;
  return s;
}
