#!/usr/bin/env bash
# Rows per second of 'tradevault migrate-to-postgres' (copy AND verification, whole command including
# JVM start) against pgloader (with fair casts, see pgloader.load) on the same 1M-row, ledger-shaped
# SQLite database and the same throwaway PostgreSQL server, alternating runs, in one go.
# Usage: bench/postgres/run.sh [RUNS]     (default 3 runs of each; needs postgresql, pgloader, sqlite3)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
# shellcheck source-path=SCRIPTDIR/../..
. bench/postgres/common.sh

ours=() theirs=()
for run in $(seq 1 "$RUNS"); do
  psql_ -d postgres -c "CREATE DATABASE tv_ours_$run" -c "CREATE DATABASE tv_pgloader_$run"

  start=$(date +%s.%N)
  "$TV" migrate-to-postgres --config "$WORK/bench.conf" \
    --target "jdbc:postgresql://127.0.0.1:$PORT/tv_ours_$run?user=postgres" > "$WORK/ours_$run.log"
  end=$(date +%s.%N)
  ours+=("$(seconds "$start" "$end")")
  grep -q '^Verified: ' "$WORK/ours_$run.log" || { cat "$WORK/ours_$run.log"; exit 1; }

  theirs+=("$(pgloader_into "tv_pgloader_$run")")
  report=$(sed -n 's/^Report: //p' "$WORK/ours_$run.log")
  phases=$(python3 -c 'import json, sys; p = json.load(open(sys.argv[1]))["phaseSeconds"]
print(", ".join(f"{k} {p[k]:.1f} s" for k in ("schema", "copy", "verify") if k in p))' "$report")
  echo "run $run: tradevault ${ours[-1]} s ($phases), pgloader ${theirs[-1]} s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
done

python3 - "$ROWS" "${#ours[@]}" "${ours[@]}" "${theirs[@]}" <<'PY'
import statistics, sys
rows, n = int(sys.argv[1]), int(sys.argv[2])
ours = [rows / float(s) for s in sys.argv[3:3 + n]]
theirs = [rows / float(s) for s in sys.argv[3 + n:]]
ratios = [a / b for a, b in zip(ours, theirs)]
fmt = lambda xs: f"median {statistics.median(xs):,.0f} rows/s (range {min(xs):,.0f} to {max(xs):,.0f})"
print(f"tradevault migrate-to-postgres incl. verification: {fmt(ours)}")
print(f"pgloader (fair casts, incl. index builds):          {fmt(theirs)}")
print(f"ratio tradevault / pgloader: median {statistics.median(ratios):.2f}x (range {min(ratios):.2f}x to {max(ratios):.2f}x), {n} runs each")
PY
