#!/usr/bin/env bash
# The README's test command: installs what the tests need on a Debian machine (once, after one apt-get update),
# then runs every test. The test fixtures start their own Redis, memcached and PostgreSQL on free ports and stop
# them; nothing needs to be running beforehand.
set -euo pipefail
cd "$(dirname "$0")"

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
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${need[@]}"
fi

# Every test project, with the per-assembly results summed into one closing line.
log=$(mktemp)
status=0
dotnet test Cherry.sln -c Release "$@" 2>&1 | tee "$log" || status=$?
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Passed:") passed += $(i + 1)
         if ($i == "Failed:") failed += $(i + 1)
       }
     }
     END { printf "tests: %d passed, %d failed\n", passed, failed }' "$log"
rm -f "$log"

# CherryPy's own test suite (Debian's copy, unmodified) against Cherry's ports of its apps: docs/cherrypy-suite.md.
tests/CherryPySuite/run.sh || status=$?
exit "$status"
