using AllocAnalyzers.Runtime.Costs;
namespace AllocAnalyzers.Tool.Tests.Commands;

public class SimulateCommandTests
{
    [Fact]
    public void Seed_trace_prints_every_platform_side_by_side()
    {
        var (code, output, error) = ToolRunner.Run("simulate", "calloc 100MiB; free x 10000");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Trace: (calloc 100 MiB; free) x 10,000", output);
        Assert.Contains("Linux", output);
        Assert.Contains("macOS", output);
        Assert.Contains("Windows", output);
        Assert.Contains("8 min", output);               // macOS under the seed's Mac profile
        Assert.Contains("976 GiB", output);             // 9,999 × 100 MiB of bzero
        Assert.Contains("served from the large-block cache: bzero", output);
        Assert.Contains("mmap 100 MiB: fresh pages are zero, nothing cleared", output);
    }

    [Fact]
    public void Platform_and_brief_options_narrow_the_output()
    {
        var (code, output, _) = ToolRunner.Run("simulate", "-p", "linux", "--brief", "calloc 1MiB; free x 100");
        Assert.Equal(0, code);
        Assert.Contains("glibc malloc", output);
        Assert.DoesNotContain("libmalloc", output);
        Assert.DoesNotContain("what each operation did", output);
    }

    [Fact]
    public void Modern_macos_with_32_GiB_caches_400_MiB_blocks()
    {
        var (_, old, _) = ToolRunner.Run("simulate", "-p", "macos", "--brief", "calloc 400MiB; free x 100");
        var (_, modern, _) = ToolRunner.Run("simulate", "-p", "macos", "--brief", "--macos-version", "modern-32g", "calloc 400MiB; free x 100");
        Assert.Contains("0 bytes", old);
        Assert.Contains("38.7 GiB", modern); // 99 × 400 MiB
    }

