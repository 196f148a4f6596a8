#!/usr/bin/env bash
# Regenerates the charts shown in the README (docs/images/*.png) from the headline scenario and the bundled pricing
# data. Run it after a pricing or engine change, and commit the images with that change.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dotnet run --project samples/LlmTco.Samples -c Release -- run customer-service --out "$tmp" >/dev/null
mkdir -p docs/images
for chart in cumulative-cost cost-by-volume cost-breakdown cost-per-million-tokens; do
  cp "$tmp/$chart.png" "docs/images/$chart.png"
done
echo "updated: $(ls docs/images/*.png | tr '\n' ' ')"
