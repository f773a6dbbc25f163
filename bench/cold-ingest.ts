/**
 * Cold ingest as a user runs it: a fresh process that loads the CLI, the model and the lexicons, then
 * ingests. Writes {ms, maxRssMb, exitCode} to the file named first; the CLI's own output goes to stdout.
 * Usage: node dist/bench/cold-ingest.js <result.json> ingest <paths...> --data <dir> --json
 */
import { writeFileSync } from 'node:fs';

const [out, ...argv] = process.argv.slice(2);
const { run } = (await import('../cli/main.js')) as { run: (argv: string[]) => Promise<number> };
const exitCode = await run(argv);
// Process uptime covers Node's own start, module loading and the model load, as a user waits for them.
writeFileSync(out, JSON.stringify({ ms: process.uptime() * 1000, maxRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10, exitCode }));
process.exitCode = exitCode;
