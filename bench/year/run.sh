#!/usr/bin/env bash
# The ledger over time: builds (once, cached in /var/tmp/tradevault-year) an aged ledger of DAYS days
# at the defaults (bench/year/YearLedger.java), then measures its size and the time of status, run up
# to its first scan, reconcile, backup, integrity --quick, integrity, vacuum --into and
# migrate-to-postgres; compacts it (retention with DETAIL days of detail; the bot's commit latency
# measured while it folds, bench/year/CommitsWhileFolding.java), vacuums, and measures again.
# Usage: bench/year/run.sh [DAYS] [DETAIL] [TRADES_PER_DAY]   (default 45 14 24; needs postgresql)
# ONLY_FOLDING=1: only the backup and the commit latency while folding.
# QUICK=1: before and after compaction only the size, status and run to its first scan.
# A year (365 90) needs ~9 GB in /var/tmp and about an hour to build on two busy cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
DAYS=${1:-45} DETAIL=${2:-14} TRADES=${3:-24}
# a ledger built by an older schema would be migrated by the first command measured: the cache is per schema
SCHEMA=$(ls core/src/main/resources/db/migration/sqlite | sed -n 's/^V\([0-9]*\)__.*/\1/p' | sort -n | tail -1)
CACHE=/var/tmp/tradevault-year/${DAYS}d-${TRADES}t-v$SCHEMA
# per worktree: two checkouts benchmarking at once must not read each other's class path
CPFILE=/tmp/tv-year-cp-$(printf %s "$PWD" | md5sum | cut -c1-8).txt
if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
  mvn -B -q -o -pl app -am package -DskipTests dependency:build-classpath -Dmdep.outputFile="$CPFILE" \
    -Dmdep.includeScope=runtime
fi
WORK=$(mktemp -d /var/tmp/tv-year.XXXXXX)
chmod 755 "$WORK"
# the module jars are copied: a build during the run must not change the code measured
mkdir "$WORK/jars"
cp app/target/tradevault-app-0.1.0.jar backup/target/tradevault-backup-0.1.0.jar core/target/tradevault-core-0.1.0*.jar \
  "$WORK/jars/"
CP="$WORK/jars/tradevault-app-0.1.0.jar:$(sed "s|$PWD/[a-z]*/target/|$WORK/jars/|g" "$CPFILE")"
J=(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP")
mkdir -p "$CACHE" && chmod 700 "$CACHE"
[ -f "$CACHE/db.key" ] || { head -c32 /dev/urandom | xxd -p -c64 > "$CACHE/db.key"; chmod 600 "$CACHE/db.key"; }
export HOME=$CACHE/home TRADEVAULT_DB_KEY
TRADEVAULT_DB_KEY=$(cat "$CACHE/db.key")
if [ ! -f "$CACHE/complete" ]; then
  rm -rf "$CACHE/data" "$CACHE/home"
  "${J[@]}" bench/year/YearLedger.java "$CACHE/data" "$DAYS" "$TRADES" && touch "$CACHE/complete"
fi
PGBIN=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir "$WORK/pg"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$WORK/pg"
as_pg "$PGBIN/initdb" -D "$WORK/pg/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w start \
  -o "-p $PORT -k $WORK/pg -c listen_addresses=127.0.0.1" >/dev/null
# the measured ledger is a copy: the cached one stays as built
cp -a "$CACHE/data" "$WORK/data"
export TRADEVAULT_DATA_DIR=$WORK/data
tv() { "${J[@]}" com.tradevault.app.cli.Main "$@"; }
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
# time N CMD...: "median (min-max)" of N runs in seconds
timed() {
  local n=$1; shift
  for _ in $(seq "$n"); do local s; s=$(now); "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; "$@"; exit 1; }; secs "$s" "$(now)"; echo; done \
    | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f (%.2f-%.2f)", a[int((NR + 1) / 2)], a[1], a[NR] }'
}
# seconds from the start of 'run' to its first scan ("trading BTCUSDT every" in its log), then SIGTERM
first_scan() {
  local s log=$WORK/run.log; s=$(now)
  ( exec "${J[@]}" com.tradevault.app.cli.Main run --for 60s > "$log" 2>&1 ) & local pid=$!
  until grep -q "trading BTCUSDT every" "$log"; do sleep 0.02; kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }; done
  secs "$s" "$(now)"; kill -TERM $pid; wait $pid || true
}
first_scans() {
  for _ in $(seq "$1"); do first_scan; echo; done | sort -n \
    | awk '{ a[NR] = $1 } END { printf "%.2f (%.2f-%.2f)", a[int((NR + 1) / 2)], a[1], a[NR] }'
}
measure() {
  local label=$1 n=$2
  echo "== $label: $(du -b "$WORK/data/tradevault.db" | cut -f1) bytes ($(du -h "$WORK/data/tradevault.db" | cut -f1))"
  echo "status:               $(timed 5 tv status)"
  echo "run to first scan:    $(first_scans 3)"
  [ "${QUICK:-}" = 1 ] && return
  echo "reconcile:            $(timed 3 tv reconcile)"
  echo "backup:               $(timed 1 tv backup --dest "$WORK/backups-$n")"
  echo "integrity --quick:    $(timed 1 tv integrity --quick)"
  echo "integrity:            $(timed 1 tv integrity)"
  echo "vacuum --into:        $(timed 1 tv vacuum --into "$WORK/vacuumed-$n.db")"; rm -f "$WORK/vacuumed-$n.db"
  as_pg psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "CREATE DATABASE tv_$n"
  echo "migrate-to-postgres:  $(timed 1 tv migrate-to-postgres --target "jdbc:postgresql://127.0.0.1:$PORT/tv_$n?user=postgres")"
}
echo "ledger: $DAYS days at the defaults, $TRADES trades a day; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${ONLY_FOLDING:-}" = 1 ]; then
  tv backup >/dev/null
  "${J[@]}" bench/year/CommitsWhileFolding.java "$WORK/data/backups" "$DETAIL"
  exit 0
fi
# the reference, in the same run: the same commands on a new, empty ledger
(
  export TRADEVAULT_DATA_DIR=$WORK/empty
  tv setup-db >/dev/null
  echo "== reference, empty ledger: status $(timed 5 tv status), run to first scan $(first_scans 3)"
)
measure before 1
# the backup the compaction is bounded by, in backup.dir
tv backup >/dev/null
"${J[@]}" bench/year/CommitsWhileFolding.java "$WORK/data/backups" "$DETAIL"
echo "vacuum (in place):    $(timed 1 tv vacuum)"
measure "after compaction to $DETAIL days of detail" 2
