#!/usr/bin/env bash
# Builds and lints infra/main.bicep with the Bicep CLI from the NuGet package (see bicep.proj).
# Fails on any error, and on any linter warning too: the templates are kept lint-clean.
set -euo pipefail
cd "$(dirname "$0")/../.."

dotnet restore infra/tools/bicep.proj --verbosity quiet
packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
bicep="$packages/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep"
chmod +x "$bicep"

"$bicep" build infra/main.bicep --stdout >/dev/null
lint="$("$bicep" lint infra/main.bicep 2>&1)"
if [ -n "$lint" ]; then
  printf '%s\n' "$lint" >&2
  echo "bicep lint reported the diagnostics above" >&2
  exit 1
fi
echo "infra/main.bicep: build and lint clean"
