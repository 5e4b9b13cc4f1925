#!/usr/bin/env bash
# Crash soak: ITERATIONS random kill -9 / perturb / restart / reconcile / check iterations of the bot
# against a 'paper-exchange serve' process, with the checks of the crash tests (RandomKillsIT), and a
# one-line summary at the end. Usage: bench/crash-soak.sh [ITERATIONS=500] [SEED]
# Runs from a snapshot of the compiled classes so the worktree can be rebuilt meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
iterations="${1:-500}"
seed="${2:-$RANDOM$RANDOM}"
# package (jars only, no tests, no installer): the reactor then resolves core's and backup's jars offline
mvn -B -o -q -pl app -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$PWD/app/target/soak.classpath" -Dmdep.includeScope=test
snapshot="$(mktemp -d /tmp/tradevault-soak-classes-XXXXXX)"
cp -r app/target/classes "$snapshot/app-classes"
cp -r app/target/test-classes "$snapshot/app-test-classes"
cp -r core/target/classes "$snapshot/setup-classes"
cp -r core/target/test-classes "$snapshot/setup-test-classes"
mkdir -p "$snapshot/backup-classes"
[ -d backup/target/classes ] && cp -r backup/target/classes/. "$snapshot/backup-classes/"
deps="$(tr ':' '\n' < app/target/soak.classpath | grep -v '/com/tradevault/' | paste -sd: -)"
cp="$snapshot/app-classes:$snapshot/app-test-classes:$snapshot/setup-classes:$snapshot/setup-test-classes:$snapshot/backup-classes:$deps"
start=$(date +%s)
java -cp "$cp" com.tradevault.app.crash.CrashSoak "$iterations" "$seed"
echo "soak finished in $(( $(date +%s) - start ))s"
rm -rf "$snapshot"
