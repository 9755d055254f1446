#!/usr/bin/env bash
# Runs every test. On a fresh Debian/Ubuntu machine it first installs what the tests need and the .NET SDK lacks:
# Chromium (browser tests), a CJK font (fonts-wqy-microhei, so screenshots show Chinese), the OpenCC library
# (script conversion) and a C toolchain (clang, for the test that publishes the tool compiled ahead of time; gcc also
# does). Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "Category!=Browser").
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ! { ldconfig -p 2>/dev/null | grep -q 'libopencc\.so\.1\.1'; }; then missing+=(libopencc1.1); fi
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || missing+=(clang zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "test.sh: installing ${missing[*]} (apt-get)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh: please install ${missing[*]} (e.g. brew install chromium opencc; any CJK font); continuing" >&2
  fi
fi

rm -rf TestResults
dotnet test HetaoSite.sln -c Release --logger "trx" --results-directory TestResults "$@"
