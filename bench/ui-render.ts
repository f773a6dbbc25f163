/**
 * Explorer render benchmark: serves the built explorer (dist/ui) with a synthetic 5,000-node
 * graph behind a stub /api, opens it in headless Chromium and records time to first layout,
 * time to interactive, and frame times while panning and zooming.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { PolicygraphError } from '../core/errors.js';
import { uiDistDir } from '../core/paths.js';
import type { Subgraph } from '../graph/types.js';
import { ENTITY_TYPES, RELATION_TYPES, type Entity, type Relation } from '../ingest/types.js';
import { toCytoscapeElements, type CytoscapeElements } from '../ui/elements.js';

export interface UiRenderOptions {
  nodes?: number;
  /** Edges per node on average. */
  edgeFactor?: number;
  chromiumPath?: string;
  seed?: number;
  /** Save a screenshot of the rendered graph here (e.g. under bench/results/). */
  screenshot?: string;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Deterministic PRNG (mulberry32) so every run lays out the same graph. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A scale-free-ish graph: each new node links to earlier nodes picked by degree (hubs grow). */
export function syntheticGraph(n: number, edgeFactor: number, seed = 42): Subgraph {
  const rand = rng(seed);
  const entities: Entity[] = [];
  const relations: Relation[] = [];
  const ends: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const type = ENTITY_TYPES[i % ENTITY_TYPES.length]!;
    const id = `${type}:实体${i}`;
    entities.push({ id, type, label: `实体${i}`, labelEn: `entity ${i}`, aliases: [] });
    const links = i === 0 ? 0 : Math.max(1, Math.round(edgeFactor * (0.5 + rand())));
    for (let k = 0; k < links && i > 0; k++) {
      const target = ends.length && rand() < 0.8 ? ends[Math.floor(rand() * ends.length)]! : entities[Math.floor(rand() * i)]!.id;
      const rtype = RELATION_TYPES[Math.floor(rand() * RELATION_TYPES.length)]!;
      const rid = `${rtype}:${id}->${target}`;
      if (target === id || seen.has(rid)) continue;
      seen.add(rid);
      const start = Math.floor(rand() * 10000);
      relations.push({ id: rid, type: rtype, source: id, target, confidence: 0.7, evidence: [{ doc: 'synthetic', section: '', sentenceId: `synthetic#${i}`, text: '', start, end: start + 30 }] });
      ends.push(id, target);
    }
  }
  return { entities, relations };
}

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** Static dist/ui plus the few /api routes the explorer reads at start-up. */
function serve(dir: string, elements: CytoscapeElements): Promise<http.Server> {
  const graphJson = JSON.stringify({ elements, truncated: false });
  const health = JSON.stringify({
    status: 'ok',
    store: 'embedded',
    model: { available: false, modelId: 'none', reason: 'benchmark' },
    counts: { documents: 1, entities: elements.nodes.length, relations: elements.edges.length, sentences: 0, passages: 0 },
    writable: false,
  });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    if (url.pathname === '/api/graph') return json(200, graphJson);
    if (url.pathname === '/api/health') return json(200, health);
    if (url.pathname === '/api/documents') return json(200, '{"documents":[]}');
    if (url.pathname.startsWith('/api/')) return json(404, '{"error":{"code":"NOT_FOUND","message":"not in the benchmark stub"}}');
    const file = path.join(dir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function benchUiRender(opts: UiRenderOptions = {}): Promise<object> {
  const nodes = opts.nodes ?? 5000;
  const edgeFactor = opts.edgeFactor ?? 1.5;
  const exe = opts.chromiumPath ?? '/usr/bin/chromium';
  if (!fs.existsSync(exe)) return { name: 'ui-render', skipped: `${exe} not found (apt-get install -y chromium)` };
  const dir = uiDistDir();
  if (!fs.existsSync(path.join(dir, 'app.js'))) throw new PolicygraphError('CONFIG', `${dir}/app.js is missing: run \`npm run build\` first`, { file: dir });

  const elements = toCytoscapeElements(syntheticGraph(nodes, edgeFactor, opts.seed));
  const server = await serve(dir, elements);
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-bench-chromium-'));
  const ctx = await chromium.launchPersistentContext(userDir, { executablePath: exe, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 900 } });
  try {
    const page = await ctx.newPage();
    const { port } = server.address() as AddressInfo;
    const wall0 = Date.now();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => (window as unknown as { __pg?: { marks: Record<string, number> } }).__pg?.marks.interactive !== undefined, null, {
      timeout: 300_000,
      polling: 100,
    });
    const wallMs = Date.now() - wall0;
    if (opts.screenshot) {
      fs.mkdirSync(path.dirname(opts.screenshot), { recursive: true });
      await page.screenshot({ path: opts.screenshot });
    }
    // Frame intervals while a user drags the view and wheels the zoom (real input events, so
    // Cytoscape's viewport optimisations apply as they do for people).
    const box = (await page.locator('#cy').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy0 = box.y + box.height / 2;
    const recordFrames = () =>
      page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __rec: boolean };
        w.__frames = [];
        w.__rec = true;
        const tick = (t: number) => {
          w.__frames.push(t);
          if (w.__rec) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    const stopFrames = () =>
      page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __rec: boolean };
        w.__rec = false;
        const d = w.__frames.slice(1).map((t, i) => t - w.__frames[i]!);
        d.sort((a, b) => a - b);
        return { frames: d.length, avg: d.reduce((s, x) => s + x, 0) / Math.max(1, d.length), p95: d[Math.floor(d.length * 0.95)] ?? 0, max: d[d.length - 1] ?? 0 };
      });
    await recordFrames();
    await page.mouse.move(cx, cy0);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) await page.mouse.move(cx + (i % 10) * 12, cy0 + (i % 7) * 8, { steps: 2 });
    await page.mouse.up();
    const pan = await stopFrames();
    await recordFrames();
    for (let i = 0; i < 16; i++) {
      await page.mouse.wheel(0, i < 8 ? -120 : 120);
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(300);
    const zoom = await stopFrames();
    const probe = await page.evaluate(() => {
      const pg = (window as unknown as { __pg: { marks: Record<string, number>; cy: import('cytoscape').Core } }).__pg;
      const cy = pg.cy;
      const r = (cy as unknown as { renderer(): { textureOnViewport?: boolean; hideEdgesOnViewport?: boolean } }).renderer();
      return {
        marks: pg.marks,
        zoomedOutLevel: cy.zoom(),
        textureOnViewport: !!r.textureOnViewport,
        hideEdgesOnViewport: !!r.hideEdgesOnViewport,
        minZoomedFontSize: cy.nodes().first().style('min-zoomed-font-size'),
        renderedNodes: cy.nodes().length,
        renderedEdges: cy.edges().length,
      };
    });
    const m = probe.marks;
    const r1 = (x: number) => Math.round(x * 10) / 10;
    return {
      name: 'ui-render',
      nodes: elements.nodes.length,
      edges: elements.edges.length,
      layout: 'fcose (draft quality above 1200 nodes)',
      chromium: ctx.browser()?.version() ?? 'persistent context',
      /** From navigation start (ms). */
      dataLoadedMs: r1(m.data ?? NaN),
      firstLayoutMs: r1(m.layout ?? NaN),
      elementsAddedMs: r1(m.elements ?? NaN),
      layoutOnlyMs: r1((m.layout ?? NaN) - (m.elements ?? NaN)),
      interactiveMs: r1(m.interactive ?? NaN),
      wallClockToInteractiveMs: wallMs,
      /** Intervals between animation frames while dragging / wheeling (16.7 = 60 fps). */
      dragFrameMs: { frames: pan.frames, avg: r1(pan.avg), p95: r1(pan.p95), max: r1(pan.max) },
      wheelFrameMs: { frames: zoom.frames, avg: r1(zoom.avg), p95: r1(zoom.p95), max: r1(zoom.max) },
      zoomLevel: Math.round(probe.zoomedOutLevel * 1000) / 1000,
      settings: { textureOnViewport: probe.textureOnViewport, hideEdgesOnViewport: probe.hideEdgesOnViewport, minZoomedFontSize: probe.minZoomedFontSize },
      rendered: { nodes: probe.renderedNodes, edges: probe.renderedEdges },
    };
  } finally {
    await ctx.close();
    await new Promise<void>((r) => server.close(() => r()));
    fs.rmSync(userDir, { recursive: true, force: true });
  }
}
