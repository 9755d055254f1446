#!/usr/bin/env bash
# Benchmark: HetaoSite vs Hugo on the same generated corpus. Usage: bench/run.sh [N...]   (default: 1000 10000)
#
# For each N: generates a deterministic corpus (bench/CorpusGenerator) into bench/out/site-N and the same articles as
# a plain Hugo blog into bench/out/hugo-N, then measures with /usr/bin/time -v:
#   hetao cold build (empty cache, empty output), no-change rebuild, rebuild after adding one article, and the build
#   the Pages workflow runs (one more article, cache kept, output folder empty);
#   hugo cold build.
# Writes the table into docs/PERFORMANCE.md between <!-- bench:start --> and <!-- bench:end --> and prints it.
#
# Environment: BENCH_BUILD_ARGS   extra arguments for `hetao build` (e.g. --keep-going while the pipeline is interim)
#              BENCH_DATES_IN_CONFIG=1  put every article's date in site-config.yml (interim pipeline; N <= 5000)
#              BENCH_DENSITY      corpus density: seeds (default; the real seeds' dated sentences per 1,000 characters)
#                                 or dense (the stress corpus, ~5x as many dated sentences; see bench/CorpusGenerator/Density.cs)
#              BENCH_NO_DOC=1     print the table without touching docs/PERFORMANCE.md
#              BENCH_RUNS         measurements of each kind (default 3): the table shows the median time, with the
#                                 fastest and slowest run beside it, and the median peak RSS. Each add-one run adds
#                                 another article (N+1, N+2, …), so every one adds one article to the site before it.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
out="$repo/bench/out"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
build_args=(${BENCH_BUILD_ARGS:-})
density=${BENCH_DENSITY:-seeds}
case "$density" in seeds|dense) ;; *) echo "run.sh: BENCH_DENSITY must be seeds or dense, not '$density'" >&2; exit 2 ;; esac
runs=${BENCH_RUNS:-3}
case "$runs" in ''|*[!0-9]*|0) echo "run.sh: BENCH_RUNS must be a positive number, not '$runs'" >&2; exit 2 ;; esac
gen_args=(--density "$density"); [ "${BENCH_DATES_IN_CONFIG:-0}" = 1 ] && gen_args+=(--dates-in-config yes)

