/**
 * The central graph: one Cytoscape instance with fcose / concentric / dagre layouts, type
 * filters, highlight-and-dim, incremental expand/collapse and PNG export. Settings for large
 * graphs (textures while panning, edges hidden while moving, labels hidden when small) keep
 * thousands of nodes fluid.
 */
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import type { CytoscapeElements, EdgeData, NodeData } from '../elements.js';
import { graphStyle, LARGE_LABEL_DEGREE, type StyleRule } from './graph-style.js';
import { wrapLabel } from './labels.js';
import type { HighlightSet } from './highlight.js';
import type { LayoutName } from './url-state.js';
import { displayLabel, relationName, type Lang } from './vocab.js';

/** Above this many nodes the cheaper rendering choices apply. */
export const LARGE_GRAPH = 1200;

let registered = false;
function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(fcose as cytoscape.Ext);
  cytoscape.use(dagre);
  registered = true;
}

export interface Filters {
  types: string[];
  rels: string[];
  docs: string[];
}

export interface GraphView {
  cy: cytoscape.Core;
  setElements(el: CytoscapeElements): void;
  /** Add elements that an expansion of `from` brought in; returns how many nodes were new. */
  expand(from: string, el: CytoscapeElements): number;
  /** Remove what expanding `from` added (and what those nodes' own expansions added). */
  collapse(from: string): number;
  isExpanded(id: string): boolean;
  setFilters(f: Filters): void;
  setLang(lang: Lang): void;
  highlight(h: HighlightSet | null): void;
  showPath(nodes: string[], edges: string[]): void;
  select(id: string, opts?: { center?: boolean }): boolean;
  layout(name: LayoutName): Promise<void>;
  fit(): void;
  zoomBy(factor: number): void;
  /** The elements currently shown (filters applied), in the API's shape. */
  visibleElements(): CytoscapeElements;
  png(): Promise<Blob>;
  onSelect(cb: (id: string | null) => void): void;
}

function layoutOptions(name: LayoutName, n: number): cytoscape.LayoutOptions {
  const large = n > LARGE_GRAPH;
  if (name === 'concentric')
    return {
      name: 'concentric',
      concentric: (node: cytoscape.NodeSingular) => node.degree(false),
      levelWidth: () => 2,
      minNodeSpacing: large ? 4 : 18,
      animate: false,
    } as cytoscape.LayoutOptions;
  if (name === 'dagre')
    return { name: 'dagre', rankDir: 'LR', nodeSep: large ? 4 : 28, rankSep: large ? 60 : 140, animate: false } as cytoscape.LayoutOptions;
  if (large)
    // Large graphs: fcose's spectral stage only ("draft"), spread by node count so labels and
    // nodes do not pile up; the force-directed refinement costs minutes at 5,000 nodes.
    return {
      name: 'fcose',
      quality: 'draft',
      randomize: true,
      animate: false,
      nodeSeparation: 75 + n / 12,
      packComponents: true,
      tile: true,
    } as cytoscape.LayoutOptions;
  return {
    name: 'fcose',
    quality: 'default',
    randomize: true,
    animate: false,
    nodeRepulsion: () => 12000,
    idealEdgeLength: () => 110,
    nodeSeparation: 90,
    tilingPaddingVertical: 36,
    tilingPaddingHorizontal: 48,
    packComponents: true,
    numIter: 2500,
    tile: true,
  } as cytoscape.LayoutOptions;
}

