/**
 * The load generator, run as its own process so it does not share CPU time slices or an event loop
 * with the server: autocannon against one URL list, result as one JSON line on stdout.
 * Usage: node dist/bench/load-client.js <base-url> <connections> <seconds> <path> [<path>...]
 */
import autocannon from 'autocannon';

const [base, connections, seconds, ...paths] = process.argv.slice(2);
if (!base || !paths.length) {
  process.stderr.write('usage: load-client <base-url> <connections> <seconds> <path>...\n');
  process.exit(2);
}
const result = await autocannon({
  url: base,
  connections: Number(connections),
  duration: Number(seconds),
  timeout: 10,
  requests: paths.map((p) => ({ method: 'GET', path: p })),
});
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    rps: result.requests.average,
    latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
    seconds: result.duration,
  })}\n`,
);
