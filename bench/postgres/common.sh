# shellcheck shell=bash
# Shared by run.sh and budget.sh (sourced, not run): checks the tools (and those in NEEDS), starts a
# throwaway PostgreSQL server and makes the 1M-row, ledger-shaped SQLite ledger. Sets WORK, PGBIN,
# PORT, TV, HERE, LEDGER, ROWS and the helpers as_pg, psql_, seconds, pgcpu, pgloader_into; the server
# and WORK are removed on exit.
TV=installer/target/tradevault/bin/tradevault
HERE=bench/postgres

for tool in pgloader sqlite3 python3 ${NEEDS:-}; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y $tool" >&2; exit 2; }
done
[ -x "$TV" ] || mvn -B -o -q package -DskipTests

WORK=$(mktemp -d /tmp/tv-bench-pg.XXXXXX)
chmod 755 "$WORK"
PGBIN=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1)
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
seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }
# CPU seconds used so far by the server: its live processes and the backends that have exited
# (the postmaster waits for them, so their time is in its children's fields).
pgcpu() {
  local postmaster
  postmaster=$(head -1 "$WORK/pg/data/postmaster.pid")
  for p in "$postmaster" $(pgrep -P "$postmaster"); do
    awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat" 2>/dev/null || true
  done | awk -v hz="$(getconf CLK_TCK)" '{s += $1} END {printf "%.2f\n", s / hz}'
}

# The ledger: plaintext, since pgloader cannot open a SQLCipher file.
export HOME="$WORK/home" TRADEVAULT_DATA_DIR="$WORK/data" TRADEVAULT_DB_KEY='' TRADEVAULT_DB_URL='' TRADEVAULT_CONFIG=''
printf 'db.encryption = off\n' > "$WORK/bench.conf"
"$TV" setup-db --config "$WORK/bench.conf" >/dev/null
sqlite3 "$WORK/data/tradevault.db" < "$HERE/generate.sql" >/dev/null
LEDGER="$WORK/data/tradevault.db"
ROWS=$(sqlite3 "$LEDGER" "SELECT (SELECT count(*) FROM positions) + (SELECT count(*) FROM orders)
  + (SELECT count(*) FROM fills) + (SELECT count(*) FROM trade_decisions) + (SELECT count(*) FROM audit_log)
  + (SELECT count(*) FROM state_snapshots) + (SELECT count(*) FROM kv)")
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo "ledger: $ROWS rows, $(du -h "$LEDGER" | cut -f1); PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'), $(pgloader --version 2>&1 | sed -n 1p)"

# One pgloader load of the ledger into the empty database $1, repeated into a fresh one if it hangs;
# prints its wall time. pgloader 3.6.7 was seen to hang before its first connection (no CPU for minutes)
# on a busy machine: such an attempt is stopped after 300 s.
pgloader_into() {
  local db=$1 start end
  sed -e "s|{{SQLITE}}|$LEDGER|" -e "s|{{PGURL}}|postgresql://postgres@127.0.0.1:$PORT/$db|" \
    "$HERE/pgloader.load" > "$WORK/load_$db"
  start=$(date +%s.%N)
  until timeout 300 pgloader --quiet "$WORK/load_$db" > "$WORK/pgloader_$db.log" 2>&1; do
    [ $? = 124 ] || { cat "$WORK/pgloader_$db.log" >&2; exit 1; }
    echo "pgloader stopped after 300 s without finishing; repeating it" >&2
    psql_ -d postgres -c "DROP DATABASE $db" -c "CREATE DATABASE $db"
    start=$(date +%s.%N)
  done
  end=$(date +%s.%N)
  local loaded
  loaded=$(psql_ -d "$db" -c "SELECT (SELECT count(*) FROM positions) + (SELECT count(*) FROM orders)
    + (SELECT count(*) FROM fills) + (SELECT count(*) FROM trade_decisions) + (SELECT count(*) FROM audit_log)
    + (SELECT count(*) FROM state_snapshots) + (SELECT count(*) FROM kv)")
  [ "$loaded" = "$ROWS" ] || { echo "pgloader loaded $loaded of $ROWS rows:" >&2; cat "$WORK/pgloader_$db.log" >&2; exit 1; }
  local types
  types=$(psql_ -d "$db" -c "SELECT data_type FROM information_schema.columns
    WHERE table_name = 'trade_decisions' AND column_name IN ('payload', 'decided_at') ORDER BY column_name")
  [ "$(echo "$types" | paste -sd ' ')" = "timestamp with time zone jsonb" ] || { echo "pgloader casts not applied: $types" >&2; exit 1; }
  seconds "$start" "$end"
}
