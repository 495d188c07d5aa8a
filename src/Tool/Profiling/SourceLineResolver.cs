using Microsoft.Diagnostics.Symbols;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// Source file and line of a managed frame, from the module's portable PDB through TraceEvent's
/// SymbolReader (with the JittedMethodILToNativeMap events enabled). In practice the line is the
/// method's first sequence point, not the allocating statement, so it is used as the method's
/// start line. Frames without a PDB (precompiled framework code) stay without one.
/// Results are cached per code address: the first lookup of a module opens its PDB.
/// </summary>
internal sealed class SourceLineResolver : IDisposable
{
    private readonly SymbolReader _reader;
    private readonly Dictionary<int, (string File, int Line)> _cache = [];

    /// <param name="symbolPath">Directories to search for PDBs besides each module's own directory.</param>
    public SourceLineResolver(string symbolPath)
    {
        // Local files only: no symbol server is asked (SecurityCheck allows local PDBs).
        _reader = new SymbolReader(TextWriter.Null, symbolPath) { SecurityCheck = _ => true };
    }

    public (string File, int Line) Resolve(TraceCodeAddress address)
    {
        var key = (int)address.CodeAddressIndex;
        if (_cache.TryGetValue(key, out var known)) return known;
        var resolved = ("", 0);
        try
        {
            var location = address.GetSourceLine(_reader);
            if (location?.SourceFile is { } file && location.LineNumber > 0) resolved = (file.BuildTimeFilePath ?? "", location.LineNumber);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException or ArgumentException or NullReferenceException)
        {
            // A missing or unreadable PDB: the frame keeps its method name only.
        }

        _cache[key] = resolved;
        return resolved;
    }

    public void Dispose() => _reader.Dispose();
}
