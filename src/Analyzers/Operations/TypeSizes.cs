using System;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// The size in bytes of one array element of a type, as the runtime lays it out on a 64-bit
    /// process. Unknown sizes (type parameters, framework structs whose private fields are not
    /// visible to the compiler and that are not in the table below) give null, so that a rule
    /// never claims a size it cannot prove.
    /// </summary>
    internal static class TypeSizes
    {
        /// <summary>Pointer and object-reference size: every supported .NET target that runs large buffers is 64-bit.</summary>
        public const int PointerSize = 8;

        private const int MaxDepth = 8;

        /// <summary>
        /// Struct sizes measured so far, per type symbol (symbols belong to one compilation, and the
        /// table lets go of them with it). Every rule asks the size of every allocation's element type,
        /// and measuring a struct reads its members and attributes and names its type; a codebase
        /// allocates arrays of the same few structs over and over.
        /// </summary>
        private static readonly ConditionalWeakTable<INamedTypeSymbol, StrongBox<long?>> StructSizes = new ConditionalWeakTable<INamedTypeSymbol, StrongBox<long?>>();

        public static long? ElementSize(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && named.TypeKind == TypeKind.Struct
                ? StructSizes.GetValue(named, s => new StrongBox<long?>(SizeOf(s, 0)?.Size)).Value
                : SizeOf(type, 0)?.Size;

        /// <summary>True when the type is unmanaged (no references anywhere inside).</summary>
        public static bool IsUnmanaged(ITypeSymbol type) => type.IsUnmanagedType;

        private static (long Size, int Alignment)? SizeOf(ITypeSymbol? type, int depth)
        {
            if (type == null || depth > MaxDepth) return null;
            if (type.IsReferenceType || type.TypeKind == TypeKind.Pointer || type.TypeKind == TypeKind.FunctionPointer)
            {
                return (PointerSize, PointerSize);
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                    return (1, 1);
                case SpecialType.System_Char:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                    return (2, 2);
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Single:
                    return (4, 4);
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Double:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                case SpecialType.System_DateTime:
                    return (8, 8);
                case SpecialType.System_Decimal:
                    return (16, 8);
            }

            if (type is INamedTypeSymbol named)
            {
                if (named.TypeKind == TypeKind.Enum) return SizeOf(named.EnumUnderlyingType, depth + 1);
                if (named.TypeKind == TypeKind.Struct) return StructSize(named, depth);
            }

            return null;
        }

        private static (long Size, int Alignment)? StructSize(INamedTypeSymbol type, int depth)
        {
            var known = KnownFrameworkStruct(type, depth);
            if (known != null) return known;

            var fields = type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst).ToList();
            int? inlineLength = InlineArrayLength(type);
            if (inlineLength != null) return InlineArray(fields, inlineLength.Value, depth);
            if (fields.Count == 0)
            {
                // A struct from metadata may hide private fields from this compilation: only an empty
                // struct declared in source is known to be one byte.
                return type.DeclaringSyntaxReferences.Length > 0 ? (1, 1) : ((long, int)?)null;
            }

            // A lower bound that holds for every layout: the sum of the field sizes, rounded up to the
            // strictest alignment. Sequential layout may add inner padding and auto layout (any struct
            // with references) may reorder fields to avoid it; neither can go below this sum.
            // Explicit layout overlaps fields, so there the size is the furthest field end.
            long sum = 0;
            long explicitEnd = 0;
            bool isExplicit = false;
            int maxAlignment = 1;
            int pack = ExplicitPack(type);
            foreach (var field in fields)
            {
                (long Size, int Alignment)? fieldSize = field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol pointer
                    ? FixedBuffer(pointer.PointedAtType, field.FixedSize, depth)
                    : SizeOf(field.Type, depth + 1);
                if (fieldSize == null) return null;
                maxAlignment = Math.Max(maxAlignment, Math.Min(fieldSize.Value.Alignment, pack));
                sum += fieldSize.Value.Size;
                int? fieldOffset = FieldOffset(field);
                if (fieldOffset != null)
                {
                    isExplicit = true;
                    explicitEnd = Math.Max(explicitEnd, fieldOffset.Value + fieldSize.Value.Size);
                }
            }

            long size = Align(Math.Max(isExplicit ? explicitEnd : sum, 1), maxAlignment);
            long declared = DeclaredLayoutSize(type);
            return (Math.Max(size, declared), maxAlignment);
        }

        /// <summary>
        /// <c>[InlineArray(N)]</c> (.NET 8+): the runtime repeats the struct's single field N times, so the
        /// struct is N × the field's size with the field's alignment ("sizeof(MyArray&lt;T&gt;) == Length * sizeof(T)",
        /// dotnet/runtime docs/design/features/InlineArrayAttribute.md). Recognized by name because the target
        /// framework may not declare the attribute for this compilation to bind to. A struct the runtime
        /// rejects with a TypeLoadException (not exactly one instance field, N ≤ 0) has no size.
        /// </summary>
        private static int? InlineArrayLength(INamedTypeSymbol type)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != "System.Runtime.CompilerServices.InlineArrayAttribute") continue;
                return attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int length ? length : 0;
            }

            return null;
        }

        private static (long Size, int Alignment)? InlineArray(System.Collections.Generic.List<IFieldSymbol> fields, int length, int depth)
        {
            if (fields.Count != 1 || length <= 0) return null;
            var element = SizeOf(fields[0].Type, depth + 1);
            if (element == null || element.Value.Size > long.MaxValue / length) return null;
            return (element.Value.Size * length, element.Value.Alignment);
        }

        private static int? FieldOffset(IFieldSymbol field)
        {
            foreach (var attribute in field.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.FieldOffsetAttribute" &&
                    attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int offset)
                {
                    return offset;
                }
            }

            return null;
        }

        private static (long Size, int Alignment)? FixedBuffer(ITypeSymbol element, int count, int depth)
        {
            var elementSize = SizeOf(element, depth + 1);
            return elementSize == null ? null : ((long, int)?)(elementSize.Value.Size * count, elementSize.Value.Alignment);
        }

        /// <summary>Framework structs whose fields are private (so not visible here) but whose size is fixed.</summary>
        private static (long Size, int Alignment)? KnownFrameworkStruct(INamedTypeSymbol type, int depth)
        {
            string name = type.OriginalDefinition.ToDisplayString();
            switch (name)
            {
                case "System.TimeSpan": return (8, 8);
                case "System.DateTimeOffset": return (16, 8);
                case "System.Guid": return (16, 4);
                case "System.Half": return (2, 2);
                case "System.Int128":
                case "System.UInt128": return (16, 8);
                case "System.Index": return (4, 4);
                case "System.Range": return (8, 4);
                case "System.Text.Rune": return (4, 4);
                case "System.Numerics.Complex": return (16, 8);
                case "System.Numerics.BigInteger": return (16, 8);
                case "System.Nullable<T>":
                {
                    var value = SizeOf(type.TypeArguments[0], depth + 1);
                    if (value == null) return null;
                    return (Align(value.Value.Alignment + value.Value.Size, value.Value.Alignment), value.Value.Alignment);
                }
                case "System.Collections.Generic.KeyValuePair<TKey, TValue>":
                {
                    var key = SizeOf(type.TypeArguments[0], depth + 1);
                    var value = SizeOf(type.TypeArguments[1], depth + 1);
                    if (key == null || value == null) return null;
                    int alignment = Math.Max(key.Value.Alignment, value.Value.Alignment);
                    long size = Align(Align(key.Value.Size, value.Value.Alignment) + value.Value.Size, alignment);
                    return (size, alignment);
                }
                default:
                    return null;
            }
        }

        private static int ExplicitPack(INamedTypeSymbol type)
        {
            var layout = StructLayout(type);
            if (layout == null) return PointerSize;
            foreach (var argument in layout.NamedArguments)
            {
                if (argument.Key == "Pack" && argument.Value.Value is int pack && pack > 0) return Math.Min(pack, PointerSize);
            }

            return PointerSize;
        }

        private static long DeclaredLayoutSize(INamedTypeSymbol type)
        {
            var layout = StructLayout(type);
            if (layout == null) return 0;
            foreach (var argument in layout.NamedArguments)
            {
                if (argument.Key == "Size" && argument.Value.Value is int size && size > 0) return size;
            }

            return 0;
        }

        private static AttributeData? StructLayout(INamedTypeSymbol type) =>
            type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.StructLayoutAttribute");

        private static long Align(long offset, int alignment) => alignment <= 1 ? offset : (offset + alignment - 1) / alignment * alignment;
    }
}
