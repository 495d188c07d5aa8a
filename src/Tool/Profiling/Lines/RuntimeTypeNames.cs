using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace AllocAnalyzers.Tool.Profiling.Lines;

/// <summary>
/// Names a metadata type the way the runtime names it in allocation events (the TypeName of
/// AllocationSampled and GCAllocationTick), so that an event's type can be compared with the
/// operand of a <c>newarr</c>, <c>newobj</c> or <c>box</c>. The format, as read from real traces
/// (tests/…/Lines/RuntimeTypeNamesTests.cs lists them):
/// <list type="bullet">
/// <item>namespace-qualified name with the metadata arity: <c>System.Collections.Generic.List`1</c>;</item>
/// <item>a nested type is its own name only (<c>Inner</c>, <c>Gen`1</c>), but inside generic
///   arguments it is the full chain (<c>Ns.Outer`1+Inner</c>);</item>
/// <item>generic arguments in brackets after the name, comma-separated, without assembly:
///   <c>Dictionary`2[System.String,System.Collections.Generic.List`1[System.Int32]]</c>; a nested
///   type's arguments include its enclosing types' (<c>Inner[System.Int32]</c>);</item>
/// <item>arrays <c>[]</c>, <c>[,]</c>, pointers <c>*</c> after the element: <c>System.Int32[][]</c>.</item>
/// </list>
/// Anything not seen in a trace (generic parameters, by-refs, function pointers, rank-1
/// multi-dimensional arrays) gives null: "unsure", which the search treats as a possible match.
/// </summary>
internal static class RuntimeTypeNames
{
    /// <summary>The event name of the type a TypeDef, TypeRef or TypeSpec token stands for, null if unsure.</summary>
    public static string? Name(MetadataReader reader, EntityHandle type) => Shape(reader, type)?.Render(topLevel: true);

    /// <summary>The name of the object that <c>box</c> allocates: a boxed Nullable&lt;T&gt; is a boxed T.</summary>
    public static string? BoxedName(MetadataReader reader, EntityHandle type)
    {
        var shape = Shape(reader, type);
        return shape is Generic { Definition.FullName: "System.Nullable`1", Arguments: [var value] } ? value.Render(topLevel: true) : shape?.Render(topLevel: true);
    }

    /// <summary>The name of an array of the given element type (the object <c>newarr</c> allocates).</summary>
    public static string? ArrayName(MetadataReader reader, EntityHandle elementType) =>
        Shape(reader, elementType) is { } element ? new Wrapped(element, "[]").Render(topLevel: true) : null;

    private static TypeShape? Shape(MetadataReader reader, EntityHandle type) => type.Kind switch
    {
        HandleKind.TypeDefinition => ShapeProvider.Instance.GetTypeFromDefinition(reader, (TypeDefinitionHandle)type, 0),
        HandleKind.TypeReference => ShapeProvider.Instance.GetTypeFromReference(reader, (TypeReferenceHandle)type, 0),
        HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)type).DecodeSignature(ShapeProvider.Instance, null),
        _ => null,
    };

    /// <summary>A type's structure, rendered differently at the top of a name and inside generic arguments.</summary>
    private abstract record TypeShape
    {
        public abstract string Render(bool topLevel);
    }

    /// <param name="FullName">Namespace, enclosing types and name: <c>Ns.Outer`1+Inner</c>.</param>
    /// <param name="Name">The metadata name alone, the top-level form of a nested type.</param>
    private sealed record Named(string FullName, string Name, bool IsNested) : TypeShape
    {
        public override string Render(bool topLevel) => topLevel && IsNested ? Name : FullName;
    }

    private sealed record Generic(Named Definition, ImmutableArray<TypeShape> Arguments) : TypeShape
    {
        public override string Render(bool topLevel) =>
            $"{Definition.Render(topLevel)}[{string.Join(",", Arguments.Select(a => a.Render(topLevel: false)))}]";
    }

    private sealed record Wrapped(TypeShape Element, string Suffix) : TypeShape
    {
        public override string Render(bool topLevel) => Element.Render(topLevel) + Suffix;
    }

    private sealed class ShapeProvider : ISignatureTypeProvider<TypeShape?, object?>
    {
        public static ShapeProvider Instance { get; } = new();

        // PrimitiveTypeCode's member names are the System type names (Int32, String, Object, ...).
        public TypeShape? GetPrimitiveType(PrimitiveTypeCode typeCode) => new Named("System." + typeCode, typeCode.ToString(), IsNested: false);

        public TypeShape? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            var definition = reader.GetTypeDefinition(handle);
            var name = reader.GetString(definition.Name);
            var declaring = definition.GetDeclaringType();
            if (!declaring.IsNil) return GetTypeFromDefinition(reader, declaring, 0) is Named outer ? new Named(outer.FullName + "+" + name, name, IsNested: true) : null;
            return new Named(Qualified(reader.GetString(definition.Namespace), name), name, IsNested: false);
        }

        public TypeShape? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var reference = reader.GetTypeReference(handle);
            var name = reader.GetString(reference.Name);
            if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return GetTypeFromReference(reader, (TypeReferenceHandle)reference.ResolutionScope, 0) is Named outer ? new Named(outer.FullName + "+" + name, name, IsNested: true) : null;
            }

            return new Named(Qualified(reader.GetString(reference.Namespace), name), name, IsNested: false);
        }

        public TypeShape? GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public TypeShape? GetGenericInstantiation(TypeShape? genericType, ImmutableArray<TypeShape?> typeArguments) =>
            genericType is Named definition && typeArguments.All(a => a is not null) ? new Generic(definition, typeArguments!) : null;

        public TypeShape? GetSZArrayType(TypeShape? elementType) => elementType is null ? null : new Wrapped(elementType, "[]");

        // A rank-1 multi-dimensional array (T[*]) was not seen in a trace: unsure.
        public TypeShape? GetArrayType(TypeShape? elementType, ArrayShape shape) =>
            elementType is null || shape.Rank < 2 ? null : new Wrapped(elementType, "[" + new string(',', shape.Rank - 1) + "]");

        public TypeShape? GetPointerType(TypeShape? elementType) => elementType is null ? null : new Wrapped(elementType, "*");

        // Custom modifiers (modreq/modopt) do not change the runtime type.
        public TypeShape? GetModifiedType(TypeShape? modifier, TypeShape? unmodifiedType, bool isRequired) => unmodifiedType;

        // Shared generic code allocates whatever its instantiation says: unknowable from the IL alone.
        public TypeShape? GetGenericMethodParameter(object? genericContext, int index) => null;

        public TypeShape? GetGenericTypeParameter(object? genericContext, int index) => null;

        public TypeShape? GetByReferenceType(TypeShape? elementType) => null;

        public TypeShape? GetFunctionPointerType(MethodSignature<TypeShape?> signature) => null;

        public TypeShape? GetPinnedType(TypeShape? elementType) => null;

        private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
    }
}
