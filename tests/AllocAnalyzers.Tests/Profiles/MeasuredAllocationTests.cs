using AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Runtime.Profiling.Summary;
using AllocAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Verify001 = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer>;
using VerifyFix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<
    AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer,
    AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop.LargeAllocationInLoopCodeFixProvider>;

namespace AllocAnalyzers.Tests.Profiles;

/// <summary>
/// ALLOC001 found from a site summary: where the code does not prove the size or the repetition,
/// a profile that measured the line large and frequent is the evidence, and the message says so.
/// </summary>
public class MeasuredAllocationTests
{
    /// <summary>A chunk size from a parameter: no size to prove.</summary>
    private const string SizedByParameter = """
        class C
        {
            long Sum(System.IO.Stream s, int size)
            {
                long sum = 0;
                while (true)
                {
                    var chunk = {|ALLOC001:new byte[size]|};
                    int read = s.Read(chunk, 0, chunk.Length);
                    if (read == 0) return sum;
                    sum += chunk[0];
                }
            }
        }
        """;

    /// <summary>A constant size and no loop: the repetition is the callers'.</summary>
    private const string CalledPerChunk = """
        class C
        {
            int ReadChunk(System.IO.Stream s)
            {
                var chunk = {|ALLOC001:new byte[1 << 20]|};
                int read = s.Read(chunk, 0, 16384);
                return read == 0 ? -1 : chunk[0];
            }
        }
        """;

    private static string Quiet(string source) => source.Replace("{|ALLOC001:", string.Empty).Replace("|}", string.Empty);

    /// <summary>A row as a profile writes it: <paramref name="count"/> objects of <paramref name="objectBytes"/> each.</summary>
    private static SiteSummaryRow Row(string file, int line, long objectBytes, long count, long? samples = null) =>
        new("C.M(class System.IO.Stream)", "System.Byte[]", samples ?? count, count, objectBytes * count, objectBytes >= 85000, file, line);

    private static TestOptions Profile(params SiteSummaryRow[] rows) =>
        new() { AdditionalTexts = [("app.sites.tsv", SiteSummaryText.Of(rows))] };

    private static TestOptions ProfileAt(string source, string text, long objectBytes, long count, long? samples = null) =>
        Profile(Row("/home/ci/work/src/Test0.cs", SiteSummaryText.LineOf(source, text), objectBytes, count, samples));

