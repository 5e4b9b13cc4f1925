#!/usr/bin/env bash
# Where the time of 'tradevault migrate-to-postgres' goes, measured against what the 1.5x-pgloader target
# leaves: in one go, on the same ledger and server as run.sh, alternating runs of
#   - tradevault migrate-to-postgres (wall, its phases, JVM CPU, server CPU),
#   - pgloader (wall), whose median / 1.5 is the target wall time,
#   - the server alone ("floor"): the same rows as binary COPY files loaded by psql in one transaction
#     with the same schema, indexes and keys built after the load, then read back with COPY TO in three
#     sessions at once, as our verification does: no client work at all,
# and once, the least CPU any Java client must spend on the source (bench/postgres/ReadEveryRow.java:
# reading every row through the bundled SQLite driver, and PRAGMA quick_check).
# Usage: bench/postgres/budget.sh [RUNS]   (default 3; needs postgresql, pgloader, sqlite3, /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time: apt-get install -y time" >&2; exit 2; }
NEEDS="java pg_dump"
# shellcheck source-path=SCRIPTDIR/../..
. bench/postgres/common.sh

TABLES="positions orders fills trade_decisions audit_log state_snapshots kv"
results="$WORK/results"
: > "$results"
for run in $(seq 1 "$RUNS"); do
  psql_ -d postgres -c "CREATE DATABASE tv_ours_$run" -c "CREATE DATABASE tv_pgloader_$run" -c "CREATE DATABASE tv_floor_$run"

  cpu_before=$(pgcpu)
  start=$(date +%s.%N)
  /usr/bin/time -o "$WORK/time_$run" -f '%U %S' "$TV" migrate-to-postgres --config "$WORK/bench.conf" \
    --target "jdbc:postgresql://127.0.0.1:$PORT/tv_ours_$run?user=postgres" > "$WORK/ours_$run.log"
  end=$(date +%s.%N)
  cpu_after=$(pgcpu)
  grep -q '^Verified: ' "$WORK/ours_$run.log" || { cat "$WORK/ours_$run.log"; exit 1; }
  report=$(sed -n 's/^Report: //p' "$WORK/ours_$run.log")
  python3 -c 'import json, sys
p = json.load(open(sys.argv[1]))["phaseSeconds"]
user, system = map(float, open(sys.argv[2]).read().split())
print("ours", sys.argv[3], p["schema"], p["copy"], p["verify"], user + system, float(sys.argv[5]) - float(sys.argv[4]))' \
    "$report" "$WORK/time_$run" "$(seconds "$start" "$end")" "$cpu_before" "$cpu_after" >> "$results"

  echo "pgloader $(pgloader_into "tv_pgloader_$run")" >> "$results"

  if [ "$run" = 1 ]; then
    # The floor's input: the rows as PostgreSQL itself writes them in binary COPY, and the schema split
    # into the tables (before the load) and the indexes and keys (after it), as our bulk load does.
    mkdir "$WORK/copy"
    for t in $TABLES; do psql_ -d tv_ours_1 -c "COPY $t TO STDOUT (FORMAT binary)" > "$WORK/copy/$t"; done
    pg_dump -h 127.0.0.1 -p "$PORT" -U postgres -s --section=pre-data tv_ours_1 > "$WORK/pre-data.sql"
    pg_dump -h 127.0.0.1 -p "$PORT" -U postgres -s --section=post-data tv_ours_1 > "$WORK/post-data.sql"
  fi
  psql_ -d "tv_floor_$run" -f "$WORK/pre-data.sql" >/dev/null
  cpu_before=$(pgcpu)
  start=$(date +%s.%N)
  { echo "BEGIN;"
    for t in $TABLES; do echo "\\copy $t FROM '$WORK/copy/$t' (FORMAT binary)"; done
    cat "$WORK/post-data.sql"
    echo "COMMIT;"; } | psql_ -v ON_ERROR_STOP=1 -d "tv_floor_$run" >/dev/null
  loaded=$(date +%s.%N)
  for t in $TABLES; do echo "$t"; done | xargs -P 3 -I{} \
    psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d "tv_floor_$run" -o /dev/null -c "COPY {} TO STDOUT (FORMAT binary)"
  end=$(date +%s.%N)
  echo "floor $(seconds "$start" "$loaded") $(seconds "$loaded" "$end") $(python3 -c "print($(pgcpu) - $cpu_before)")" >> "$results"
  echo "run $run done (load average $(cut -d' ' -f1-3 /proc/loadavg))"
done

lib=installer/target/tradevault/lib
probe=$(java -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dorg.sqlite.lib.path="$lib/native" \
  -Dorg.sqlite.lib.name=libsqlitejdbc.so -cp "$(ls "$lib"/sqlite-jdbc-*.jar)" "$HERE/ReadEveryRow.java" "$LEDGER" 3)
echo "$probe"

python3 - "$results" "$probe" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
def col(kind, i):
    return [float(r[i]) for r in rows if r[0] == kind]
def med(xs):
    return f"{statistics.median(xs):.2f} s (range {min(xs):.2f} to {max(xs):.2f})"
wall, schema, copy, verify, jvm, server = (col("ours", i) for i in range(1, 7))
pgloader = col("pgloader", 1)
load, back, floor_cpu = (col("floor", i) for i in range(1, 4))
fixed = [w - c - v for w, c, v in zip(wall, copy, verify)]
target = statistics.median(pgloader) / 1.5
floor = statistics.median([a + b for a, b in zip(load, back)])
ratios = [p / w for p, w in zip(pgloader, wall)]
print(f"ratio tradevault / pgloader (rows/s)        median {statistics.median(ratios):.2f}x"
      f" (range {min(ratios):.2f}x to {max(ratios):.2f}x), {len(ratios)} runs each")
print(f"pgloader wall                               {med(pgloader)}")
print(f"target wall (pgloader median / 1.5)         {target:.2f} s")
print(f"server floor: load + indexes + keys         {med(load)}")
print(f"server floor: read-back, 3 sessions         {med(back)}")
print(f"server floor CPU                            {med(floor_cpu)}")
print(f"ours: wall                                  {med(wall)}")
print(f"ours: JVM start, schema, report             {med(fixed)}")
print(f"ours: copy phase                            {med(copy)}")
print(f"ours: verify phase                          {med(verify)}")
print(f"ours: JVM CPU                               {med(jvm)}")
print(f"ours: server CPU                            {med(server)}")
print(f"left for client work on the critical path:  {target - floor - statistics.median(fixed):.2f} s"
      f" (target - server floor - JVM start, schema, report)")
PY
