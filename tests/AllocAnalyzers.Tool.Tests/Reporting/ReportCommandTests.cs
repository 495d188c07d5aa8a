using AllocAnalyzers.Tool.Tests.Commands;
using static AllocAnalyzers.Tool.Tests.Reporting.SarifFixture;

namespace AllocAnalyzers.Tool.Tests.Reporting;

public sealed class ReportCommandTests : IDisposable
{
    private readonly SarifFixture _logs = new();

    public void Dispose() => _logs.Dispose();

    private static string[] DataRows(string output) =>
        output.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+\s+ALLOC")).ToArray();

    [Fact]
    public void Findings_are_ranked_measured_first_then_by_estimated_time_with_a_total()
    {
        string log = _logs.Write("build.sarif",
            Result("ALLOC002", "/repo/src/Clears.cs", 11, "aa01", 4096, 26e-9, "execution"),
            Result("ALLOC001", "/repo/src/ReadLoop.cs", 16, "aa02", 1 << 20, 57e-6),
            Result("ALLOC004", "/repo/src/Copies.cs", 17, "aa03", 65536, 410e-9, "execution", measuredBytes: 64L << 30, samples: 4097),
            Result("ALLOC900", "/repo/src/Clears.cs", 1, "ignored", 0, 0));

        string markdown = _logs.PathOf("summary.md");
        var (code, output, error) = ToolRunner.Run("report", log, "--markdown", markdown);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var rows = DataRows(output);
        Assert.Equal(new[] { "ALLOC004", "ALLOC001", "ALLOC002" }, rows.Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        // 64 GiB measured / 64 KiB per allocation = 1,048,576 allocations × 410 ns ≈ 430 ms over the run: first although 410 ns < 57 µs.
        var cells = File.ReadAllLines(markdown).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| #", StringComparison.Ordinal)).ToArray();
        Assert.Equal("| 1 | ALLOC004 | /repo/src/Copies.cs:17 | 64 KiB | 430 ms over the profiled run (410 ns / execution) | measured: 64 GiB allocated here, 4,097 samples (run.sites.tsv) |", cells[0]);
        Assert.Equal("| 2 | ALLOC001 | /repo/src/ReadLoop.cs:16 | 1 MiB | 57 µs / iteration | model, Linux x64 |", cells[1]);
        Assert.Equal("| 3 | ALLOC002 | /repo/src/Clears.cs:11 | 4 KiB | 26 ns / execution | model, Linux x64 |", cells[2]);
        Assert.DoesNotContain("ALLOC900", output);
        // 4 KiB + 1 MiB + 64 KiB zeroed; 26 ns + 57 µs + 410 ns ≈ 57 µs.
        Assert.Contains("Total: 3 findings: 1.1 MiB zeroed and about 57 µs if each runs once; 1 measured, about 430 ms over the profiled runs", output);
    }

    [Fact]
    public void Several_logs_are_read_together_and_a_result_in_two_of_them_counts_once()
    {
        string net8 = _logs.Write("net8.sarif", Result("ALLOC001", "/repo/src/ReadLoop.cs", 16, "aa02", 1 << 20, 57e-6));
        string net10 = _logs.Write("net10.sarif",
            Result("ALLOC001", "/repo/src/ReadLoop.cs", 16, "aa02", 1 << 20, 57e-6),
            Result("ALLOC005", "/repo/src/Copies.cs", 24, "aa05", 4096, 26e-9, "execution"));

        var (code, output, _) = ToolRunner.Run("report", net8, net10);

        Assert.Equal(0, code);
        Assert.Equal(2, DataRows(output).Length);
        Assert.Contains("Total: 2 findings", output);
    }

    [Fact]
    public void Markdown_holds_the_table_and_the_total()
    {
        string log = _logs.Write("build.sarif",
            Result("ALLOC001", "/repo/src/ReadLoop.cs", 16, "aa02", 1 << 20, 57e-6),
            Result("ALLOC003", "/repo/src/Native.cs", 17, "aa04", 1032192, 40e-6, "call"));
        string markdown = _logs.PathOf("summary.md");

        var (code, _, _) = ToolRunner.Run("report", log, "--markdown", markdown);

        Assert.Equal(0, code);
        var lines = File.ReadAllLines(markdown);
        Assert.Equal("## AllocAnalyzers: memory zeroed for nothing", lines[0]);
        Assert.Contains("| # | Rule | Location | Bytes zeroed | Estimated time | Evidence |", lines);
        Assert.Contains("|---:|---|---|---|---|---|", lines);
        Assert.Contains(lines, l => l.StartsWith("| 1 | ALLOC001 | /repo/src/ReadLoop.cs:16 | 1 MiB | 57 µs / iteration | model, Linux x64 |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| 2 | ALLOC003 | /repo/src/Native.cs:17 | 1008 KiB | 40 µs / call |", StringComparison.Ordinal));
        Assert.Equal("**Total:** 2 findings: 2 MiB zeroed and about 97 µs if each runs once", lines[^1]);
    }

    [Fact]
    public void A_baseline_hides_findings_that_only_moved_and_shows_new_ones()
    {
        string baseline = _logs.Write("main.sarif",
            Result("ALLOC001", "/ci/old-checkout/src/ReadLoop.cs", 16, "aa02", 1 << 20, 57e-6),
            Result("ALLOC002", "/ci/old-checkout/src/Clears.cs", 11, "aa01", 4096, 26e-9, "execution"));
        // Ten lines were added above both; the checkout moved; one finding is new.
        string current = _logs.Write("pr.sarif",
            Result("ALLOC001", "/ci/pr/src/ReadLoop.cs", 26, "aa02", 1 << 20, 57e-6),
            Result("ALLOC002", "/ci/pr/src/Clears.cs", 21, "aa01", 4096, 26e-9, "execution"),
            Result("ALLOC001", "/ci/pr/src/ReadLoop.cs", 40, "bb07", 256 << 10, 10e-6));

        var (code, output, _) = ToolRunner.Run("report", current, "--baseline", baseline);

        Assert.Equal(0, code);
        Assert.Contains("1 new of 3 findings against " + baseline, output);
        var row = Assert.Single(DataRows(output));
        Assert.Contains("ReadLoop.cs:40", row);
        Assert.Contains("Total: 1 finding: 256 KiB zeroed", output);
    }

    [Fact]
    public void A_copy_of_a_baselined_line_is_new()
    {
        string baseline = _logs.Write("main.sarif", Result("ALLOC001", "/repo/src/ReadLoop.cs", 16, "aa02", 1 << 20, 57e-6));
        string current = _logs.Write("pr.sarif",
            Result("ALLOC001", "/repo/src/ReadLoop.cs", 16, "aa02", 1 << 20, 57e-6),
            Result("ALLOC001", "/repo/src/ReadLoop.cs", 30, "aa02", 1 << 20, 57e-6));

        var (_, output, _) = ToolRunner.Run("report", current, "--baseline", baseline);

        Assert.Contains("ReadLoop.cs:30", Assert.Single(DataRows(output)));
    }

    [Fact]
    public void Fail_on_new_exits_5_with_new_findings_and_0_without()
    {
        string baseline = _logs.Write("main.sarif", Result("ALLOC001", "/repo/src/ReadLoop.cs", 16, "aa02", 1 << 20, 57e-6));
        string same = _logs.Write("same.sarif", Result("ALLOC001", "/repo/src/ReadLoop.cs", 18, "aa02", 1 << 20, 57e-6));
        string more = _logs.Write("more.sarif",
            Result("ALLOC001", "/repo/src/ReadLoop.cs", 18, "aa02", 1 << 20, 57e-6),
            Result("ALLOC006", "/repo/src/Native.cs", 27, "cc01", 65536, 410e-9, "execution"));

        Assert.Equal(0, ToolRunner.Run("report", same, "--baseline", baseline, "--fail-on-new").ExitCode);
        Assert.Equal(5, ToolRunner.Run("report", more, "--baseline", baseline, "--fail-on-new").ExitCode);
        Assert.Equal(0, ToolRunner.Run("report", more, "--baseline", baseline).ExitCode);
    }

    [Theory]
    [InlineData("{ this is not json", "is not JSON")]
    [InlineData("{\"version\": \"1.0.0\", \"runs\": [{\"results\": []}]}", "is SARIF version 1.0.0; build with -p:ErrorLog=bad.sarif%2Cversion=2.1")]
    [InlineData("{\"name\": \"a package.json\"}", "is not a SARIF log: it has no 'runs' array")]
    [InlineData("[1, 2, 3]", "is not a SARIF log")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"ruleId\": \"ALLOC001\", \"message\": {\"text\": \"x\"}}]}]}", "a ALLOC001 result has no file location")]
    public void Corrupt_or_foreign_logs_are_one_error_line_and_exit_2(string text, string expected)
    {
        string path = _logs.WriteText("bad.sarif", text);

        var (code, output, error) = ToolRunner.Run("report", path);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error);
        Assert.Single(error.TrimEnd('\n', '\r').Split('\n'));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_missing_log_or_baseline_exits_3()
    {
        string log = _logs.Write("build.sarif", Result("ALLOC001", "/repo/src/ReadLoop.cs", 16, "aa02", 1 << 20, 57e-6));

        var (code, _, error) = ToolRunner.Run("report", _logs.PathOf("nowhere.sarif"));
        Assert.Equal(3, code);
        Assert.StartsWith("error: cannot read ", error);
        Assert.Equal(3, ToolRunner.Run("report", log, "--baseline", _logs.PathOf("nowhere.sarif")).ExitCode);
    }

    [Fact]
    public void A_baseline_of_several_logs_is_read_as_one()
    {
        string app = _logs.Write("main-app.sarif", Result("ALLOC001", "/repo/src/App/ReadLoop.cs", 16, "aa02", 1 << 20, 57e-6));
        string lib = _logs.Write("main-lib.sarif", Result("ALLOC002", "/repo/src/Lib/Clears.cs", 11, "aa01", 4096, 26e-9, "execution"));
        string current = _logs.Write("pr.sarif",
            Result("ALLOC001", "/repo/src/App/ReadLoop.cs", 17, "aa02", 1 << 20, 57e-6),
            Result("ALLOC002", "/repo/src/Lib/Clears.cs", 12, "aa01", 4096, 26e-9, "execution"));

        var (code, output, _) = ToolRunner.Run("report", current, "--baseline", app, lib, "--fail-on-new");

        Assert.Equal(0, code);
        Assert.Empty(DataRows(output));
        Assert.Contains("0 new of 2 findings", output);
    }

    [Fact]
    public void No_log_is_a_usage_error()
    {
        Assert.Equal(1, ToolRunner.Run("report").ExitCode);
    }
}
