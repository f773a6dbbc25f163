/**
 * The answers list: each answer with its type, score and evidence quotes; then the passages
 * a search found, with the entities they mention. Activating an answer selects its node.
 */
import type { AskResponse, SearchResponse } from './api-types.js';
import type { AppContext } from './context.js';
import { clear, h } from './dom.js';
import { evidenceList } from './evidence.js';
import { t } from './i18n.js';
import { typeBadge } from './panel.js';
import { displayLabel, entityStyle, entityTypeName } from './vocab.js';

export function renderResults(ctx: AppContext, box: HTMLElement, ask: AskResponse | null, search: SearchResponse | null): void {
  const lang = ctx.state.lang;
  const answers = ask?.answers ?? [];
  const parts: HTMLElement[] = [];
  if (ask) {
    parts.push(h('h2', { class: 'section-title', id: 'answers-title' }, `${t('answers')} (${answers.length})`));
    const it = ask.interpretation;
    if (it)
      parts.push(
        h(
          'p',
          { class: 'interp small muted', id: 'interpretation' },
          `${t('type')}: ${entityTypeName(it.answerType, lang)}`,
          it.constraint ? ` · ${it.constraint}` : '',
          it.focus?.length ? ` · ${it.focus.map((f) => f.label).join('、')}` : '',
        ),
      );
    if (!answers.length) parts.push(h('p', { class: 'muted', text: t('noAnswers') }));
    parts.push(
      h(
        'ol',
        { class: 'answers', id: 'answers', 'aria-labelledby': 'answers-title' },
        answers.map((a, i) =>
          h(
            'li',
            { class: 'answer', 'data-entity': a.id, style: `--c:${entityStyle(a.type).color}` },
            h(
              'button',
              {
                type: 'button',
                class: 'answer-head',
                'aria-label': `${i + 1}. ${displayLabel(a, lang)}`,
                onclick: () => void ctx.selectEntity(a.id, { center: true }),
              },
              h('span', { class: 'rank', text: String(i + 1) }),
              h(
                'span',
                { class: 'answer-main' },
                h('span', { class: 'answer-label', text: displayLabel(a, lang) }),
                h('span', { class: 'answer-meta' }, typeBadge(a.type, lang), h('span', { class: 'score', title: t('score'), text: `${t('score')} ${a.score.toFixed(2)}` })),
              ),
            ),
            evidenceList(a.evidence, ctx.openEvidence, ctx.docTitle, 4),
          ),
        ),
      ),
    );
    if (!answers.length && ask.closest?.length)
      parts.push(h('h3', { class: 'section-title', text: t('closest') }), evidenceList(ask.closest, ctx.openEvidence, ctx.docTitle, 5));
  }
  if (search && search.hits.length) {
    parts.push(
      h('h2', { class: 'section-title', id: 'passages-title' }, `${t('passages')} (${search.hits.length})`, search.translated ? h('span', { class: 'muted small', text: ` · ${search.translated.zh}` }) : null),
      h(
        'ul',
        { class: 'hits', id: 'hits' },
        search.hits.map((hit) =>
          h(
            'li',
            {},
            evidenceList([hit], ctx.openEvidence, ctx.docTitle, 1),
            hit.entities.length
              ? h(
                  'div',
                  { class: 'chips' },
                  hit.entities.slice(0, 8).map((e) =>
                    h(
                      'button',
                      { type: 'button', class: 'chip', style: `--c:${entityStyle(e.type).color}`, onclick: () => void ctx.selectEntity(e.id, { center: true }) },
                      displayLabel(e, lang),
                    ),
                  ),
                )
              : null,
          ),
        ),
      ),
    );
  }
  clear(box, parts);
}
