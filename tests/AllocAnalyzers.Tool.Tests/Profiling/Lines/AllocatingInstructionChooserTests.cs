using AllocAnalyzers.Tool.Profiling.Lines;
using AllocAnalyzers.Tool.Tests.Profiling;

namespace AllocAnalyzers.Tool.Tests.Profiling.Lines;

/// <summary>
/// When the method's IL overrules the runtime's map, and when the map's answer stands. The map
/// offsets given here are what optimized code's coarse maps give: a neighbouring statement.
/// </summary>
public sealed class AllocatingInstructionChooserTests : IDisposable
{
    private readonly CompiledModule _module = new("""
        public static class C
        {
            public static long Loop(System.IO.Stream stream)
            {
                long sum = 0;
                while (true)
                {
                    var buffer = new byte[1 << 20];
                    var read = stream.Read(buffer, 0, 16384);
                    if (read == 0) return sum;
                    sum += buffer[read - 1];
                }
            }

            public static int TwoLines(int n)
            {
                var a = new byte[n];
                var b = new byte[n * 2];
                return a.Length + b.Length;
            }

            public static int OneLine(int n)
            {
                var (a, b) = (new byte[n], new byte[n + 1]);
                return b.Length - a.Length;
            }

            public static object NearACall(int n)
            {
                var a = new byte[n];
                var s = Helper(n);
                return a.Length > n ? a : s; // no call on this line (string.Length would be one)
            }

            public static string Helper(int n) => n.ToString();
        }
        """);

    public void Dispose() => _module.Dispose();

    private int? Choose(string method, FrameHint hint, int mapOffset)
    {
        var il = _module.Method(method);
        return AllocatingInstructionChooser.Choose(il, AllocationInstructionFinder.Find(il, hint), mapOffset, o => _module.LineOf(method, o));
    }

    private int LineOf(string method, int? offset) => offset is { } o ? _module.LineOf(method, o) : 0;

    [Fact]
    public void One_candidate_overrules_a_map_that_names_the_statement_before_it_in_the_loop()
    {
        var map = _module.FirstOffsetOn("Loop", "sum += buffer[read - 1]");

        var chosen = Choose("Loop", FrameHint.Allocates("System.Byte[]"), map);

        Assert.Equal(_module.LineContaining("new byte[1 << 20]"), LineOf("Loop", chosen));
    }

    [Fact]
    public void One_call_of_the_callee_overrules_the_map_of_a_calling_frame()
    {
        var map = _module.FirstOffsetOn("Loop", "if (read == 0)");

        var chosen = Choose("Loop", FrameHint.Calls("RepeatingStream.Read(class System.Byte[],int32,int32)"), map);

        Assert.Equal(_module.LineContaining("stream.Read("), LineOf("Loop", chosen));
    }

    [Fact]
    public void Candidates_on_two_lines_leave_the_map_its_answer()
    {
        Assert.Null(Choose("TwoLines", FrameHint.Allocates("System.Byte[]"), _module.FirstOffsetOn("TwoLines", "return a.Length + b.Length")));
    }

    [Fact]
    public void Candidates_on_one_line_decide_that_line()
    {
        var chosen = Choose("OneLine", FrameHint.Allocates("System.Byte[]"), _module.FirstOffsetOn("OneLine", "return b.Length - a.Length"));

        Assert.Equal(_module.LineContaining("new byte[n + 1]"), LineOf("OneLine", chosen));
    }

    [Fact]
    public void A_map_that_names_a_statement_with_a_call_stands_since_the_call_may_have_been_inlined()
    {
        // Helper may have been inlined and allocated there: its code is charged to its call's statement.
        Assert.Null(Choose("NearACall", FrameHint.Allocates("System.Byte[]"), _module.FirstOffsetOn("NearACall", "Helper(n)")));
        Assert.NotNull(Choose("NearACall", FrameHint.Allocates("System.Byte[]"), _module.FirstOffsetOn("NearACall", "return a.Length > n")));
    }

    [Fact]
    public void Without_a_map_offset_or_a_candidate_nothing_is_chosen()
    {
        Assert.Null(Choose("Loop", FrameHint.Allocates("System.Byte[]"), -1));
        Assert.Null(Choose("Loop", FrameHint.Allocates("System.String"), 0));
        Assert.Null(Choose("Loop", FrameHint.None, 0));
    }

    [Fact]
    public void The_sample_read_loop_built_optimized_gets_the_new_byte_line_from_its_osr_map_offset()
    {
        // samples/SeedReadLoop as built next to the tests (Optimize=true in every configuration).
        // Its OSR code's map charges the allocation to `checksum += buffer[read - 1];` (IL 28).
        var source = Path.Combine(ToolRunner.RepoRoot, "samples", "SeedReadLoop", "Program.cs");
        using var sample = CompiledModule.Existing(SeedReadLoopProfile.SampleDll, source);
        var il = sample.Method("ReadAll");
        var map = sample.FirstOffsetOn("ReadAll", "checksum += buffer[read - 1]");

        var chosen = AllocatingInstructionChooser.Choose(il, AllocationInstructionFinder.Find(il, FrameHint.Allocates("System.Byte[]")), map, o => sample.LineOf("ReadAll", o));

        Assert.Equal(sample.LineContaining("new byte[BufferSize]"), chosen is { } o ? sample.LineOf("ReadAll", o) : 0);
    }
}
