#!/usr/bin/env bash
# CherryPy's own test suite (Debian's python3-cherrypy3, unmodified) against Cherry's ports of its apps.
# Builds the host once in Release, runs pytest over the ported modules with the cherry_suite plugin, prints
#   cherrypy suite: P passed, F failed, X excluded/deselected
# and exits non-zero when an included test fails. Extra arguments go to pytest (-k, -x, -v, ...).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
testdir=/usr/lib/python3/dist-packages/cherrypy/test

# The ported modules, in the order of docs/cherrypy-suite.md.
modules=(
  test_objectmapping
  test_params
  test_etags
  test_json
  test_xmlrpc
  test_auth_basic
  test_auth_digest
  test_misc_tools
  test_sessionauthenticate
  test_dynamicobjectmapping
  test_proxy
  test_virtualhost
)

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
dotnet build "$here/Cherry.CherryPySuite.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2

files=()
for m in "${modules[@]}"; do files+=("$testdir/$m.py"); done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# Debian's Python (not a pyenv or venv one): it has CherryPy 18.8 and python3-pytest. The cache and the rootdir
# stay out of Debian's folder.
cd "$testdir"
PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}" PYTHONDONTWRITEBYTECODE=1 \
  /usr/bin/python3 -m pytest -p cherry_suite -p no:cacheprovider -o addopts= --rootdir="$testdir" \
  -rfEXx "$@" "${files[@]}" 2>&1 | tee "$log" || status=$?

# pytest's closing line: "== 40 passed, 2 failed, 1 deselected, 3 xfailed in 9.1s =="
summary=$(grep -E '^=+ .*( in [0-9.]+s)' "$log" | tail -n 1)
count() { echo "$summary" | grep -oE "[0-9]+ $1" | grep -oE '^[0-9]+' || echo 0; }
passed=$(count passed)
failed=$(( $(count failed) + $(count error) + $(count xpassed) ))
xfailed=$(count xfailed)
deselected=$(count deselected)
echo "cherrypy suite: $passed passed, $failed failed, $deselected excluded/deselected, $xfailed documented deviations (xfail)"
exit "$status"
