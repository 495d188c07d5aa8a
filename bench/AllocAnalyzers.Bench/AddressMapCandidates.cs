using System.Collections.Concurrent;
using AllocAnalyzers.Runtime.Profiling.AddressMap;

namespace AllocAnalyzers.Bench;

/// <summary>The allocation-site bucket the general maps store (the address map stores an int id:
/// every candidate keeps exactly an address and its bucket).</summary>
public sealed class Bucket;

/// <summary>
/// What a profiler needs from an address map. The benchmark loops are generic over struct
/// implementations, so the JIT specializes them and no interface call is measured.
/// </summary>
public interface IAddressTracker
{
    void Set(ulong address);

    bool TryRemove(ulong address);
}

/// <summary>The Go-design map (thread-safe).</summary>
public readonly struct GoAddressMapTracker(AddressMap map) : IAddressTracker
{
    public AddressMap Map => map;

    public void Set(ulong address) => map.Set(address, 1);

    public bool TryRemove(ulong address) => map.TryRemove(address, out _);
}

/// <summary>Dictionary under a lock: as thread-safe as the address map.</summary>
public readonly struct LockedDictionaryTracker(Dictionary<nuint, Bucket> dictionary, Bucket bucket) : IAddressTracker
{
    public void Set(ulong address)
    {
        lock (dictionary) dictionary[(nuint)address] = bucket;
    }

    public bool TryRemove(ulong address)
    {
        lock (dictionary) return dictionary.Remove((nuint)address, out _);
    }
}

/// <summary>Dictionary without a lock: not thread-safe, the floor for a general hash map.</summary>
public readonly struct DictionaryTracker(Dictionary<nuint, Bucket> dictionary, Bucket bucket) : IAddressTracker
{
    public void Set(ulong address) => dictionary[(nuint)address] = bucket;

    public bool TryRemove(ulong address) => dictionary.Remove((nuint)address, out _);
}

public readonly struct ConcurrentDictionaryTracker(ConcurrentDictionary<nuint, Bucket> dictionary, Bucket bucket) : IAddressTracker
{
    public void Set(ulong address) => dictionary[(nuint)address] = bucket;

    public bool TryRemove(ulong address) => dictionary.TryRemove((nuint)address, out _);
}

/// <summary>Builds each candidate with the live window of a stream already set.</summary>
public static class AddressMapCandidates
{
    public const string GoMap = "AddressMap";
    public const string Dictionary = "Dictionary";
    public const string LockedDictionary = "Dictionary+lock";
    public const string Concurrent = "ConcurrentDictionary";

    public static object Build(string candidate, ulong[] sampled)
    {
        var bucket = new Bucket();
        object tracker = candidate switch
        {
            GoMap => new GoAddressMapTracker(new AddressMap()),
            Dictionary => new DictionaryTracker(new Dictionary<nuint, Bucket>(), bucket),
            LockedDictionary => new LockedDictionaryTracker(new Dictionary<nuint, Bucket>(), bucket),
            Concurrent => new ConcurrentDictionaryTracker(new ConcurrentDictionary<nuint, Bucket>(), bucket),
            _ => throw new ArgumentOutOfRangeException(nameof(candidate), candidate, null),
        };
        for (var i = 0; i < AddressMapStreams.LiveWindow; i++) ((IAddressTracker)tracker).Set(sampled[i]);
        return tracker;
    }
}