export function createGraphView(container: HTMLElement, opts: { lang: Lang }): GraphView {
  registerExtensions();
  let lang = opts.lang;
  let large = false;
  let filters: Filters = { types: [], rels: [], docs: [] };
  /** expansion parent -> node ids it added. */
  const addedBy = new Map<string, Set<string>>();
  const selectListeners: ((id: string | null) => void)[] = [];

  const cy = cytoscape({
    container,
    style: graphStyle({ large: false }) as unknown as cytoscape.StylesheetStyle[],
    minZoom: 0.05,
    maxZoom: 4,
    textureOnViewport: false,
    hideEdgesOnViewport: false,
    pixelRatio: 1,
    motionBlur: false,
    selectionType: 'single',
    boxSelectionEnabled: false,
  });
  cy.on('tap', 'node', (evt) => selectListeners.forEach((cb) => cb(evt.target.id() as string)));
  cy.on('tap', (evt) => {
    if (evt.target === cy) selectListeners.forEach((cb) => cb(null));
  });

  const labelData = (d: NodeData) => displayLabel(d, lang);
  /** Display fields: the label in the current language, and the same with line breaks for emphasised nodes. */
  /** Nodes whose labels show in a large graph besides the hubs (selected, lit, on a path). */
  let emphasised = new Set<string>();
  const displayFields = (d: NodeData) => {
    const display = labelData(d);
    const labelled = d.degree >= LARGE_LABEL_DEGREE || emphasised.has(d.id);
    return { display, displayWrapped: wrapLabel(display), largeLabel: labelled ? display : '' };
  };
  /** Large graphs label only hubs; give these nodes labels too (through data, not classes). */
  const emphasise = (ids: Iterable<string>) => {
    if (!large) return;
    const next = new Set(ids);
    const changed = new Set([...emphasised, ...next]);
    emphasised = next;
    cy.batch(() => {
      for (const id of changed) {
        const n = cy.getElementById(id);
        if (n.nonempty()) n.data(displayFields(n.data() as NodeData));
      }
    });
  };
  const withDisplay = (el: CytoscapeElements): cytoscape.ElementDefinition[] => [
    ...el.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n.data, ...displayFields(n.data) } })),
    ...el.edges.map((e) => ({ group: 'edges' as const, data: { ...e.data, relLabel: relationName(e.data.type, lang) } })),
  ];

  const setPerformanceMode = (n: number) => {
    const nextLarge = n > LARGE_GRAPH;
    // textureOnViewport / hideEdgesOnViewport are init options; Cytoscape reads them from the renderer's options.
    const r = (cy as unknown as { renderer(): { options?: Record<string, unknown>; textureOnViewport?: boolean; hideEdgesOnViewport?: boolean } }).renderer();
    r.textureOnViewport = nextLarge;
    r.hideEdgesOnViewport = nextLarge;
    if (nextLarge !== large) {
      large = nextLarge;
      cy.style(graphStyle({ large }) as unknown as cytoscape.StylesheetStyle[]);
    }
  };

  const applyFilters = () => {
    const types = new Set(filters.types);
    const rels = new Set(filters.rels);
    const docs = new Set(filters.docs);
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('hidden', types.size > 0 && !types.has(n.data('type') as string));
      });
      cy.edges().forEach((e) => {
        const d = e.data() as EdgeData;
        const hide =
          (rels.size > 0 && !rels.has(d.type)) ||
          (docs.size > 0 && !d.docs.some((x) => docs.has(x))) ||
          e.source().hasClass('hidden') ||
          e.target().hasClass('hidden');
        e.toggleClass('hidden', hide);
      });
      // With a document filter, nodes without any visible edge in those documents go too.
      if (docs.size > 0)
        cy.nodes().forEach((n) => {
          if (!n.hasClass('hidden') && n.connectedEdges().filter((e) => !e.hasClass('hidden')).empty()) n.addClass('hidden');
        });
    });
  };

  /** Animate to show `eles`, but never closer than `maxZoom` (a few nodes would fill the screen). */
  const fitTo = (eles: cytoscape.CollectionReturnValue, padding: number, maxZoom = 1.3, animate = true) => {
    if (eles.empty()) return;
    // Large graphs leave labels out of the box: measuring thousands of them is slow.
    const bb = eles.boundingBox({ includeLabels: !large });
    const w = cy.width();
    const h = cy.height();
    const zoom = Math.min(maxZoom, (w - 2 * padding) / Math.max(bb.w, 1), (h - 2 * padding) / Math.max(bb.h, 1));
    const z = Math.max(cy.minZoom(), zoom);
    const pan = { x: w / 2 - z * (bb.x1 + bb.w / 2), y: h / 2 - z * (bb.y1 + bb.h / 2) };
    cy.stop();
    if (animate) cy.animate({ zoom: z, pan }, { duration: 250 });
    else cy.viewport({ zoom: z, pan });
  };

  let currentLayout: cytoscape.Layouts | null = null;
  const view: GraphView = {
    cy,
    setElements(el) {
      addedBy.clear();
      emphasised = new Set();
      // Switch the stylesheet before adding: restyling thousands of elements afterwards costs seconds.
      cy.elements().remove();
      setPerformanceMode(el.nodes.length);
      cy.batch(() => {
        cy.add(withDisplay(el));
      });
      applyFilters();
    },
    expand(from, el) {
      const added = new Set<string>();
      cy.batch(() => {
        for (const n of el.nodes)
          if (cy.getElementById(n.data.id).empty()) {
            cy.add({ group: 'nodes', data: { ...n.data, ...displayFields(n.data) } });
            added.add(n.data.id);
          }
        for (const e of el.edges)
          if (cy.getElementById(e.data.id).empty() && !cy.getElementById(e.data.source).empty() && !cy.getElementById(e.data.target).empty())
            cy.add({ group: 'edges', data: { ...e.data, relLabel: relationName(e.data.type, lang) } });
      });
      addedBy.set(from, new Set([...(addedBy.get(from) ?? []), ...added]));
      applyFilters();
      // Place new nodes around their parent, then let a short local layout settle them.
      const origin = cy.getElementById(from).position();
      const fresh = cy.nodes().filter((n) => added.has(n.id()));
      fresh.forEach((n, i) => {
        const a = (2 * Math.PI * i) / Math.max(1, fresh.length);
        n.position({ x: origin.x + 110 * Math.cos(a), y: origin.y + 110 * Math.sin(a) });
      });
      return added.size;
    },
    collapse(from) {
      const removed = new Set<string>();
      const drop = (id: string) => {
        for (const child of addedBy.get(id) ?? []) {
          if (removed.has(child)) continue;
          removed.add(child);
          drop(child);
        }
        addedBy.delete(id);
      };
      drop(from);
      removed.delete(from);
      cy.batch(() => cy.nodes().filter((n) => removed.has(n.id())).remove());
      return removed.size;
    },
    isExpanded: (id) => (addedBy.get(id)?.size ?? 0) > 0,
    setFilters(f) {
      filters = f;
      applyFilters();
    },
    setLang(next) {
      lang = next;
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          n.data(displayFields(n.data() as NodeData));
        });
        cy.edges().forEach((e) => {
          e.data('relLabel', relationName(e.data('type') as string, lang));
        });
      });
    },
    highlight(h) {
      cy.batch(() => {
        cy.elements().removeClass('dim hl answer answer-top path');
        if (!h || h.nodes.size === 0) return;
        cy.elements().addClass('dim');
        cy.nodes().forEach((n) => {
          if (h.nodes.has(n.id())) n.removeClass('dim').addClass('hl');
          if (h.answers.has(n.id())) n.addClass('answer');
          if (h.top === n.id()) n.addClass('answer-top');
        });
        cy.edges().forEach((e) => {
          if (h.edges.has(e.id())) e.removeClass('dim').addClass('hl');
        });
      });
      emphasise([...(h?.nodes ?? []), ...cy.nodes(':selected').map((n) => n.id())]);
      if (h && h.nodes.size) {
        const lit = cy.elements('.hl, .answer').filter((x) => !x.hasClass('hidden'));
        fitTo(lit, 70);
      }
    },
    showPath(nodes, edges) {
      const ns = new Set(nodes);
      const es = new Set(edges);
      cy.batch(() => {
        cy.elements().removeClass('dim hl answer answer-top path');
        if (!ns.size) return;
        cy.elements().addClass('dim');
        cy.nodes().forEach((n) => {
          if (ns.has(n.id())) n.removeClass('dim').addClass('path');
        });
        cy.edges().forEach((e) => {
          if (es.has(e.id())) e.removeClass('dim').addClass('path');
        });
      });
      emphasise(ns);
      const lit = cy.elements('.path');
      fitTo(lit, 80);
    },
    select(id, o = {}) {
      const n = cy.getElementById(id);
      cy.elements(':selected').unselect();
      if (n.empty()) return false;
      emphasise([...emphasised, id]);
      n.select();
      if (o.center) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
      return true;
    },
    layout(name) {
      currentLayout?.stop();
      const shown = cy.elements().filter((e) => !e.hasClass('hidden'));
      return new Promise<void>((resolve) => {
        // Laying out the whole graph is markedly faster than a (filtered) collection in fcose.
        const all = shown.length === cy.elements().length;
        const opts = layoutOptions(name, shown.nodes().length);
        const l = all ? cy.layout(opts) : shown.layout(opts);
        currentLayout = l;
        l.one('layoutstop', () => {
          fitTo(shown, 40, 2, false);
          resolve();
        });
        l.run();
      });
    },
    fit() {
      fitTo(cy.elements().filter((e) => !e.hasClass('hidden')), 30, 2);
    },
    zoomBy(factor) {
      const z = cy.zoom() * factor;
      cy.animate({ zoom: { level: z, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } } }, { duration: 150 });
    },
    visibleElements() {
      const strip = <T extends object>(d: T): T => {
        const { display: _d, displayWrapped: _w, relLabel: _r, ...rest } = d as T & { display?: unknown; displayWrapped?: unknown; relLabel?: unknown };
        return rest as T;
      };
      const nodes = cy.nodes().filter((n) => !n.hasClass('hidden'));
      const edges = cy.edges().filter((e) => !e.hasClass('hidden'));
      return {
        nodes: nodes.map((n) => ({ data: strip(n.data() as NodeData) })),
        edges: edges.map((e) => ({ data: strip(e.data() as EdgeData) })),
      };
    },
    async png() {
      return cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
    },
    onSelect(cb) {
      selectListeners.push(cb);
    },
  };
  return view;
}

export type { StyleRule };
