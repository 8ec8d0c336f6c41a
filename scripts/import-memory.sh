#!/usr/bin/env bash
# Peak RSS of a 32 px CLI training run on 1,000 user PNGs (issue 24, item 11): exports 1,000 built-in paintings at
# 512 px as a "user folder", then trains on it with 1 thread and reports the peak resident set (GNU time).
# Usage: scripts/import-memory.sh [ARTGALLERY=src/ArtGallery.Cli/bin/Release/net10.0/artgallery] [OUT=/tmp/ag-import-memory]
set -euo pipefail
cli=${1:-src/ArtGallery.Cli/bin/Release/net10.0/artgallery}
out=${2:-/tmp/ag-import-memory}
mkdir -p "$out"
[ -d "$out/imgs" ] || nice -n 15 "$cli" dataset export --data builtin:abstract --count 1000 --res 512 --out "$out/imgs"
rm -rf "$out/run"
/usr/bin/time -v nice -n 15 "$cli" train --data "$out/imgs" --max-res 32 --kimg-per-phase 1 --out "$out/run" \
    --threads 1 --minutes 5 2>&1 | tr '\r' '\n' | grep -E "stopped at|finished|Maximum resident|Elapsed"
uptime
