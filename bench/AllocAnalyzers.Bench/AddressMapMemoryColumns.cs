using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AllocAnalyzers.Bench;

/// <summary>
/// Retained memory of each candidate holding the live window of its stream, measured in the host
/// process with GC.GetTotalMemory(forceFullCollection: true) around building it: bytes per
/// tracked entry and per MiB of address space the window spans.
/// </summary>
public sealed class AddressMapMemoryColumns : IColumn
{
    private static readonly Dictionary<(string, AddressPattern), long> s_retained = [];
    private readonly bool _perMiB;

    private AddressMapMemoryColumns(bool perMiB) => _perMiB = perMiB;

    public static IColumn[] All { get; } = [new AddressMapMemoryColumns(false), new AddressMapMemoryColumns(true)];

    public string Id => ColumnName;

    public string ColumnName => _perMiB ? "Retained B/MiB" : "Retained B/entry";

    public string Legend => _perMiB
        ? "Retained bytes per MiB of address space spanned by the live entries"
        : "Retained bytes per live tracked entry";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => _perMiB ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var map = (string)benchmarkCase.Parameters["Map"];
        var pattern = (AddressPattern)benchmarkCase.Parameters["Pattern"];
        var bytes = Retained(map, pattern);
        return _perMiB
            ? (bytes / AddressMapStreams.Create(pattern).LiveWindowMiB()).ToString("N0")
            : ((double)bytes / AddressMapStreams.LiveWindow).ToString("N1");
    }

    public static long Retained(string map, AddressPattern pattern)
    {
        lock (s_retained)
        {
            if (s_retained.TryGetValue((map, pattern), out var known)) return known;
            var streams = AddressMapStreams.Create(pattern);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var tracker = AddressMapCandidates.Build(map, streams.Sampled);
            var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
            GC.KeepAlive(tracker);
            // Keep the streams alive across both readings: if the JIT lets the unsampled array
            // (512 KiB) die in between, every candidate reads 32 B per entry too low.
            GC.KeepAlive(streams);
            s_retained[(map, pattern)] = retained;
            return retained;
        }
    }
}
