/**
 * The document reader: a document's text with entity mentions coloured by type and the
 * evidence sentence highlighted and scrolled into view; clicking a mention selects its node.
 */
import { api } from './api.js';
import type { DocumentResponse } from './api-types.js';
import type { AppContext } from './context.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';
import { segmentText } from './segments.js';
import { entityStyle } from './vocab.js';

export interface Reader {
  open(docId: string, highlight?: { start: number; end: number }): Promise<void>;
  current(): string | null;
}

export function createReader(ctx: AppContext, box: HTMLElement): Reader {
  const cache = new Map<string, Promise<DocumentResponse>>();
  let currentDoc: string | null = null;
  clear(box, h('p', { class: 'muted hint', text: t('readerHint') }));

  const load = (id: string) => {
    let p = cache.get(id);
    if (!p) {
      p = api.document(id);
      cache.set(id, p);
      p.catch(() => cache.delete(id));
    }
    return p;
  };

  const render = (d: DocumentResponse, highlight?: { start: number; end: number }) => {
    const text = d.document.text;
    const segs = segmentText(
      text,
      d.mentions.map((m) => ({ entityId: m.entityId, type: m.type, start: m.start, end: m.end })),
      highlight,
    );
    const body = h('div', { class: 'doc-text', lang: 'zh', tabindex: '-1' });
    let hlWrap: HTMLElement | null = null;
    for (const s of segs) {
      let node: Node;
      if (s.mention) {
        const m = s.mention;
        node = h('mark', {
          class: 'mention',
          role: 'button',
          tabindex: '0',
          style: `--c:${entityStyle(m.type).color}`,
          'data-entity': m.entityId,
          'data-type': m.type,
          title: m.entityId,
          text: s.text,
        });
      } else node = document.createTextNode(s.text);
      if (s.highlighted) {
        // Consecutive highlighted segments share one wrapper so the sentence reads as one block.
        if (!hlWrap) {
          hlWrap = h('span', { class: 'sentence-hl', id: 'reader-hl' });
          body.append(hlWrap);
        }
        hlWrap.append(node);
      } else {
        hlWrap = null;
        body.append(node);
      }
    }
    const activate = (target: EventTarget | null) => {
      const el = (target as HTMLElement | null)?.closest?.('mark.mention') as HTMLElement | null;
      if (el?.dataset.entity) void ctx.selectEntity(el.dataset.entity, { center: true });
    };
    body.addEventListener('click', (e) => activate(e.target));
    body.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        activate(e.target);
      }
    });
    const sel = h(
      'select',
      {
        'aria-label': t('documents'),
        class: 'doc-select',
        onchange: (e: Event) => void reader.open((e.target as HTMLSelectElement).value),
      },
      ctx.documents.map((doc) => {
        const o = h('option', { value: doc.id, text: doc.title || doc.id });
        if (doc.id === d.document.id) o.selected = true;
        return o;
      }),
    );
    const section = highlight ? d.sentences.find((s) => s.start <= highlight.start && highlight.start < s.end)?.sectionPath : '';
    clear(
      box,
      h(
        'header',
        { class: 'reader-head' },
        // With several documents the title is a picker; with one it is plain text.
        ctx.documents.length > 1 ? sel : h('h2', { id: 'reader-title', text: d.document.title || d.document.id }),
        section ? h('p', { class: 'alt-label', text: section }) : null,
      ),
      body,
    );
    const hl = box.querySelector('#reader-hl');
    if (hl) requestAnimationFrame(() => hl.scrollIntoView({ block: 'center' }));
  };

  const reader: Reader = {
    async open(docId, highlight) {
      ctx.showRight('reader');
      currentDoc = docId;
      clear(box, h('p', { class: 'muted', text: t('loading') }));
      try {
        render(await load(docId), highlight);
      } catch (e) {
        clear(box, h('p', { class: 'error', text: (e as Error).message }));
      }
    },
    current: () => currentDoc,
  };
  return reader;
}
