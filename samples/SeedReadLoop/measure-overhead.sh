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
ms() { sed -n 's/^read [0-9]* MiB in \([0-9]*\) ms.*/\1/p'; }
plain=(); profiled=()
for i in $(seq "$runs"); do
  plain+=("$(dotnet "$sample" "$mib" | ms)")
  profiled+=("$(dotnet "$tool" profile -o "$out/p$i" -- "$sample" "$mib" 2>/dev/null | ms)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
p=$(median "${plain[@]}"); q=$(median "${profiled[@]}")
echo "plain ms:    ${plain[*]}"
echo "profiled ms: ${profiled[*]}"
awk -v p="$p" -v q="$q" 'BEGIN { printf "median plain %d ms, profiled %d ms: slowdown %.1f %%\n", p, q, (q / p - 1) * 100 }'
rm -rf "$out"
