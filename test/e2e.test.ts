// End-to-end tests of the explorer in a real headless Chromium (Debian's /usr/bin/chromium)
// against the real app: embedded store, corpus/ ingested, served in-process on an ephemeral port.
// Screenshots for reviewers go to test/screenshots/ (git-ignored).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeState, DEFAULT_STATE } from '../ui/src/url-state.js';
import { startRealApp, type RunningApp } from './ui-real-app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = path.join(ROOT, 'test', 'screenshots');
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`e2e skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk)`);

/** expect.poll with room for a loaded CI machine (vitest's default is one second). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Rebuild the bundle when any ui/ source is newer than dist/ui/app.js (CI builds first anyway). */
function ensureUiBuilt(): void {
  const bundle = path.join(ROOT, 'dist', 'ui', 'app.js');
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < newest(path.join(ROOT, 'ui')))
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-ui.js')], { stdio: 'inherit' });
}

describe.skipIf(!haveChromium)('explorer in Chromium', () => {
  let app: RunningApp;
  let ctx: BrowserContext;
  let page: Page;
  let userDir: string;
  const errors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const idle = () => page.waitForFunction(() => window.__pg?.ready === true && window.__pg.busy === 0, null, { timeout: 30_000 });
  const open = async (search = '') => {
    await page.goto(`${app.url}/${search}`);
    await idle();
  };
  const apiJson = async <T>(p: string): Promise<T> => (await fetch(`${app.url}${p}`)).json() as Promise<T>;
  /** Classes and state of a graph element, read from the Cytoscape instance. */
  const cyInfo = (id: string) =>
    page.evaluate((eid) => {
      const cy = window.__pg.cy as import('cytoscape').Core;
      const el = cy.getElementById(eid);
      return { exists: el.nonempty(), classes: el.nonempty() ? el.classes() : [], selected: el.nonempty() && el.selected() };
    }, id);

  beforeAll(async () => {
    ensureUiBuilt();
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startRealApp({ writable: true });
    userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-chromium-'));
    ctx = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  });

  afterAll(async () => {
    await ctx?.close();
    await app?.close();
    if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
  });

  it('answers "which modes use milestone evaluation" with the right mode highlighted and its evidence', async () => {
    await open();
    await page.fill('#q', 'which modes use milestone evaluation');
    await page.press('#q', 'Enter');
    const first = page.locator('#answers > li').first();
    await first.waitFor();
    await idle();
    await page.waitForTimeout(400); // let the fit animation settle for the screenshot
    await shot('01-ask-milestone');

    const label = (await first.locator('.answer-label').textContent()) ?? '';
    expect(label).toMatch(/高校、科研机构主导|高校主导|科研机构主导/);
    expect(await first.locator('.badge').textContent()).toContain('模式');
    const quotes = await first.locator('.quote-text').allTextContents();
    expect(quotes.some((q) => q.includes('里程碑'))).toBe(true);

    // In the graph: the answer is drawn as the top answer, some evidence edge is lit, the rest dimmed.
    const id = (await first.getAttribute('data-entity'))!;
    const info = await cyInfo(id);
    expect(info.classes).toEqual(expect.arrayContaining(['answer', 'answer-top', 'hl']));
    const counts = await page.evaluate((aid) => {
      const cy = window.__pg.cy as import('cytoscape').Core;
      const node = cy.getElementById(aid);
      return {
        litEdges: node.connectedEdges('.hl').length,
        litToMilestone: node.connectedEdges('.hl').connectedNodes().filter((n) => /里程碑/.test(n.data('label'))).length,
        dimmed: cy.elements('.dim').length,
        total: cy.elements().length,
      };
    }, id);
    expect(counts.litEdges).toBeGreaterThan(0);
    expect(counts.litToMilestone).toBeGreaterThan(0);
    expect(counts.dimmed).toBeGreaterThan(counts.total / 2);
    expect(new URL(page.url()).searchParams.get('q')).toBe('which modes use milestone evaluation');
  });

  it('clicking a node on the canvas opens its details with evidence', async () => {
    await open();
    // The best-connected node: click it where Cytoscape drew it.
    const target = await page.evaluate(() => {
      const cy = window.__pg.cy as import('cytoscape').Core;
      const n = cy.nodes().max((x) => x.degree(false)).ele;
      cy.zoom(1.2);
      cy.center(n);
      const p = n.renderedPosition();
      const r = cy.container()!.getBoundingClientRect();
      return { id: n.id(), label: n.data('label') as string, x: r.left + p.x, y: r.top + p.y };
    });
    await page.mouse.click(target.x, target.y);
    await page.locator('#entity-title').waitFor();
    await poll(() => page.locator('#entity-title').textContent()).toBe(target.label);
    expect((await cyInfo(target.id)).selected).toBe(true);
    expect(await page.locator('#details .quote').count()).toBeGreaterThan(0);
    expect(await page.locator('#details .neighbours .chip').count()).toBeGreaterThan(0);
    expect(Number(await page.locator('#details [data-field=degree]').textContent())).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('focus')).toBe(target.id);
    await shot('02-node-details');

    // Expand / collapse neighbours incrementally from a focused view (the node and its neighbours).
    await page.click('#details [data-action=focus]');
    await idle();
    const nodeCount = () => page.evaluate(() => (window.__pg.cy as import('cytoscape').Core).nodes().length);
    const loaded = await page.evaluate(() => (window.__pg.cy as import('cytoscape').Core).nodes().map((n) => n.id()));
    // A neighbour whose own neighbourhood reaches beyond the focused view: expanding it must add exactly those.
    let pick: { id: string; expected: number } | null = null;
    for (const id of await page.locator('#details .neighbours .chip').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.entity!))) {
      const g = await apiJson<{ elements: { nodes: { data: { id: string } }[] } }>(`/api/graph?focus=${encodeURIComponent(id)}&depth=1&limit=400`);
      const expected = g.elements.nodes.filter((n) => !loaded.includes(n.data.id)).length;
      if (expected > 0) {
        pick = { id, expected };
        break;
      }
    }
    expect(pick).not.toBeNull();
    await page.locator(`#details .neighbours .chip[data-entity="${pick!.id}"]`).first().click();
    await poll(async () => (await cyInfo(pick!.id)).selected).toBe(true);
    await page.locator('#details [data-action=expand]').waitFor();
    await page.click('#details [data-action=expand]');
    await poll(nodeCount).toBe(loaded.length + pick!.expected);
    await page.waitForTimeout(300);
    await shot('02b-expanded');
    await page.click('#details [data-action=collapse]');
    await poll(nodeCount).toBe(loaded.length);
  });

  it('opens the reader at an evidence sentence, highlighted, and a mention selects its node', async () => {
    await open(`?focus=${encodeURIComponent(await firstEntityId())}`);
    await page.locator('#details .quote').first().waitFor();
    const quote = (await page.locator('#details .quote .quote-text').first().textContent())!;
    await page.locator('#details .quote').first().click();
    const hl = page.locator('#reader #reader-hl');
    await hl.waitFor();
    expect(await page.locator('#tab-reader').getAttribute('aria-selected')).toBe('true');
    expect(((await hl.textContent()) ?? '').trim()).toBe(quote.trim());
    await poll(() => hl.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    })).toBe(true);
    const mentions = page.locator('#reader mark.mention');
    expect(await mentions.count()).toBeGreaterThan(3);
    await page.waitForTimeout(200);
    await shot('03-reader');

    const m = mentions.nth(2);
    const entityId = (await m.getAttribute('data-entity'))!;
    await m.click();
    await poll(() => page.locator('#tab-details').getAttribute('aria-selected')).toBe('true');
    await poll(async () => (await cyInfo(entityId)).selected).toBe(true);
    const detail = await apiJson<{ entity: { label: string } }>(`/api/entities/${encodeURIComponent(entityId)}`);
    await poll(() => page.locator('#entity-title').textContent()).toBe(detail.entity.label);
  });

  /** Some entity with evidence: the first answer of a Chinese question, via the API. */
  async function firstEntityId(): Promise<string> {
    const r = await apiJson<{ answers: { id: string }[] }>(`/api/ask?q=${encodeURIComponent('哪种模式侧重技术驱动')}`);
    return r.answers[0]!.id;
  }

  it('shows the modes x mechanisms matrix and reads a cell’s evidence', async () => {
    await open();
    await page.click('#tab-matrix');
    await page.locator('#matrix-table button.cell').first().waitFor();
    const api = await apiJson<{ cells: { row: string; col: string; count: number }[] }>('/api/matrix?rows=Mode&cols=Mechanism');
    const cell = page.locator('#matrix-table button.cell').first();
    const row = (await cell.getAttribute('data-row'))!;
    const col = (await cell.getAttribute('data-col'))!;
    const count = Number(await cell.textContent());
    expect(count).toBe(api.cells.find((c) => c.row === row && c.col === col)!.count);
    expect(await page.locator('#matrix-table button.cell').count()).toBe(api.cells.filter((c) => c.count > 0).length);
    await cell.click();
    await poll(() => page.locator('#details .quote').count()).toBe(count);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('matrix');
    await shot('04-matrix-modes-mechanisms');

    // Actors x modes preset, and the evidence opens in the reader.
    await page.locator('.matrix-controls .seg button').nth(1).click();
    await poll(() => page.locator('#matrix-rows').inputValue()).toBe('Actor');
    await page.locator('#matrix-table button.cell').first().click();
    await page.locator('#details .quote').first().click();
    await page.locator('#reader #reader-hl').waitFor();
    await shot('05-matrix-actors-modes-reader');
  });

  it('finds shortest paths between two entities with relations and evidence', async () => {
    await open();
    // Two entities two or more hops apart in the loaded graph, found in the page's own data.
    const ends = await page.evaluate(() => {
      const cy = window.__pg.cy as import('cytoscape').Core;
      for (const n of cy.nodes().sort((a, b) => b.degree(false) - a.degree(false)).toArray()) {
        const d = cy.elements().bfs({ roots: n, directed: false });
        const far = cy.nodes().filter((m) => m.id() !== n.id() && d.path.contains(m));
        const dist = (m: import('cytoscape').NodeSingular) => cy.elements().aStar({ root: n, goal: m, directed: false }).distance;
        const two = far.filter((m) => dist(m) === 2);
        if (two.nonempty()) return { from: n.data('label') as string, to: two.first().data('label') as string };
      }
      return null;
    });
    expect(ends).not.toBeNull();
    await page.click('#paths-box summary');
    await page.fill('#path-from', ends!.from);
    await page.fill('#path-to', ends!.to);
    await page.click('#path-find');
    const results = page.locator('#path-results > li');
    await results.first().waitFor();
    const chain = await results.first().locator('.chip').allTextContents();
    expect(chain).toHaveLength(3);
    expect(chain[0]).toBe(ends!.from);
    expect(chain[2]).toBe(ends!.to);
    expect(await results.first().locator('.path-rel').count()).toBe(2);
    await poll(() => page.locator('#details .quote').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window.__pg.cy as import('cytoscape').Core).nodes('.path').length)).toBe(3);
    await page.waitForTimeout(400);
    await shot('06-path-finder');
  });

  it('exports the view as a non-empty PNG, and as JSON of the visible nodes', async () => {
    await open();
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const pngPath = path.join(SHOTS, 'export-view.png');
    await png.saveAs(pngPath);
    const bytes = fs.readFileSync(pngPath);
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(bytes.length).toBeGreaterThan(20_000);
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(400); // width from the IHDR chunk

    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const data = JSON.parse(fs.readFileSync((await json.path())!, 'utf8')) as { nodes: unknown[]; edges: unknown[] };
    const health = await apiJson<{ counts: { entities: number } }>('/api/health');
    expect(data.nodes.length).toBe(health.counts.entities);
    expect(data.edges.length).toBeGreaterThan(0);
  });

  it('restores a view from a deep link (query, focus, filters, language)', async () => {
    const focus = await firstEntityId();
    const link = encodeState({ ...DEFAULT_STATE, q: '哪些模式采用里程碑考核', focus, types: ['Mode', 'Mechanism'], lang: 'en' });
    await open(link);
    expect(await page.inputValue('#q')).toBe('哪些模式采用里程碑考核');
    await page.locator('#answers > li').first().waitFor();
    const detail = await apiJson<{ entity: { label: string; labelEn: string } }>(`/api/entities/${encodeURIComponent(focus)}`);
    await poll(() => page.locator('#entity-title').textContent()).toBe(detail.entity.labelEn || detail.entity.label);
    expect(await page.locator('#lang-toggle button[data-lang=en]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#tab-graph').textContent()).toBe('Graph');
    const visibleTypes = await page.evaluate(() => {
      const cy = window.__pg.cy as import('cytoscape').Core;
      return [...new Set(cy.nodes().filter((n) => n.visible()).map((n) => n.data('type') as string))].sort();
    });
    expect(visibleTypes).toEqual(['Mechanism', 'Mode']);
    expect((await cyInfo(focus)).selected).toBe(true);
    expect(await page.locator('#filter-types input:checked').count()).toBe(2);
    await page.waitForTimeout(400);
    await shot('07-deep-link-en');
    // The link the page writes back is the same view.
    const again = new URL(page.url()).search;
    expect(new URLSearchParams(again).get('types')).toBe('Mode,Mechanism');
    expect(new URLSearchParams(again).get('focus')).toBe(focus);
  });

  it('switches layouts, zooms, fits, toggles label language and exports CSV', async () => {
    await open();
    const positions = () =>
      page.evaluate(() => (window.__pg.cy as import('cytoscape').Core).nodes().map((n) => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`).join(';'));
    const zoom = () => page.evaluate(() => (window.__pg.cy as import('cytoscape').Core).zoom());
    const before = await positions();
    for (const layout of ['concentric', 'dagre', 'fcose'] as const) {
      await page.selectOption('#layout', layout);
      await poll(positions).not.toBe(before);
      await idle();
      expect(new URL(page.url()).searchParams.get('layout')).toBe(layout === 'fcose' ? null : layout);
      if (layout === 'dagre') await shot('10-layout-hierarchical');
    }
    const z0 = await zoom();
    await page.click('#zoom-in');
    await poll(zoom).toBeGreaterThan(z0 * 1.1);
    await page.click('#fit');
    await poll(zoom).toBeLessThan(z0 * 1.1);

    const sample = await page.evaluate(() => {
      const n = (window.__pg.cy as import('cytoscape').Core).nodes().filter((x) => x.data('labelEn') && x.data('labelEn') !== x.data('label')).first();
      return { id: n.id(), label: n.data('label') as string, labelEn: n.data('labelEn') as string };
    });
    const shown = () => page.evaluate((id) => (window.__pg.cy as import('cytoscape').Core).getElementById(id).data('display') as string, sample.id);
    expect(await shown()).toBe(sample.label);
    await page.click('#lang-toggle button[data-lang=en]');
    await poll(shown).toBe(sample.labelEn);
    expect(await page.locator('#tab-matrix').textContent()).toBe('Matrix');
    await page.click('#lang-toggle button[data-lang=zh]');
    await poll(shown).toBe(sample.label);

    const downloads: string[] = [];
    page.on('download', (d) => void d.path().then((p) => p && downloads.push(fs.readFileSync(p, 'utf8'))));
    await page.click('#export-csv');
    await poll(() => downloads.length).toBe(2);
    const [nodesCsv, edgesCsv] = downloads.sort((a, b) => (a.includes('source') ? 1 : 0) - (b.includes('source') ? 1 : 0));
    expect(nodesCsv!.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('id,label,labelEn,type,aliases,degree');
    expect(edgesCsv!.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('id,source,target,type,confidence,evidenceCount,docs');
    const nodes = await page.evaluate(() => (window.__pg.cy as import('cytoscape').Core).nodes().length);
    expect(nodesCsv!.trimEnd().split('\r\n')).toHaveLength(nodes + 1);
  });

  it('keeps controls keyboard reachable and labelled', async () => {
    await open();
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, [role=button]')]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .filter((el) => {
          const name = el.getAttribute('aria-label') || el.textContent?.trim() || (el as HTMLInputElement).labels?.[0]?.textContent?.trim() || el.getAttribute('title');
          return !name;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    // Keyboard: focus the search box, ask with Enter, then Tab reaches the first answer button.
    await page.focus('#q');
    await page.keyboard.type('哪种模式侧重技术驱动');
    await page.keyboard.press('Enter');
    await page.locator('#answers > li').first().waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.className ?? '');
    expect(focused).toContain('answer-head');
    await page.keyboard.press('Enter');
    await page.locator('#entity-title').waitFor();
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await shot('08-keyboard');
  });

  it('hides upload on a read-only server and reports API failures in the status line', async () => {
    await page.route('**/api/health', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), writable: false } });
    });
    await page.route('**/api/ask?*', (route) => route.fulfill({ status: 503, json: { error: { code: 'STORE_UNAVAILABLE', message: 'store is down' } } }));
    await page.route('**/api/search?*', (route) => route.fulfill({ status: 503, json: { error: { code: 'STORE_UNAVAILABLE', message: 'store is down' } } }));
    try {
      await open();
      expect(await page.locator('#upload-btn').isVisible()).toBe(false);
      await page.fill('#q', '哪种模式侧重技术驱动');
      await page.press('#q', 'Enter');
      await poll(() => page.locator('#status-msg').textContent()).toContain('store is down');
      expect(await page.locator('#status-msg').getAttribute('class')).toBe('error');
      expect(await page.locator('#answers > li').count()).toBe(0);
    } finally {
      await page.unrouteAll();
    }
  });

  it('uploads a document by drag-and-drop with progress when the server is writable', async () => {
    await open();
    expect(await page.locator('#upload-btn').isVisible()).toBe(true);
    await page.click('#upload-btn');
    const text = '测试文档\n\n一、合作模式\n\n由地方政府主导的产学研合作采用委托研发方式开展联合研发。\n';
    // A synthetic drop event carrying the file, as a browser drag from the desktop does.
    const dataTransfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'e2e-upload.txt', { type: 'text/plain' }));
      return dt;
    }, text);
    await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
    await page.locator('#upload-log .ok').waitFor({ timeout: 30_000 });
    expect(await page.locator('#upload-log .ok').textContent()).toContain('e2e-upload.txt');
    expect(await page.evaluate(() => (document.getElementById('upload-progress') as HTMLProgressElement).value)).toBe(1);
    await shot('09-upload');
    const health = await apiJson<{ counts: { documents: number } }>('/api/health');
    expect(health.counts.documents).toBe(2);
    await page.click('#upload-close');
    await idle();

    // The new document appears in the document filter; keeping only it leaves only its relations.
    const docBoxes = page.locator('#filter-docs input');
    await poll(() => docBoxes.count()).toBe(2);
    const values = await docBoxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const newDoc = values.find((v) => v.includes('e2e-upload'))!;
    expect(newDoc).toBeDefined();
    await page.locator(`#filter-docs input:not([value="${newDoc}"])`).uncheck();
    const visible = () =>
      page.evaluate(() => {
        const cy = window.__pg.cy as import('cytoscape').Core;
        return { nodes: cy.nodes().filter((n) => n.visible()).length, edgeDocs: cy.edges().filter((e) => e.visible()).map((e) => e.data('docs') as string[]) };
      });
    await poll(async () => (await visible()).nodes).toBeGreaterThan(0);
    const v = await visible();
    expect(v.edgeDocs.length).toBeGreaterThan(0);
    for (const docs of v.edgeDocs) expect(docs).toContain(newDoc);
    expect(new URL(page.url()).searchParams.get('docs')).toBe(newDoc);
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!haveChromium)('ui render benchmark (small run)', () => {
  it('renders a synthetic graph and reports first layout and interactive times', async () => {
    ensureUiBuilt();
    const { benchUiRender } = await import('../bench/ui-render.js');
    const r = (await benchUiRender({ nodes: 400 })) as Record<string, unknown>;
    expect(r.nodes).toBe(400);
    expect(r.edges as number).toBeGreaterThan(400);
    for (const k of ['dataLoadedMs', 'firstLayoutMs', 'interactiveMs'] as const) expect(Number.isFinite(r[k])).toBe(true);
    expect(r.interactiveMs as number).toBeGreaterThanOrEqual(r.firstLayoutMs as number);
    expect((r.rendered as { nodes: number }).nodes).toBe(400);
    expect((r.dragFrameMs as { frames: number }).frames).toBeGreaterThan(0);
  }, 120_000);
});
