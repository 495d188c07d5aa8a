#!/usr/bin/env bash
# Overhead of `alloc-analyzers profile` (default settings) on SeedReadLoop.
# Runs the program alone and profiled, alternately, RUNS times each, in one series, and reports
# for each the median and spread (min, quartiles, max) of
#   cpu:  the program's own CPU time over its read loop (all its threads, the runtime's event
#         writing and stack walks included; the tool's process is not counted), and
#   wall: the read loop's wall time (start-up and attach not counted),
# then the same for the paired ratios (each run against the plain run just before it, which
# cancels slow drifts in the load of a shared machine).
# With FLOOR=1, each round also runs the program under samples/SessionProbe: a bare session of the
# runtime provider with no allocation event (loader), and the tool's events with stacks drained
# unparsed (events): what the runtime costs whatever the tool does.
# With CAUSE=1, each round runs plain, profiled, loader, and, with no session at all, the program with
# its NativeRuntimeEventSource's event metadata built by SessionProbe's startup hook (metadata: what
# enabling the runtime provider does in the program), then the tool on such a program
# (metadata+profiled), which is also paired with metadata: what the tool costs beyond it.
# MODES="plain ..." chooses the modes (plain first): plain, profiled, metadata+profiled, or any
# SessionProbe mode (resume, other, loader, nostack, events, metadata, metadata+loader).
# LIVE=N gives the program N MiB of small objects kept alive (a working set, as real programs have).
# Usage: [FLOOR=1|CAUSE=1|MODES=...] [LIVE=N] samples/SeedReadLoop/measure-overhead.sh [RUNS=11] [MIB=256]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-11}
mib=${2:-256}
live=${LIVE:-0}
modes=(plain profiled)
[[ "${FLOOR:-0}" == 1 ]] && modes+=(loader events)
[[ "${CAUSE:-0}" == 1 ]] && modes+=(loader metadata metadata+profiled)
[[ -n "${MODES:-}" ]] && read -ra modes <<<"$MODES"
[[ "${modes[0]}" == plain ]] || { echo "the first mode must be plain" >&2; exit 2; }
dotnet build -c Release samples/SeedReadLoop >/dev/null
dotnet build -c Release src/Tool/AllocAnalyzers.Tool.csproj >/dev/null
dotnet build -c Release samples/SessionProbe >/dev/null
sample=samples/SeedReadLoop/bin/Release/net10.0/SeedReadLoop.dll
tool=src/Tool/bin/Release/net10.0/alloc-analyzers.dll
probe=samples/SessionProbe/bin/Release/net10.0/SessionProbe.dll
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() {
  case $1 in
    plain) dotnet "$sample" "$mib" "$live" ;;
    profiled) dotnet "$tool" profile -o "$out/p" -- "$sample" "$mib" "$live" 2>/dev/null ;;
    # The hook runs in the tool's own process too, where it only builds the same metadata.
    metadata+profiled) DOTNET_STARTUP_HOOKS="$PWD/$probe" dotnet "$tool" profile -o "$out/p" -- "$sample" "$mib" "$live" 2>/dev/null ;;
    *) dotnet "$probe" "$1" "$sample" "$mib" "$live" ;;
  esac
}
# The program prints: read N MiB in W ms, cpu C ms (...); one "mode wall cpu" line per run.
for i in $(seq "$runs"); do
  for mode in "${modes[@]}"; do
    echo "$mode $(run "$mode" | sed -n 's/^read [0-9]* MiB in \([0-9]*\) ms, cpu \([0-9]*\) ms.*/\1 \2/p')"
  done
done >"$out/runs"
# median [min p25 p75 max] of numbers on stdin (nearest-rank quartiles).
stats() { sort -g | awk '{a[NR]=$1} END {
  m = NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2
  q1 = a[int((NR+3)/4)]; q3 = a[NR+1-int((NR+3)/4)]
  printf "median %.1f [min %.1f, p25 %.1f, p75 %.1f, max %.1f]", m, a[1], q1, q3, a[NR] }'; }
column() { awk -v m="$1" -v c="$2" '$1 == m { print $c }' "$out/runs"; }
ratios() { paste <(column "${3:-plain}" "$2") <(column "$1" "$2") | awk '{ print ($2 / $1 - 1) * 100 }'; }
echo "runs: $runs per mode, $mib MiB read per run ($((mib * 64)) allocations of 1 MiB), $live MiB kept alive"
for field in 3:cpu 2:wall; do
  c=${field%%:*}; name=${field#*:}
  for mode in "${modes[@]}"; do printf '%-4s %-17s ms: %s\n' "$name" "$mode" "$(column "$mode" "$c" | stats)"; done
  for mode in "${modes[@]:1}"; do printf '%-4s %-17s %%:  %s (paired with plain)\n' "$name" "$mode" "$(ratios "$mode" "$c" | stats)"; done
  for mode in "${modes[@]:1}"; do
    [[ $mode == metadata+* && " ${modes[*]} " == *" metadata "* ]] || continue
    printf '%-4s %-17s %%:  %s (paired with metadata)\n' "$name" "$mode" "$(ratios "$mode" "$c" metadata | stats)"
  done
done
