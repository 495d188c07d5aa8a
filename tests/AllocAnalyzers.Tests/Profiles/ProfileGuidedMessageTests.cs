using AllocAnalyzers.Runtime.Profiling.Summary;
using AllocAnalyzers.Tests.Verification;
using Verify001 = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer>;
using Verify003 = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.OversizedInteropBuffer.OversizedInteropBufferAnalyzer>;
using Verify004 = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationAnalyzer>;

namespace AllocAnalyzers.Tests.Profiles;

/// <summary>
/// Profile-guided messages: a site summary (alloc-analyzers profile's PREFIX.sites.tsv) listed as an
/// AdditionalFile adds what was measured at the diagnostic's line, with the site's rank.
/// </summary>
public class ProfileGuidedMessageTests
{
    private const string Loop = """
        class C
        {
            long M(System.IO.Stream s)
            {
                long sum = 0;
                while (true)
                {
                    var buffer = {|ALLOC001:new byte[1 << 20]|};
                    int read = s.Read(buffer, 0, 16384);
                    if (read == 0) return sum;
                    sum += buffer[0];
                }
            }
        }
        """;

    private static int LineOf(string source, string text) => SiteSummaryText.LineOf(source, text);

    private static string Summary(params SiteSummaryRow[] rows) => SiteSummaryText.Of(rows);

    private static SiteSummaryRow Row(string file, int line, long bytes, long samples = 4097) =>
        new("C.M(class System.IO.Stream)", "System.Byte[]", samples, samples, bytes, bytes >= 85000, file, line);

    private static TestOptions With(params (string Name, string Text)[] files) => new() { AdditionalTexts = files };

    [Fact]
    public async Task A_measured_line_adds_its_bytes_and_rank_to_the_message()
    {
        var line = LineOf(Loop, "new byte");
        var summary = Summary(
            Row("/home/ci/build/src/Test0.cs", line, 4_296_267_596),
            Row("/home/ci/build/src/Other.cs", 3, 9_000_000_000),
            Row("/home/ci/build/src/Test0.cs", line + 40, 1_000));

        var message = (await Verify001.VerifyAsync(Loop, With(("seed.sites.tsv", summary)))).Single().GetMessage();

        Assert.EndsWith("; measured in seed.sites.tsv: 4 GiB allocated here, site 2 of 3", message);
        var properties = (await Verify001.VerifyAsync(Loop, With(("seed.sites.tsv", summary)))).Single().Properties;
        Assert.Equal("4296267596", properties["MeasuredBytes"]);
        Assert.Equal("4097", properties["MeasuredSamples"]);
        Assert.Equal("seed.sites.tsv", properties["MeasuredSummary"]);
        Assert.Equal("2", properties["MeasuredRank"]);
    }

    [Fact]
    public async Task Rows_on_other_lines_or_files_or_unlisted_files_add_nothing()
    {
        var line = LineOf(Loop, "new byte");
        var elsewhere = Summary(Row("/src/Test0.cs", line + 1, 1 << 30), Row("/other/Test0.cs", line, 1 << 30));
        var notASummary = ("profile.tsv", Summary(Row("/src/Test0.cs", line, 1 << 30)));

        var message = (await Verify001.VerifyAsync(Loop, With(("app.sites.tsv", elsewhere), notASummary))).Single().GetMessage();

        Assert.DoesNotContain("measured", message);
        Assert.EndsWith("per iteration on Linux x64", message);
    }

    [Fact]
    public async Task A_statement_over_several_lines_matches_the_line_of_its_sequence_point()
    {
        const string source = """
            class C
            {
                void M(bool go)
                {
                    while (go)
                    {
                        var buffer =
                            {|ALLOC001:new byte[1 << 20]|};
                        go = buffer[1] == 0;
                    }
                }
            }
            """;
        var summary = Summary(Row("Test0.cs", LineOf(source, "var buffer"), 3L << 30));

        var message = (await Verify001.VerifyAsync(source, With(("a.sites.tsv", summary)))).Single().GetMessage();

        Assert.Contains("; measured in a.sites.tsv: 3 GiB allocated here, site 1 of 1", message);
    }

