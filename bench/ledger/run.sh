#!/usr/bin/env bash
# Ledger commit benchmark: durable single-row commits/s and batched inserts/s, plaintext vs
# encrypted, next to the disk's fsync rate, in one run. Usage: bench/ledger/run.sh [rounds] [seconds] [dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
image=installer/target/tradevault
# the image is rebuilt so that the run measures the code checked out (BENCH_NO_BUILD=1 reuses it)
if [ "${BENCH_NO_BUILD:-}" != 1 ] || [ ! -d "$image/lib" ]; then mvn -B -q package -DskipTests; fi
dir=${3:-target/bench-ledger}
rm -rf "$dir"
exec java -Dorg.sqlite.lib.path="$PWD/$image/lib/native" -Dorg.sqlite.lib.name=libsqlitejdbc.so \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$image/lib/*" bench/ledger/LedgerCommitBench.java \
  "${1:-5}" "${2:-2}" "$dir"
