using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using AllocAnalyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Tests.Analysis;

/// <summary>
/// A host may hand the analyzers options of its own type that cannot list their keys
/// (<see cref="AnalyzerConfigOptions.Keys"/> throws unless overridden): the settings checks must
/// still run without an exception, reading the values they know by name.
/// </summary>
public class HostOptionsTests
{
    [Fact]
    public async Task Options_that_cannot_list_their_keys_do_not_make_the_settings_analyzer_throw()
    {
        var tree = CSharpSyntaxTree.ParseText("public class C { }", path: "C.cs");
        var compilation = CSharpCompilation.Create("Test", new[] { tree }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new List<Exception>();
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new KeylessProvider());
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SettingsAnalyzer()),
            new CompilationWithAnalyzersOptions(options, (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    private sealed class KeylessOptions : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = key == "alloc_analyzers.target_platforms" ? "linux" : null;
            return value != null;
        }
    }

    private sealed class KeylessProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly KeylessOptions Options = new();

        public override AnalyzerConfigOptions GlobalOptions => Options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options;
    }
}
