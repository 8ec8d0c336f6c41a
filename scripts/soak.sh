#!/usr/bin/env bash
# Soak test: scripts/soak.sh [MINUTES=30] [RES=32] [KIMG_PER_PHASE=3]
# Starts the app (Release, loopback, fresh data folder) and keeps RES px training runs going back to back (each
# KIMG_PER_PHASE per phase, so a 30-minute soak spans several runs and a per-run leak shows), with renders every ~100 ms,
# a favorite every few seconds and a print each minute; samples RSS/VmHWM (/proc) and the managed heap and GC figures
# (admin-only /api/admin/diagnostics) once a minute and prints one row per minute plus a summary.
set -euo pipefail
minutes="${1:-30}" res="${2:-32}" kimg="${3:-3}"
# TRAINING_THREADS=1 leaves a core to other work (the app's ArtGallery:TrainingThreads, default 2).
export ArtGallery__TrainingThreads="${TRAINING_THREADS:-2}"
source "$(dirname "$0")/loadgen/serve.sh"
dotnet "$work/loadgen/LoadGen.dll" soak "$url" "$pid" "$minutes" "$res" "$kimg" "$password"
