#!/usr/bin/env bash
# The one test command (README): installs what the tests need, then runs every test project.
# --fast: everything except the tests marked [Trait("Category","Slow")] (those that start a training worker, a child app
# process or a browser, or train a network for long): the loop to run while changing code. CI (.ci/run) runs everything.
set -euo pipefail
cd "$(dirname "$0")/.."

filter=()
if [ "${1:-}" = "--fast" ]; then
  shift
  filter=(--filter "Category!=Slow")
fi

# The end-to-end tests drive Debian's Chromium (never a Playwright browser download); the fast loop has no browser test.
if [ ${#filter[@]} -eq 0 ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

dotnet build ArtGallery.sln -c Release -nologo -v q
# Test projects run one after another: TorchSharp tests are CPU heavy and the machine has 2 cores.
# The console log is also kept, so a failure's name and message are repeated at the very end (CI shows the tail).
log="$(mktemp -t artgallery-tests.XXXXXX.log)"
status=0
dotnet test ArtGallery.sln -c Release --no-build -nologo -m:1 --logger "console;verbosity=normal" "${filter[@]}" "$@" 2>&1 | tee "$log" || status=$?
if [ "$status" -ne 0 ]; then
  echo "==== failed tests (repeated from above) ===="
  grep -E -A25 '^\s+Failed [A-Za-z]' "$log" | grep -v -E 'XmlKeyManager|No XML encryptor' | head -150 || true
fi
rm -f "$log"
exit "$status"
