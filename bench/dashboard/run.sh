#!/usr/bin/env bash
# Dashboard benchmark for docs/benchmarks.md: the bot's commit latency without and with a dashboard
# refreshing every second, the page's weight, and the time to the first chart in headless Chromium,
# on an encrypted ledger holding a year of decisions.
#   bench/dashboard/run.sh [WORK] [DECISIONS_PER_HOUR] [WINDOW_SECONDS] [ROUNDS]
# (default WORK: /tmp/tradevault-bench-dashboard, reused if present; 60 decisions per hour; 30 s; 3 rounds)
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-/tmp/tradevault-bench-dashboard}"
mkdir -p "$work"
mvn -B -o -q -pl app -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="app/target/classes:backup/target/classes:core/target/classes:core/target/test-classes:$(cat "$work/cp.txt")"
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; $(chromium --version 2>/dev/null | tail -1)"
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" bench/dashboard/DashboardBench.java \
  "$work" "${2:-60}" "${3:-30}" "${4:-3}"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
