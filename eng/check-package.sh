#!/usr/bin/env bash
# Checks that the packed LlmTco package holds what a consumer needs: the library with its XML docs, the README and
# licence metadata, the pricing tables embedded in the assembly, and a symbols package.
set -euo pipefail
dir=${1:-artifacts}
nupkg=$(ls "$dir"/LlmTco.[0-9]*.nupkg | grep -v '\.symbols\.' | head -n 1)
snupkg=$(ls "$dir"/LlmTco.[0-9]*.snupkg | head -n 1)
[ -f "$nupkg" ] || { echo "no nupkg in $dir"; exit 1; }
[ -f "$snupkg" ] || { echo "no snupkg in $dir"; exit 1; }
listing=$(unzip -l "$nupkg")
for f in lib/net10.0/LlmTco.dll lib/net10.0/LlmTco.xml README.md LlmTco.nuspec; do
  grep -q " $f\$" <<<"$listing" || { echo "missing $f in $nupkg"; exit 1; }
done
unzip -p "$nupkg" LlmTco.nuspec | grep -q '<license type="expression">MIT</license>' || { echo "licence expression missing"; exit 1; }
unzip -p "$nupkg" LlmTco.nuspec | grep -q '<repository ' || { echo "SourceLink repository metadata missing"; exit 1; }
# Published dependencies are minimums (version="1.2.3"), never exact pins or upper bounds, so host apps can move on.
if unzip -p "$nupkg" LlmTco.nuspec | grep -E '<dependency [^>]*version="[[(]'; then echo "dependency pinned or bounded (above)"; exit 1; fi
tmp=$(mktemp -d)
unzip -q -o "$nupkg" lib/net10.0/LlmTco.dll -d "$tmp"
for table in api_prices gpus gpu_rentals open_models throughput_benchmarks storage_prices egress_prices electricity_prices hosting_prices pue_figures; do
  grep -q "LlmTco.PricingData.$table.csv" "$tmp/lib/net10.0/LlmTco.dll" || { echo "table $table.csv not embedded"; exit 1; }
done
rm -rf "$tmp"
echo "package OK: $(basename "$nupkg"), $(basename "$snupkg")"
