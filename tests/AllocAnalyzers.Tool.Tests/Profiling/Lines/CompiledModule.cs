using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using AllocAnalyzers.Tool.Profiling.Lines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.Diagnostics.Symbols;

namespace AllocAnalyzers.Tool.Tests.Profiling.Lines;

/// <summary>
/// C# source compiled with Roslyn, optimized (Release) as a shipped program is, to a module file
/// and its portable PDB on disk: the IL and the lines the resolver reads from a real module.
/// </summary>
internal sealed class CompiledModule : IDisposable
{
    private readonly ModuleIlReader _il = new();
    private readonly SymbolReader _symbols;
    private readonly ManagedSymbolModule _pdb;
    private readonly MetadataReader _metadata;
    private readonly PEReader _pe;

    private readonly bool _owned;

    public CompiledModule(string source)
    {
        _owned = true;
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"il-lines-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        SourcePath = System.IO.Path.Combine(Directory, "Methods.cs");
        File.WriteAllText(SourcePath, source);
        Path = System.IO.Path.Combine(Directory, "Methods.dll");
        var pdbPath = System.IO.Path.ChangeExtension(Path, ".pdb");

        var tree = CSharpSyntaxTree.ParseText(source, path: SourcePath, encoding: System.Text.Encoding.UTF8);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator)
            .Where(p => System.IO.Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "System.Collections.dll" or "System.Console.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Methods", [tree], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Disable));
        using (var pe = File.Create(Path))
        using (var pdb = File.Create(pdbPath))
        {
            var result = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: pdbPath));
            Assert.True(result.Success, string.Join('\n', result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        (_pe, _metadata, _symbols, _pdb) = Open(Path, pdbPath, Directory);
    }

    /// <summary>A module already built, with its PDB next to it (left in place on disposal).</summary>
    private CompiledModule(string modulePath, string sourcePath)
    {
        Path = modulePath;
        SourcePath = sourcePath;
        Directory = System.IO.Path.GetDirectoryName(modulePath)!;
        (_pe, _metadata, _symbols, _pdb) = Open(Path, System.IO.Path.ChangeExtension(modulePath, ".pdb"), Directory);
    }

    public static CompiledModule Existing(string modulePath, string sourcePath) => new(modulePath, sourcePath);

    private static (PEReader, MetadataReader, SymbolReader, ManagedSymbolModule) Open(string modulePath, string pdbPath, string directory)
    {
        var pe = new PEReader(File.OpenRead(modulePath));
        var symbols = new SymbolReader(TextWriter.Null, directory) { SecurityCheck = _ => true };
        return (pe, pe.GetMetadataReader(), symbols, symbols.OpenSymbolFile(pdbPath));
    }

    public string Directory { get; }

    public string SourcePath { get; }

    public string Path { get; }

    /// <summary>The metadata token of the one method of that name (in any type).</summary>
    public int Token(string methodName)
    {
        var handle = _metadata.MethodDefinitions.Single(h => _metadata.GetString(_metadata.GetMethodDefinition(h).Name) == methodName);
        return MetadataTokens.GetToken(handle);
    }

    public MethodIl Method(string methodName) => _il.Method(Path, Guid.Empty, Token(methodName)) ?? throw new InvalidOperationException($"no IL for {methodName}");

    /// <summary>The source line of an IL offset of the method, as the resolver gets it (TraceEvent's SymbolReader).</summary>
    public int LineOf(string methodName, int ilOffset) => _pdb.SourceLocationForManagedCode((uint)Token(methodName), ilOffset)?.LineNumber ?? 0;

    /// <summary>The first IL offset of the method on the line containing <paramref name="text"/>: where a map could point.</summary>
    public int FirstOffsetOn(string methodName, string text) =>
        Method(methodName).Instructions.First(i => LineOf(methodName, i.Offset) == LineContaining(text)).Offset;

    /// <summary>The line of the source that contains <paramref name="text"/>.</summary>
    public int LineContaining(string text) => Array.FindIndex(File.ReadAllLines(SourcePath), l => l.Contains(text)) + 1;

    public void Dispose()
    {
        _il.Dispose();
        _pe.Dispose();
        _symbols.Dispose();
        if (!_owned) return;
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
