#!/usr/bin/env bash
# Tuning runs for the progan defaults (issue 4): each VARIANT is scripts/tuning/VARIANT.json (a TrainingOptions
# document; see `artgallery train --options`). All variants train at once, one thread each, for the same wall clock,
# on builtin:abstract, then each is evaluated. Compare variants within one invocation only.
#   scripts/tune.sh MINUTES RES KIMG_PER_PHASE SEED OUT VARIANT...
# KIMG_PER_PHASE "-" keeps each variant's own KimgPerPhase (to compare phase lengths).
# e.g. scripts/tune.sh 16 32 6 1 artifacts/tune b32-lr1e-3 b16-lr1e-3 b16-lr2e-3 b16-lr1e-3-wide
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="$1" res="$2" kimg="$3" seed="$4" out="$5"; shift 5
dotnet build src/ArtGallery.Cli -c Release -nologo -v q
cli=(dotnet src/ArtGallery.Cli/bin/Release/net10.0/artgallery.dll)
mkdir -p "$out"
phase=(--kimg-per-phase "$kimg")
[ "$kimg" = "-" ] && phase=()
for v in "$@"; do
  "${cli[@]}" train --data builtin:abstract --options "scripts/tuning/$v.json" --max-res "$res" "${phase[@]}" \
    --minutes "$minutes" --threads 1 --seed "$seed" --out "$out/$v" > "$out/$v.log" 2>&1 &
done
wait
for v in "$@"; do
  "${cli[@]}" evaluate --checkpoint "$out/$v" --data builtin:abstract > "$out/$v-metrics.txt"
  echo "== $v: $(grep -a 'stopped at' "$out/$v.log" | tail -1)"
  grep -E 'precision|recall|bin coverage|occupied|families|KL\(' "$out/$v-metrics.txt"
done
