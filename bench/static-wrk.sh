#!/usr/bin/env bash
# Static files: Cherry's staticdir against ASP.NET Core's StaticFiles, for a 1 MB and a 100 MB file.
# Usage: bench/static-wrk.sh [duration-seconds]   (installs wrk from Debian if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
port=18094
command -v wrk >/dev/null || { apt-get update && apt-get install -y wrk; }
dir=$(mktemp -d)
head -c 1048576 /dev/urandom >"$dir/one.bin"
head -c 104857600 /dev/urandom >"$dir/hundred.bin"
dotnet build -c Release bench/StaticBench >/dev/null
dotnet bench/StaticBench/bin/Release/net10.0/StaticBench.dll --dir "$dir" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/cherry/" && break; sleep 0.1; done
cmp <(curl -s "http://127.0.0.1:$port/cherry/one.bin") "$dir/one.bin"
cmp <(curl -s "http://127.0.0.1:$port/aspnet/one.bin") "$dir/one.bin"

rate() { # path connections
  wrk -t2 -c"$2" -d2s "http://127.0.0.1:$port$1" >/dev/null
  wrk -t2 -c"$2" -d"${duration}s" "http://127.0.0.1:$port$1" | awk '/Requests\/sec/ {r=$2} /Transfer\/sec/ {t=$2} END {print r, t}'
}
for file in one.bin:16 hundred.bin:4; do
  name=${file%%:*}; connections=${file##*:}
  cherry=$(rate "/cherry/$name" "$connections")
  aspnet=$(rate "/aspnet/$name" "$connections")
  echo "$name cherry: ${cherry% *} req/s (${cherry#* }/s)  StaticFiles: ${aspnet% *} req/s (${aspnet#* }/s)"
  awk -v c="${cherry% *}" -v a="${aspnet% *}" -v n="$name" 'BEGIN { printf "%s cherry/StaticFiles ratio: %.2f\n", n, c / a }'
done
