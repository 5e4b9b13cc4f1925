#!/usr/bin/env bash
# Reconciliation benchmark: N open positions (default 250 500 1000), each with one stop, against a local
# 'tradevault paper-exchange serve' over its REST API, on an encrypted SQLite ledger.
# Usage: bench/reconcile/run.sh [N...]   Result goes to docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q -pl app -am test-compile
mvn -B -o -q -pl app dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
out="$(mktemp -d /tmp/tradevault-reconcile-bench-classes-XXXXXX)"
# one directory per module: each module has its own reference.conf, which must not overwrite another
mkdir -p "$out/core" "$out/core-test" "$out/backup" "$out/app"
cp -r core/target/classes/. "$out/core/"
cp -r core/target/test-classes/. "$out/core-test/"
cp -r app/target/classes/. "$out/app/"
[ -d backup/target/classes ] && cp -r backup/target/classes/. "$out/backup/"
classes="$out/app:$out/backup:$out/core:$out/core-test"
deps="$(tr ':' '\n' < app/target/bench.classpath | grep -v '/com/tradevault/' | paste -sd: -)"
javac -d "$out/bench" -cp "$classes:$deps" bench/reconcile/ReconcileBench.java
nproc_note="$(nproc) cores, $(uname -m), $(java -version 2>&1 | head -1)"
echo "reconcile benchmark on $nproc_note"
java -cp "$out/bench:$classes:$deps" ReconcileBench "$@"
rm -rf "$out"