if [ ! -x /usr/bin/time ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq time >/dev/null
fi
command -v hugo >/dev/null || { echo "run.sh: hugo is not installed (apt-get install hugo)" >&2; exit 2; }

mkdir -p "$out"
# Old outputs are moved aside into $trash, not deleted, before a measured build, and deleted when the run ends. On an
# ext4 file system without a journal (this machine's), a file created soon after thousands were deleted costs time that
# grows with the number deleted (the inode allocator skips inodes freed in the last minutes), so deleting the previous
# output just before a build would measure what was deleted rather than the build; moving a folder is one rename.
trash="$out/trash"
rm -rf "$trash"; mkdir -p "$trash"
trap 'rm -rf "$trash"' EXIT
discard() { local p; for p in "$@"; do if [ -e "$p" ]; then mv "$p" "$(mktemp -d "$trash/XXXXXX")/"; fi; done; }
# The machine may be shared: the load average before and after the run goes into the table beside the times.
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "building the generator and the CLI (Release)…" >&2
dotnet build "$repo/bench/CorpusGenerator" -c Release -o "$out/bin/generator" -v quiet -nologo >/dev/null
# The generator as the Pages workflow runs it: published for this platform as one native executable compiled ahead of
# time (takes a minute or two). The native linker is clang where it is installed (the workflow's runners), else gcc.
rm -rf "$out/bin/hetao"
linker=(); command -v clang >/dev/null || linker=(-p:CppCompilerAndLinker=gcc)
dotnet publish "$repo/src/HetaoSite.Cli" -c Release -r linux-x64 -p:PublishAot=true "${linker[@]}" -o "$out/bin/hetao" -v quiet -nologo >/dev/null
generator=(dotnet "$out/bin/generator/corpus-generator.dll")
hetao=("$out/bin/hetao/hetao")

templates="$repo/templates"
if [ ! -d "$templates" ]; then
  templates="$out/empty-templates"; mkdir -p "$templates"
fi

# measure LABEL CMD... → sets $seconds and $rss_mb; the command's output goes to $out/LABEL.log
measure() {
  local label=$1; shift
  if ! /usr/bin/time -v -o "$out/$label.time" "$@" >"$out/$label.log" 2>&1; then
    echo "run.sh: '$*' failed; see $out/$label.log" >&2
    tail -5 "$out/$label.log" >&2
    echo "(while the pipeline is interim, try BENCH_BUILD_ARGS=--keep-going)" >&2
    exit 1
  fi
  local wall
  wall=$(grep 'Elapsed (wall clock)' "$out/$label.time" | awk '{print $NF}')
  seconds=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss_mb=$(grep 'Maximum resident set size' "$out/$label.time" | awk '{printf "%.0f", $NF / 1024}')
}

# record LABEL adds the last measurement to LABEL's runs; time_of LABEL prints their median time (fastest–slowest),
# rss_of LABEL their median peak RSS.
declare -A times=() rsses=()
record() { times[$1]="${times[$1]:-} $seconds"; rsses[$1]="${rsses[$1]:-} $rss_mb"; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
time_of() {
  local sorted; sorted=$(echo "${times[$1]}" | tr ' ' '\n' | grep . | sort -g)
  if [ "$runs" -eq 1 ]; then echo "$sorted s"; return; fi
  echo "$(echo "${times[$1]}" | median) s ($(echo "$sorted" | head -1)–$(echo "$sorted" | tail -1))"
}
rss_of() { printf "%.0f" "$(echo "${rsses[$1]}" | median)"; }

rows=(); targets=()
for n in "${sizes[@]}"; do
  site="$out/site-$n"; hugo_site="$out/hugo-$n"
  echo "N=$n: generating ($density density)…" >&2
  discard "$site" "$hugo_site"
  cp -r "$repo/bench/hugo-site" "$hugo_site"
  "${generator[@]}" --count "$n" --out "$site" --hugo "$hugo_site" "${gen_args[@]}" >&2
  build=("${hetao[@]}" build --config "$site/site-config.yml" --seeds "$site/seeds" --templates "$templates" --out "$site/_site" --verbose "${build_args[@]}")

  # Cold builds and Hugo's alternate, so a slow spell of the machine does not fall on one of them only.
  for run in $(seq "$runs"); do
    sync; echo "N=$n: hetao cold build ($run/$runs)…" >&2
    discard "$site/.hetao-cache" "$site/_site"
    measure "hetao-$n-cold" "${build[@]}"; record cold

    echo "N=$n: hugo cold build ($run/$runs)…" >&2
    discard "$hugo_site/public" "$hugo_site/resources"
    measure "hugo-$n-cold" hugo --quiet -s "$hugo_site" -d "$hugo_site/public"; record hugo
  done
  pages=$(find "$site/_site" -name '*.html' | wc -l); files=$(find "$site/_site" -type f | wc -l)
  # Output size: the bytes of every file written (not disk blocks), after the last cold build of each.
  out_mb=$(find "$site/_site" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
  hugo_out_mb=$(find "$hugo_site/public" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
  events=$(grep -o '^[0-9,]* articles, [0-9,]* events' "$out/hetao-$n-cold.log" | grep -o '[0-9,]* events' | grep -o '[0-9,]*' | tr -d , || true)
  hugo_pages=$(find "$hugo_site/public" -name '*.html' | wc -l)

  for run in $(seq "$runs"); do
    echo "N=$n: hetao no-change rebuild ($run/$runs)…" >&2
    measure "hetao-$n-nochange" "${build[@]}"; record nochange
  done

  written_runs=()
  for run in $(seq "$runs"); do
    echo "N=$n: hetao rebuild after adding one article ($run/$runs)…" >&2
    "${generator[@]}" --first "$((n + run - 1))" --count 1 --out "$site" "${gen_args[@]}" >/dev/null
    measure "hetao-$n-addone" "${build[@]}"; record addone
    written_runs+=("$(grep -o '^output: [0-9,]* written' "$out/hetao-$n-addone.log" | grep -o '[0-9,]*' | tr -d , || echo '?')")
  done
  # The Pages workflow's build: the cache of the previous deployment restored, one more article, no output folder.
  for run in $(seq "$runs"); do
    echo "N=$n: hetao build as on Pages: one more article, cache kept, output folder empty ($run/$runs)…" >&2
    "${generator[@]}" --first "$((n + runs + run - 1))" --count 1 --out "$site" "${gen_args[@]}" >/dev/null
    discard "$site/_site"
    measure "hetao-$n-pages" "${build[@]}"; record pages
  done
  written=$(IFS=/; echo "${written_runs[*]}")
  cold=$(echo "${times[cold]}" | median); hugo_s=$(echo "${times[hugo]}" | median)
  addone=$(echo "${times[addone]}" | median); hugo_rss=$(rss_of hugo)
  # Peak memory: the largest of the medians of HetaoSite's four kinds of build (a rebuild may let its heap grow).
  peak_rss=$(printf '%s\n' "$(rss_of cold)" "$(rss_of nochange)" "$(rss_of addone)" "$(rss_of pages)" | sort -g | tail -1)
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }
  # The targets of issue 18, each as HetaoSite's figure over Hugo's: cold build <= 3x (1,000) or 2x (10,000 and more),
  # rebuild after adding one article <= 0.5x Hugo's cold build, peak RSS <= 1x, output size <= 3x.
  cold_target=$([ "$n" -ge 10000 ] && echo 2 || echo 3)
  verdict() { awk -v r="$1" -v t="$2" 'BEGIN { print (r != "–" && r <= t) ? "met" : "not met" }'; }
  r_cold=$(ratio "$cold" "$hugo_s"); r_add=$(ratio "$addone" "$hugo_s"); r_rss=$(ratio "$peak_rss" "$hugo_rss"); r_out=$(ratio "$out_mb" "$hugo_out_mb")
  targets+=("| $n | ${r_cold}× (≤ ${cold_target}×: $(verdict "$r_cold" "$cold_target")) | ${r_add}× (≤ 0.5×: $(verdict "$r_add" 0.5)) | ${r_rss}× (≤ 1×: $(verdict "$r_rss" 1)) | ${r_out}× (≤ 3×: $(verdict "$r_out" 3)) |")

  rate() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f", a / b; else print "–" }'; }
  if [ "$pages" -gt 0 ]; then unit="pages"; count=$pages; else unit="files"; count=$files; fi
  rows+=("| $n (${events:-?} events) | HetaoSite | $(time_of cold) | $(time_of nochange) | $(time_of addone) ($written files written) | $(time_of pages) | $(rss_of cold) / $(rss_of nochange) / $(rss_of addone) / $(rss_of pages) MB | $out_mb MB ($files files) | $(rate "$count" "$cold") $unit/s ($count $unit) |")
  rows+=("| $n | Hugo $(hugo version | grep -o 'v[0-9.]*' | head -1) | $(time_of hugo) | – | – | – | $(rss_of hugo) MB | $hugo_out_mb MB ($(find "$hugo_site/public" -type f | wc -l) files) | $(rate "$hugo_pages" "$hugo_s") pages/s ($hugo_pages pages) |")
  times=() rsses=()
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
mem=$(free -h | awk '/^Mem:/ {print $2}')
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
table=$(cat <<TABLE
Measured $(git -C "$repo" log -1 --format='%h (%cs)') on $(nproc) CPUs ($cpu), $mem RAM; .NET SDK $(dotnet --version), $(hugo version | cut -d' ' -f1-2). Load average (1, 5, 15 min) at the start: $load_start; at the end: $load_end.
Corpus density: **$density** (BENCH_DENSITY). Build arguments: \`${build_args[*]:-(none)}\`; dates in config: ${BENCH_DATES_IN_CONFIG:-0}. Times are wall clock, the median of $runs runs (BENCH_RUNS) with the fastest and slowest in brackets; RSS is the median peak resident set (cold / no-change / add-one / as on Pages). "As on Pages": one more article, the cache kept, the output folder empty, as the Pages workflow builds.

| N | Generator | Cold build | No-change rebuild | Rebuild after adding 1 article | Add 1, empty output (as on Pages) | Peak RSS | Output | Throughput (cold) |
|---|---|---|---|---|---|---|---|---|
$(printf '%s\n' "${rows[@]}")

Against Hugo (medians; the targets of issue 18): HetaoSite's figure over Hugo's.

| N | Cold build | Rebuild after adding 1 article, over Hugo's cold build | Peak RSS (largest of the four builds) | Output size |
|---|---|---|---|---|
$(printf '%s\n' "${targets[@]}")
TABLE
)

echo "$table"
doc="$repo/docs/PERFORMANCE.md"
if [ "${BENCH_NO_DOC:-0}" != 1 ] && [ -f "$doc" ] && grep -q '<!-- bench:start -->' "$doc"; then
  TABLE="$table" python3 - "$doc" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
block = "<!-- bench:start -->\n" + os.environ["TABLE"] + "\n<!-- bench:end -->"
open(path, "w", encoding="utf-8").write(re.sub(r"<!-- bench:start -->.*?<!-- bench:end -->", lambda m: block, text, flags=re.S))
PY
  echo "(written to docs/PERFORMANCE.md)" >&2
fi
