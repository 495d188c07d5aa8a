using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// Maps a return address in jitted code to the IL offset of the call, from the runtime's own
/// events: MethodLoadVerbose gives each code version's native range, and the MethodILToNativeMap
/// event that follows it (JittedMethodILToNativeMap keyword; the DCStop pair in a rundown) gives
/// its IL-to-native map. TraceLog's real-time source does not keep these maps (its ILOffset is
/// -1 there), which is why a frame used to resolve to the method's first line only.
/// Not thread-safe: the events and the lookups all run on the thread that processes the trace.
/// </summary>
internal sealed class NativeToILMap
{
    // Code versions by native start address, sorted, for a binary search by address.
    private readonly List<CodeVersion> _versions = [];

    // The code version each method id loaded last: its map event comes right after the load.
    private readonly Dictionary<long, CodeVersion> _lastLoaded = [];

    public void Attach(TraceEventDispatcher source)
    {
        source.Clr.MethodLoadVerbose += data => OnLoad(data.MethodID, data.MethodStartAddress, data.MethodSize);
        source.Clr.MethodILToNativeMap += OnMap;
        var rundown = new ClrRundownTraceEventParser(source);
        rundown.MethodDCStopVerbose += data => OnLoad(data.MethodID, data.MethodStartAddress, data.MethodSize);
        rundown.MethodILToNativeMapDCStop += OnMap;
    }

    /// <summary>
    /// The IL offset of the instruction that called out from <paramref name="returnAddress"/>, or -1
    /// when the address is not in jitted code with a map, or maps to a prolog, epilog or no IL.
    /// </summary>
    public int ILOffsetOfCall(ulong returnAddress)
    {
        var version = Find(returnAddress);
        if (version?.Map is not { } map) return -1;
        // A return address is the instruction after the call: one byte back is inside the call,
        // which may be the last instruction of its IL range.
        var native = (int)(returnAddress - version.Start) - 1;
        var index = map.BinarySearch((native, int.MaxValue));
        index = index >= 0 ? index : ~index - 1;
        return index >= 0 ? Math.Max(-1, map[index].IL) : -1;
    }

    private void OnLoad(long methodId, ulong start, int size)
    {
        var version = new CodeVersion(start, (ulong)size);
        var index = _versions.BinarySearch(version);
        if (index >= 0) _versions[index] = version; else _versions.Insert(~index, version);
        _lastLoaded[methodId] = version;
    }

    private void OnMap(MethodILToNativeMapTraceData data)
    {
        if (!_lastLoaded.TryGetValue(data.MethodID, out var version)) return;
        var map = new List<(int Native, int IL)>(data.CountOfMapEntries);
        for (var i = 0; i < data.CountOfMapEntries; i++) map.Add((data.NativeOffset(i), data.ILOffset(i)));
        map.Sort(); // the runtime lists them in IL order, with prolog/epilog entries last
        version.Map = map;
    }

    private CodeVersion? Find(ulong address)
    {
        var index = _versions.BinarySearch(new CodeVersion(address, 0));
        index = index >= 0 ? index : ~index - 1;
        if (index < 0) return null;
        var version = _versions[index];
        return address - version.Start < version.Size ? version : null;
    }

    private sealed class CodeVersion(ulong start, ulong size) : IComparable<CodeVersion>
    {
        public ulong Start { get; } = start;

        public ulong Size { get; } = size;

        /// <summary>(native offset, IL offset) sorted by native offset; IL offsets below 0 are prolog (-2), epilog (-3), no mapping (-1).</summary>
        public List<(int Native, int IL)>? Map { get; set; }

        public int CompareTo(CodeVersion? other) => Start.CompareTo(other?.Start ?? 0);
    }
}