    [Fact]
    public void Trace_from_a_file()
    {
        string path = Path.Combine(Path.GetTempPath(), "alloc-trace-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, "# hoisted\nnew 1MiB\n(clear 1MiB) x 100\n");
        try
        {
            var (code, output, _) = ToolRunner.Run("simulate", "-p", "linux", "-f", path);
            Assert.Equal(0, code);
            Assert.Contains("memset of a live buffer", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Svg_plot_is_written()
    {
        string path = Path.Combine(Path.GetTempPath(), "alloc-plot-" + Guid.NewGuid().ToString("N") + ".svg");
        try
        {
            var (code, output, _) = ToolRunner.Run("simulate", "--brief", "--svg", path, "calloc 1MiB; free");
            Assert.Equal(0, code);
            Assert.Contains("Plot written to", output);
            string svg = File.ReadAllText(path);
            Assert.StartsWith("<svg", svg);
            Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(svg, "<polyline").Count);

            // The legend names each platform's allocator (the libmalloc version) and cost profile.
            Assert.Contains("libmalloc-116", svg);
            foreach (var name in BuiltInProfiles.Names) Assert.Contains("profile " + name, svg);

            // Lines that coincide (Linux and Windows below 1 MiB) differ in width, so the one below shows.
            var widths = System.Text.RegularExpressions.Regex.Matches(svg, "<polyline[^>]*stroke-width=\"([0-9.]+)\"").Select(m => m.Groups[1].Value);
            Assert.Equal(3, widths.Distinct().Count());

            // libmalloc-116's cache cliff at its 128 MiB entry limit is a vertical step: two points, one x.
            var mac = System.Text.RegularExpressions.Regex.Matches(svg, "<polyline[^>]*points=\"([^\"]*)\"")[1].Groups[1].Value
                .Split(' ').Select(p => p.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
            Assert.Contains(mac.Zip(mac.Skip(1)), pair => pair.First[0] == pair.Second[0] && Math.Abs(pair.First[1] - pair.Second[1]) > 50);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("calloc -5MiB", "a size cannot be negative")]
    [InlineData("calloc 5XB", "unknown size unit 'XB'")]
    [InlineData("calloc 99999999999TiB", "too large")]
    [InlineData("callok 5MiB", "unknown operation 'callok'")]
    [InlineData("free 5", "takes no size")]
    public void Malformed_traces_exit_2_with_a_precise_message(string trace, string expected)
    {
        var (code, output, error) = ToolRunner.Run("simulate", trace);
        Assert.Equal(2, code);
        Assert.Contains("malformed trace", error);
        Assert.Contains(expected, error);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_trace_that_frees_nothing_live_exits_2()
    {
        var (code, _, error) = ToolRunner.Run("simulate", "free");
        Assert.Equal(2, code);
        Assert.Contains("needs a live native block", error);
    }

    [Fact]
    public void Missing_trace_exits_1_with_a_hint()
    {
        var (code, _, error) = ToolRunner.Run("simulate");
        Assert.Equal(1, code);
        Assert.Contains("no trace given", error);
    }

    [Fact]
    public void Platform_option_does_not_swallow_the_trace()
    {
        var (code, output, error) = ToolRunner.Run("simulate", "-p", "linux", "-p", "windows", "calloc 1MiB; free x 10");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Windows NT heap", output);
        Assert.DoesNotContain("libmalloc", output);
    }

    [Fact]
    public void Unknown_platform_is_a_usage_error()
    {
        var (code, _, error) = ToolRunner.Run("simulate", "-p", "beos", "malloc 1");
        Assert.Equal(1, code);
        Assert.Contains("beos", error);
    }

    [Fact]
    public void Bad_mmap_threshold_and_profile_exit_2()
    {
        Assert.Equal(2, ToolRunner.Run("simulate", "--mmap-threshold", "-1", "malloc 1").ExitCode);
        var (code, _, error) = ToolRunner.Run("simulate", "--profile", "no-such-profile", "malloc 1");
        Assert.Equal(2, code);
        Assert.Contains("neither a built-in profile", error);
    }

    [Fact]
    public void Missing_file_exits_3()
    {
        var (code, _, error) = ToolRunner.Run("simulate", "-f", "/nonexistent/trace.txt");
        Assert.Equal(3, code);
        Assert.Contains("cannot read", error);
    }

    [Fact]
    public void Pinned_mmap_threshold_removes_glibcs_memset_band()
    {
        var (_, band, _) = ToolRunner.Run("simulate", "-p", "linux", "--brief", "calloc 16MiB; free x 100");
        var (_, pinned, _) = ToolRunner.Run("simulate", "-p", "linux", "--brief", "--mmap-threshold", "128KiB", "calloc 16MiB; free x 100");
        Assert.Contains("1.5 GiB", band);      // 98 × 16 MiB memset
        Assert.Contains("0 bytes", pinned);
    }

    [Fact]
    public void Every_example_in_the_help_runs()
    {
        var (_, help, _) = ToolRunner.Run("simulate", "--help");
        var examples = help.Split('\n').Where(l => l.TrimStart().StartsWith("alloc-analyzers simulate", StringComparison.Ordinal)).ToList();
        Assert.True(examples.Count >= 4);
        foreach (var line in examples)
        {
            int open = line.IndexOf('\''), close = line.IndexOf('\'', open + 1);
            string trace = line[(open + 1)..close];
            var (code, _, error) = ToolRunner.Run("simulate", "--brief", trace);
            Assert.True(code == 0, line + ": " + error);
        }
    }

    [Fact]
    public void Help_teaches_the_trace_language()
    {
        var (code, output, _) = ToolRunner.Run("simulate", "--help");
        Assert.Equal(0, code);
        Assert.Contains("Trace language", output);
        Assert.Contains("calloc 100MiB; free x 10000", output);
        Assert.Contains("KiB", output);
        Assert.Contains("Exit codes", output);
    }
}
