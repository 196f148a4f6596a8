#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to PublicAPI.Unshipped.txt, and
# removes declared symbols that no longer exist (RS0017). Run it after a deliberate change to the public surface,
# then review the diff of PublicAPI.Unshipped.txt: it is the record of what the change did to the API.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/LlmTco
unshipped=$project/PublicAPI.Unshipped.txt
log=$(mktemp)
dotnet build $project -c Debug --no-incremental -p:TreatWarningsAsErrors=false >"$log" 2>&1 || true
added=$(grep -o "RS0016: Symbol '[^']*'" "$log" | sed -E "s/RS0016: Symbol '(.*)'/\1/" | sort -u || true)
removed=$(grep -o "RS0017: Symbol '[^']*'" "$log" | sed -E "s/RS0017: Symbol '(.*)'/\1/" | sort -u || true)
{
  echo '#nullable enable'
  { grep -v '^#nullable' "$unshipped" || true; if [ -n "$added" ]; then echo "$added"; fi; } | sort -u |
    { if [ -n "$removed" ]; then grep -vxF -f <(echo "$removed"); else cat; fi; }
} >"$unshipped.new"
mv "$unshipped.new" "$unshipped"
set +o pipefail
echo "added $(echo -n "$added" | grep -c .), removed $(echo -n "$removed" | grep -c .) symbol(s); remaining errors:"
errors=$(dotnet build $project -c Debug 2>&1 | grep -E " error " | sort -u); echo "${errors:-none}"
rm -f "$log"
