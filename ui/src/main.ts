/**
 * The explorer's entry point: reads the deep link, loads health, documents and the graph,
 * and wires the search box, answers, filters, graph toolbar, tabs, panels and upload.
 */
import { api } from './api.js';
import type { AskResponse, EvidenceLike, SearchResponse } from './api-types.js';
import type { AppContext } from './context.js';
import { byId, clear, download, h } from './dom.js';
import { edgesCsv, elementsJson, nodesCsv } from './export-data.js';
import { renderFilters, renderLegend } from './filters.js';
import { loadLabelFonts } from './graph-style.js';
import { createGraphView } from './graph-view.js';
import { highlightFor, type HighlightInput } from './highlight.js';
import { setUiLang, t, type StringKey } from './i18n.js';
import { createMatrix } from './matrix.js';
import { showEntity } from './panel.js';
import { createPathFinder } from './paths.js';
import { createReader } from './reader.js';
import { renderResults } from './results.js';
import { setupUpload } from './upload.js';
import { decodeState, encodeState, type LayoutName, type Tab } from './url-state.js';

/** Hooks for the end-to-end tests and the render benchmark. */
interface PgProbe {
  ready: boolean;
  busy: number;
  marks: Record<string, number>;
  cy?: unknown;
  graph?: unknown;
}
declare global {
  interface Window {
    __pg: PgProbe;
  }
}

const probe: PgProbe = { ready: false, busy: 0, marks: {} };
window.__pg = probe;
const mark = (name: string) => (probe.marks[name] = performance.now());

