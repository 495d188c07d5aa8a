using AllocAnalyzers.Runtime.Model.Trace;

namespace AllocAnalyzers.Runtime.Tests.Model.Trace;

public class TraceParserTests
{
    [Fact]
    public void Parses_the_seed_with_a_whole_trace_repeat()
    {
        var ops = TraceParser.Parse("calloc 100MiB; free x 10000");
        var repeat = Assert.Single(ops);
        Assert.Equal(TraceOpKind.Repeat, repeat.Kind);
        Assert.Equal(10000, repeat.Count);
        Assert.Equal(new[] { TraceOpKind.Calloc, TraceOpKind.Free }, repeat.Body.Select(o => o.Kind));
        Assert.Equal(100L << 20, repeat.Body[0].Size);
    }

    [Theory]
    [InlineData("(calloc 100MiB; free) x 10000")]
    [InlineData("(calloc 100 MiB; free) × 10,000")]
    [InlineData("(calloc 104857600\n free)*10_000")]
    [InlineData("# the seed\n(calloc 100MiB; free) x10000 # loop")]
    public void Accepts_several_spellings(string text)
    {
        var op = Assert.Single(TraceParser.Parse(text));
        Assert.Equal(10000, op.Count);
        Assert.Equal(100L << 20, op.Body[0].Size);
    }

    [Fact]
    public void Repeat_on_a_single_item_repeats_only_that_item()
    {
        var ops = TraceParser.Parse("new 1MiB; clear 1MiB x 5");
        Assert.Single(ops); // trailing repeat after several top-level items repeats them all
        ops = TraceParser.Parse("(new 1MiB; clear 1MiB x 5)");
        Assert.Equal(2, ops[0].Body.Count);
        Assert.Equal(5, ops[0].Body[1].Count);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("85000", 85000)]
    [InlineData("1KB", 1000)]
    [InlineData("1KiB", 1024)]
    [InlineData("1.5 MiB", 1572864)]
    [InlineData("100mib", 104857600)]
    [InlineData("2GiB", 2147483648)]
    [InlineData("1TiB", 1099511627776)]
    public void Sizes_with_units(string text, long bytes) => Assert.Equal(bytes, SizeParser.Parse(text));

    [Theory]
    [InlineData("calloc -5MiB", "cannot be negative")]
    [InlineData("calloc 5XB", "unknown size unit 'XB'")]
    [InlineData("calloc 99999999999999TiB", "too large")]
    [InlineData("calloc 99999999999999999999999999999999", "too large")]
    [InlineData("callok 5MiB", "unknown operation 'callok'")]
    [InlineData("calloc", "needs a size")]
    [InlineData("free 5", "takes no size")]
    [InlineData("(calloc 1MiB; free", "missing ')'")]
    [InlineData("calloc 1MiB; free)", "unbalanced ')'")]
    [InlineData("calloc 1MiB x 0", "must be positive")]
    [InlineData("calloc 1MiB x", "expected a repeat count")]
    [InlineData("calloc 1MiB x 99999999999999999999", "too large")]
    [InlineData("", "empty")]
    [InlineData("calloc 1MiB free", "expected ';'")]
    public void Malformed_traces_say_what_and_where(string text, string expected)
    {
        var e = Assert.Throws<TraceParseException>(() => TraceParser.Parse(text));
        Assert.Contains(expected, e.Message);
        Assert.Contains("at character", e.Message);
        Assert.False(TraceParser.TryParse(text, out _, out var error));
        Assert.Equal(e.Message, error);
    }

    [Fact]
    public void Error_position_points_at_the_bad_unit()
    {
        var e = Assert.Throws<TraceParseException>(() => TraceParser.Parse("malloc 1MiB; calloc 5XB"));
        Assert.Equal(21, e.Position);
    }

    [Fact]
    public void Ops_print_back_in_trace_syntax() =>
        Assert.Equal("(calloc 100 MiB; free) x 10,000", TraceParser.Parse("calloc 100MiB; free x 10000")[0].ToString());
}
