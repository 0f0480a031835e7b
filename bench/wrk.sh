#!/usr/bin/env bash
# First wrk figure: samples/Hello's "/" against a raw Kestrel app.Run handler, same machine, same settings.
# Usage: bench/wrk.sh [duration-seconds]   (installs wrk from Debian if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
command -v wrk >/dev/null || { apt-get update && apt-get install -y wrk; }
dotnet build -c Release samples/Hello >/dev/null
dotnet build -c Release bench/RawKestrel >/dev/null

measure() { # name dll port
  dotnet "$2" --urls "http://127.0.0.1:$3" --Logging:LogLevel:Default=Warning >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$3/" && break; sleep 0.1; done
  wrk -t2 -c64 -d2s "http://127.0.0.1:$3/" >/dev/null   # warm-up
  local rps
  rps=$(wrk -t2 -c64 -d"${duration}s" "http://127.0.0.1:$3/" | awk '/Requests\/sec/ {print $2}')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$1 $rps"
}

cherry=$(measure cherry samples/Hello/bin/Release/net10.0/Hello.dll 18090)
raw=$(measure raw bench/RawKestrel/bin/Release/net10.0/RawKestrel.dll 18091)
echo "$cherry requests/s"
echo "$raw requests/s"
awk -v c="${cherry#* }" -v r="${raw#* }" 'BEGIN { printf "cherry/raw ratio: %.2f\n", c / r }'
