/**
 * The details panel: an entity's labels, aliases, type, degree, evidence sentences and
 * neighbours (grouped by relation), with expand / collapse / focus actions; also used to
 * show a matrix cell's or a path's evidence.
 */
import { api } from './api.js';
import type { EntityDetail, EvidenceLike } from './api-types.js';
import type { AppContext } from './context.js';
import { clear, h } from './dom.js';
import { evidenceList } from './evidence.js';
import { t } from './i18n.js';
import { displayLabel, entityStyle, entityTypeName, relationName } from './vocab.js';

export function typeBadge(type: string, lang: 'zh' | 'en'): HTMLElement {
  const st = entityStyle(type);
  return h('span', { class: 'badge', style: `--c:${st.color}` }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), entityTypeName(type, lang));
}

export async function showEntity(ctx: AppContext, box: HTMLElement, id: string): Promise<void> {
  clear(box, h('p', { class: 'muted', text: t('loading') }));
  let d: EntityDetail;
  try {
    d = await api.entity(id);
  } catch (e) {
    clear(box, h('p', { class: 'error', text: (e as Error).message }));
    return;
  }
  renderEntity(ctx, box, d);
}

export function renderEntity(ctx: AppContext, box: HTMLElement, d: EntityDetail): void {
  const lang = ctx.state.lang;
  const e = d.entity;
  const other = lang === 'zh' ? e.labelEn : e.label;
  const node = ctx.graph.cy.getElementById(e.id);
  const degree = node.nonempty() ? node.degree(false) : d.neighbours.length;

  const actions = h('div', { class: 'actions' });
  const refreshActions = () => {
    clear(
      actions,
      h('button', { type: 'button', class: 'btn', 'data-action': 'expand', onclick: () => void expand() }, t('expand')),
      ctx.graph.isExpanded(e.id) && h('button', { type: 'button', class: 'btn', 'data-action': 'collapse', onclick: () => collapse() }, t('collapse')),
      h('button', { type: 'button', class: 'btn', 'data-action': 'focus', onclick: () => void focus() }, t('focus')),
    );
  };
  const expand = async () => {
    const g = await api.graph({ focus: e.id, depth: 1, limit: 400 });
    const n = ctx.graph.expand(e.id, g.elements);
    ctx.status(`${t('expand')}: +${n}`);
    refreshActions();
  };
  const collapse = () => {
    const n = ctx.graph.collapse(e.id);
    ctx.status(`${t('collapse')}: −${n}`);
    refreshActions();
  };
  const focus = async () => {
    const g = await api.graph({ focus: e.id, depth: 1, limit: 400 });
    ctx.graph.setElements(g.elements);
    await ctx.graph.layout(ctx.state.layout);
    ctx.graph.select(e.id);
    refreshActions();
  };
  refreshActions();

  // Neighbours grouped by relation type and direction.
  const groups = new Map<string, EntityDetail['neighbours']>();
  for (const n of d.neighbours) {
    const key = `${n.direction}:${n.relation.type}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  const neighbours = h('div', { class: 'neighbours' });
  for (const [key, list] of groups) {
    const [dir, rel] = key.split(':') as [string, string];
    neighbours.append(
      h('h4', { class: 'rel-head' }, dir === 'out' ? '→ ' : '← ', relationName(rel, lang)),
      h(
        'ul',
        { class: 'chips' },
        list.map((n) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'chip',
                style: `--c:${entityStyle(n.entity.type).color}`,
                'data-entity': n.entity.id,
                title: `${relationName(n.relation.type, lang)} · ${n.relation.evidence.length} ${t('sentences')}`,
                onclick: () => void ctx.selectEntity(n.entity.id, { center: true }),
              },
              displayLabel(n.entity, lang),
            ),
          ),
        ),
      ),
    );
  }

  clear(
    box,
    h(
      'header',
      { class: 'entity-head' },
      h('h2', { id: 'entity-title', text: displayLabel(e, lang) }),
      other && other !== displayLabel(e, lang) ? h('p', { class: 'alt-label', text: other }) : null,
      h(
        'dl',
        { class: 'facts' },
        h('dt', { text: t('type') }),
        h('dd', {}, typeBadge(e.type, lang)),
        h('dt', { text: t('degree') }),
        h('dd', { 'data-field': 'degree', text: String(degree) }),
        h('dt', { text: t('mentions') }),
        h('dd', { text: String(e.mentionCount ?? d.evidence.length) }),
        e.aliases.length ? h('dt', { text: t('aliases') }) : null,
        e.aliases.length ? h('dd', { class: 'aliases', text: e.aliases.join('、') }) : null,
      ),
      actions,
    ),
    h('section', { class: 'block', 'aria-labelledby': 'ev-h' }, h('h3', { id: 'ev-h' }, `${t('evidence')} (${d.evidence.length})`), evidenceList(d.evidence, ctx.openEvidence, ctx.docTitle)),
    h('section', { class: 'block', 'aria-labelledby': 'nb-h' }, h('h3', { id: 'nb-h' }, `${t('neighbours')} (${d.neighbours.length})`), neighbours),
  );
}

/** Evidence of something other than one entity (a matrix cell, a path). */
export function showEvidence(ctx: AppContext, box: HTMLElement, title: string, subtitle: string, evidence: EvidenceLike[]): void {
  clear(
    box,
    h('header', { class: 'entity-head' }, h('h2', { text: title }), h('p', { class: 'alt-label', text: subtitle })),
    h('section', { class: 'block' }, h('h3', {}, `${t('evidence')} (${evidence.length})`), evidenceList(evidence, ctx.openEvidence, ctx.docTitle)),
  );
}
