/**
 * The matrix view: rows x columns of two entity types (modes x mechanisms, actors x modes,
 * or any pair), each cell the number of evidence sentences; a cell opens its evidence.
 */
import { api } from './api.js';
import type { AppContext } from './context.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';
import { buildGrid, cellAlpha } from './matrix-grid.js';
import { showEvidence } from './panel.js';
import { ENTITY_TYPE_ORDER, displayLabel, entityStyle, entityTypeName } from './vocab.js';

export const MATRIX_PRESETS: [string, string][] = [
  ['Mode', 'Mechanism'],
  ['Actor', 'Mode'],
  ['Mode', 'Driver'],
];

export interface MatrixView {
  load(): Promise<void>;
}

export function createMatrix(ctx: AppContext, box: HTMLElement, detailsBox: HTMLElement): MatrixView {
  const typeSelect = (id: string, value: string, label: string, onChange: (v: string) => void) =>
    h(
      'label',
      { class: 'field' },
      h('span', { text: label }),
      h(
        'select',
        { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
        ENTITY_TYPE_ORDER.map((ty) => {
          const o = h('option', { value: ty, text: entityTypeName(ty, ctx.state.lang) });
          if (ty === value) o.selected = true;
          return o;
        }),
      ),
    );

  const view: MatrixView = {
    async load() {
      const s = ctx.state;
      const controls = h(
        'div',
        { class: 'toolbar matrix-controls' },
        h(
          'div',
          { class: 'seg', role: 'group', 'aria-label': 'presets' },
          MATRIX_PRESETS.map(([r, c]) =>
            h(
              'button',
              {
                type: 'button',
                class: 'btn',
                'aria-pressed': String(s.mrows === r && s.mcols === c),
                onclick: () => {
                  s.mrows = r;
                  s.mcols = c;
                  ctx.saveState();
                  void view.load();
                },
              },
              `${entityTypeName(r, s.lang)} × ${entityTypeName(c, s.lang)}`,
            ),
          ),
        ),
        typeSelect('matrix-rows', s.mrows, t('rows'), (v) => {
          s.mrows = v;
          ctx.saveState();
          void view.load();
        }),
        typeSelect('matrix-cols', s.mcols, t('cols'), (v) => {
          s.mcols = v;
          ctx.saveState();
          void view.load();
        }),
        h(
          'label',
          { class: 'field' },
          h('span', { text: t('documents') }),
          h(
            'select',
            {
              id: 'matrix-doc',
              onchange: (e: Event) => {
                s.mdoc = (e.target as HTMLSelectElement).value;
                ctx.saveState();
                void view.load();
              },
            },
            h('option', { value: '', text: t('all') }),
            ctx.documents.map((d) => {
              const o = h('option', { value: d.id, text: d.title || d.id });
              if (d.id === s.mdoc) o.selected = true;
              return o;
            }),
          ),
        ),
      );
      clear(box, controls, h('p', { class: 'muted', text: t('loading') }));
      let grid;
      try {
        grid = buildGrid(await api.matrix(s.mrows, s.mcols, s.mdoc || undefined), { dropEmpty: true });
      } catch (e) {
        clear(box, controls, h('p', { class: 'error', text: (e as Error).message }));
        return;
      }
      const lang = s.lang;
      const rowColor = entityStyle(s.mrows).color;
      const table = h(
        'table',
        { class: 'matrix', id: 'matrix-table' },
        h(
          'caption',
          { class: 'sr-only' },
          `${entityTypeName(s.mrows, lang)} × ${entityTypeName(s.mcols, lang)}`,
        ),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col', class: 'corner', text: `${entityTypeName(s.mrows, lang)} \\ ${entityTypeName(s.mcols, lang)}` }),
            grid.cols.map((c) =>
              h(
                'th',
                { scope: 'col', class: 'col-head' },
                h('button', { type: 'button', class: 'head-link', title: c.id, onclick: () => void ctx.selectEntity(c.id) }, h('span', { text: displayLabel(c, lang) })),
              ),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          grid.rows.map((r, i) =>
            h(
              'tr',
              {},
              h(
                'th',
                { scope: 'row', class: 'row-head' },
                h('button', { type: 'button', class: 'head-link', title: r.id, onclick: () => void ctx.selectEntity(r.id) }, displayLabel(r, lang)),
              ),
              grid.cells[i]!.map((cell, j) => {
                const col = grid.cols[j]!;
                const label = `${displayLabel(r, lang)} × ${displayLabel(col, lang)}: ${cell.count}`;
                return h(
                  'td',
                  { style: `--a:${cellAlpha(cell.count, grid.max)}; --c:${rowColor}` },
                  cell.count > 0
                    ? h(
                        'button',
                        {
                          type: 'button',
                          class: 'cell',
                          'aria-label': label,
                          'data-row': r.id,
                          'data-col': col.id,
                          onclick: () => {
                            ctx.showRight('details');
                            showEvidence(ctx, detailsBox, `${displayLabel(r, lang)} × ${displayLabel(col, lang)}`, `${t('cellEvidence')} · ${cell.count} ${t('sentences')}`, cell.evidence);
                          },
                        },
                        String(cell.count),
                      )
                    : h('span', { class: 'zero', 'aria-label': label, text: '·' }),
                );
              }),
            ),
          ),
        ),
      );
      clear(
        box,
        controls,
        grid.rows.length ? h('div', { class: 'matrix-wrap' }, table) : h('p', { class: 'muted', text: '—' }),
        h('p', { class: 'muted small', text: `${grid.rows.length} × ${grid.cols.length} · ${grid.total} ${t('sentences')}` }),
      );
    },
  };
  return view;
}
