using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;

namespace AllocAnalyzers.Tool.Profiling.Lines;

/// <summary>
/// Decodes a method body's IL bytes into instructions. The opcode table comes from
/// <see cref="OpCodes"/> (by reflection, so that no opcode or operand size is copied by hand);
/// <c>switch</c> is the one instruction whose operand has a variable size (a count, then that many
/// 4-byte targets). Returns null for anything it does not recognise (an unknown opcode, a
/// truncated operand): callers then keep the runtime's own line, never guess from half a body.
/// </summary>
internal static class IlInstructionReader
{
    // 0xFE is the prefix of the two-byte opcodes (0xFE 0x00 .. 0xFE 0x1E).
    private const byte TwoBytePrefix = 0xFE;

    private static readonly OpCode?[] OneByte = new OpCode?[256];
    private static readonly OpCode?[] TwoByte = new OpCode?[256];

    static IlInstructionReader()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            // The reserved prefix opcodes (prefix1..prefix7, prefixref) are not instructions.
            if (field.GetValue(null) is not OpCode code || code.OpCodeType == OpCodeType.Nternal) continue;
            var value = (ushort)code.Value;
            if (code.Size == 1) OneByte[value] = code;
            else if (value >> 8 == TwoBytePrefix) TwoByte[value & 0xFF] = code;
        }
    }

    public static ImmutableArray<IlInstruction>? Read(ReadOnlySpan<byte> il)
    {
        var instructions = ImmutableArray.CreateBuilder<IlInstruction>();
        var position = 0;
        while (position < il.Length)
        {
            var offset = position;
            var first = il[position++];
            OpCode? code;
            if (first == TwoBytePrefix)
            {
                if (position >= il.Length) return null;
                code = TwoByte[il[position++]];
            }
            else
            {
                code = OneByte[first];
            }

            if (code is not { } opCode) return null;
            var size = OperandSize(opCode.OperandType, il, position);
            if (size < 0 || position + size > il.Length) return null;
            var token = IsToken(opCode.OperandType) ? BitConverter.ToInt32(il.Slice(position, 4)) : 0;
            instructions.Add(new IlInstruction(offset, opCode, token));
            position += size;
        }

        return instructions.ToImmutable();
    }

    /// <summary>Bytes of the operand that starts at <paramref name="position"/>, -1 if it cannot be read.</summary>
    private static int OperandSize(OperandType type, ReadOnlySpan<byte> il, int position) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => SwitchSize(il, position),
        _ => 4, // branch targets, int32, float32, and every token operand
    };

    private static int SwitchSize(ReadOnlySpan<byte> il, int position)
    {
        if (position + 4 > il.Length) return -1;
        var count = BitConverter.ToUInt32(il.Slice(position, 4));
        return count > (uint)(il.Length - position - 4) / 4 ? -1 : 4 + (4 * (int)count);
    }

    private static bool IsToken(OperandType type) => type is OperandType.InlineField or OperandType.InlineMethod
        or OperandType.InlineSig or OperandType.InlineString or OperandType.InlineTok or OperandType.InlineType;
}
