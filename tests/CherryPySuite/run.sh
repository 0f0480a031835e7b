#!/usr/bin/env bash
# CherryPy's own test suite (Debian's python3-cherrypy3, unmodified) against Cherry's ports of its apps.
# Builds the host once in Release, runs pytest over the ported modules with the cherry_suite plugin, prints
#   cherrypy suite: P passed, F failed, X excluded/deselected
# and exits non-zero when an included test fails. Extra arguments go to pytest (-k, -x, -v, ...).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
package=/usr/lib/python3/dist-packages/cherrypy

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
  test_caching
  test_session
  test_static
  test_tools
  test_mime
  test_encoding
  test_dynamicobjectmapping
  test_proxy
  test_virtualhost
  test_iterator
  test_http
  test_request_obj
  test_core
  test_config
)

# CHERRY_SUITE_MODULES="test_static test_tools" runs other modules than the list (a port not yet in it).
if [ -n "${CHERRY_SUITE_MODULES:-}" ]; then read -ra modules <<< "$CHERRY_SUITE_MODULES"; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
dotnet build "$here/Cherry.CherryPySuite.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2

# The tests run from an overlay of Debian's cherrypy package in a temporary folder: every entry a symlink to
# Debian's, but test/, which is a folder of symlinks to Debian's test files plus the fixtures Debian does not ship
# (Fixtures/: static/, style.css). Test modules find their fixtures next to __file__ and write beside them (the big
# file, session files), so the folder must hold both and be writable; the test files themselves stay Debian's.
overlay=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$overlay" "$log"' EXIT
mkdir -p "$overlay/cherrypy/test"
for entry in "$package"/*; do
  [ "$(basename "$entry")" = test ] || ln -s "$entry" "$overlay/cherrypy/"
done
for entry in "$package"/test/*; do ln -s "$entry" "$overlay/cherrypy/test/"; done
cp -R "$here/Fixtures/." "$overlay/cherrypy/test/"
testdir="$overlay/cherrypy/test"

files=()
for m in "${modules[@]}"; do files+=("$testdir/$m.py"); done

status=0
# Debian's Python (not a pyenv or venv one): it has CherryPy 18.8 and python3-pytest. The overlay comes first on
# the path, so that `cherrypy` is imported from it once, by the plugin and the test modules alike.
cd "$testdir"
PYTHONPATH="$here:$overlay${PYTHONPATH:+:$PYTHONPATH}" PYTHONDONTWRITEBYTECODE=1 \
  /usr/bin/python3 -m pytest -p cherry_suite -p no:cacheprovider -o addopts= --rootdir="$testdir" \
  -rfEXx "$@" "${files[@]}" 2>&1 | tee "$log" || status=$?

# pytest's closing line: "== 40 passed, 2 failed, 1 deselected, 3 xfailed in 9.1s =="
summary=$(grep -E '^=+ .*( in [0-9.]+s)' "$log" | tail -n 1)
count() { echo "$summary" | grep -oE "[0-9]+ $1" | grep -oE '^[0-9]+' || echo 0; }
passed=$(count passed)
failed=$(( $(count failed) + $(count error) + $(count xpassed) ))
xfailed=$(count xfailed)
deselected=$(count deselected)
echo "cherrypy suite: $passed passed, $failed failed, $deselected excluded/deselected, $xfailed expected failures (xfail: documented deviations and known failures, split in the table above)"
exit "$status"
