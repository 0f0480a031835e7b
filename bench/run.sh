#!/usr/bin/env bash
# Issue 9's benchmark: every server in turn, pinned with taskset, wrk on the other core; writes bench/results/<date>.*
# Usage: bench/run.sh [--quick] [--runs N] [--seconds S]   (needs wrk and python3-cherrypy3; installs them if missing)
#        bench/run.sh --paired [--pairs N] [--seconds S] [--only plaintext,json,...]   issue 17: servers resident together,
#        loaded alternately; median of pair ratios with a bootstrap 95 % interval (bench/results/paired-*.md/.json/.png)
#        bench/run.sh --scale-out [--runs N] [--seconds S]   issue 17: one and two instances sharing sessions through
#        Redis and PostgreSQL against RAM sessions (bench/results/scaleout-*.md/.json; needs redis-server and postgresql)
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
