#!/usr/bin/env bash
# Backup benchmarks for docs/benchmarks.md: builds the backup module and its tests, then runs
# BackupBench (a single-file Java program) on a >= 200 MB ledger-shaped SQLCipher file in WORK.
#   bench/backup/run.sh [WORK]      (default WORK: /tmp/tradevault-bench-backup; reused if present)
# Options through JAVA_OPTS: -Druns=3 (repetitions), -Dmb=210 (ledger size), -DpauseMillis=5 (writer pause).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-/tmp/tradevault-bench-backup}"
mkdir -p "$work"
mvn -B -o -q -pl backup -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="backup/target/classes:backup/target/test-classes:$(cat "$work/cp.txt")"
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; $(sqlite3 --version | cut -d' ' -f1-2); $(gpg --version | head -1)"
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$cp" bench/backup/BackupBench.java "$work"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
