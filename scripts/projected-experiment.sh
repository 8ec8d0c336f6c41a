#!/usr/bin/env bash
# Issue 12's experiment: `projected` against `progan` on builtin:abstract (1,000 images), the SAME wall clock for
# every run: they train at once, one thread each. Then each is evaluated with every metric of `evaluate`
# (precision/recall, bins, duplicates, families, ResNet-18 FD/KID, each with its real-vs-real value).
#   scripts/projected-experiment.sh [RES=64] [MINUTES=60] [OUT=artifacts/projected-RES]
# Runs: progan (1 kimg per growth phase, so it reaches RES early in a short budget), projected (the recipe's
# defaults), projected-anticollapse (PacGAN pack 2, no colour augmentation). CLI=... runs a copied build.
set -euo pipefail
cd "$(dirname "$0")/.."
res="${1:-64}" minutes="${2:-60}" out="${3:-artifacts/projected-$res}"
if [ -z "${CLI:-}" ]; then
  dotnet build src/ArtGallery.Cli -c Release -nologo -v q
  CLI=src/ArtGallery.Cli/bin/Release/net10.0/artgallery.dll
fi
mkdir -p "$out"
echo '{ "AugmentPolicy": "translation,cutout", "Projected": { "Pack": 2 } }' > "$out/anticollapse.json"
common=(--data builtin:abstract --max-res "$res" --minutes "$minutes" --threads 1 --seed 1)
if [ "${SKIP_TRAIN:-0}" != 1 ]; then
  dotnet "$CLI" train "${common[@]}" --recipe progan --kimg-per-phase 1 --final-kimg 1000 --out "$out/progan" > "$out/progan.log" 2>&1 &
  dotnet "$CLI" train "${common[@]}" --recipe projected --out "$out/projected" > "$out/projected.log" 2>&1 &
  dotnet "$CLI" train "${common[@]}" --recipe projected --options "$out/anticollapse.json" --out "$out/projected-anticollapse" \
    > "$out/projected-anticollapse.log" 2>&1 &
  wait
fi
for run in progan projected projected-anticollapse; do
  echo "== $run: $(grep -a 'stopped at' "$out/$run.log" | tail -1)"
  dotnet "$CLI" evaluate --checkpoint "$out/$run" --data builtin:abstract | tee "$out/$run-metrics.txt"
  cp "$(ls "$out/$run/samples/"grid-*.png | tail -1)" "$out/$run-grid.png"
done
