#!/usr/bin/env bash
# Checks that ordinary host apps can take the packed LlmTco package: a fresh `dotnet new worker` app and a console app
# on the newest Microsoft.Extensions.Hosting served, each referencing LlmTco from a local folder feed, restore and build
# with no NU1107 (version conflict), no NU1608 (outside a dependency's range) and no other warning, and the console app
# runs. Usage: eng/check-host-apps.sh <folder holding LlmTco.*.nupkg>
set -euo pipefail
feed=$(cd "${1:-artifacts}" && pwd)
nupkg=$(ls "$feed"/LlmTco.[0-9]*.nupkg | grep -v '\.symbols\.' | head -n 1)
version=$(basename "$nupkg" .nupkg); version=${version#LlmTco.}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Outside the repository, so its Directory.*.props do not apply. Packages go to a private folder (falling back on
# the machine's cache for everything else) so an LlmTco of the same version cached by an earlier run is never used.
cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <fallbackPackageFolders><add key="machine" value="${NUGET_PACKAGES:-$HOME/.nuget/packages}" /></fallbackPackageFolders>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
unset NUGET_PACKAGES

quiet() { local o; o=$("$@" 2>&1) || { echo "$o"; echo "failed: $*"; return 1; }; }

build() { # app folder: restore and build, failing on any warning, then name the packages that matter
  local app=$1 out
  out=$(cd "$work/$app" && dotnet build -c Release -warnaserror -p:TreatWarningsAsErrors=true 2>&1) || { echo "$out"; echo "$app: build failed"; exit 1; }
  if grep -E 'NU1107|NU1608|warning' <<<"$out"; then echo "$app: warnings above"; exit 1; fi
  echo "$app builds with no warning: $(grep -oE '"(LlmTco|Microsoft.Extensions.Hosting|Microsoft.Extensions.Options)/[^"]+"' "$work/$app/obj/project.assets.json" | tr -d '"' | sort -u | tr '\n' ' ')"
}

echo "-- worker app (dotnet new worker) + LlmTco $version"
(cd "$work" && quiet dotnet new worker -o worker --no-restore)
(cd "$work/worker" && quiet dotnet add package LlmTco --version "$version")
# Use the package from the host: register it and resolve the engine when the worker starts.
sed -i 's/^builder.Services.AddHostedService<Worker>();/builder.Services.AddHostedService<Worker>();\nLlmTco.LlmTcoServiceCollectionExtensions.AddLlmTco(builder.Services);/' "$work/worker/Program.cs"
grep -q AddLlmTco "$work/worker/Program.cs" || { echo "worker template changed: could not add AddLlmTco"; cat "$work/worker/Program.cs"; exit 1; }
build worker

echo "-- console app + newest Microsoft.Extensions.Hosting + LlmTco $version"
(cd "$work" && quiet dotnet new console -o console --no-restore)
(cd "$work/console" && quiet dotnet add package Microsoft.Extensions.Hosting && quiet dotnet add package LlmTco --version "$version")
cat >"$work/console/Program.cs" <<'CS'
using LlmTco;
using LlmTco.Pricing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddLlmTco();
using var host = builder.Build();
var catalog = host.Services.GetRequiredService<PricingCatalog>();
_ = host.Services.GetRequiredService<TcoEngine>();
var o3 = catalog.FindApiPrice("openai", "o3", new DateOnly(2025, 7, 1));
Console.WriteLine($"o3 from the package: {o3.InputPricePerMillionTokens} / {o3.OutputPricePerMillionTokens} {o3.Currency} per 1M tokens");
CS
build console
out=$(cd "$work/console" && dotnet run -c Release --no-build)
echo "$out"
grep -q '^o3 from the package: 2 / 8 USD' <<<"$out" || { echo "console app printed something else"; exit 1; }
echo "host apps OK"
