# Sourced by scripts/load-test.sh and scripts/soak.sh: builds the app and the driver, starts the app on a loopback port
# with a fresh data folder, and stops it (and removes the folder) on exit. Sets: root, work, url, pid, password.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${TMPDIR:-/tmp}/artgallery-load"
mkdir -p "$work"
data="$(mktemp -d "$work/data.XXXXXX")"
password="load-Admin-Pass1"
dotnet build "$root/src/ArtGallery.Web/ArtGallery.Web.csproj" -c Release -nologo -v q >/dev/null
dotnet build "$root/scripts/loadgen/LoadGen.csproj" -c Release -nologo -v q -o "$work/loadgen" >/dev/null
# Run a private copy, so a rebuild of the tree while a long soak runs never rewrites the running app's files.
app="$work/app-$$"
rm -rf "$app" && cp -r "$root/src/ArtGallery.Web/bin/Release/net10.0" "$app"
log="$work/server-$$.log"
# Registration shares the sign-in rate limit; the driver registers one user per client from one address.
env ArtGallery__DataDirectory="$data" ArtGallery__AdminPassword="$password" ArtGallery__Device=cpu \
  ArtGallery__LoginAttemptsPerMinute=10000 ASPNETCORE_URLS=http://127.0.0.1:0 Logging__LogLevel__Default=Warning \
  'Logging__LogLevel__Microsoft.Hosting.Lifetime=Information' \
  dotnet "$app/ArtGallery.Web.dll" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data" "$app"' EXIT
url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'Now listening on: http://[0-9.:]*' "$log" | head -1 | sed 's/Now listening on: //')" || true
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "the app exited" >&2; exit 1; }
  sleep 0.2
done
[ -n "$url" ] || { cat "$log"; echo "the app did not start" >&2; exit 1; }
echo "app pid $pid at $url, data $data, log $log"
