using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace AllocAnalyzers.Bench;

/// <summary>
/// The Go-design address map against general hash maps on the same address streams.
/// Churn: each operation sets the next sampled block and gets-and-removes the oldest live one
/// (a set plus a get-remove). FreeUnsampled: each operation is the free of a block the sampler
/// skipped: a lookup that finds nothing. Memory: the retained bytes columns (AddressMapMemoryColumns).
/// Run: dotnet run -c Release --project bench/AllocAnalyzers.Bench -- --filter '*AddressMap*'
/// </summary>
[Config(typeof(Config))]
public class AddressMapBenchmarks
{
    private AddressMapStreams _streams = null!;
    private object _tracker = null!;

    [Params(AddressPattern.Clustered, AddressPattern.Scattered)]
    public AddressPattern Pattern { get; set; }

    [Params(AddressMapCandidates.GoMap, AddressMapCandidates.LockedDictionary, AddressMapCandidates.Dictionary, AddressMapCandidates.Concurrent)]
    public string Map { get; set; } = AddressMapCandidates.GoMap;

    [GlobalSetup]
    public void Setup()
    {
        _streams = AddressMapStreams.Create(Pattern);
        _tracker = AddressMapCandidates.Build(Map, _streams.Sampled);
    }

    [Benchmark(OperationsPerInvoke = AddressMapStreams.Length)]
    public int Churn() => _tracker switch
    {
        GoAddressMapTracker t => Churn(t),
        LockedDictionaryTracker t => Churn(t),
        DictionaryTracker t => Churn(t),
        ConcurrentDictionaryTracker t => Churn(t),
        _ => throw new InvalidOperationException(),
    };

    [Benchmark(OperationsPerInvoke = AddressMapStreams.Length)]
    public int FreeUnsampled() => _tracker switch
    {
        GoAddressMapTracker t => Misses(t),
        LockedDictionaryTracker t => Misses(t),
        DictionaryTracker t => Misses(t),
        ConcurrentDictionaryTracker t => Misses(t),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>A ring over the stream: after Length operations the live window is back where it started.</summary>
    private int Churn<T>(T tracker)
        where T : struct, IAddressTracker
    {
        var sampled = _streams.Sampled;
        var found = 0;
        for (var i = 0; i < sampled.Length; i++)
        {
            tracker.Set(sampled[(i + AddressMapStreams.LiveWindow) % sampled.Length]);
            if (tracker.TryRemove(sampled[i])) found++;
        }

        return found;
    }

    private int Misses<T>(T tracker)
        where T : struct, IAddressTracker
    {
        var found = 0;
        foreach (var address in _streams.Unsampled)
        {
            if (tracker.TryRemove(address)) found++;
        }

        return found;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun);
            AddColumn(AddressMapMemoryColumns.All);
            WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        }
    }
}