async function main(): Promise<void> {
  mark('start');
  const state = decodeState(location.search);
  setUiLang(state.lang);
  await loadLabelFonts();
  const graph = createGraphView(byId('cy'), { lang: state.lang });
  probe.cy = graph.cy;
  probe.graph = graph;
  const detailsBox = byId('details');
  const readerBox = byId('reader');
  const statusEl = byId('status-msg');
  let lastAsk: AskResponse | null = null;
  let lastSearch: SearchResponse | null = null;

  const ctx: AppContext = {
    state,
    graph,
    documents: [],
    docTitle: (id) => ctx.documents.find((d) => d.id === id)?.title || id,
    openEvidence: (ev: EvidenceLike) => void reader.open(ev.doc, { start: ev.start, end: ev.end }),
    async selectEntity(id, opts = {}) {
      if (graph.cy.getElementById(id).empty()) {
        try {
          const g = await api.graph({ focus: id, depth: 1, limit: 200 });
          graph.expand(id, g.elements);
        } catch (e) {
          ctx.status((e as Error).message, 'error');
        }
      }
      graph.select(id, { center: opts.center });
      state.focus = id;
      ctx.saveState();
      ctx.showRight('details');
      await showEntity(ctx, detailsBox, id);
    },
    showRight(tab) {
      selectTab('right', tab);
    },
    saveState() {
      history.replaceState(null, '', `${location.pathname}${encodeState(state)}`);
    },
    status(message, kind = 'info') {
      statusEl.textContent = message;
      statusEl.className = kind === 'error' ? 'error' : 'muted';
    },
  };
  /** Extra refreshers to run when the language changes. */
  const onLang: (() => void)[] = [];
  const reader = createReader(ctx, readerBox);
  const matrix = createMatrix(ctx, byId('matrix-view'), detailsBox);
  const paths = createPathFinder(ctx, byId<HTMLFormElement>('path-form'), byId('path-out'), detailsBox);

  // ----- tabs (center: graph/matrix; right: details/reader), ARIA tab pattern -----
  function selectTab(group: 'center' | 'right', name: string) {
    const list = document.querySelector<HTMLElement>(`[role=tablist][data-group=${group}]`)!;
    for (const tab of list.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
      const on = tab.dataset.tab === name;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      byId(tab.getAttribute('aria-controls')!).hidden = !on;
    }
    if (group === 'center') {
      state.tab = name as Tab;
      ctx.saveState();
      if (name === 'matrix') void matrix.load();
      else graph.cy.resize();
    }
  }
  for (const list of document.querySelectorAll<HTMLElement>('[role=tablist]')) {
    const group = list.dataset.group as 'center' | 'right';
    const tabs = [...list.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => selectTab(group, tab.dataset.tab!));
      tab.addEventListener('keydown', (e) => {
        const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (!d) return;
        const next = tabs[(i + d + tabs.length) % tabs.length]!;
        next.focus();
        selectTab(group, next.dataset.tab!);
      });
    });
  }

  // ----- interface text -----
  const applyStrings = () => {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as StringKey);
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel as StringKey));
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle as StringKey);
    for (const el of document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder as StringKey);
    for (const b of document.querySelectorAll<HTMLButtonElement>('#lang-toggle button')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
  };
  applyStrings();

  // ----- filters & legend -----
  const refreshFilters = () => {
    const types = new Map<string, number>();
    const rels = new Map<string, number>();
    graph.cy.nodes().forEach((n) => void types.set(n.data('type'), (types.get(n.data('type')) ?? 0) + 1));
    graph.cy.edges().forEach((e) => void rels.set(e.data('type'), (rels.get(e.data('type')) ?? 0) + 1));
    renderFilters(ctx, byId('filters'), { types, rels }, () => {
      graph.setFilters(state);
      ctx.saveState();
    });
    renderLegend(ctx, byId('legend'), new Set(types.keys()));
  };

  // ----- graph loading -----
  const loadGraph = async () => {
    probe.busy++;
    try {
      const g = await api.graph({ limit: 5000 });
      mark('data');
      graph.setElements(g.elements);
      graph.setFilters(state);
      refreshFilters();
      paths.refreshOptions();
      byId('graph-note').textContent = g.truncated ? t('truncated') : '';
      byId('graph-note').hidden = !g.truncated;
      byId('graph-empty').hidden = g.elements.nodes.length > 0;
      byId('graph-empty').textContent = t('emptyGraph');
      mark('elements');
      await graph.layout(state.layout);
      mark('layout');
    } finally {
      probe.busy--;
    }
  };

  // ----- ask / search -----
  let inflight: AbortController | null = null;
  const applyHighlight = () => {
    const answers: HighlightInput[] = lastAsk?.answers.length
      ? lastAsk.answers
      : (lastSearch?.hits ?? []).slice(0, 5).flatMap((hit) => hit.entities.map((e) => ({ id: e.id, evidence: [hit] })));
    const focus = lastAsk?.answers.length ? (lastAsk.interpretation?.focus ?? []).map((f) => f.id) : [];
    const loaded = { nodes: graph.cy.nodes().map((n) => ({ data: n.data() })), edges: graph.cy.edges().map((e) => ({ data: e.data() })) };
    graph.highlight(answers.length ? highlightFor(loaded, answers, focus) : null);
  };
  const runQuery = async (q: string) => {
    state.q = q.trim();
    ctx.saveState();
    inflight?.abort();
    if (!state.q) {
      lastAsk = lastSearch = null;
      clear(byId('results'));
      graph.highlight(null);
      return;
    }
    const ac = new AbortController();
    inflight = ac;
    probe.busy++;
    clear(byId('results'), h('p', { class: 'muted', text: t('loading') }));
    try {
      const [a, s] = await Promise.allSettled([api.ask(state.q, 8, ac.signal), api.search(state.q, 8, ac.signal)]);
      if (ac.signal.aborted) return;
      lastAsk = a.status === 'fulfilled' ? a.value : null;
      lastSearch = s.status === 'fulfilled' ? s.value : null;
      // Answer entities missing from the loaded view are fetched so they can be highlighted.
      for (const ans of (lastAsk?.answers ?? []).slice(0, 5))
        if (graph.cy.getElementById(ans.id).empty()) {
          const g = await api.graph({ focus: ans.id, depth: 1, limit: 100 }).catch(() => null);
          if (g) graph.expand(ans.id, g.elements);
        }
      renderResults(ctx, byId('results'), lastAsk, lastSearch);
      if (a.status === 'rejected' && s.status === 'rejected') ctx.status((a.reason as Error).message, 'error');
      else ctx.status('');
      applyHighlight();
    } finally {
      probe.busy--;
    }
  };
  const qInput = byId<HTMLInputElement>('q');
  qInput.value = state.q;
  byId<HTMLFormElement>('ask-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void runQuery(qInput.value);
  });
  // The search field's clear button (and Escape) empties the box: drop answers and highlight too.
  qInput.addEventListener('search', () => {
    if (!qInput.value.trim() && state.q) void runQuery('');
  });

  // ----- toolbar -----
  const layoutSel = byId<HTMLSelectElement>('layout');
  layoutSel.value = state.layout;
  layoutSel.addEventListener('change', async () => {
    state.layout = layoutSel.value as LayoutName;
    ctx.saveState();
    probe.busy++;
    await graph.layout(state.layout).finally(() => probe.busy--);
  });
  byId('fit').addEventListener('click', () => graph.fit());
  byId('zoom-in').addEventListener('click', () => graph.zoomBy(1.25));
  byId('zoom-out').addEventListener('click', () => graph.zoomBy(0.8));
  byId('whole-graph').addEventListener('click', async () => {
    await loadGraph();
    applyHighlight();
  });
  const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  byId('export-png').addEventListener('click', async () => download(`policygraph-${stamp()}.png`, await graph.png()));
  byId('export-json').addEventListener('click', () =>
    download(`policygraph-${stamp()}.json`, new Blob([elementsJson(graph.visibleElements(), { view: location.href })], { type: 'application/json' })),
  );
  byId('export-csv').addEventListener('click', () => {
    const el = graph.visibleElements();
    download(`policygraph-nodes-${stamp()}.csv`, new Blob(['\ufeff' + nodesCsv(el)], { type: 'text/csv' }));
    download(`policygraph-edges-${stamp()}.csv`, new Blob(['\ufeff' + edgesCsv(el)], { type: 'text/csv' }));
  });
  byId('copy-link').addEventListener('click', async () => {
    await navigator.clipboard?.writeText(location.href).catch(() => undefined);
    ctx.status(t('linkCopied'));
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('#lang-toggle button'))
    b.addEventListener('click', () => {
      state.lang = b.dataset.lang === 'en' ? 'en' : 'zh';
      setUiLang(state.lang);
      ctx.saveState();
      applyStrings();
      graph.setLang(state.lang);
      refreshFilters();
      paths.refreshOptions();
      if (lastAsk || lastSearch) renderResults(ctx, byId('results'), lastAsk, lastSearch);
      if (state.focus) void showEntity(ctx, detailsBox, state.focus);
      if (state.tab === 'matrix') void matrix.load();
      onLang.forEach((f) => f());
    });

  graph.onSelect((id) => {
    if (id) void ctx.selectEntity(id);
    else {
      state.focus = '';
      ctx.saveState();
    }
  });

  // '/' jumps to the search box (unless typing somewhere already).
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
    if (e.key === '/' && !typing) {
      e.preventDefault();
      qInput.focus();
    }
  });

  // ----- start-up -----
  const [health, docs] = await Promise.allSettled([api.health(), api.documents()]);
  if (docs.status === 'fulfilled') ctx.documents = docs.value.documents;
  if (health.status === 'fulfilled') {
    const c = health.value.counts;
    const model = health.value.model.available;
    const showCounts = () =>
      (byId('counts').textContent = `${c.documents} ${t('docs')} · ${c.entities} ${t('entities')} · ${c.relations} ${t('relations')}${model ? '' : ` · ${t('lexicalMode')}`}`);
    showCounts();
    onLang.push(showCounts);
    if (health.value.writable) {
      byId('upload-btn').hidden = false;
      // Only ask for a token when the server says writes need one.
      byId('upload-form').hidden = health.value.auth === false;
      setupUpload(async () => {
        ctx.documents = (await api.documents()).documents;
        await loadGraph();
      });
    }
  } else ctx.status((health.reason as Error).message, 'error');
  await loadGraph();
  if (state.q) await runQuery(state.q);
  if (state.focus) await ctx.selectEntity(state.focus, { center: !state.q });
  if (state.from && state.to) {
    (byId('paths-box') as HTMLDetailsElement).open = true;
    await paths.find();
  }
  selectTab('center', state.tab);
  probe.ready = true;
  mark('ready');
  requestAnimationFrame(() => mark('interactive'));
}

main().catch((e: unknown) => {
  console.error(e);
  const el = document.getElementById('status-msg');
  if (el) {
    el.textContent = (e as Error).message;
    el.className = 'error';
  }
});
