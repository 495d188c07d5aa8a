using System.Collections.Immutable;
using System.Reflection;
using AllocAnalyzers.Configuration;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Tests.Robustness;
using AllocAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Configuration.SettingsAnalyzer>;
using Verify001 = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer>;

namespace AllocAnalyzers.Tests.Configuration;

/// <summary>
/// Settings that cannot be misplaced or misspelled in silence: unknown keys under AllocAnalyzers'
/// prefixes and project-wide keys in .editorconfig sections are ALLOC900, on the first token of
/// every document they affect, so that the editor shows them in the open file.
/// </summary>
public class SettingsAnalyzerTests
{
    private const string First = "class A { }\n";
    private const string Second = "namespace N { class B { } }\n";

    private static TestOptions Options(string? editorConfig = null, string? globalConfig = null, params string[] expected) => new()
    {
        EditorConfig = editorConfig,
        GlobalConfig = globalConfig,
        AdditionalDocuments = new[] { ("Other.cs", Second) },
        ExpectedProjectDiagnostics = expected,
    };

    [Fact]
    public async Task A_misspelled_rule_option_is_ALLOC900_in_every_document_with_a_suggestion()
    {
        var diagnostics = await Verify.VerifyAsync(First, Options(editorConfig: "root = true\n[*.cs]\ndotnet_code_quality.ALLOC001.treshold_bytes = 16KiB\n", expected: "ALLOC900"));

        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(
            "AllocAnalyzers setting 'dotnet_code_quality.alloc001.treshold_bytes' = '16KiB' is not an AllocAnalyzers setting and has no effect; did you mean 'dotnet_code_quality.ALLOC001.threshold_bytes'?",
            d.GetMessage(),
            ignoreCase: true));
    }

    [Fact]
    public async Task An_option_of_a_rule_that_does_not_exist_is_ALLOC900()
    {
        var diagnostics = await Verify.VerifyAsync(First, Options(editorConfig: "root = true\n[*.cs]\ndotnet_code_quality.ALLOC006.threshold_bytes = 1\n", expected: "ALLOC900"));
        Assert.All(diagnostics, d => Assert.Contains("is not an AllocAnalyzers setting", d.GetMessage()));
    }

    [Fact]
    public async Task A_misspelled_project_wide_key_in_the_globalconfig_is_ALLOC900_with_a_suggestion()
    {
        var diagnostics = await Verify.VerifyAsync(First, Options(globalConfig: "alloc_analyzers.target_platform = linux\n", expected: "ALLOC900"));
        Assert.All(diagnostics, d => Assert.EndsWith("did you mean 'alloc_analyzers.target_platforms'?", d.GetMessage()));
    }

    [Fact]
    public async Task An_unknown_cost_profile_field_is_ALLOC900()
    {
        var diagnostics = await Verify.VerifyAsync(First, Options(globalConfig: "alloc_analyzers.cost_profile.zeroing_bandwith_cache = 1e9\n", expected: "ALLOC900"));
        Assert.All(diagnostics, d => Assert.EndsWith("did you mean 'alloc_analyzers.cost_profile.zeroing_bandwidth_cache'?", d.GetMessage()));
    }

    [Fact]
    public async Task A_project_wide_key_in_an_editorconfig_section_says_it_must_go_in_a_globalconfig()
    {
        var diagnostics = await Verify.VerifyAsync(First, Options(editorConfig: "root = true\n[*.cs]\nalloc_analyzers.target_platforms = linux\n", expected: "ALLOC900"));
        Assert.All(diagnostics, d => Assert.Equal(
            "AllocAnalyzers setting 'alloc_analyzers.target_platforms' = 'linux' is ignored in an .editorconfig section: it applies to the whole project, so it must go in a .globalconfig file (is_global = true)",
            d.GetMessage()));
    }

    [Fact]
    public Task Project_wide_keys_in_the_globalconfig_and_rule_options_in_editorconfig_are_quiet() =>
        Verify.VerifyAsync(First, Options(
            editorConfig: "root = true\n[*.cs]\ndotnet_code_quality.ALLOC001.threshold_bytes = 16KiB\ndotnet_diagnostic.ALLOC001.severity = warning\n",
            globalConfig: "alloc_analyzers.target_platforms = linux\nalloc_analyzers.macos_allocator = modern\nalloc_analyzers.cost_profile.name = box\nalloc_analyzers.cost_profile.zeroing_bandwidth_cache = 1e10\n"));

    [Fact]
    public async Task A_section_for_one_file_reports_in_that_file_only()
    {
        var project = TestWorkspace.CreateProject(new[] { ("Test0.cs", First), ("Other.cs", Second) }, Options(editorConfig: "root = true\n[Other.cs]\nalloc_analyzers.macos_allocator = modern\n"));
        var reported = await AnalyzerRunner.RunAsync(project, ImmutableArray.Create<DiagnosticAnalyzer>(new SettingsAnalyzer()));
        Assert.Equal("/src/Other.cs", Assert.Single(reported).Location.SourceTree!.FilePath);
    }

    [Fact]
    public async Task A_rule_option_in_the_globalconfig_applies_to_every_file()
    {
        // The compiler keeps a .globalconfig's keys out of each tree's options; the rules read them there too.
        await Verify001.VerifyAsync(
            "class C { void M(bool go) { while (go) { var b = {|ALLOC001:new byte[20_000]|}; b[0] = 1; go = b[1] == 0; } } }",
            new TestOptions { GlobalConfig = "dotnet_code_quality.ALLOC001.threshold_bytes = 16KiB\n" });
    }

    [Fact]
    public async Task Setting_errors_come_out_of_per_document_analysis_of_every_document()
    {
        // What an editor runs for the open file: the syntax and semantic diagnostics of one tree.
        var project = TestWorkspace.CreateProject(new[] { ("Test0.cs", First), ("Other.cs", Second) }, new TestOptions
        {
            EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC001.threshold_bytes = lots\nalloc_analyzers.target_platforms = linux\n",
            GlobalConfig = "alloc_analyzers.cost_profile.zeroing_bandwidth_cache = fast\n",
        });
        var compilation = (await project.GetCompilationAsync())!;
        var analyzers = AllAnalyzers.Create();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var perDocument = compilation.WithAnalyzers(analyzers, project.AnalyzerOptions);
            var model = compilation.GetSemanticModel(tree);
            var diagnostics = (await perDocument.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None))
                .Concat(await perDocument.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None))
                .Where(d => d.Id == "ALLOC900")
                .Select(d => d.GetMessage())
                .OrderBy(m => m, StringComparer.Ordinal)
                .ToList();

            Assert.Equal(3, diagnostics.Count);
            Assert.Contains("'alloc_analyzers.cost_profile.*'", diagnostics[0]);
            Assert.Contains("'alloc_analyzers.target_platforms' = 'linux' is ignored in an .editorconfig section", diagnostics[1]);
            Assert.Contains("'dotnet_code_quality.ALLOC001.threshold_bytes' = 'lots' is invalid", diagnostics[2]);
        }
    }

    [Fact]
    public void The_catalog_lists_exactly_the_rules_own_options()
    {
        var fields = typeof(AllocAnalyzer).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("AllocAnalyzers.Rules", StringComparison.Ordinal) == true && !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            .ToList();
        var declared = fields.Where(f => f.FieldType == typeof(ByteOption)).Select(f => (ByteOption)f.GetValue(null)!).Select(o => (o.RuleId, o.Name))
            .Concat(fields.Where(f => f.FieldType == typeof(ChoiceOption)).Select(f => (ChoiceOption)f.GetValue(null)!).Select(o => (o.RuleId, o.Name)))
            .OrderBy(o => o.RuleId, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)
            .OrderBy(o => o.RuleId, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(declared, KnownSettings.RuleOptions.OrderBy(o => o.RuleId, StringComparer.Ordinal).ThenBy(o => o.Option, StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData("alloc_analyzers.target_platfroms", "alloc_analyzers.target_platforms")]
    [InlineData("alloc_analyzers.macos_alocator", "alloc_analyzers.macos_allocator")]
    [InlineData("dotnet_code_quality.ALLOC003.min_excess", "dotnet_code_quality.ALLOC003.min_excess_bytes")]
    [InlineData("alloc_analyzers.something_else_entirely", null)]
    public void Suggestions_are_the_closest_known_key_when_close(string key, string? expected) =>
        Assert.Equal(expected, KnownSettings.Suggest(key));
}
