using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace AllocAnalyzers.Tool.Profiling.Lines;

/// <summary>
/// Finds the instructions of a method that a frame can have been at: for the allocating frame,
/// those that allocate the event's type (<c>newarr</c> of its element type, <c>newobj</c> of a
/// constructor of the type, <c>box</c> of the type); for a calling frame, the calls
/// (<c>call</c>, <c>callvirt</c>, <c>newobj</c>) of a method with the callee's name. The name alone
/// is compared, not the declaring type: a virtual call names the base method, the frame the override.
/// </summary>
internal static class AllocationInstructionFinder
{
    /// <summary>The frame's candidates; <see cref="Candidates.Unknown"/> when the hint is empty or the metadata is odd.</summary>
    public static Candidates Find(MethodIl method, FrameHint hint)
    {
        try
        {
            return hint.AllocatedType is { } type ? Allocating(method, type)
                : hint.CalleeMethod is { } callee ? Calling(method, callee)
                : Candidates.Unknown;
        }
        catch (Exception e) when (e is BadImageFormatException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // A token outside its table, a malformed signature: decide nothing, the map's line stays.
            return Candidates.Unknown;
        }
    }

    /// <summary>The instructions that can allocate an object whose runtime name is <paramref name="typeName"/>.</summary>
    public static Candidates Allocating(MethodIl method, string typeName)
    {
        var offsets = ImmutableArray.CreateBuilder<int>();
        var unsure = false;
        var metadata = method.Metadata;
        foreach (var instruction in method.Instructions)
        {
            string? name;
            var op = instruction.OpCode;
            if (op == OpCodes.Newarr) name = RuntimeTypeNames.ArrayName(metadata, MetadataTokens.EntityHandle(instruction.Token));
            else if (op == OpCodes.Box) name = RuntimeTypeNames.BoxedName(metadata, MetadataTokens.EntityHandle(instruction.Token));
            else if (op == OpCodes.Newobj) name = DeclaringType(metadata, instruction.Token) is { } type ? RuntimeTypeNames.Name(metadata, type) : null;
            else continue;

            if (name is null) unsure = true; // e.g. new T[] in shared generic code: may be this type
            else if (name == typeName) offsets.Add(instruction.Offset);
        }

        return new Candidates(offsets.ToImmutable(), unsure);
    }

    /// <summary>The calls of a method named like <paramref name="calleeFullMethodName"/> (TraceEvent's "Type.Name(signature)").</summary>
    public static Candidates Calling(MethodIl method, string calleeFullMethodName)
    {
        var offsets = ImmutableArray.CreateBuilder<int>();
        var unsure = false;
        var metadata = method.Metadata;
        var callee = QualifiedName(calleeFullMethodName);
        foreach (var instruction in method.Instructions)
        {
            var op = instruction.OpCode;
            if (op == OpCodes.Calli)
            {
                unsure = true; // an indirect call: its target is not in the IL
                continue;
            }

            if (op != OpCodes.Call && op != OpCodes.Callvirt && op != OpCodes.Newobj) continue;
            var name = MethodName(metadata, instruction.Token);
            if (name is null) unsure = true;
            else if (callee.EndsWith("." + name, StringComparison.Ordinal)) offsets.Add(instruction.Offset);
        }

        return new Candidates(offsets.ToImmutable(), unsure);
    }

    /// <summary>The calls of any method: each may have been inlined, allocating on the caller's behalf.</summary>
    public static bool IsCall(IlInstruction instruction) =>
        instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt || instruction.OpCode == OpCodes.Newobj;

    /// <summary>
    /// "Ns.Type.Method" from "Ns.Type.Method(int32,bool)" (and without a generic method's
    /// "[System.Byte]" instantiation, which TraceEvent may append to the name).
    /// </summary>
    private static string QualifiedName(string fullMethodName)
    {
        var paren = fullMethodName.IndexOf('(');
        var name = paren >= 0 ? fullMethodName[..paren] : fullMethodName;
        if (name.EndsWith(']'))
        {
            var depth = 0;
            for (var i = name.Length - 1; i >= 0; i--)
            {
                if (name[i] == ']') depth++;
                else if (name[i] == '[' && --depth == 0) return name[..i];
            }
        }

        return name;
    }

    private static string? MethodName(MetadataReader metadata, int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        return handle.Kind switch
        {
            HandleKind.MethodDefinition => metadata.GetString(metadata.GetMethodDefinition((MethodDefinitionHandle)handle).Name),
            HandleKind.MemberReference => metadata.GetString(metadata.GetMemberReference((MemberReferenceHandle)handle).Name),
            HandleKind.MethodSpecification => MethodName(metadata, MetadataTokens.GetToken(metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method)),
            _ => null,
        };
    }

    private static EntityHandle? DeclaringType(MetadataReader metadata, int constructorToken)
    {
        var handle = MetadataTokens.EntityHandle(constructorToken);
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                return metadata.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType();
            case HandleKind.MemberReference:
                var parent = metadata.GetMemberReference((MemberReferenceHandle)handle).Parent;
                return parent.Kind is HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification ? (EntityHandle)parent : null;
            default:
                return null;
        }
    }
}

/// <summary>IL offsets of the instructions found; <see cref="Unsure"/> when some other instruction may be one too.</summary>
internal sealed record Candidates(ImmutableArray<int> Offsets, bool Unsure)
{
    public static Candidates Unknown { get; } = new([], Unsure: true);
}
