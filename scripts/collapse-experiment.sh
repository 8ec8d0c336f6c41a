#!/usr/bin/env bash
# Issue 4's experiment: our `progan` recipe against the seed post's `seed` recipe on builtin:abstract
# (1,000 images), the SAME wall-clock budget for both: the two runs train at once, one thread each.
# Then both are evaluated (precision/recall, bin coverage, duplicates, family coverage, real-vs-real).
#   scripts/collapse-experiment.sh [RES=64] [MINUTES=40] [KIMG_PER_PHASE=20] [OUT=artifacts/experiment-RES]
# Extend a finished experiment by the same time for both: RESUME=1 scripts/collapse-experiment.sh RES MINUTES ...
set -euo pipefail
cd "$(dirname "$0")/.."
res="${1:-64}" minutes="${2:-40}" kimg="${3:-20}" out="${4:-artifacts/experiment-$res}"
dotnet build src/ArtGallery.Cli -c Release -nologo -v q
cli=(dotnet src/ArtGallery.Cli/bin/Release/net10.0/artgallery.dll)
mkdir -p "$out"
for recipe in progan seed; do
  if [ "${RESUME:-0}" = 1 ]; then
    args=(train --data builtin:abstract --out "$out/$recipe" --resume --minutes "$minutes")
  else
    args=(train --data builtin:abstract --max-res "$res" --recipe "$recipe" --kimg-per-phase "$kimg"
          --minutes "$minutes" --threads 1 --seed 1 --out "$out/$recipe")
  fi
  "${cli[@]}" "${args[@]}" >> "$out/$recipe.log" 2>&1 &
done
wait
for recipe in progan seed; do
  echo "== $recipe: $(grep -a 'stopped at' "$out/$recipe.log" | tail -1)"
  "${cli[@]}" evaluate --checkpoint "$out/$recipe" --data builtin:abstract | tee "$out/$recipe-metrics.txt"
  cp "$(ls "$out/$recipe/samples/"grid-*.png | tail -1)" "$out/$recipe-grid.png"
done
echo "sample grids: $out/progan-grid.png $out/seed-grid.png"
