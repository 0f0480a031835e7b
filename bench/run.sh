#!/usr/bin/env bash
# Issue 9's benchmark: every server in turn, pinned with taskset, wrk on the other core; writes bench/results/<date>.*
# Usage: bench/run.sh [--quick] [--runs N] [--seconds S]   (needs wrk and python3-cherrypy3; installs them if missing)
#        bench/run.sh --paired [--pairs N] [--seconds S] [--only plaintext,json,...]   issue 17: servers resident together,
#        loaded alternately; median of pair ratios with a bootstrap 95 % interval (bench/results/paired-*.md/.json/.png).
#        Plaintext and JSON against raw Kestrel and a bare two-endpoint Minimal API (bench/Servers/Anchors), static
#        files against the Minimal API with StaticFiles.
#        bench/run.sh --scale-out [--pairs N] [--seconds S] [--only sessions,postgres,hit,miss]   issue 27: every
#        figure a ratio to its anchor, paired the same way, with one and two instances per side sharing Redis or
#        PostgreSQL: Redis sessions (Cherry, explicit and implicit locking, against ASP.NET Core's session middleware),
#        PostgreSQL sessions (against Cherry's Redis figure, bar 0.5x), a 1 KB page cached in Redis, hit and miss
#        (Cherry's caching tool against output caching); bench/results/scaleout-*.md/.json, with what each side
#        guarantees. Needs redis-server and postgresql. Defaults: 8 pairs of 5 s, about 25 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v wrk >/dev/null || need+=(wrk)
if [[ " $* " == *" --scale-out "* ]]; then
  command -v redis-server >/dev/null || need+=(redis-server)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
fi
dpkg -s python3-cherrypy3 >/dev/null 2>&1 || need+=(python3-cherrypy3)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi
dotnet run -c Release --project bench/Runner -- "$@"
