/**
 * One evidence quote as a button: the sentence, and where it is (document, section).
 * Activating it opens the reader at that sentence.
 */
import type { EvidenceLike } from './api-types.js';
import { h } from './dom.js';

export type OpenEvidence = (ev: EvidenceLike) => void;

export function evidenceList(items: EvidenceLike[], open: OpenEvidence, docTitle: (id: string) => string, max = 50): HTMLElement {
  const list = h('ul', { class: 'evidence' });
  for (const ev of items.slice(0, max)) {
    list.append(
      h(
        'li',
        {},
        h(
          'button',
          {
            class: 'quote',
            type: 'button',
            title: `${docTitle(ev.doc)} ${ev.section ? '› ' + ev.section : ''}`,
            'data-doc': ev.doc,
            'data-start': ev.start,
            onclick: () => open(ev),
          },
          h('span', { class: 'quote-text', text: ev.text }),
          h('span', { class: 'quote-where', text: [docTitle(ev.doc), ev.section].filter(Boolean).join(' › ') }),
        ),
      ),
    );
  }
  if (items.length > max) list.append(h('li', { class: 'muted', text: `+ ${items.length - max}` }));
  return list;
}