    [Fact]
    public async Task A_size_from_a_parameter_measured_large_and_frequent_is_reported_with_the_measured_figures()
    {
        var options = Profile(
            Row("/home/ci/work/src/Test0.cs", SiteSummaryText.LineOf(SizedByParameter, "new byte"), 1_048_600, 4097),
            Row("/home/ci/work/src/Other.cs", 12, 4_000_000, 5000));

        var diagnostic = (await Verify001.VerifyAsync(SizedByParameter, options)).Single();

        Assert.StartsWith(
            "'new byte[size]' allocated and zeroed about 1,048,600 bytes (1 MiB) per allocation, 4,097 times, "
            + "in the measured profile 'app.sites.tsv' (rank 2 of 2): about ",
            diagnostic.GetMessage());
        Assert.EndsWith(" per allocation on Linux x64", diagnostic.GetMessage());
        var p = diagnostic.Properties;
        Assert.Equal(RepetitionValues.MeasuredAllocation, p[DiagnosticProperties.Repetition]);
        Assert.Equal("1048600", p[DiagnosticProperties.Bytes]);
        Assert.Equal("4097", p[DiagnosticProperties.MeasuredCount]);
        Assert.Equal((1_048_600L * 4097).ToString(System.Globalization.CultureInfo.InvariantCulture), p[DiagnosticProperties.MeasuredBytes]);
        Assert.Equal("app.sites.tsv", p[DiagnosticProperties.MeasuredSummary]);
        Assert.Equal("2", p[DiagnosticProperties.MeasuredRank]);
        Assert.True(double.Parse(p[DiagnosticProperties.EstimatedSeconds]!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task A_constant_size_without_a_loop_measured_frequent_is_reported_and_priced_at_its_proven_size()
    {
        var diagnostic = (await Verify001.VerifyAsync(CalledPerChunk, ProfileAt(CalledPerChunk, "var chunk", 1_048_600, 300))).Single();

        Assert.StartsWith("'new byte[1 << 20]' allocated and zeroed about 1,048,600 bytes (1 MiB) per allocation, 300 times, in the measured profile 'app.sites.tsv' (rank 1 of 1): about ", diagnostic.GetMessage());
        Assert.Equal("1048576", diagnostic.Properties[DiagnosticProperties.Bytes]);
        Assert.Equal(RepetitionValues.MeasuredAllocation, diagnostic.Properties[DiagnosticProperties.Repetition]);
    }

    [Fact]
    public async Task Without_a_summary_nothing_changes()
    {
        await Verify001.VerifyAsync(Quiet(SizedByParameter));
        await Verify001.VerifyAsync(Quiet(CalledPerChunk));
    }

    [Fact]
    public async Task The_large_row_of_a_line_is_evidence_even_behind_many_small_ones()
    {
        // The same line allocated 256 buffers of 1 MiB and 4,096 of 4 KiB (two rows: large and small objects).
        var line = SiteSummaryText.LineOf(SizedByParameter, "new byte");
        var options = Profile(Row("/src/Test0.cs", line, 1_048_600, 256), Row("/src/Test0.cs", line, 4120, 4096, samples: 170));

        var diagnostic = (await Verify001.VerifyAsync(SizedByParameter, options)).Single();

        Assert.StartsWith("'new byte[size]' allocated and zeroed about 1,048,600 bytes (1 MiB) per allocation, 256 times, in the measured profile 'app.sites.tsv' (rank 1 of 2)", diagnostic.GetMessage());
        Assert.Equal("256", diagnostic.Properties[DiagnosticProperties.MeasuredCount]);
    }

    [Fact]
    public async Task Measured_but_small_per_allocation_stays_quiet()
    {
        // 4,097 allocations of 84,000 bytes: frequent, each one under the threshold.
        await Verify001.VerifyAsync(Quiet(SizedByParameter), ProfileAt(SizedByParameter, "new byte", 84_000, 4097));
    }

    [Theory]
    [InlineData(99L, null)] // rare: a handful of calls
    [InlineData(4097L, 9L)] // the count rests on too few events
    public async Task Measured_but_rare_stays_quiet(long count, long? samples)
    {
        await Verify001.VerifyAsync(Quiet(SizedByParameter), ProfileAt(SizedByParameter, "new byte", 1_048_600, count, samples));
        await Verify001.VerifyAsync(Quiet(CalledPerChunk), ProfileAt(CalledPerChunk, "var chunk", 1_048_600, count, samples));
    }

    [Fact]
    public async Task A_profile_below_a_raised_threshold_stays_quiet()
    {
        var options = ProfileAt(SizedByParameter, "new byte", 1_048_600, 4097) with
        {
            EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC001.threshold_bytes = 2MiB\n",
        };

        await Verify001.VerifyAsync(Quiet(SizedByParameter), options);
    }

    [Fact]
    public async Task A_proven_small_size_is_not_made_large_by_the_profile()
    {
        const string source = """
            class C
            {
                int ReadChunk(System.IO.Stream s)
                {
                    var chunk = new byte[4096];
                    return s.Read(chunk, 0, chunk.Length);
                }
            }
            """;

        await Verify001.VerifyAsync(source, ProfileAt(source, "var chunk", 1_048_600, 4097));
    }

    [Fact]
    public async Task Rows_on_another_line_stay_quiet()
    {
        var line = SiteSummaryText.LineOf(SizedByParameter, "new byte");

        await Verify001.VerifyAsync(Quiet(SizedByParameter), Profile(Row("/src/Test0.cs", line + 1, 1_048_600, 4097), Row("/src/Test0.cs", line - 3, 1_048_600, 4097)));
    }

    [Fact]
    public async Task A_file_of_the_same_name_in_another_folder_stays_quiet()
    {
        const string reader = """
            static class Reader
            {
                public static int Chunk(System.IO.Stream s, int size)
                {
                    var chunk = {|ALLOC001:new byte[size]|};
                    return s.Read(chunk, 0, chunk.Length);
                }
            }
            """;
        var line = SiteSummaryText.LineOf(reader, "var chunk");
        var options = Profile(Row("/_/lib/Measured/Reader.cs", line, 1_048_600, 4097)) with
        {
            AdditionalDocuments = [("Measured/Reader.cs", reader), ("Elsewhere/Reader.cs", Quiet(reader).Replace("class Reader", "class OtherReader"))],
        };

        var diagnostic = (await Verify001.VerifyAsync("class Empty { }", options)).Single();

        Assert.EndsWith("Measured/Reader.cs", diagnostic.Location.GetLineSpan().Path);
    }

    [Theory]
    [InlineData("byte[] Keep(int size) { var b = new byte[size]; b[0] = 1; return b; }")]
    [InlineData("byte[] _kept; void Keep(int size) { var b = new byte[size]; _kept = b; }")]
    [InlineData("void Keep(int size) { var b = new byte[size]; System.Func<int> f = () => b[0]; f(); }")]
    [InlineData("void Keep(int size, System.Collections.Generic.List<byte[]> all) { var b = new byte[size]; all.Add(b); }")]
    [InlineData("byte[] Keep(int size, bool go) { byte[] last = null; while (go) { last = new byte[size]; go = last[0] == 0; } return last; }")]
    public async Task A_buffer_that_outlives_the_call_or_iteration_stays_quiet(string member)
    {
        var source = "class C\n{\n" + member + "\n}\n";

        await Verify001.VerifyAsync(source, ProfileAt(source, "new byte", 1_048_600, 4097));
    }

    [Fact]
    public async Task An_uninitialized_allocation_is_not_zeroing_evidence()
    {
        const string source = """
            class C
            {
                string Build(int size)
                {
                    var sb = new System.Text.StringBuilder(size);
                    sb.Append('x');
                    return sb.Length.ToString();
                }
                int Raw(int size) { var b = System.GC.AllocateUninitializedArray<byte>(size); return b.Length; }
            }
            """;

        await Verify001.VerifyAsync(source, Profile(
            Row("/src/Test0.cs", SiteSummaryText.LineOf(source, "var sb"), 1_048_600, 4097),
            Row("/src/Test0.cs", SiteSummaryText.LineOf(source, "int Raw"), 1_048_600, 4097)));
    }

    [Fact]
    public async Task A_proven_finding_keeps_its_message_and_gains_the_measured_suffix_once()
    {
        const string source = """
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

        var diagnostic = (await Verify001.VerifyAsync(source, ProfileAt(source, "new byte", 1_048_600, 4097))).Single();

        Assert.StartsWith("'new byte[1 << 20]' allocates and zeroes 1,048,576 bytes (1 MiB) on the Large Object Heap on every loop iteration: about ", diagnostic.GetMessage());
        Assert.Contains(" per iteration on Linux x64; measured in app.sites.tsv: 4 GiB allocated here, site 1 of 1", diagnostic.GetMessage());
        Assert.Equal(RepetitionValues.LoopIteration, diagnostic.Properties[DiagnosticProperties.Repetition]);
        Assert.Equal("4097", diagnostic.Properties[DiagnosticProperties.MeasuredCount]);
    }

    [Fact]
    public async Task An_unreadable_summary_is_ALLOC900_and_finds_nothing()
    {
        var options = new TestOptions
        {
            AdditionalTexts = [("broken.sites.tsv", "# alloc-analyzers site summary v1\nmethod\ttype\n")],
            ExpectedProjectDiagnostics = ["ALLOC900"],
        };

        var diagnostics = await Verify001.VerifyAsync(Quiet(SizedByParameter), options);

        Assert.Equal("ALLOC900", Assert.Single(diagnostics).Id);
    }

    [Theory]
    [InlineData(HoistAllocationFix.Key)]
    [InlineData(RentFromArrayPoolFix.Key)]
    public async Task No_fix_is_offered_for_a_measured_finding(string key)
    {
        await VerifyFix.VerifyNoFixAsync(SizedByParameter, key, ProfileAt(SizedByParameter, "new byte", 1_048_600, 4097));
        await VerifyFix.VerifyNoFixAsync(CalledPerChunk, key, ProfileAt(CalledPerChunk, "var chunk", 1_048_600, 4097));
    }
}
