using System.Reflection.Emit;
using AllocAnalyzers.Tool.Profiling.Lines;

namespace AllocAnalyzers.Tool.Tests.Profiling.Lines;

/// <summary>The candidate instructions of a frame: by allocated type for the leaf, by callee for the others.</summary>
public sealed class AllocationInstructionFinderTests : IDisposable
{
    private readonly CompiledModule _module = new("""
        using System.Collections.Generic;

        public sealed class Reader
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

            public static int TwoArrays(int n)
            {
                var a = new byte[n];
                var b = new byte[n * 2];
                return a.Length + b.Length;
            }

            public static object Mixed(int n)
            {
                var list = new List<int>(n);
                list.Add(n);
                var again = new List<int>();
                return (object)n ?? list ?? again;
            }
        }
        """);

    public void Dispose() => _module.Dispose();

    [Fact]
    public void The_one_newarr_of_the_type_is_the_only_candidate()
    {
        var method = _module.Method("Loop");
        var found = AllocationInstructionFinder.Find(method, FrameHint.Allocates("System.Byte[]"));

        var offset = Assert.Single(found.Offsets);
        Assert.False(found.Unsure);
        Assert.Equal(OpCodes.Newarr, method.Instructions.Single(i => i.Offset == offset).OpCode);
        Assert.Equal(_module.LineContaining("new byte[1 << 20]"), _module.LineOf("Loop", offset));
    }

    [Fact]
    public void Other_types_are_not_candidates()
    {
        Assert.Empty(AllocationInstructionFinder.Find(_module.Method("Loop"), FrameHint.Allocates("System.Int32[]")).Offsets);
        Assert.Empty(AllocationInstructionFinder.Find(_module.Method("Loop"), FrameHint.Allocates("System.String")).Offsets);
    }

    [Fact]
    public void Two_allocations_of_the_type_are_two_candidates()
    {
        Assert.Equal(2, AllocationInstructionFinder.Find(_module.Method("TwoArrays"), FrameHint.Allocates("System.Byte[]")).Offsets.Length);
    }

    [Fact]
    public void Constructors_and_boxes_are_candidates_by_the_type_they_allocate()
    {
        var method = _module.Method("Mixed");

        Assert.Equal(2, AllocationInstructionFinder.Find(method, FrameHint.Allocates("System.Collections.Generic.List`1[System.Int32]")).Offsets.Length);
        Assert.Single(AllocationInstructionFinder.Find(method, FrameHint.Allocates("System.Int32")).Offsets);
    }

    [Theory]
    [InlineData("System.IO.Stream.Read(class System.Byte[],int32,int32)")]
    [InlineData("RepeatingStream.Read(class System.Byte[],int32,int32)")] // the override that ran, not the method the IL names
    public void A_calling_frame_is_at_the_call_of_its_callee(string callee)
    {
        var method = _module.Method("Loop");
        var found = AllocationInstructionFinder.Find(method, FrameHint.Calls(callee));

        var offset = Assert.Single(found.Offsets);
        Assert.Equal(OpCodes.Callvirt, method.Instructions.Single(i => i.Offset == offset).OpCode);
        Assert.Equal(_module.LineContaining("stream.Read("), _module.LineOf("Loop", offset));
    }

    [Theory]
    [InlineData("System.Collections.Generic.List`1[System.Int32].Add(!0)", 1)]
    [InlineData("System.Collections.Generic.List`1[System.Int32]..ctor(int32)", 2)] // by name: both constructors
    [InlineData("System.Collections.Generic.List`1[System.__Canon].AddWithResize(!0)", 0)] // reached through Add, inlined or not
    public void Callees_are_matched_by_method_name(string callee, int expected)
    {
        Assert.Equal(expected, AllocationInstructionFinder.Find(_module.Method("Mixed"), FrameHint.Calls(callee)).Offsets.Length);
    }

    [Theory]
    [InlineData(0x8D, 0x1B00FFFF)] // newarr of a TypeSpec row that does not exist
    [InlineData(0x73, 0x0A00FFFF)] // newobj of a MemberRef row that does not exist
    [InlineData(0x8C, 0x70000001)] // box of a string token
    public void Tokens_that_do_not_resolve_decide_nothing(int opcode, int token)
    {
        var code = typeof(OpCodes).GetFields().Select(f => (OpCode)f.GetValue(null)!).Single(c => c.Size == 1 && c.Value == opcode);
        var method = _module.Method("Loop") with { Instructions = [new IlInstruction(0, code, token)] };

        var found = AllocationInstructionFinder.Find(method, FrameHint.Allocates("System.Byte[]"));

        Assert.Empty(found.Offsets);
        Assert.True(found.Unsure);
    }

    [Fact]
    public void Without_a_hint_nothing_is_decided()
    {
        Assert.True(AllocationInstructionFinder.Find(_module.Method("Loop"), FrameHint.None).Unsure);
    }
}
