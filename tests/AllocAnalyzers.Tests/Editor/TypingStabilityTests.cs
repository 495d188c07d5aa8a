using AllocAnalyzers.Tests.Robustness;
using AllocAnalyzers.Tests.Verification;
using Xunit.Abstractions;

namespace AllocAnalyzers.Tests.Editor;

/// <summary>
/// Stable while typing: the samples' method bodies (and a rule input from the issue) are typed
/// token by token and analysed as the open document after each token; a diagnostic of the final
/// text must not go off and on because a different, half-typed statement mentions its buffer,
/// and no analyzer may throw on any prefix.
/// </summary>
public class TypingStabilityTests
{
    private readonly ITestOutputHelper _output;

    public TypingStabilityTests(ITestOutputHelper output) => _output = output;

    /// <summary>The read loop of issue 12 in a file of its own, the hoisted buffer read by a call on the next line.</summary>
    private const string RecordLoop = """
        using System.IO;

        public static class RecordLoop
        {
            public static long Sum(Stream source)
            {
                long sum = 0;
                while (true)
                {
                    var record = new byte[1 << 20];
                    int n = source.Read(record, 0, 16 * 1024);
                    if (n == 0) return sum;
                    for (int i = 0; i < n; i++) sum += record[i];
                }
            }
        }
        """;

    public static IEnumerable<object[]> Documents() =>
        SampleProjects.Names.SelectMany(sample => SampleProjects.Sources(sample)
            .Where(s => s.Name != "GlobalUsings.g.cs")
            .Select(s => new object[] { sample, s.Name }))
        .Append(new object[] { RecordLoopName, TestWorkspace.FirstDocumentName });

    private const string RecordLoopName = "issue 12";

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Diagnostics_do_not_flicker_while_another_statement_is_typed(string sample, string document)
    {
        var project = sample == RecordLoopName
            ? TestWorkspace.CreateProject(new[] { (document, RecordLoop) }, TestOptions.Default)
            : SampleProjects.Project(sample);
        string name = sample + "/" + document;
        var session = new TypingSession(project, document, name, AllAnalyzers.Create());
        var flickers = await session.TypeAsync(TypingGranularity.Token);
        _output.WriteLine($"{session.PrefixesAnalysed} prefixes analysed");
        foreach (var flicker in flickers) _output.WriteLine(flicker.ToString());

        Assert.True(flickers.Count == 0, "Diagnostics flicker while another statement is typed:\n" + string.Join("\n", flickers));
    }
}
