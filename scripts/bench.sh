#!/usr/bin/env bash
# The engine benchmarks of BENCHMARKS.md, through the artgallery CLI (Release build, 2 threads, builtin:abstract).
#   scripts/bench.sh            training img/s at 32 and 64 px (progan, seed), RSS over 2,000 steps, generation ms/image
#   scripts/bench.sh quick      the same with fewer steps
# Run it on a quiet machine: the numbers are CPU bound and anything else running halves them.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/ArtGallery.Cli -c Release -nologo -v q
cli=(dotnet src/ArtGallery.Cli/bin/Release/net10.0/artgallery.dll)
steps=40; rss_steps=2000
if [ "${1:-}" = quick ]; then steps=10; rss_steps=300; fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for res in 32 64; do
  for recipe in progan seed; do
    "${cli[@]}" bench train --res "$res" --recipe "$recipe" --steps "$steps" --threads 2
  done
done
"${cli[@]}" bench train --res 32 --steps "$rss_steps" --threads 2 --rss
for res in 64 256; do "${cli[@]}" bench generate --res "$res" --count 50 --threads 2; done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
