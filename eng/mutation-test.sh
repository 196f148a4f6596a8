#!/usr/bin/env bash
# Mutation testing with Stryker.NET (a local tool, pinned in .config/dotnet-tools.json) on src/LlmTco, using the
# tests in tests/LlmTco.Tests. Not part of CI: it takes tens of minutes on 2 cores.
#
#   eng/mutation-test.sh            # whole library
#   eng/mutation-test.sh engine     # the cost engine only (Api, SelfHosted, Timeline, Workloads, Evaluation, TcoEngine.cs)
#   eng/mutation-test.sh rest       # everything but the engine (catalog, scenarios, uncertainty, output, DI); with an
#                                   # engine run of the same commit, the two reports add up to the whole library
#   eng/mutation-test.sh rest --mutate '!**/Uncertainty/**/*.cs'
#                                   # any further arguments go to Stryker: here, the rest without the Uncertainty folder
#
# STRYKER_CONCURRENCY=1 leaves one core free (default: all cores).
# Reports: StrykerOutput/<timestamp>/reports/mutation-report.html and .json under tests/LlmTco.Tests.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore
scope=${1:-all}
shift $(( $# > 0 ? 1 : 0 ))
args=(--project LlmTco.csproj --reporter html --reporter json --reporter progress --concurrency "${STRYKER_CONCURRENCY:-$(nproc)}" --break-at 0)
engine=("**/Api/**/*.cs" "**/SelfHosted/**/*.cs" "**/Timeline/**/*.cs" "**/Workloads/**/*.cs" "**/Evaluation/**/*.cs" "**/TcoEngine.cs")
case "$scope" in
  all) ;;
  engine) for g in "${engine[@]}"; do args+=(--mutate "$g"); done ;;
  rest) args+=(--mutate "**/*.cs"); for g in "${engine[@]}"; do args+=(--mutate "!$g"); done ;;
  *) echo "usage: eng/mutation-test.sh [all|engine|rest] [more Stryker arguments]" >&2; exit 2 ;;
esac
cd tests/LlmTco.Tests
dotnet stryker "${args[@]}" "$@"
