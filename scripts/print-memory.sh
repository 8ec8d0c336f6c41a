#!/usr/bin/env bash
# Web RSS around detail prints: scripts/print-memory.sh [COUNT=3] starts the app (Release, fresh data folder), prints
# COUNT 8x10 in @ 300 DPI artworks one after another and reports RSS and VmHWM after each (BENCHMARKS.md, "Long run").
set -euo pipefail
count="${1:-3}"
source "$(dirname "$0")/loadgen/serve.sh"
rss() { awk '/VmRSS/{printf "%.0f", $2/1024}' /proc/$pid/status; }
hwm() { awk '/VmHWM/{printf "%.0f", $2/1024}' /proc/$pid/status; }
sleep 5; echo "start: RSS $(rss) MB"
for i in $(seq 1 "$count"); do
  start=$(date +%s)
  code=$(curl -s -o /dev/null -w "%{http_code}" --max-time 600 "$url/api/artworks/active/$i/print?size=8x10&dpi=300")
  sleep 2; echo "print $i: HTTP $code in $(( $(date +%s) - start )) s; RSS after $(rss) MB, peak $(hwm) MB"
done
