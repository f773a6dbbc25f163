/**
 * Path finder: shortest paths between two entities with the relations and evidence along
 * them. Computed with graphology over the loaded graph; when an end is not loaded or no path
 * exists there, the server's /api/paths searches the whole store.
 */
import { api } from './api.js';
import type { EntityDetail, EvidenceLike } from './api-types.js';
import type { AppContext } from './context.js';
import { clear, h } from './dom.js';
import type { CytoscapeElements, EdgeData, NodeData } from '../elements.js';
import { t } from './i18n.js';
import { shortestPaths } from './path-search.js';
import { showEvidence } from './panel.js';
import { displayLabel, entityStyle, entityTypeName, relationName } from './vocab.js';

interface Hop {
  from: string;
  to: string;
  relations: { id: string; type: string; source: string; target: string; evidence?: EvidenceLike[] }[];
}
interface FoundPath {
  nodes: { id: string; label: string; labelEn: string; type: string }[];
  hops: Hop[];
  source: 'graph' | 'server';
}

export interface PathFinder {
  refreshOptions(): void;
  find(): Promise<void>;
}

export function createPathFinder(ctx: AppContext, form: HTMLFormElement, out: HTMLElement, detailsBox: HTMLElement): PathFinder {
  const fromInput = form.querySelector<HTMLInputElement>('#path-from')!;
  const toInput = form.querySelector<HTMLInputElement>('#path-to')!;
  const datalist = form.querySelector<HTMLDataListElement>('#entity-options')!;
  /** Shown option text -> entity id. */
  let byText = new Map<string, string>();

  const optionText = (d: { id: string; label: string; labelEn: string; type: string }) =>
    `${displayLabel(d, ctx.state.lang)} · ${entityTypeName(d.type, ctx.state.lang)}`;
  const resolve = (text: string): string | undefined => {
    const v = text.trim();
    if (!v) return undefined;
    if (byText.has(v)) return byText.get(v);
    if (!ctx.graph.cy.getElementById(v).empty()) return v;
    // A bare label (either language) matches the first entity with that label.
    const hit = ctx.graph.cy.nodes().filter((n) => n.data('label') === v || n.data('labelEn') === v);
    return hit.nonempty() ? hit.first().id() : v.includes(':') ? v : undefined;
  };
  const textFor = (id: string) => {
    const n = ctx.graph.cy.getElementById(id);
    return n.nonempty() ? optionText(n.data() as NodeData) : id;
  };

  const loadedElements = (): CytoscapeElements => ({
    nodes: ctx.graph.cy.nodes().map((n) => ({ data: n.data() as NodeData })),
    edges: ctx.graph.cy.edges().map((e) => ({ data: e.data() as EdgeData })),
  });

  const evidenceCache = new Map<string, Promise<EntityDetail>>();
  const detail = (id: string) => {
    if (!evidenceCache.has(id)) evidenceCache.set(id, api.entity(id));
    return evidenceCache.get(id)!;
  };

  const renderPaths = (paths: FoundPath[]) => {
    if (!paths.length) {
      clear(out, h('p', { class: 'muted', id: 'path-empty', text: t('noPath') }));
      return;
    }
    const lang = ctx.state.lang;
    clear(
      out,
      h(
        'ol',
        { class: 'paths', id: 'path-results' },
        paths.map((p, i) => {
          const chain = h('div', { class: 'path-chain' });
          p.nodes.forEach((n, k) => {
            chain.append(h('span', { class: 'chip static', style: `--c:${entityStyle(n.type).color}`, text: displayLabel(n, lang) }));
            const hop = p.hops[k];
            if (hop)
              chain.append(
                h('span', { class: 'path-rel', text: hop.relations.map((r) => `${r.source === hop.from ? '→' : '←'} ${relationName(r.type, lang)}`).join(' / ') }),
              );
          });
          return h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'path-item',
                'aria-label': `path ${i + 1}: ${p.nodes.map((n) => displayLabel(n, lang)).join(' – ')}`,
                onclick: () => void openPath(p),
              },
              chain,
            ),
          );
        }),
      ),
    );
    void openPath(paths[0]!);
  };

  const openPath = async (p: FoundPath) => {
    ctx.graph.showPath(
      p.nodes.map((n) => n.id),
      p.hops.flatMap((hp) => hp.relations.map((r) => r.id)),
    );
    // Evidence along the path: server paths carry it; graph paths ask each node's details.
    const evidence: EvidenceLike[] = [];
    for (const hop of p.hops) {
      for (const r of hop.relations) {
        if (r.evidence) evidence.push(...r.evidence);
        else {
          const d = await detail(hop.from).catch(() => null);
          const rel = d?.neighbours.find((n) => n.relation.id === r.id)?.relation;
          if (rel) evidence.push(...rel.evidence);
        }
      }
    }
    const lang = ctx.state.lang;
    ctx.showRight('details');
    showEvidence(ctx, detailsBox, p.nodes.map((n) => displayLabel(n, lang)).join(' → '), `${t('paths')} · ${p.hops.length} ${t('hops')}`, evidence);
  };

  const finder: PathFinder = {
    refreshOptions() {
      byText = new Map();
      const opts: HTMLOptionElement[] = [];
      ctx.graph.cy.nodes().forEach((n) => {
        const d = n.data() as NodeData;
        const text = optionText(d);
        if (byText.has(text)) return;
        byText.set(text, d.id);
        opts.push(h('option', { value: text }));
      });
      datalist.replaceChildren(...opts);
      if (ctx.state.from) fromInput.value = textFor(ctx.state.from);
      if (ctx.state.to) toInput.value = textFor(ctx.state.to);
    },
    async find() {
      const from = resolve(fromInput.value);
      const to = resolve(toInput.value);
      if (!from || !to) {
        clear(out, h('p', { class: 'error', text: `${t('noPath')} (${!from ? t('from') : t('to')}?)` }));
        return;
      }
      ctx.state.from = from;
      ctx.state.to = to;
      ctx.saveState();
      clear(out, h('p', { class: 'muted', text: t('loading') }));
      const el = loadedElements();
      const nodeData = new Map(el.nodes.map((n) => [n.data.id, n.data]));
      const edgeData = new Map(el.edges.map((e) => [e.data.id, e.data]));
      let found: FoundPath[] = shortestPaths(el, from, to, { maxHops: 6, limit: 5 }).map((p) => ({
        source: 'graph' as const,
        nodes: p.nodes.map((id) => nodeData.get(id)!),
        hops: p.hops.map((ids, k) => ({
          from: p.nodes[k]!,
          to: p.nodes[k + 1]!,
          relations: ids.map((id) => edgeData.get(id)!),
        })),
      }));
      if (!found.length) {
        try {
          const res = await api.paths(from, to, 6);
          found = res.paths.map((p) => ({
            source: 'server' as const,
            nodes: p.entities,
            hops: p.entities.slice(1).map((n, k) => {
              const a = p.entities[k]!.id;
              return {
                from: a,
                to: n.id,
                relations: p.relations.filter((r) => (r.source === a && r.target === n.id) || (r.target === a && r.source === n.id)),
              };
            }),
          }));
          // Bring server-found path entities into the view so they can be highlighted.
          if (found.length)
            ctx.graph.expand(from, {
              nodes: found.flatMap((p) => p.nodes).map((n) => ({ data: { id: n.id, label: n.label, labelEn: n.labelEn, type: n.type, aliases: [], degree: 0 } })),
              edges: found
                .flatMap((p) => p.hops.flatMap((hp) => hp.relations))
                .map((r) => ({ data: { id: r.id, source: r.source, target: r.target, type: r.type, confidence: 1, evidenceCount: r.evidence?.length ?? 0, docs: [], spans: [] } })),
            });
        } catch (e) {
          clear(out, h('p', { class: 'error', text: (e as Error).message }));
          return;
        }
      }
      renderPaths(found);
    },
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void finder.find();
  });
  return finder;
}
