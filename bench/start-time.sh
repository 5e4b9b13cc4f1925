#!/bin/bash
# Cold-start benchmark of the bundle: 'tradevault status' (open the encrypted ledger, one query)
# through the launcher (bundled runtime + AppCDS), the bundled runtime without the archive, and
# the host JDK on the same jars. Prints median and range of N runs each, and ratios to the host JDK.
# Usage: bench/start-time.sh [RUNS]   (after mvn -B package; needs java on the PATH as the reference)
set -euo pipefail
runs=${1:-15}
image=$(cd "$(dirname "$0")/.." && pwd)/installer/target/tradevault
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
native=(-Dorg.sqlite.lib.path="$image/lib/native" -Dorg.sqlite.lib.name=libsqlitejdbc.so)
jvm=(-Xms32m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
export HOME=$work TRADEVAULT_DATA_DIR=$work/data
"$image/bin/tradevault" setup-db >/dev/null

launcher() { "$image/bin/tradevault" status; }
bundled_no_cds() { "$image/runtime/bin/java" -Xshare:off "${jvm[@]}" "${native[@]}" -jar "$image/lib/tradevault.jar" status; }
host_jdk() { java "${jvm[@]}" "${native[@]}" -jar "$image/lib/tradevault.jar" status; }

# measure NAME: prints "median min max" in seconds of $runs runs, after one warm-up for the page cache.
measure() {
  "$1" >/dev/null
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$1" >/dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
  done | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f %.3f %.3f\n", a[int((NR + 1) / 2)] / 1000, a[1] / 1000, a[NR] / 1000 }'
}

reference=$(measure host_jdk)
ref_median=${reference%% *}
printf '%-34s %8s %8s %8s %8s\n' "variant ($runs runs)" median min max ratio
for variant in launcher bundled_no_cds host_jdk; do
  read -r median min max <<<"$(if [[ $variant == host_jdk ]]; then echo "$reference"; else measure "$variant"; fi)"
  printf '%-34s %8s %8s %8s %8.2f\n' "$variant" "$median" "$min" "$max" "$(awk -v a="$median" -v b="$ref_median" 'BEGIN { print a / b }')"
done