    [Fact]
    public async Task Of_two_profiles_the_one_measuring_more_there_is_quoted()
    {
        var line = LineOf(Loop, "new byte");
        var small = ("small.sites.tsv", Summary(Row("/src/Test0.cs", line, 1 << 20, samples: 10)));
        var large = ("large.sites.tsv", Summary(Row("/src/Test0.cs", line, 1L << 32, samples: 4096)));

        var message = (await Verify001.VerifyAsync(Loop, With(small, large))).Single().GetMessage();

        Assert.Contains("; measured in large.sites.tsv: 4 GiB", message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("method\ttype\n")]
    [InlineData("# alloc-analyzers site summary v1\nmethod\ttype\tsamples\testimated_count\testimated_bytes\tloh\tfile\tline\nC.M\tSystem.Byte[]\tmany\t1\t1\t0\tTest0.cs\t8\n")]
    [InlineData("# alloc-analyzers site summary v1\nmethod\ttype\tsamples\testimated_count\testimated_bytes\tloh\tfile\tline\nC.M\tSystem.Byte[]\t1\n")]
    public async Task An_unreadable_summary_is_ALLOC900_once_and_the_message_goes_without_it(string text)
    {
        var options = With(("broken.sites.tsv", text)) with { ExpectedProjectDiagnostics = ["ALLOC900"] };

        var diagnostics = await Verify001.VerifyAsync(Loop, options);

        var configuration = Assert.Single(diagnostics, d => d.Id == "ALLOC900").GetMessage();
        Assert.Contains("'AdditionalFiles site summary' = 'broken.sites.tsv'", configuration);
        Assert.EndsWith("using no measured costs from it instead", configuration);
        Assert.DoesNotContain("measured in", Assert.Single(diagnostics, d => d.Id == "ALLOC001").GetMessage());
    }

    [Fact]
    public async Task ALLOC004_quotes_the_profile_too()
    {
        const string source = """
            class C
            {
                byte[] M(System.IO.Stream stream)
                {
                    var b = {|ALLOC004:new byte[65536]|};
                    stream.ReadExactly(b);
                    return b;
                }
            }
            """;
        var summary = Summary(Row("/src/Test0.cs", LineOf(source, "var b"), 200L << 20));

        var message = (await Verify004.VerifyAsync(source, With(("p.sites.tsv", summary)))).Single().GetMessage();

        Assert.EndsWith("; measured in p.sites.tsv: 200 MiB allocated here, site 1 of 1", message);
    }

    [Fact]
    public async Task ALLOC003_quotes_the_profile_too()
    {
        const string source = """
            using System.Runtime.InteropServices;
            unsafe class C
            {
                [DllImport("libc")] static extern nint read(int fd, byte* buffer, nint count);
                void M(int fd)
                {
                    var buffer = {|ALLOC003:new byte[1 << 20]|};
                    fixed (byte* p = buffer) read(fd, p, 16384);
                }
            }
            """;
        var summary = Summary(Row("/src/Test0.cs", LineOf(source, "var buffer"), 64L << 30));

        var message = (await Verify003.VerifyAsync(source, With(("p.sites.tsv", summary)))).Single().GetMessage();

        Assert.EndsWith("; measured in p.sites.tsv: 64 GiB allocated here, site 1 of 1", message);
    }

    [Fact]
    public async Task Odd_rows_match_nothing_and_crash_nothing()
    {
        // Lines before the file, past it, at int.MaxValue; empty and odd paths; a half-typed program.
        var summary = Summary(
            Row("/src/Test0.cs", 0, 1), Row("/src/Test0.cs", -3, 1), Row("/src/Test0.cs", 10_000, 1),
            Row("/src/Test0.cs", int.MaxValue, 1), Row("", 8, 1), Row("\\", 8, 1), Row("/", 8, 1));
        const string halfTyped = """
            class C
            {
                void M(bool go)
                {
                    while (go) { var b = new byte[1 << 20
            """;

        await Verify001.VerifyAsync(halfTyped, With(("odd.sites.tsv", summary)) with { AllowCompilerErrors = true });
        var message = (await Verify001.VerifyAsync(Loop, With(("odd.sites.tsv", summary)))).Single().GetMessage();
        Assert.DoesNotContain("measured", message);
    }
}
