using System.Reflection.Emit;

namespace AllocAnalyzers.Tool.Profiling.Lines;

/// <summary>
/// One decoded IL instruction: where it starts in the method body, its opcode, and its operand
/// when that is a metadata token (the only operand the allocation search needs; 0 otherwise).
/// </summary>
internal readonly record struct IlInstruction(int Offset, OpCode OpCode, int Token);
