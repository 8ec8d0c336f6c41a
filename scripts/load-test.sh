#!/usr/bin/env bash
# Load test: scripts/load-test.sh [CLIENTS=50] [SECONDS=60]
# Starts the app (Release, loopback, fresh data folder), trains a short 16 px model for the gallery, starts a 32 px
# training run, then CLIENTS signed-in clients for SECONDS mix gallery renders (40%), slider renders with edits (30%),
# favorite add/remove (25%) and 8x10 in @ 300 dpi prints (5%). Reports req/s, p50/p95/p99 per kind, status counts
# (429 = the print queue's back-pressure, counted apart from errors), the server's peak RSS (VmHWM) and the training
# progress made under load. Exit code 1 on any 5xx or failed request, or if training made no progress.
set -euo pipefail
clients="${1:-50}"
seconds="${2:-60}"
source "$(dirname "$0")/loadgen/serve.sh"
dotnet "$work/loadgen/LoadGen.dll" load "$url" "$pid" "$clients" "$seconds" "$password"
