#!/usr/bin/env bash
# Issue 12's experiment: `projected` against `progan` and the post's `seed` on builtin:abstract (1,000 images), the
# SAME wall clock for every run: they all train at once, one thread each, sharing the machine's cores equally. Then
# each is evaluated with every metric of `evaluate` (precision/recall, bins, duplicates, distinct palettes, families,
# ResNet-18 FD/KID, each with its real-vs-real value) and its latest sample grid is copied out.
#   scripts/projected-experiment.sh [RES=64] [MINUTES=60] [OUT=artifacts/projected-RES]
# Runs: progan (1 kimg per growth phase, so it reaches RES early in a short budget), seed, and two projected variants
# whose options documents are written below (BENCHMARKS.md, issue 12, says how they were chosen).
# CLI=... runs a copied build; FEATURE_SIZE (default 64) is evaluate's --feature-size for FD/KID; RUNS="progan seed"
# trains and evaluates only those runs (each extra run takes a share of the same cores).
set -euo pipefail
cd "$(dirname "$0")/.."
res="${1:-64}" minutes="${2:-60}" out="${3:-artifacts/projected-$res}"
if [ -z "${CLI:-}" ]; then
  dotnet build src/ArtGallery.Cli -c Release -nologo -v q
  CLI=src/ArtGallery.Cli/bin/Release/net10.0/artgallery.dll
fi
mkdir -p "$out"
# The A/B rounds' best (no colour augmentation, G's learning rate of equalized-LR layers, minibatch spread and a
# pixel head), and the same with PacGAN pairs.
echo '{ "AugmentPolicy": "translation,cutout", "LearningRate": 0.002, "Projected": { "MinibatchStdDev": true, "PixelHeadSize": 16 } }' \
  > "$out/projected.json"
echo '{ "AugmentPolicy": "translation,cutout", "LearningRate": 0.002, "Projected": { "MinibatchStdDev": true, "PixelHeadSize": 16, "Pack": 2 } }' \
  > "$out/projected-pack2.json"
read -r -a runs <<< "${RUNS:-progan seed projected projected-pack2}"
wants() { [[ " ${runs[*]} " == *" $1 "* ]]; }
common=(--data builtin:abstract --max-res "$res" --minutes "$minutes" --threads 1 --seed 1)
if [ "${SKIP_TRAIN:-0}" != 1 ]; then
  wants progan && dotnet "$CLI" train "${common[@]}" --recipe progan --kimg-per-phase 1 --final-kimg 1000 --out "$out/progan" > "$out/progan.log" 2>&1 &
  wants seed && dotnet "$CLI" train "${common[@]}" --recipe seed --out "$out/seed" > "$out/seed.log" 2>&1 &
  for run in projected projected-pack2; do
    wants "$run" || continue
    dotnet "$CLI" train "${common[@]}" --recipe projected --options "$out/$run.json" --out "$out/$run" > "$out/$run.log" 2>&1 &
  done
  wait
fi
for run in "${runs[@]}"; do
  echo "== $run: $(grep -a 'stopped at' "$out/$run.log" | tail -1)"
  dotnet "$CLI" evaluate --checkpoint "$out/$run" --data builtin:abstract --feature-size "${FEATURE_SIZE:-64}" | tee "$out/$run-metrics.txt"
  cp "$(ls "$out/$run/samples/"grid-*.png | tail -1)" "$out/$run-grid.png"
done
