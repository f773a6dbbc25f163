#!/usr/bin/env bash
# Start, stop or query the project's own local Neo4j 5.26 (embedded database + Bolt, from Maven
# Central jars; no Docker, no vendor download). Usage: scripts/neo4j.sh start|stop|status
#
# Environment (defaults in brackets):
#   NEO4J_PORT [7687]            Bolt port, bound to 127.0.0.1
#   NEO4J_HOME_DIR [neo4j/home]  database files (git-ignored); CI passes a temporary folder
#   NEO4J_PASSWORD [policygraph] initial password of user `neo4j` (set on first start only)
#   NEO4J_HTTP_PORT [0 = off]    optional HTTP connector
#   NEO4J_HEAP [1g], NEO4J_PAGECACHE_MB [256]   modest memory for a shared 2-core machine
#   NEO4J_LIB_DIR [neo4j/lib]    jars; fetched with Maven on first start when missing
#   NEO4J_RUN_DIR [neo4j/run]    pid and log files, one pair per port
#   NEO4J_WAIT_SECONDS [120]     bound of the readiness wait
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${NEO4J_PORT:-7687}"
HOME_DIR="${NEO4J_HOME_DIR:-$ROOT/neo4j/home}"
LIB_DIR="${NEO4J_LIB_DIR:-$ROOT/neo4j/lib}"
RUN_DIR="${NEO4J_RUN_DIR:-$ROOT/neo4j/run}"
PASSWORD="${NEO4J_PASSWORD:-policygraph}"
HEAP="${NEO4J_HEAP:-1g}"
WAIT_SECONDS="${NEO4J_WAIT_SECONDS:-120}"
PID_FILE="$RUN_DIR/neo4j-$PORT.pid"
LOG_FILE="$RUN_DIR/neo4j-$PORT.log"
HOME_FILE="$RUN_DIR/neo4j-$PORT.home"

running_pid() {
  if [[ -f "$PID_FILE" ]]; then
    local pid
    pid="$(cat "$PID_FILE")"
    # The pid must still be our launcher (a pid can be reused after a crash or reboot).
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'Launcher.java'; then
      echo "$pid"
      return 0
    fi
  fi
  return 1
}

fetch_jars() {
  # A marker written after a complete copy makes this idempotent and repairs an interrupted fetch.
  if [[ -f "$LIB_DIR/.complete" ]]; then return 0; fi
  command -v mvn >/dev/null || { echo "neo4j.sh: Maven (mvn) is needed to fetch the Neo4j jars" >&2; exit 1; }
  echo "neo4j.sh: fetching Neo4j jars from Maven Central into $LIB_DIR (about 120 MB, once)"
  rm -rf "$LIB_DIR"
  mkdir -p "$LIB_DIR"
  mvn -q -f "$ROOT/neo4j/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$LIB_DIR" -DincludeScope=runtime
  touch "$LIB_DIR/.complete"
}

start() {
  if pid="$(running_pid)"; then
    echo "neo4j.sh: already running (pid $pid) on bolt://127.0.0.1:$PORT"
    return 0
  fi
  command -v java >/dev/null || { echo "neo4j.sh: a JDK 17+ (java) is needed" >&2; exit 1; }
  # Another server on the port would answer the readiness probe in our place.
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "neo4j.sh: port $PORT is already in use by another process (not $PID_FILE)" >&2
    exit 1
  fi
  fetch_jars
  mkdir -p "$RUN_DIR" "$HOME_DIR"
  # JVM flags from Neo4j's own neo4j.conf: without java.nio opened, startup or vector indexes fail.
  NEO4J_PORT="$PORT" NEO4J_PASSWORD="$PASSWORD" \
    setsid nohup java -Xms256m "-Xmx$HEAP" -XX:+UseG1GC \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
    --enable-native-access=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true \
    -cp "$LIB_DIR/*" "$ROOT/neo4j/Launcher.java" "$HOME_DIR" >"$LOG_FILE" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  echo "$HOME_DIR" >"$HOME_FILE"
  echo "neo4j.sh: started pid $(cat "$PID_FILE"), log $LOG_FILE; waiting for bolt://127.0.0.1:$PORT"
  if ! NEO4J_WAIT_PID="$(cat "$PID_FILE")" node "$ROOT/scripts/neo4j-wait.js" \
      "bolt://127.0.0.1:$PORT" neo4j "$PASSWORD" "$WAIT_SECONDS"; then
    echo "neo4j.sh: Neo4j did not become ready; last log lines:" >&2
    tail -n 40 "$LOG_FILE" >&2 || true
    stop || true
    exit 1
  fi
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    echo "neo4j.sh: not running on port $PORT"
    rm -f "$PID_FILE"
    return 0
  fi
  kill -TERM "$pid"
  # The shutdown hook checkpoints the store; give it a bounded time, then force.
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE" "$HOME_FILE"; echo "neo4j.sh: stopped pid $pid"; return 0; }
    sleep 1
  done
  echo "neo4j.sh: pid $pid did not stop in 60 s; killing" >&2
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PID_FILE" "$HOME_FILE"
}

status() {
  if pid="$(running_pid)"; then
    echo "neo4j.sh: running (pid $pid) on bolt://127.0.0.1:$PORT, home $(cat "$HOME_FILE" 2>/dev/null || echo "$HOME_DIR")"
  else
    echo "neo4j.sh: not running on port $PORT"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
