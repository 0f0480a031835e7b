#!/usr/bin/env bash
# The README's test command: installs what the tests need on a Debian machine (once, after one apt-get update),
# then runs every test. The test fixtures start their own Redis, memcached and PostgreSQL on free ports and stop
# them; nothing needs to be running beforehand.
#   ./test.sh                 everything: every test project, then CherryPy's suite (CI's command, .ci/run)
#   ./test.sh --fast          the generator, analyzer and runtime unit tests only (Cherry.Fast.slnf), no installs
#   ./test.sh ARGS...         every test project with ARGS given to `dotnet test` (--filter ...); --fast ARGS too
# With any argument CherryPy's suite is left out: it takes none of them (tests/CherryPySuite/run.sh runs it alone).
set -euo pipefail
cd "$(dirname "$0")"

fast=false
args=()
for arg in "$@"; do
  if [ "$arg" = --fast ]; then fast=true; else args+=("$arg"); fi
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

need=()
command -v curl >/dev/null || need+=(curl)
command -v python3 >/dev/null || need+=(python3)
# The differential conformance test runs the CherryPy reference app with Debian's CherryPy 18.8.
dpkg -s python3-cherrypy3 >/dev/null 2>&1 || need+=(python3-cherrypy3)
# CherryPy's own test suite runs under Debian's pytest (tests/CherryPySuite/run.sh, docs/cherrypy-suite.md).
dpkg -s python3-pytest >/dev/null 2>&1 || need+=(python3-pytest)
# test_static imports python3-path; test_session's memcached tests skip without python3-memcache.
dpkg -s python3-path >/dev/null 2>&1 || need+=(python3-path)
dpkg -s python3-memcache >/dev/null 2>&1 || need+=(python3-memcache)
# Native AOT links with clang or gcc and needs zlib headers.
command -v clang >/dev/null || command -v gcc >/dev/null || need+=(gcc)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need+=(zlib1g-dev)
# Servers the store tests start, and the browser the browser tests drive.
command -v redis-server >/dev/null || need+=(redis-server)
command -v memcached >/dev/null || need+=(memcached)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null || need+=(chromium)
# The load balancer in front of the cluster test's three instances (ClusterTests).
dpkg -s nginx >/dev/null 2>&1 || need+=(nginx)
# The unit tests of --fast need none of them.
if [ ${#need[@]} -gt 0 ] && [ "$fast" = false ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${need[@]}"
fi

# Every test project (or the unit tests alone), with the per-assembly results summed into one closing line.
solution=Cherry.sln
[ "$fast" = false ] || solution=Cherry.Fast.slnf
log=$(mktemp)
status=0
dotnet test "$solution" -c Release "${args[@]}" 2>&1 | tee "$log" || status=$?
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Passed:") passed += $(i + 1)
         if ($i == "Failed:") failed += $(i + 1)
       }
     }
     END { printf "tests: %d passed, %d failed\n", passed, failed }' "$log"
rm -f "$log"

# CherryPy's own test suite (Debian's copy, unmodified) against Cherry's ports of its apps: docs/cherrypy-suite.md.
[ $# -gt 0 ] || tests/CherryPySuite/run.sh || status=$?
exit "$status"
