/**
 * Progress for long work: a single redrawn line on a TTY, nothing otherwise (servers and CI
 * get structured log lines instead).
 */
export interface Progress {
  /** `label` names the current item, `stage` what is being done to it. */
  update(done: number, total: number, label: string, stage?: string): void;
  done(summary?: string): void;
}

export const noProgress: Progress = { update() {}, done() {} };

export function ttyProgress(stream: NodeJS.WriteStream = process.stderr, title = 'ingest'): Progress {
  if (!stream.isTTY) return noProgress;
  let last = 0;
  return {
    update(done, total, label, stage) {
      const now = Date.now();
      if (now - last < 50 && done < total) return;
      last = now;
      const width = 24;
      const filled = total ? Math.round((done / total) * width) : 0;
      const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
      const line = `${title} [${bar}] ${done}/${total} ${label}${stage ? ` · ${stage}` : ''}`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 100) - 1)}`);
    },
    done(summary) {
      stream.write(`\r\x1b[2K${summary ? `${summary}\n` : ''}`);
    },
  };
}
