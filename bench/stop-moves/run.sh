#!/usr/bin/env bash
# Milliseconds without a live stop per stop move: cancel+place vs cancel-replace vs venue trailing, on
# 'tradevault paper-exchange serve' with 50 ms of injected latency on every /api/v3 request.
# The venue's order limit is raised: 100 moves in a row exceed Binance's 50 orders per 10 s (itself a finding).
# Usage: bench/stop-moves/run.sh [MOVES]   (from the repository root; TV= another tradevault launcher)
set -euo pipefail
cd "$(dirname "$0")/../.."
MOVES=${1:-100}
TV=${TV:-installer/target/tradevault/bin/tradevault}
command -v node >/dev/null || { echo "missing node: apt-get install -y nodejs" >&2; exit 2; }
[ -x "$TV" ] || mvn -B -o -q package -DskipTests
WORK=$(mktemp -d /tmp/tv-bench-stops.XXXXXX)
cleanup() { [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
cat > "$WORK/tradevault.conf" <<CONF
paper { start-price = "100", initial-base-balance = "0", initial-quote-balance = "10000", step-size = "0.001",
  min-quantity = "0.001", rate-limits { orders-per-10s = 100000 },
  feed { drift = "0", volatility = "0", tick-interval = 1h } }
CONF
export TRADEVAULT_EXCHANGE_API_KEY=bench-key TRADEVAULT_EXCHANGE_API_SECRET=bench-secret
"$TV" paper-exchange serve --port 0 --state "$WORK/paper.db" --config "$WORK/tradevault.conf" > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER=$!
for _ in $(seq 100); do grep -q '^paper exchange serving' "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
URL=$(sed -n 's/^paper exchange serving //p' "$WORK/serve.out")
"$TV" paper-exchange fault --url "$URL" --delay 50ms
PAPER_API_KEY=$TRADEVAULT_EXCHANGE_API_KEY PAPER_API_SECRET=$TRADEVAULT_EXCHANGE_API_SECRET \
  node bench/stop-moves/stop-moves.mjs "$URL" "$MOVES"
