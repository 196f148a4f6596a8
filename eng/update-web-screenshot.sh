#!/usr/bin/env bash
# Regenerates the what-if page's screenshot (docs/images/web-what-if.png, shown in docs/web.md and the README): publishes
# the page and runs its browser test, which saves the page as Chromium shows it on a 1280 px screen.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish samples/LlmTco.Web -c Release -o artifacts/web >/dev/null
LLMTCO_WEB="$PWD/artifacts/web/wwwroot" LLMTCO_UPDATE_SCREENSHOTS=1 \
  dotnet test tests/LlmTco.BrowserTests --filter "FullyQualifiedName~WhatIfPageTests.Page_OnTheHeadlineScenario"
echo "updated: docs/images/web-what-if.png"
