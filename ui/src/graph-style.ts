/**
 * The Cytoscape stylesheet: node colour and shape per entity type (from vocab.json), label
 * hiding when zoomed out, and the classes the explorer toggles (dim, hl, answer, path, hidden).
 */
import { ENTITY_TYPE_ORDER, RELATION_TYPE_ORDER, entityStyle, relationLine } from './vocab.js';

export const ACCENT = '#E0A100';
export const SELECT = '#1F5FBF';
export const LABEL_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif';

/**
 * Canvas text is measured once and cached: load the label fonts first, or labels are sized
 * with a fallback font and drawn clipped once the real one arrives. Gives up after `ms`.
 */
export async function loadLabelFonts(ms = 2000): Promise<void> {
  if (!('fonts' in document)) return;
  const loads = ['400 11px', '700 14px'].map((f) => document.fonts.load(`${f} ${LABEL_FONTS}`, '中文标签 Label'));
  await Promise.race([Promise.all(loads).catch(() => undefined), new Promise((r) => setTimeout(r, ms))]);
}

/** In large graphs, nodes with at least this many links keep their labels. */
export const LARGE_LABEL_DEGREE = 6;

/** A style rule; values are Cytoscape style strings/numbers (its typings are too narrow for mapData). */
export interface StyleRule {
  selector: string;
  style: Record<string, string | number>;
}

export function graphStyle(opts: { large: boolean }): StyleRule[] {
  const s: StyleRule[] = [
    {
      selector: 'node',
      style: {
        'background-color': entityStyle('other').color,
        shape: entityStyle('other').shape,
        // Large graphs label only their hubs (and whatever is selected or lit, below): measuring
        // thousands of CJK labels is most of the first layout's cost.
        label: opts.large ? 'data(largeLabel)' : 'data(displayWrapped)',
        width: 'mapData(degree, 0, 16, 14, 40)',
        height: 'mapData(degree, 0, 16, 14, 40)',
        'font-family': LABEL_FONTS,
        'font-size': 11,
        color: '#1d2733',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        // Label geometry (text, size, weight, wrapping) is the same in every state: Cytoscape caches
        // label boxes, and changing geometry through classes leaves stale, clipped label textures.
        'text-wrap': opts.large ? 'none' : 'wrap',
        'text-max-width': '200px',
        'text-background-color': '#ffffff',
        'text-background-opacity': opts.large ? 0 : 0.75,
        'text-background-padding': '1px',
        // Labels vanish below this on-screen size: keeps big graphs fluid when zoomed out.
        'min-zoomed-font-size': opts.large ? 9 : 6,
        'border-width': 1,
        'border-color': '#ffffff',
        'overlay-padding': 4,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'mapData(evidenceCount, 1, 6, 1, 3)',
        'line-color': '#b9c2cd',
        'curve-style': opts.large ? 'haystack' : 'bezier',
        'target-arrow-shape': opts.large ? 'none' : 'triangle',
        'target-arrow-color': '#b9c2cd',
        'arrow-scale': 0.7,
        opacity: 0.85,
        'font-size': 9,
        'min-zoomed-font-size': 7,
        color: '#5b6675',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
      },
    },
  ];
  for (const t of ENTITY_TYPE_ORDER) {
    const st = entityStyle(t);
    s.push({ selector: `node[type = "${t}"]`, style: { 'background-color': st.color, shape: st.shape } });
  }
  for (const r of RELATION_TYPE_ORDER) {
    const line = relationLine(r);
    if (line !== 'solid') s.push({ selector: `edge[type = "${r}"]`, style: { 'line-style': line } });
  }
  s.push(
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.dim', style: { opacity: 0.12, 'text-opacity': 0.25 } },

    { selector: 'node.hl', style: { opacity: 1, 'border-width': 2, 'border-color': '#39424e', 'z-index': 10 } },
    {
      selector: 'node.answer',
      style: { 'border-width': 3, 'border-color': ACCENT, color: '#111820', 'min-zoomed-font-size': 0, 'z-index': 20 },
    },
    {
      selector: 'node.answer-top',
      style: { 'border-width': 6, 'border-color': ACCENT, 'text-background-color': '#ffe9a8', 'text-background-opacity': 1, 'z-index': 25 },
    },
    {
      selector: 'edge.hl',
      style: {
        opacity: 1,
        width: 3,
        'line-color': ACCENT,
        'target-arrow-color': ACCENT,
        label: 'data(relLabel)',
        'z-index': 10,
      },
    },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#C2474F', opacity: 1, 'min-zoomed-font-size': 0, 'z-index': 20 } },
    {
      selector: 'edge.path',
      style: { opacity: 1, width: 4, 'line-color': '#C2474F', 'target-arrow-color': '#C2474F', label: 'data(relLabel)', 'z-index': 20 },
    },
    {
      // A dark ring plus a soft halo: visible on every type colour, and on lit (gold) nodes.
      selector: 'node:selected',
      style: {
        'border-width': 4,
        'border-color': '#111820',
        'underlay-color': SELECT,
        'underlay-padding': 7,
        'underlay-opacity': 0.28,
        opacity: 1,
        'text-opacity': 1,
        'min-zoomed-font-size': 0,
        'z-index': 30,
      },
    },
    { selector: 'edge:selected', style: { 'line-color': SELECT, 'target-arrow-color': SELECT, width: 3, label: 'data(relLabel)' } },
  );
  return s;
}
