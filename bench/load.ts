/**
 * API load: `policygraph serve` in one process on 127.0.0.1, autocannon (bench/load-client.ts) in
 * another, one run per endpoint mix; throughput, latency, errors and the server's peak memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** The server's peak resident memory so far in MB (Linux /proc; null elsewhere). */
  peakRssMb(): number | null;
  /** The last lines the server wrote to stderr (for error messages). */
  tail(): string;
  stop(): Promise<void>;
}

export interface LoadResult {
  name: string;
  paths: string[];
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
  /** Connection errors and timeouts, plus non-2xx answers. */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

const peakRss = (pid: number): number | null => {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : null;
  } catch {
    return null;
  }
};

/** Starts `policygraph serve --port 0` and resolves with its URL once it listens. */
export function startServerProcess(opts: { dataDir: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<ServerProcess> {
  const root = projectRoot();
  const child = spawn(process.execPath, [path.join(root, 'bin', 'policygraph.js'), 'serve', '--port', '0', '--host', '127.0.0.1', '--data', opts.dataDir], {
    cwd: root,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  const tail = () => lines.slice(-30).join('\n');
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => fail(new Error(`server did not start within ${opts.timeoutMs ?? 180_000} ms:\n${tail()}`)), opts.timeoutMs ?? 180_000);
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    let buffer = '';
    // Keep reading stderr for the whole run: the server logs one line per request, synchronously.
    child.stderr!.on('data', (b: Buffer) => {
      buffer += b.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > 200) lines.splice(0, 100);
        const url = /policygraph explorer: (http:\/\/\S+?)\/?\s/.exec(`${line} `)?.[1];
        if (url && !settled) {
          settled = true;
          clearTimeout(timer);
          resolve({
            url,
            pid: child.pid!,
            child,
            peakRssMb: () => peakRss(child.pid!),
            tail,
            stop: () =>
              new Promise<void>((done) => {
                if (child.exitCode !== null || child.signalCode !== null) return done();
                const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
                child.once('close', () => {
                  clearTimeout(force);
                  done();
                });
                child.kill('SIGTERM');
              }),
          });
        }
      }
    });
    child.once('error', fail);
    child.once('close', (code, signal) => fail(new Error(`server exited (${code ?? signal}) before listening:\n${tail()}`)));
  });
}

/** Runs autocannon in its own process against `paths` (cycled over by every connection). */
export function runLoad(base: string, name: string, paths: string[], opts: { connections?: number; seconds?: number } = {}): Promise<LoadResult> {
  const connections = opts.connections ?? 50;
  const seconds = opts.seconds ?? 10;
  const client = path.join(projectRoot(), 'dist', 'bench', 'load-client.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [client, base, String(connections), String(seconds), ...paths], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`load client failed (${code}): ${err}`));
      const r = JSON.parse(out.trim().split('\n').pop()!) as Omit<LoadResult, 'name' | 'paths' | 'connections' | 'errors'> & { errors: number };
      resolve({ name, paths, connections, ...r, errors: r.errors + r.non2xx });
    });
  });
}
