using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// The one classifier of what a use does to a buffer. From a reference to the buffer it decides, in
    /// one place for every rule:
    /// <list type="bullet">
    /// <item>its reach — the operation that first receives the buffer and how many bytes from its start
    /// that operation can touch: an element, a view of a proven range, a native call with a proven
    /// length, a free, a managed callee that borrows it, a length query, or anything else
    /// (<see cref="BufferUseKind"/>, <see cref="BufferUse.Extent"/>);</item>
    /// <item>its access — climbing through the views it feeds (<c>AsSpan()</c>, <c>Slice</c>,
    /// <c>new Span&lt;T&gt;(p, n)</c>, the implicit array-to-span conversion) to the operation that
    /// finally uses it: read, write, nothing, or unknown (<see cref="BufferAccess"/>).</item>
    /// </list>
    /// Only shapes listed here are trusted; everything else is <see cref="BufferUseKind.Other"/> and
    /// <see cref="BufferAccess.Unknown"/>, which is what keeps the rules quiet: a call that receives the
    /// buffer may write it. Lengths given to native calls count in bytes (the C convention) — for
    /// arrays of wider elements that understates the extent only when the native API counts
    /// elements, and the rules use the extent as an upper bound of what is touched only for
    /// byte-sized elements.
    /// </summary>
    internal static partial class BufferUseClassifier
    {
        /// <summary>
        /// Classifies <paramref name="reference"/> (a reference to a holding local, or the allocation itself
        /// passed on directly). When the use binds a view of the buffer to another local at statement
        /// level (<c>var s = b.AsSpan();</c>), <paramref name="alias"/> is that local and the access is
        /// <see cref="BufferAccess.None"/>: the caller tracks the alias's own uses.
        /// </summary>
        public static BufferUse Classify(IOperation reference, ITypeSymbol? declaredType, WellKnownTypes types, out ILocalReferenceOperation? alias)
        {
            var access = Access(reference, types, out var finalUse, out alias);
            var reach = ReachOf(reference, declaredType, types);
            return new BufferUse(reference, reach.Kind, reach.Operation, reach.Extent, reach.Argument, access, finalUse);
        }

        /// <summary>The access facet: climbs through views to the operation that finally uses the contents.</summary>
        private static BufferAccess Access(IOperation reference, WellKnownTypes types, out IOperation use, out ILocalReferenceOperation? alias)
        {
            alias = null;
            IOperation node = reference;
            while (true)
            {
                use = node;
                IOperation? parent = node.Parent;
                switch (parent)
                {
                    case IConversionOperation conversion when BufferViews.IsTransparent(conversion, types):
                        node = conversion;
                        continue;
                    case IParenthesizedOperation _:
                        node = parent;
                        continue;
                    case ISimpleAssignmentOperation assignment when assignment.Target == node:
                        // Rebinding the local (or writing through a view we cannot see into).
                        use = assignment;
                        return BufferAccess.Unknown;
                    case ISimpleAssignmentOperation assignment when assignment.Value == node:
                        use = assignment;
                        if (!assignment.IsRef && assignment.Target is ILocalReferenceOperation target && !target.Local.IsRef && IsStatementLevel(assignment))
                        {
                            alias = target;
                            return BufferAccess.None;
                        }

                        return BufferAccess.Unknown;
                    case IPropertyReferenceOperation property when property.Instance == node:
                        if (property.Property.Name == "Span" && (WellKnownTypes.Is(property.Property.ContainingType, types.Memory) || WellKnownTypes.Is(property.Property.ContainingType, types.ReadOnlyMemory)))
                        {
                            node = property; // memory.Span: a view of the same buffer.
                            continue;
                        }

                        use = property;
                        if (property.Property.IsIndexer) return Element(property);
                        return IsShapeProperty(property.Property.Name) && !IsWritten(property) ? BufferAccess.None : BufferAccess.Unknown;
                    case IArrayElementReferenceOperation element when element.ArrayReference == node:
                        use = element;
                        return Element(element);
                    case IInvocationOperation invocation when invocation.Instance == node:
                        if (BufferViews.IsViewMethod(invocation.TargetMethod))
                        {
                            node = invocation;
                            continue;
                        }

                        use = invocation;
                        return InstanceMethod(invocation.TargetMethod, types);
                    case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind == RefKind.None && BufferViews.IsViewConstruction(argument, types):
                        node = argument.Parent!;
                        continue;
                    case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind == RefKind.None && BufferViews.IsReadOnlyView(argument.Parameter.Type, types):
                        // A ReadOnlySpan/ReadOnlyMemory parameter: the callee reads the contents and cannot write them.
                        use = argument.Parent ?? argument;
                        return BufferAccess.Read;
                    case IBinaryOperation binary when !IsPointer(binary.LeftOperand) && !IsPointer(binary.RightOperand) && (binary.OperatorMethod == null || BufferViews.IsSpan(binary.OperatorMethod.ContainingType, types)):
                        use = binary;
                        return BufferAccess.None; // b == null, ReferenceEquals-like comparisons
                    case IIsNullOperation _:
                    case IIsTypeOperation _:
                        use = parent;
                        return BufferAccess.None;
                    case IExpressionStatementOperation _:
                        return BufferAccess.None;
                    case null:
                        return BufferAccess.Unknown;
                    default:
                        if (parent.Kind == OperationKind.None && BufferViews.IsPointerElement(parent.Syntax, node.Syntax))
                        {
                            use = parent;
                            return Element(parent);
                        }

                        use = parent;
                        return BufferAccess.Unknown;
                }
            }
        }

        /// <summary>What is done with one element (<c>b[i]</c>, <c>s[i]</c>, <c>p[i]</c>, <c>*p</c>), or with a field of it.</summary>
        private static BufferAccess Element(IOperation element)
        {
            IOperation node = element;
            while (true)
            {
                IOperation? parent = node.Parent;
                switch (parent)
                {
                    case ISimpleAssignmentOperation assignment when assignment.Target == node:
                        return assignment.IsRef ? BufferAccess.Unknown : BufferAccess.Write;
                    case IFieldReferenceOperation field when field.Instance == node:
                        node = field; // b[i].X = 1 writes part of the element; x = b[i].X reads it.
                        continue;
                    case IConversionOperation conversion when !conversion.Conversion.IsUserDefined:
                    case IParenthesizedOperation _:
                        node = parent;
                        continue;
                    case ICompoundAssignmentOperation compound when compound.Target == node:
                    case IIncrementOrDecrementOperation _:
                        // b[i] |= x, b[i]++: the old value is read (a fresh buffer's zeros are used), then written.
                        return BufferAccess.Read | BufferAccess.Write;
                    case ISimpleAssignmentOperation assignment when assignment.Value == node && !assignment.IsRef:
                    case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind == RefKind.None:
                    case IBinaryOperation _:
                    case IUnaryOperation _:
                    case IReturnOperation _:
                    case IFlowCaptureOperation _:
                    case IInterpolationOperation _:
                    case IExpressionStatementOperation _:
                        return BufferAccess.Read;
                    default:
                        // A branch condition in the graph has no parent; ref, out, in, compound assignment,
                        // ++, address-of or a call on the element may write it.
                        return parent == null && IsBoolean(node) ? BufferAccess.Read : BufferAccess.Unknown;
                }
            }
        }

        private static bool IsBoolean(IOperation operation) => operation.Type?.SpecialType == SpecialType.System_Boolean;

        private static bool IsStatementLevel(IOperation operation) =>
            operation.Parent == null || operation.Parent is IExpressionStatementOperation;

        private static bool IsShapeProperty(string name) =>
            name == "Length" || name == "LongLength" || name == "IsEmpty" || name == "Rank";

        private static bool IsWritten(IOperation operation) =>
            operation.Parent is IAssignmentOperation assignment && assignment.Target == operation;

        private static bool IsPointer(IOperation operation) =>
            operation.Type?.TypeKind == TypeKind.Pointer || operation.Type?.TypeKind == TypeKind.FunctionPointer;

        /// <summary>A method called on the buffer or a view of it.</summary>
        private static BufferAccess InstanceMethod(IMethodSymbol method, WellKnownTypes types)
        {
            var owner = method.ContainingType;
            bool span = WellKnownTypes.Is(owner, types.Span) || WellKnownTypes.Is(owner, types.ReadOnlySpan);
            bool array = owner?.SpecialType == SpecialType.System_Array || (owner != null && WellKnownTypes.Is(owner, types.Array));
            if (span)
            {
                switch (method.Name)
                {
                    case "Clear":
                    case "Fill":
                        return BufferAccess.Write;
                    case "CopyTo":
                    case "TryCopyTo":
                    case "ToArray":
                    case "ToString":
                    case "Equals":
                    case "GetHashCode":
                        return BufferAccess.Read;
                }
            }

            if (array)
            {
                switch (method.Name)
                {
                    case "GetLength":
                    case "GetLongLength":
                    case "GetLowerBound":
                    case "GetUpperBound":
                        return BufferAccess.None;
                    case "CopyTo":
                        return BufferAccess.Read;
                }
            }

            return BufferAccess.Unknown;
        }
    }
}
