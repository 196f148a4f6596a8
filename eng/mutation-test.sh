#!/usr/bin/env bash
# Mutation testing with Stryker.NET (a local tool, pinned in .config/dotnet-tools.json) on src/LlmTco, using the
# tests in tests/LlmTco.Tests. Not part of CI: it takes tens of minutes on 2 cores.
#
#   eng/mutation-test.sh            # whole library
#   eng/mutation-test.sh engine     # the cost engine only (Api, SelfHosted, Timeline, Workloads, TcoEngine.cs)
#
# Reports: StrykerOutput/<timestamp>/reports/mutation-report.html and .json under tests/LlmTco.Tests.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore
scope=${1:-all}
args=(--project LlmTco.csproj --reporter html --reporter json --reporter progress --concurrency "$(nproc)" --break-at 0)
if [ "$scope" = "engine" ]; then
  args+=(--mutate "**/Api/**/*.cs" --mutate "**/SelfHosted/**/*.cs" --mutate "**/Timeline/**/*.cs" --mutate "**/Workloads/**/*.cs" --mutate "**/TcoEngine.cs")
fi
cd tests/LlmTco.Tests
dotnet stryker "${args[@]}"
