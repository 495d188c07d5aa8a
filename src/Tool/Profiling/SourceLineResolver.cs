using AllocAnalyzers.Tool.Profiling.Lines;
using Microsoft.Diagnostics.Symbols;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// Source file and lines of a managed frame. TraceLog maps the frame's native address to an IL
/// offset through the method's IL-to-native map (the MethodILToNativeMap events of the
/// JittedMethodILToNativeMap keyword, or their rundown pair), which it keeps when it reads a trace
/// file (not in its real-time mode, where ILOffset is -1: one reason the tool records to a file
/// first). The module's portable PDB, opened with TraceEvent's SymbolReader, turns the method
/// token and IL offset into the line of that statement, and IL offset 0 into the method's first line. Frames without a PDB (precompiled
/// framework code) stay without a file. In optimized code the map keeps only some statement
/// boundaries and often names a neighbouring statement; the frame's <see cref="FrameHint"/> (the
/// allocated type, or the callee) then picks the instruction from the method's own IL where that
/// is unambiguous (<see cref="AllocatingInstructionChooser"/>). Results are cached per code
/// address and hint: the first lookup of a module opens its PDB and its file.
/// </summary>
internal sealed class SourceLineResolver : IDisposable
{
    // A PDB's "hidden" sequence point (compiler-generated code) has this line number.
    private const int HiddenLine = 0xFEEFEE;

    private readonly SymbolReader _reader;
    private readonly ModuleIlReader _il = new();
    private readonly Dictionary<(int Address, FrameHint Hint), SourceLines> _cache = [];
    private readonly Dictionary<string, ManagedSymbolModule?> _modules = [];

    /// <param name="symbolPath">Directories to search for PDBs besides each module's own directory.</param>
    public SourceLineResolver(string symbolPath)
    {
        // Local files only: no symbol server is asked (SecurityCheck allows local PDBs).
        _reader = new SymbolReader(TextWriter.Null, symbolPath) { SecurityCheck = _ => true };
    }

    public SourceLines Resolve(TraceCodeAddress address, FrameHint hint = default)
    {
        var key = ((int)address.CodeAddressIndex, hint);
        if (_cache.TryGetValue(key, out var known)) return known;
        var resolved = SourceLines.None;
        try
        {
            if (address.Method is { MethodToken: not 0 } method && Module(address.ModuleFile) is { } module)
            {
                var token = (uint)method.MethodToken;
                var start = module.SourceLocationForManagedCode(token, 0);
                var il = ChosenOffset(address, token, module, hint) ?? address.ILOffset;
                var call = il >= 0 ? module.SourceLocationForManagedCode(token, il) : null;
                if (start?.SourceFile is { } file && start.LineNumber > 0)
                {
                    resolved = new SourceLines(file.BuildTimeFilePath ?? "", start.LineNumber, call is { LineNumber: > 0 and < HiddenLine } ? call.LineNumber : 0);
                }
            }
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException or ArgumentException or NullReferenceException)
        {
            // A missing or unreadable PDB: the frame keeps its method name only.
        }

        _cache[key] = resolved;
        return resolved;
    }

    public void Dispose()
    {
        _il.Dispose();
        _reader.Dispose();
    }

    /// <summary>The IL offset the method's own IL decides for this frame, null to keep the map's.</summary>
    private int? ChosenOffset(TraceCodeAddress address, uint token, ManagedSymbolModule module, FrameHint hint)
    {
        if (hint == FrameHint.None || address.ILOffset < 0 || address.ModuleFile is not { FilePath: { Length: > 0 } path } file) return null;
        if (_il.Method(path, file.PdbSignature, (int)token) is not { } method) return null;
        var candidates = AllocationInstructionFinder.Find(method, hint);
        return AllocatingInstructionChooser.Choose(method, candidates, address.ILOffset, offset => module.SourceLocationForManagedCode(token, offset)?.LineNumber ?? 0);
    }

    /// <summary>The module's PDB, found by the PE's debug directory (next to the module or on the symbol path).</summary>
    private ManagedSymbolModule? Module(TraceModuleFile? file)
    {
        if (file?.FilePath is not { Length: > 0 } path) return null;
        if (_modules.TryGetValue(path, out var known)) return known;
        ManagedSymbolModule? module = null;
        try
        {
            var pdb = !string.IsNullOrEmpty(file.PdbName)
                ? _reader.FindSymbolFilePath(file.PdbName, file.PdbSignature, file.PdbAge, path)
                : File.Exists(path) ? _reader.FindSymbolFilePathForModule(path) : null;
            module = pdb is not null ? _reader.OpenSymbolFile(pdb) : null;
        }
        finally
        {
            _modules[path] = module;
        }

        return module;
    }
}

/// <summary>Where a frame is in its source: the file, the method's first line, and the line of the call (0 when unknown).</summary>
internal readonly record struct SourceLines(string File, int StartLine, int Line)
{
    public static SourceLines None { get; } = new("", 0, 0);
}
