#!/usr/bin/env bash
# Alert latency: from the event's commit to the outbox until the webhook has the signed POST, through the
# real delivery loop, on an encrypted SQLite ledger; with the bare webhook POST and a bare ledger commit
# measured in the same run as references.
# Usage: bench/alerts/run.sh [N]   (default 200 alerts). Result goes to docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
# in one reactor run, so that the sibling modules resolve to their target folders (nothing is installed)
mvn -B -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
out="$(mktemp -d /tmp/tradevault-alert-bench-classes-XXXXXX)"
# one directory per module: each module has its own reference.conf, which must not overwrite another
mkdir -p "$out/core" "$out/core-test" "$out/backup" "$out/app" "$out/app-test"
cp -r core/target/classes/. "$out/core/"
cp -r core/target/test-classes/. "$out/core-test/"
cp -r app/target/classes/. "$out/app/"
cp -r app/target/test-classes/. "$out/app-test/"
[ -d backup/target/classes ] && cp -r backup/target/classes/. "$out/backup/"
classes="$out/app:$out/app-test:$out/backup:$out/core:$out/core-test"
deps="$(tr ':' '\n' < app/target/bench.classpath | grep -v -e '/com/tradevault/' -e "$PWD/" | paste -sd: -)"
javac -d "$out/bench" -cp "$classes:$deps" bench/alerts/AlertLatencyBench.java
echo "alert latency benchmark on $(nproc) cores, $(uname -m), $(java -version 2>&1 | head -1)"
java -cp "$out/bench:$classes:$deps" AlertLatencyBench "$@"
rm -rf "$out"
