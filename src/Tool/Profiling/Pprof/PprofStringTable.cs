namespace AllocAnalyzers.Tool.Profiling.Pprof;

/// <summary>pprof's string table: every string once, referred to by index; index 0 is "".</summary>
internal sealed class PprofStringTable
{
    private readonly Dictionary<string, long> _indices = new(StringComparer.Ordinal) { [""] = 0 };
    private readonly List<string> _strings = [""];

    public IReadOnlyList<string> Strings => _strings;

    public long this[string value]
    {
        get
        {
            if (_indices.TryGetValue(value, out var index)) return index;
            index = _strings.Count;
            _strings.Add(value);
            _indices.Add(value, index);
            return index;
        }
    }
}
