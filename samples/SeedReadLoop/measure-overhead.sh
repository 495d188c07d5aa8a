#!/usr/bin/env bash
# Slowdown of SeedReadLoop under `alloc-analyzers profile` at the default settings.
# Runs the program alone and profiled, alternately, RUNS times each, and compares the medians of
# the read loop's own time (the program prints it), so that start-up and attach are not counted.
# Usage: samples/SeedReadLoop/measure-overhead.sh [RUNS=7] [MIB=512]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
mib=${2:-512}
dotnet build -c Release samples/SeedReadLoop >/dev/null
dotnet build -c Release src/Tool/AllocAnalyzers.Tool.csproj >/dev/null
sample=samples/SeedReadLoop/bin/Release/net10.0/SeedReadLoop.dll
tool=src/Tool/bin/Release/net10.0/alloc-analyzers.dll
out=$(mktemp -d)
# The program prints: read N MiB in W ms, cpu C ms (its own CPU time over the loop, all threads,
# the runtime's event writing included).
wall() { sed -n 's/^read [0-9]* MiB in \([0-9]*\) ms.*/\1/p' <<<"$1"; }
cpu() { sed -n 's/^read .*, cpu \([0-9]*\) ms.*/\1/p' <<<"$1"; }
plain=(); profiled=(); plain_cpu=(); profiled_cpu=()
for i in $(seq "$runs"); do
  a=$(dotnet "$sample" "$mib"); plain+=("$(wall "$a")"); plain_cpu+=("$(cpu "$a")")
  b=$(dotnet "$tool" profile -o "$out/p$i" -- "$sample" "$mib" 2>/dev/null); profiled+=("$(wall "$b")"); profiled_cpu+=("$(cpu "$b")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
p=$(median "${plain[@]}"); q=$(median "${profiled[@]}")
echo "plain ms:    ${plain[*]}"
echo "profiled ms: ${profiled[*]}"
pc=$(median "${plain_cpu[@]}"); qc=$(median "${profiled_cpu[@]}")
echo "plain cpu ms:    ${plain_cpu[*]}"
echo "profiled cpu ms: ${profiled_cpu[*]}"
awk -v p="$p" -v q="$q" 'BEGIN { printf "wall: median plain %d ms, profiled %d ms: slowdown %.1f %%\n", p, q, (q / p - 1) * 100 }'
awk -v p="$pc" -v q="$qc" 'BEGIN { printf "cpu:  median plain %d ms, profiled %d ms: overhead %.1f %%\n", p, q, (q / p - 1) * 100 }'
# Each profiled run follows its plain run: the median of the pairs' ratios cancels slow drifts in
# the machine's load better than the ratio of medians.
paired() { local -n xs=$1 ys=$2; for i in "${!xs[@]}"; do awk -v p="${xs[$i]}" -v q="${ys[$i]}" 'BEGIN { print (q / p - 1) * 100 }'; done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "paired median: wall $(paired plain profiled) %, cpu $(paired plain_cpu profiled_cpu) %"
rm -rf "$out"
