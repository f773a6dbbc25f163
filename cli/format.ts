/** Human-readable renderings of CLI results (the --json shapes are the API's). */
import type { Counts, DocumentSummary, EntityWithStats } from '../graph/types.js';
import type { IngestReport } from '../ingest/pipeline.js';

interface EvidenceLike {
  doc: string;
  section: string;
  text: string;
  start: number;
  end: number;
}

const quote = (ev: EvidenceLike): string => `     “${ev.text}”\n       — ${ev.doc}${ev.section ? ` § ${ev.section}` : ''} [${ev.start}–${ev.end}]`;

export function ingestReport(r: IngestReport, counts: Counts): string {
  const lines = [
    ...r.ingested.map((d) => `ingested ${d.id}: ${d.sentences} sentences, ${d.entities} entities, ${d.relations} relations`),
    ...r.skipped.map((s) => `skipped  ${s.file}: ${s.reason}`),
    ...r.errors.map((e) => `error    ${e.message} [${e.code}]`),
    `store: ${counts.documents} documents, ${counts.entities} entities, ${counts.relations} relations, ${counts.sentences} sentences`,
  ];
  return lines.join('\n');
}

export function askResult(r: {
  question: string;
  type: string;
  answers: { label: string; labelEn: string; type: string; score: number; evidence: EvidenceLike[] }[];
  closest?: EvidenceLike[];
}): string {
  const lines = [`Q: ${r.question}  (answer type: ${r.type})`];
  if (!r.answers.length) {
    lines.push('No answer of that type is supported by the documents.');
    if (r.closest?.length) lines.push('Closest evidence:', ...r.closest.slice(0, 3).map(quote));
  }
  r.answers.forEach((a, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${a.label} (${a.labelEn}) [${a.type}] score ${a.score.toFixed(3)}`);
    lines.push(...a.evidence.slice(0, 2).map(quote));
  });
  return lines.join('\n');
}

export function searchResult(r: { query: string; translated?: { zh: string }; mode: string; hits: (EvidenceLike & { score: number })[] }): string {
  const lines = [`search: ${r.query}${r.translated ? `  → ${r.translated.zh}` : ''}  (${r.mode})`];
  r.hits.forEach((h, i) => lines.push(`${String(i + 1).padStart(2)}. [${h.score.toFixed(3)}] ${h.text}\n       — ${h.doc}${h.section ? ` § ${h.section}` : ''} [${h.start}–${h.end}]`));
  return lines.join('\n');
}

export function entityTable(entities: EntityWithStats[]): string {
  if (!entities.length) return '(no entities)';
  return entities.map((e) => `${e.type.padEnd(14)} ${e.label}  (${e.labelEn})  ×${e.mentionCount}${e.aliases.length ? `  aka ${e.aliases.join(', ')}` : ''}`).join('\n');
}

export function documentTable(docs: DocumentSummary[]): string {
  if (!docs.length) return '(no documents)';
  return docs.map((d) => `${d.id}  ${d.format}  ${d.chars} chars  ${d.sentences} sentences  ${d.title}`).join('\n');
}
