using AllocAnalyzers.Runtime.Profiling.Summary;

namespace AllocAnalyzers.Runtime.Tests.Profiling;

public class SiteSummaryFormatTests
{
    [Fact]
    public void Rows_survive_a_round_trip_with_awkward_characters()
    {
        var rows = new[]
        {
            new SiteSummaryRow("Seed.Program.ReadAll(System.IO.Stream)", "System.Byte[]", 12, 640, 671_088_640, true, "/src/Program.cs", 21),
            new SiteSummaryRow("odd\tname\\with\nbreaks", "native", 1, 1, 10, false, "", 0),
        };
        var writer = new StringWriter();
        SiteSummaryFormat.Write(writer, rows, "profile of seed");

        var text = writer.ToString();
        Assert.StartsWith(SiteSummaryFormat.Signature + "\n# profile of seed\n" + SiteSummaryFormat.Header + "\n", text);
        var read = SiteSummaryFormat.Read(new StringReader(text));
        Assert.Equal(2, read.Count);
        Assert.Equal(rows[0].Method, read[0].Method);
        Assert.Equal(671_088_640, read[0].EstimatedBytes);
        Assert.True(read[0].IsLarge);
        Assert.Equal(21, read[0].Line);
        Assert.Equal(rows[1].Method, read[1].Method);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a summary\n")]
    [InlineData("# alloc-analyzers site summary v1\nmethod\ttype\tsamples\testimated_count\testimated_bytes\tloh\tfile\tline\nM\tT\tx\t1\t1\t0\t\t0\n")]
    [InlineData("# alloc-analyzers site summary v1\nmethod\ttype\tsamples\testimated_count\testimated_bytes\tloh\tfile\tline\nM\tT\t1\n")]
    public void Bad_summaries_are_rejected_with_a_format_error(string text)
    {
        Assert.Throws<FormatException>(() => SiteSummaryFormat.Read(new StringReader(text)));
    }
}
