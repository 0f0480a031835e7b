#!/usr/bin/env bash
# Cache hits: Cherry's caching tool against ASP.NET Core's OutputCache on the same handler, same process.
# Usage: bench/cache-wrk.sh [duration-seconds]   (installs wrk from Debian if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
port=18092
command -v wrk >/dev/null || { apt-get update && apt-get install -y wrk; }
dotnet build -c Release bench/CacheBench >/dev/null
dotnet bench/CacheBench/bin/Release/net10.0/CacheBench.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/oc" && break; sleep 0.1; done

rate() {
  wrk -t2 -c64 -d2s "http://127.0.0.1:$port$1" >/dev/null   # warm-up, fills the cache
  wrk -t2 -c64 -d"${duration}s" "http://127.0.0.1:$port$1" | awk '/Requests\/sec/ {print $2}'
}
cherry=$(rate /cherry/)
outputcache=$(rate /oc)
echo "cherry caching tool: $cherry requests/s"
echo "OutputCache:         $outputcache requests/s"
awk -v c="$cherry" -v o="$outputcache" 'BEGIN { printf "cherry/OutputCache ratio: %.2f\n", c / o }'
