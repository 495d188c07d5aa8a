using AllocAnalyzers.Tests.Robustness;
using AllocAnalyzers.Tests.Verification;

namespace AllocAnalyzers.Tests.Editor;

/// <summary>
/// Per-document parity on the samples: what a build reports for them comes out of analysing each
/// open document alone (the analyzer tests check the same on every rule's inputs, in the facade).
/// </summary>
public class SampleParityTests
{
    public static IEnumerable<object[]> Samples() => SampleProjects.Names.Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Each_document_alone_gives_what_the_build_gives(string sample)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(SampleProjects.Project(sample), AllAnalyzers.Create());
        Assert.Contains(diagnostics, d => d.Id.StartsWith("ALLOC00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_rule_fires_on_the_samples()
    {
        var ids = new HashSet<string>();
        foreach (var sample in SampleProjects.Names)
        {
            ids.UnionWith((await AnalyzerRunner.RunAsync(SampleProjects.Project(sample), AllAnalyzers.Create())).Select(d => d.Id));
        }

        Assert.Equal(AllAnalyzers.Create().Select(a => a.SupportedDiagnostics[0].Id).Where(id => id != "ALLOC900").OrderBy(id => id), ids.Where(id => id != "ALLOC900").OrderBy(id => id));
    }
}
