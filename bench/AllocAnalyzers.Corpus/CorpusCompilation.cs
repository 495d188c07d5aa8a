using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AllocAnalyzers.Corpus;

/// <summary>One folder of C# sources compiled as a single library against the running .NET 10 framework.</summary>
internal static class CorpusCompilation
{
    private static readonly string[] PreprocessorSymbols =
    {
        "NET", "NETCOREAPP", "NET10_0", "NET10_0_OR_GREATER", "NET9_0_OR_GREATER", "NET8_0_OR_GREATER", "NET7_0_OR_GREATER",
        "NET6_0_OR_GREATER", "NET5_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER",
        "NETSTANDARD2_1_OR_GREATER", "NETSTANDARD2_0_OR_GREATER", "RELEASE",
    };

    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static (CSharpCompilation Compilation, int Files) Create(string folder)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: PreprocessorSymbols);
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        var trees = files
            .AsParallel().AsOrdered()
            .Select(path => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path)), parseOptions, path))
            .ToList();
        // The SDK's implicit usings (ImplicitUsings=enable), which most modern projects rely on.
        trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, Path.Combine(folder, "obj", "ImplicitUsings.g.cs")));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true);
        return (CSharpCompilation.Create(Path.GetFileName(folder.TrimEnd('/')), trees, FrameworkReferences(), options), files.Count);
    }

    /// <summary>Every managed assembly of the running .NET framework (the scaling benchmark compiles against the same set).</summary>
    internal static ImmutableArray<MetadataReference> FrameworkReferences()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.EnumerateFiles(frameworkDirectory, "*.dll")
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
