#!/bin/bash
# Start of the bundle on an empty and on an aged ledger: 'tradevault status' and 'tradevault run' up
# to its first scan ("trading BTCUSDT every" in its output), through the launcher (bundled runtime +
# AppCDS), N runs each, median and range in seconds; with the JVM's own floor on the same runtime
# ('java -Xshare:auto -version') as the reference. The aged ledger is copied, never changed.
# Usage: bench/start-aged.sh AGED_DATA_DIR KEY_FILE [RUNS]   (after mvn -B package of installer)
set -euo pipefail
aged=$1 keyfile=$2 runs=${3:-7}
image=$(cd "$(dirname "$0")/.." && pwd)/installer/target/tradevault
work=$(mktemp -d /var/tmp/tv-start.XXXXXX)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home TRADEVAULT_DB_KEY
TRADEVAULT_DB_KEY=$(cat "$keyfile")
mkdir -p "$HOME"
TRADEVAULT_DATA_DIR=$work/empty "$image/bin/tradevault" setup-db >/dev/null
cp -a "$aged" "$work/aged"

# median min max (seconds) of the numbers (milliseconds) on stdin
stats() { sort -n | awk '{ a[NR] = $1 } END { printf "%.3f (%.3f to %.3f)", a[int((NR + 1) / 2)] / 1000, a[1] / 1000, a[NR] / 1000 }'; }
ms() { echo $(($(date +%s%N) / 1000000)); }
timed() { "$@" >/dev/null 2>&1; for _ in $(seq "$runs"); do local s; s=$(ms); "$@" >/dev/null 2>&1; echo $(($(ms) - s)); done | stats; }
first_scan() {
  local s log=$work/run.log; s=$(ms)
  ( exec "$image/bin/tradevault" run --for 60s >"$log" 2>&1 ) & local pid=$!
  until grep -q "trading BTCUSDT every" "$log"; do sleep 0.01; kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }; done
  echo $(($(ms) - s)); kill -TERM $pid; wait $pid || true
}
first_scans() { for _ in $(seq "$runs"); do first_scan; done | stats; }
jvm_floor() { "$image/runtime/bin/java" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version; }

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $runs runs each"
echo "JVM floor (java -Xshare:auto -version, bundled runtime): $(timed jvm_floor)"
for ledger in empty aged; do
  export TRADEVAULT_DATA_DIR=$work/$ledger
  echo "$ledger ($(du -b "$work/$ledger/tradevault.db" | cut -f1) B): status $(timed "$image/bin/tradevault" status)," \
    "run to first scan $(first_scans)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
