#!/usr/bin/env bash
# Issue 17's profiles: perf samples of one server under wrk load, then self time grouped by where each symbol lives.
# Usage: bench/profile.sh BINARY URL_PATH OUT      (a native AOT server of bench/Servers, published beforehand:
#        dotnet publish bench/Servers/CherryBench -c Release -r linux-x64 -p:PublishAot=true -o /tmp/cherrybench)
#        bench/profile.sh --compare OUT_A OUT_B     (the grouped self time of two profiles side by side)
# The server is pinned to core 0 and wrk (-t1 -c64) to core 1; perf records 10 s of a 14 s run after a 4 s warm-up.
set -euo pipefail
if [ "$1" = "--compare" ]; then
  exec python3 "$(dirname "$0")/profile_groups.py" "$2.data" "$3.data"
fi
binary=$1; path=$2; out=$3
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
static=$(mktemp -d); head -c 1024 /dev/urandom > "$static/1kb.bin"
BENCH_STATIC_DIR=$static taskset -c 0 "$binary" --urls "http://127.0.0.1:$port" > /dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$static"' EXIT
sleep 1.5
taskset -c 1 wrk -t1 -c64 -d4s "http://127.0.0.1:$port$path" > /dev/null
taskset -c 1 wrk -t1 -c64 -d14s --latency "http://127.0.0.1:$port$path" > "$out.wrk" &
load=$!
sleep 2
perf record -F 1999 -g -p $server -o "$out.data" -- sleep 10 > /dev/null 2>&1
wait $load
grep "Requests/sec" "$out.wrk"
perf report -i "$out.data" --no-children --sort sym --stdio 2>/dev/null | grep -E "^ +[0-9]" | head -45 > "$out.top"
