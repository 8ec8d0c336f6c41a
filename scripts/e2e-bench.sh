#!/usr/bin/env bash
# Runs the browser benchmarks (slider latency, 3600x4500 print, 48-artwork gallery) and prints the JSON.
# Usage: scripts/e2e-bench.sh [output.json]   (Release build; needs /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$PWD/artifacts/e2e-benchmarks.json}"
mkdir -p "$(dirname "$out")"
ARTGALLERY_BENCH=1 ARTGALLERY_BENCH_OUT="$out" dotnet test tests/ArtGallery.E2E.Tests -c Release -nologo \
  --filter "Category=Benchmark" --logger "console;verbosity=normal"
cat "$out"
