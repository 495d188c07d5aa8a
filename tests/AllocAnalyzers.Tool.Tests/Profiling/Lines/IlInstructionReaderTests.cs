using System.Reflection.Emit;
using AllocAnalyzers.Tool.Profiling.Lines;

namespace AllocAnalyzers.Tool.Tests.Profiling.Lines;

public class IlInstructionReaderTests
{
    [Fact]
    public void Decodes_offsets_opcodes_and_tokens_including_two_byte_opcodes_and_switch()
    {
        byte[] il =
        [
            0x20, 0x01, 0x00, 0x00, 0x00, // ldc.i4 1
            0x8D, 0x02, 0x00, 0x00, 0x01, // newarr 0x01000002 (a TypeRef)
            0xFE, 0x01, //                   ceq
            0x45, 0x02, 0x00, 0x00, 0x00, // switch (2 targets)
            0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
            0x2A, //                         ret
        ];

        var instructions = IlInstructionReader.Read(il)!.Value;

        Assert.Equal([0, 5, 10, 12, 25], instructions.Select(i => i.Offset));
        Assert.Equal([OpCodes.Ldc_I4, OpCodes.Newarr, OpCodes.Ceq, OpCodes.Switch, OpCodes.Ret], instructions.Select(i => i.OpCode));
        Assert.Equal(0x01000002, instructions[1].Token);
        Assert.Equal(0, instructions[0].Token); // an integer operand is not a token
    }

    [Theory]
    [InlineData(new byte[] { 0x24 })] // no such opcode
    [InlineData(new byte[] { 0xFE })] // a two-byte opcode cut short
    [InlineData(new byte[] { 0xFE, 0x7F })] // no such two-byte opcode
    [InlineData(new byte[] { 0xF8 })] // prefix7, reserved
    [InlineData(new byte[] { 0x20, 0x01 })] // ldc.i4 with half an operand
    [InlineData(new byte[] { 0x45, 0xFF, 0xFF, 0xFF, 0x0F, 0x00 })] // switch counting more targets than bytes
    public void Odd_il_gives_no_instructions_rather_than_a_guess(byte[] il)
    {
        Assert.Null(IlInstructionReader.Read(il));
    }

    [Fact]
    public void Decodes_every_instruction_of_compiled_optimized_methods()
    {
        using var module = new CompiledModule("""
            public static class M
            {
                public static int Switch(int x, object o)
                {
                    switch (x)
                    {
                        case 0: return 10;
                        case 1: return o.GetHashCode();
                        case 2: return new byte[x].Length;
                        case 3: return (int)(long)x;
                        case 4: return x == 7 ? 1 : 2;
                        default: try { return int.Parse(o.ToString()); } catch (System.FormatException) { return -1; }
                    }
                }
            }
            """);

        var method = module.Method("Switch");

        Assert.Contains(method.Instructions, i => i.OpCode == OpCodes.Switch);
        Assert.Contains(method.Instructions, i => i.OpCode == OpCodes.Newarr);
        Assert.Contains(method.Instructions, i => i.OpCode == OpCodes.Callvirt);
        Assert.Equal(0, method.Instructions[0].Offset);
        Assert.True(method.Instructions.Zip(method.Instructions.Skip(1)).All(p => p.First.Offset < p.Second.Offset));
    }
}
