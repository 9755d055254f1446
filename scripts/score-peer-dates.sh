#!/usr/bin/env bash
# Scores the date parser against the peer benchmark (Chinese cases derived from Microsoft Recognizers-Text).
# Builds the CLI once (Release), then runs run_cases.py in batch mode over the three case files.
# PEER_DATES_DIR overrides where the cases live; extra arguments go to run_cases.py (e.g. --category ymd).
set -euo pipefail

root="$(git rev-parse --show-toplevel)"
peer="${PEER_DATES_DIR:-$root/../shared/peer-dates}"
if [[ ! -d "$peer" ]]; then
  peer=/work/shared/peer-dates
fi
if [[ ! -f "$peer/run_cases.py" ]]; then
  echo "score-peer-dates: no run_cases.py in $peer (set PEER_DATES_DIR)" >&2
  exit 2
fi

out="$root/artifacts/peer-dates/cli"
dotnet build "$root/src/HetaoSite.Cli/HetaoSite.Cli.csproj" -c Release -o "$out" --nologo -v quiet >&2

python3 "$peer/run_cases.py" --stdin-jsonl \
  --cmd "dotnet $out/hetao.dll dates --jsonl" \
  --cases "$peer/cases.jsonl" "$peer/cases-ranges.jsonl" "$peer/cases-variants.jsonl" \
  "$@"
