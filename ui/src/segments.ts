/**
 * Splits a document's text into runs for the reader: plain text, entity mentions (longest
 * first, never overlapping) and the highlighted sentence span. Pure; the reader renders it.
 */
export interface MentionSpan {
  entityId: string;
  type: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  mention?: MentionSpan;
  /** Inside the highlighted span (the evidence sentence being read). */
  highlighted: boolean;
}

/** Keep a set of non-overlapping mentions: earlier start wins, then the longer one. */
export function pickMentions(mentions: MentionSpan[], textLength: number): MentionSpan[] {
  const sorted = mentions
    .filter((m) => m.start >= 0 && m.end <= textLength && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: MentionSpan[] = [];
  let lastEnd = -1;
  for (const m of sorted) {
    if (m.start >= lastEnd) {
      out.push(m);
      lastEnd = m.end;
    }
  }
  return out;
}

export function segmentText(text: string, mentions: MentionSpan[], highlight?: { start: number; end: number }): Segment[] {
  const picked = pickMentions(mentions, text.length);
  // Cut points: every mention boundary and the highlight boundaries.
  const cuts = new Set<number>([0, text.length]);
  for (const m of picked) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  if (highlight) {
    cuts.add(Math.max(0, Math.min(text.length, highlight.start)));
    cuts.add(Math.max(0, Math.min(text.length, highlight.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segs: Segment[] = [];
  let mi = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    while (mi < picked.length && picked[mi]!.end <= start) mi++;
    const m = picked[mi];
    const mention = m && m.start <= start && end <= m.end ? m : undefined;
    const highlighted = !!highlight && start >= highlight.start && end <= highlight.end;
    segs.push({ start, end, text: text.slice(start, end), ...(mention ? { mention } : {}), highlighted });
  }
  return segs;
}
