#!/bin/bash
# Start of installed bundles on an empty and on an aged ledger: 'tradevault status' and 'tradevault
# run' up to its first scan ("trading BTCUSDT every" in its output), through each bundle's launcher
# (bundled runtime + AppCDS made for its folder), the bundles taking turns run by run so that the
# machine's load falls on all alike; with the JVM's own floor on the same runtime ('java -Xshare:auto
# -version') as the reference. Median and range in seconds. The aged ledger is copied, never changed.
# Usage: bench/start-aged.sh AGED_DATA_DIR KEY_FILE RUNS BUNDLE_DIR...
#   (a BUNDLE_DIR is an unpacked installer/target/tradevault after libexec/make-cds-archive)
set -euo pipefail
aged=$1 keyfile=$2 runs=$3; shift 3
bundles=("$@")
work=$(mktemp -d /var/tmp/tv-start.XXXXXX)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home TRADEVAULT_DB_KEY
TRADEVAULT_DB_KEY=$(cat "$keyfile")
mkdir -p "$HOME"
TRADEVAULT_DATA_DIR=$work/empty "${bundles[0]}/bin/tradevault" setup-db >/dev/null
cp -a "$aged" "$work/aged"

ms() { echo $(($(date +%s%N) / 1000000)); }
stats() { sort -n | awk '{ a[NR] = $1 } END { printf "%.3f (%.3f to %.3f)", a[int((NR + 1) / 2)] / 1000, a[1] / 1000, a[NR] / 1000 }'; }
status_once() { local s; s=$(ms); "$1/bin/tradevault" status >/dev/null 2>&1; echo $(($(ms) - s)); }
floor_once() { local s; s=$(ms); "$1/runtime/bin/java" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version >/dev/null 2>&1; echo $(($(ms) - s)); }
first_scan_once() {
  local s log=$work/run.log; rm -f "$log"; : >"$log"; s=$(ms)
  ( exec "$1/bin/tradevault" run --for 60s >"$log" 2>&1 ) & local pid=$!
  until grep -q "trading BTCUSDT every" "$log"; do sleep 0.01; kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }; done
  echo $(($(ms) - s)); kill -TERM $pid; wait $pid || true
}

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $runs runs each, bundles taking turns"
for ledger in empty aged; do
  export TRADEVAULT_DATA_DIR=$work/$ledger
  for b in "${bundles[@]}"; do status_once "$b" >/dev/null; done   # page cache warm-up
  for i in $(seq "$runs"); do
    for n in "${!bundles[@]}"; do
      b=${bundles[$n]}
      echo "$n floor $(floor_once "$b")" >>"$work/$ledger.times"
      echo "$n status $(status_once "$b")" >>"$work/$ledger.times"
      echo "$n run $(first_scan_once "$b")" >>"$work/$ledger.times"
    done
  done
  for n in "${!bundles[@]}"; do
    pick() { awk -v n="$n" -v w="$1" '$1 == n && $2 == w { print $3 }' "$work/$ledger.times" | stats; }
    echo "$ledger ($(du -b "$work/$ledger/tradevault.db" | cut -f1) B), ${bundles[$n]}: status $(pick status)," \
      "run to first scan $(pick run), JVM floor $(pick floor)"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
