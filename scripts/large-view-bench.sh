#!/usr/bin/env bash
# Large views against gallery renders: scripts/large-view-bench.sh [CLIENTS=16] [SECONDS=30]
# Starts the app (Release, loopback, fresh data folder, the bundled model and its detail model), warms up for 15 s, then
# measures one visitor's gallery PNGs (a fresh seed every 100 ms) for SECONDS alone and for SECONDS while CLIENTS
# anonymous clients fetch `?view=large` of fresh seeds back to back. Prints p50/p95/max per phase and the large views'
# status counts (429 = the large-view queue's back-pressure). Exit code 1 on any 5xx or failed request. BENCHMARKS.md.
set -euo pipefail
clients="${1:-16}"
seconds="${2:-30}"
source "$(dirname "$0")/loadgen/serve.sh"
dotnet "$work/loadgen/LoadGen.dll" large "$url" "$pid" "$clients" "$seconds" "$password"
