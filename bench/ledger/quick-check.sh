#!/usr/bin/env bash
# The cost of the quick check 'tradevault run' makes at start (docs/benchmarks.md).
#   bench/ledger/quick-check.sh [MB=1100] [ORDERS=200000] [RUNS=5] [DIR=/tmp/tradevault-bench-quickcheck]
# The ledger is built on the first run (a few minutes for 1 GB) and reused after.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${4:-/tmp/tradevault-bench-quickcheck}"
mkdir -p "$work"
mvn -B -o -q -pl core -am compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "core/target/classes:$(cat "$work/cp.txt")" \
  bench/ledger/QuickCheckBench.java "${1:-1100}" "${2:-200000}" "${3:-5}" "$work"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
