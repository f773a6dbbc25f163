/**
 * Structured logging: one JSON line per event on stderr (pino), so servers can be tailed and
 * parsed; the CLI prints human text itself and logs only warnings and errors.
 */
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

export function createLogger(config: Pick<Config, 'logLevel'>, name = 'policygraph'): Logger {
  return pino({ name, level: config.logLevel, base: { pid: process.pid } }, pino.destination({ fd: 2, sync: true }));
}

/** A logger that drops everything: for tests and library use. */
export const silentLogger: Logger = pino({ level: 'silent' });
