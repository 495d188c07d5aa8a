using System.Collections.Immutable;
using AllocAnalyzers.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AllocAnalyzers.Scaling;

/// <summary>A generated file compiled as one library against the running .NET 10 framework, fresh for every measurement.</summary>
internal static class ScalingCompilation
{
    private static readonly ImmutableArray<MetadataReference> References = CorpusCompilation.FrameworkReferences();

    // Binding and analysis are both measured on one thread (no concurrent build, no concurrent
    // analysis), so their ratio compares like with like on a shared machine.
    private static readonly CSharpCompilationOptions Options = new(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, concurrentBuild: false);

    public static SyntaxTree Parse(string source) =>
        CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), "Generated.cs");

    /// <summary>A compilation that has bound nothing yet: the syntax tree is shared, every semantic result is recomputed.</summary>
    public static CSharpCompilation Fresh(SyntaxTree tree) => CSharpCompilation.Create("Scaling", new[] { tree }, References, Options);
}
