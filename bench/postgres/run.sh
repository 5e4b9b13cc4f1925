#!/usr/bin/env bash
# Rows per second of 'tradevault migrate-to-postgres' (copy AND verification, whole command including
# JVM start) against pgloader (with fair casts, see pgloader.load) on the same 1M-row, ledger-shaped
# SQLite database and the same throwaway PostgreSQL server, alternating runs, in one go.
# Usage: bench/postgres/run.sh [RUNS]     (default 3 runs of each; needs postgresql, pgloader, sqlite3)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
TV=installer/target/tradevault/bin/tradevault
HERE=bench/postgres

for tool in pgloader sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y $tool" >&2; exit 2; }
done
[ -x "$TV" ] || mvn -B -o -q package -DskipTests

WORK=$(mktemp -d /tmp/tv-bench-pg.XXXXXX)
chmod 755 "$WORK"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$WORK/pg"
cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$WORK/pg/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w start \
  -o "-p $PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
psql_() { psql -X -q -t -A -h 127.0.0.1 -p "$PORT" -U postgres "$@"; }

# The ledger: plaintext, since pgloader cannot open a SQLCipher file.
export HOME="$WORK/home" TRADEVAULT_DATA_DIR="$WORK/data" TRADEVAULT_DB_KEY= TRADEVAULT_DB_URL= TRADEVAULT_CONFIG=
printf 'db.encryption = off\n' > "$WORK/bench.conf"
"$TV" setup-db --config "$WORK/bench.conf" >/dev/null
sqlite3 "$WORK/data/tradevault.db" < "$HERE/generate.sql" >/dev/null
LEDGER="$WORK/data/tradevault.db"
ROWS=$(sqlite3 "$LEDGER" "SELECT (SELECT count(*) FROM positions) + (SELECT count(*) FROM orders)
  + (SELECT count(*) FROM fills) + (SELECT count(*) FROM trade_decisions) + (SELECT count(*) FROM audit_log)
  + (SELECT count(*) FROM state_snapshots) + (SELECT count(*) FROM kv)")
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo "ledger: $ROWS rows, $(du -h "$LEDGER" | cut -f1); PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'), $(pgloader --version 2>&1 | sed -n 1p)"

seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }
ours=() theirs=()
for run in $(seq 1 "$RUNS"); do
  psql_ -d postgres -c "CREATE DATABASE tv_ours_$run" -c "CREATE DATABASE tv_pgloader_$run"

  start=$(date +%s.%N)
  "$TV" migrate-to-postgres --config "$WORK/bench.conf" \
    --target "jdbc:postgresql://127.0.0.1:$PORT/tv_ours_$run?user=postgres" > "$WORK/ours_$run.log"
  end=$(date +%s.%N)
  ours+=("$(seconds "$start" "$end")")
  grep -q '^Verified: ' "$WORK/ours_$run.log" || { cat "$WORK/ours_$run.log"; exit 1; }

  sed -e "s|{{SQLITE}}|$LEDGER|" -e "s|{{PGURL}}|postgresql://postgres@127.0.0.1:$PORT/tv_pgloader_$run|" \
    "$HERE/pgloader.load" > "$WORK/load_$run"
  start=$(date +%s.%N)
  # pgloader 3.6.7 was seen to hang before its first connection (no CPU for minutes) on a busy machine:
  # such an attempt is stopped after 300 s and the run is repeated into a fresh database.
  until timeout 300 pgloader --quiet "$WORK/load_$run" > "$WORK/pgloader_$run.log" 2>&1; do
    [ $? = 124 ] || { cat "$WORK/pgloader_$run.log"; exit 1; }
    echo "run $run: pgloader stopped after 300 s without finishing; repeating it"
    psql_ -d postgres -c "DROP DATABASE tv_pgloader_$run" -c "CREATE DATABASE tv_pgloader_$run"
    start=$(date +%s.%N)
  done
  end=$(date +%s.%N)
  theirs+=("$(seconds "$start" "$end")")
  loaded=$(psql_ -d "tv_pgloader_$run" -c "SELECT (SELECT count(*) FROM positions) + (SELECT count(*) FROM orders)
    + (SELECT count(*) FROM fills) + (SELECT count(*) FROM trade_decisions) + (SELECT count(*) FROM audit_log)
    + (SELECT count(*) FROM state_snapshots) + (SELECT count(*) FROM kv)")
  [ "$loaded" = "$ROWS" ] || { echo "pgloader loaded $loaded of $ROWS rows:"; cat "$WORK/pgloader_$run.log"; exit 1; }
  types=$(psql_ -d "tv_pgloader_$run" -c "SELECT data_type FROM information_schema.columns
    WHERE table_name = 'trade_decisions' AND column_name IN ('payload', 'decided_at') ORDER BY column_name")
  [ "$(echo $types)" = "timestamp with time zone jsonb" ] || { echo "pgloader casts not applied: $types"; exit 1; }
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
