/**
 * Filters (entity types with the legend's colours and shapes, relation types, documents) and
 * the graph legend. Changing a filter updates the state, the URL and the graph.
 */
import type { AppContext } from './context.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';
import { ENTITY_TYPE_ORDER, RELATION_TYPE_ORDER, entityStyle, entityTypeName, relationName } from './vocab.js';

/** A small SVG of a type's node shape in its colour (legend and filter swatches). */
export function shapeIcon(type: string): SVGSVGElement {
  const st = entityStyle(type);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  const shapes: Record<string, string> = {
    ellipse: '<circle cx="8" cy="8" r="6.5"/>',
    'round-rectangle': '<rect x="1.5" y="3" width="13" height="10" rx="3"/>',
    diamond: '<polygon points="8,1 15,8 8,15 1,8"/>',
    hexagon: '<polygon points="4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8"/>',
    'round-tag': '<path d="M1.5 3h9l4 5-4 5h-9z"/>',
    triangle: '<polygon points="8,1.5 15,14.5 1,14.5"/>',
  };
  svg.innerHTML = shapes[st.shape] ?? shapes.ellipse!;
  svg.setAttribute('fill', st.color);
  return svg;
}

export function renderLegend(ctx: AppContext, box: HTMLElement, present: Set<string>): void {
  clear(
    box,
    ENTITY_TYPE_ORDER.filter((ty) => present.has(ty)).map((ty) =>
      h('span', { class: 'legend-item' }, shapeIcon(ty), entityTypeName(ty, ctx.state.lang)),
    ),
  );
}

export function renderFilters(ctx: AppContext, box: HTMLElement, counts: { types: Map<string, number>; rels: Map<string, number> }, onChange: () => void): void {
  const s = ctx.state;
  const lang = s.lang;
  const group = (legend: string, key: 'types' | 'rels' | 'docs', items: { value: string; label: string; icon?: Node; count?: number }[]) => {
    const selected = new Set(s[key]);
    return h(
      'fieldset',
      { class: 'filter-group', id: `filter-${key}` },
      h('legend', { text: legend }),
      items.map((it) => {
        const cb = h('input', {
          type: 'checkbox',
          value: it.value,
          // Empty selection means "all": every box shows checked.
          checked: selected.size === 0 || selected.has(it.value),
          onchange: () => {
            const boxes = [...box.querySelectorAll<HTMLInputElement>(`#filter-${key} input`)];
            const on = boxes.filter((b) => b.checked).map((b) => b.value);
            s[key] = on.length === boxes.length ? [] : on;
            onChange();
          },
        });
        return h('label', { class: 'check' }, cb, it.icon ?? null, h('span', { text: it.label }), it.count !== undefined ? h('span', { class: 'count', text: String(it.count) }) : null);
      }),
    );
  };
  clear(
    box,
    group(
      t('entityTypes'),
      'types',
      ENTITY_TYPE_ORDER.filter((ty) => counts.types.has(ty)).map((ty) => ({ value: ty, label: entityTypeName(ty, lang), icon: shapeIcon(ty), count: counts.types.get(ty) })),
    ),
    group(
      t('relationTypes'),
      'rels',
      RELATION_TYPE_ORDER.filter((r) => counts.rels.has(r)).map((r) => ({ value: r, label: relationName(r, lang), count: counts.rels.get(r) })),
    ),
    ctx.documents.length > 0 ? group(t('documents'), 'docs', ctx.documents.map((d) => ({ value: d.id, label: d.title || d.id }))) : null,
  );
}
