#!/usr/bin/env bash
# Overhead of `alloc-analyzers profile` (default settings) on SeedReadLoop.
# Runs the program alone and profiled, alternately, RUNS times each, in one series, and reports
# for each the median and spread (min, quartiles, max) of
#   cpu:  the program's own CPU time over its read loop (all its threads, the runtime's event
#         writing and stack walks included; the tool's process is not counted), and
#   wall: the read loop's wall time (start-up and attach not counted),
# then the same for the paired ratios (each profiled run against the plain run just before it,
# which cancels slow drifts in the load of a shared machine).
# Usage: samples/SeedReadLoop/measure-overhead.sh [RUNS=11] [MIB=256]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-11}
mib=${2:-256}
dotnet build -c Release samples/SeedReadLoop >/dev/null
dotnet build -c Release src/Tool/AllocAnalyzers.Tool.csproj >/dev/null
sample=samples/SeedReadLoop/bin/Release/net10.0/SeedReadLoop.dll
tool=src/Tool/bin/Release/net10.0/alloc-analyzers.dll
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The program prints: read N MiB in W ms, cpu C ms (...)
field() { sed -n "s/^read [0-9]* MiB in \([0-9]*\) ms, cpu \([0-9]*\) ms.*/\\$1/p" <<<"$2"; }
plain_wall=(); plain_cpu=(); prof_wall=(); prof_cpu=()
for i in $(seq "$runs"); do
  a=$(dotnet "$sample" "$mib")
  b=$(dotnet "$tool" profile -o "$out/p$i" -- "$sample" "$mib" 2>/dev/null)
  plain_wall+=("$(field 1 "$a")"); plain_cpu+=("$(field 2 "$a")")
  prof_wall+=("$(field 1 "$b")"); prof_cpu+=("$(field 2 "$b")")
done
# median [min p25 p75 max] of numbers on stdin (nearest-rank quartiles).
stats() { sort -g | awk '{a[NR]=$1} END {
  m = NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2
  q1 = a[int((NR+3)/4)]; q3 = a[NR+1-int((NR+3)/4)]
  printf "median %.1f [min %.1f, p25 %.1f, p75 %.1f, max %.1f]", m, a[1], q1, q3, a[NR] }'; }
ratios() { local -n xs=$1 ys=$2; for i in "${!xs[@]}"; do awk -v p="${xs[$i]}" -v q="${ys[$i]}" 'BEGIN { print (q / p - 1) * 100 }'; done; }
echo "runs: $runs each, $mib MiB read per run ($((mib * 64)) allocations of 1 MiB)"
echo "cpu  plain ms:    $(printf '%s\n' "${plain_cpu[@]}" | stats)"
echo "cpu  profiled ms: $(printf '%s\n' "${prof_cpu[@]}" | stats)"
echo "cpu  overhead %:  $(ratios plain_cpu prof_cpu | stats)   (paired)"
echo "wall plain ms:    $(printf '%s\n' "${plain_wall[@]}" | stats)"
echo "wall profiled ms: $(printf '%s\n' "${prof_wall[@]}" | stats)"
echo "wall slowdown %:  $(ratios plain_wall prof_wall | stats)   (paired)"
