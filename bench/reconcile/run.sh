#!/usr/bin/env bash
# Reconciliation benchmark: N open positions (default 250 500 1000), each with one stop, against a local
# 'tradevault paper-exchange serve' over its REST API, on an encrypted SQLite ledger.
# Usage: bench/reconcile/run.sh [N...]   Result goes to docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q -pl app -am test-compile
mvn -B -o -q -pl app dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
out="$(mktemp -d /tmp/tradevault-reconcile-bench-classes-XXXXXX)"
mkdir -p "$out/classes"
for m in setup app; do cp -r "$m/target/classes/." "$out/classes/"; done
cp -r setup/target/test-classes/. "$out/classes/"
[ -d backup/target/classes ] && cp -r backup/target/classes/. "$out/classes/"
deps="$(tr ':' '\n' < app/target/bench.classpath | grep -v '/com/tradevault/' | paste -sd: -)"
javac -d "$out/bench" -cp "$out/classes:$deps" bench/reconcile/ReconcileBench.java
nproc_note="$(nproc) cores, $(uname -m), $(java -version 2>&1 | head -1)"
echo "reconcile benchmark on $nproc_note"
java -cp "$out/bench:$out/classes:$deps" ReconcileBench "$@"
rm -rf "$out"
