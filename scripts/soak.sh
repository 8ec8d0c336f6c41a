#!/usr/bin/env bash
# Soak test: scripts/soak.sh [MINUTES=30]
# Starts the app (Release, loopback, fresh data folder) and keeps a 32 px training run going with renders every ~100 ms,
# a favorite every few seconds and a print each minute; samples RSS/VmHWM (/proc) and the managed heap and GC figures
# (admin-only /api/admin/diagnostics) once a minute and prints one row per minute plus a summary.
set -euo pipefail
minutes="${1:-30}"
source "$(dirname "$0")/loadgen/serve.sh"
dotnet "$work/loadgen/LoadGen.dll" soak "$url" "$pid" "$minutes" "$password"
