using System.Text.RegularExpressions;
using AllocAnalyzers.Diagnostics;

namespace AllocAnalyzers.Tests.Robustness;

/// <summary>Conventions every shipped analyzer keeps: fixed IDs, ALLOC900 support, docs and release tracking.</summary>
public class AnalyzerConventionsTests
{
    private static readonly string Root = FindRoot();

    /// <summary>The rule analyzers; the SettingsAnalyzer reports ALLOC900 alone.</summary>
    public static IEnumerable<object[]> Analyzers() => RuleAnalyzers().Select(a => new object[] { a.GetType().Name });

    private static IEnumerable<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> RuleAnalyzers() =>
        AllAnalyzers.Create().Where(a => a is AllocAnalyzers.Infrastructure.AllocAnalyzer);

    [Fact]
    public void The_settings_analyzer_reports_only_ALLOC900()
    {
        var settings = Assert.Single(AllAnalyzers.Create(), a => a is not AllocAnalyzers.Infrastructure.AllocAnalyzer);
        Assert.IsType<AllocAnalyzers.Configuration.SettingsAnalyzer>(settings);
        Assert.Equal(new[] { RuleIds.InvalidConfiguration }, settings.SupportedDiagnostics.Select(d => d.Id));
    }

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Each_analyzer_reports_one_rule_and_ALLOC900(string name)
    {
        var analyzer = RuleAnalyzers().Single(a => a.GetType().Name == name);
        var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Matches("^ALLOC00[1-9]$", ids[0]);
        Assert.Equal(RuleIds.InvalidConfiguration, ids[1]);
    }

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Each_rule_has_a_docs_page_its_help_link_names_and_a_release_entry(string name)
    {
        var rule = RuleAnalyzers().Single(a => a.GetType().Name == name).SupportedDiagnostics[0];
        Assert.EndsWith($"docs/rules/{rule.Id}.md", rule.HelpLinkUri);
        Assert.True(File.Exists(Path.Combine(Root, "docs", "rules", rule.Id + ".md")), $"docs/rules/{rule.Id}.md is missing");
        string releases = File.ReadAllText(Path.Combine(Root, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Matches(new Regex($@"^{rule.Id} \| {rule.Category} \| {rule.DefaultSeverity} \|", RegexOptions.Multiline), releases);
    }

    [Fact]
    public void Rule_ids_are_unique_across_analyzers()
    {
        var ids = RuleAnalyzers().Select(a => a.SupportedDiagnostics[0].Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(7, ids.Count);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AllocAnalyzers.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("repository root not found");
    }
}
