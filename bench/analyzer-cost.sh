#!/usr/bin/env bash
# Issue 7's measure: the generator and every Cherry analyzer over a generated 1,000-handler app, a full run and a
# run after an unrelated edit. Usage: bench/analyzer-cost.sh [HANDLERS] [--write DIR] [--bind-first]
# (--bind-first: the compiler binds the code before the analyzers run, so their time is Cherry's work alone)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/AnalyzerCost -- "${@:-1000}"
