// Readiness wait for scripts/neo4j.sh: driver.verifyConnectivity() in a bounded retry loop
// (never a fixed sleep); gives up early when the server process has exited.
// Usage: node scripts/neo4j-wait.js <uri> <user> <password> <seconds>   (env NEO4J_WAIT_PID optional)
import neo4j from 'neo4j-driver';

const [uri, user, password, seconds = '120'] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
const pid = Number(process.env.NEO4J_WAIT_PID || 0);

const alive = () => {
  if (!pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let lastError = 'no attempt';
let attempt = 0;
while (Date.now() < deadline) {
  attempt += 1;
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { connectionTimeout: 2000 });
  try {
    await driver.verifyConnectivity();
    await driver.close();
    console.log(`neo4j-wait: ready after ${attempt} attempt(s)`);
    process.exit(0);
  } catch (e) {
    lastError = e instanceof Error ? e.message : String(e);
    await driver.close();
  }
  if (!alive()) {
    console.error(`neo4j-wait: server process ${pid} exited; last error: ${lastError}`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, Math.min(250 * attempt, 2000)));
}
console.error(`neo4j-wait: not ready within ${seconds}s; last error: ${lastError}`);
process.exit(1);
