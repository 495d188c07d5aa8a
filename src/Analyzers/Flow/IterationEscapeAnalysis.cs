using System.Collections.Generic;
using System.Collections.Immutable;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// Decides whether a buffer allocated in a loop can outlive the iteration that allocated it:
    /// stored to a field, property, array element or parameter; added to a collection (any generic,
    /// object or interface parameter); returned or yielded; captured by a lambda or local function;
    /// assigned to a variable declared outside the loop that is read after the loop or before the
    /// allocation in the next iteration; wrapped by a constructor or a view (AsSpan, AsMemory) that
    /// does any of these. Every shape it does not understand counts as an escape.
    /// By convention a callee does not keep an array, span, pointer or view (Memory, ArraySegment)
    /// parameter it is handed (Stream.Read, Array.Copy, P/Invoke), so passing the buffer that way
    /// does not escape; views of the buffer are followed like the buffer. A call that returns an
    /// awaitable borrows until the awaitable completes (see <see cref="PendingEscapes"/>).
    /// </summary>
    internal sealed partial class IterationEscapeAnalysis
    {
        private readonly IOperation _root;
        private readonly SyntaxNode? _loop;
        private readonly IOperation? _function;
        private readonly WellKnownTypes _types;
        private readonly HashSet<ILocalSymbol> _tracked = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        private IterationEscapeAnalysis(IOperation allocation, SyntaxNode? loop, WellKnownTypes types)
        {
            _root = allocation.Root();
            _loop = loop;
            _function = allocation.EnclosingFunction();
            _types = types;
        }

        /// <summary>True when the object created by <paramref name="allocation"/> may outlive the iteration of <paramref name="loop"/>.</summary>
        public static bool MayOutliveIteration(IOperation allocation, SyntaxNode? loop, WellKnownTypes types) =>
            new IterationEscapeAnalysis(allocation, loop, types).Escapes(allocation);

        private bool Escapes(IOperation value)
        {
            IOperation? parent = value.ParentSkippingConversions(out IOperation child);
            switch (parent)
            {
                case null:
                    return true;
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                    return !declarator.Symbol.IsRef && LocalEscapes(declarator.Symbol, initializer);
                case ISimpleAssignmentOperation assignment when assignment.Value == child:
                    if (!(assignment.Target is ILocalReferenceOperation target) || target.Local.IsRef) return true;
                    return LocalEscapes(target.Local, assignment) || (!(assignment.Parent is IExpressionStatementOperation) && Escapes(assignment));
                case IArgumentOperation argument:
                    return ArgumentEscapes(argument);
                case IInvocationOperation invocation when invocation.Instance == child:
                    return ResultEscapes(invocation);
                case IPropertyReferenceOperation property when property.Instance == child:
                    return ResultEscapes(property);
                case IBinaryOperation pointerArithmetic when pointerArithmetic.Type?.TypeKind == TypeKind.Pointer:
                    return Escapes(pointerArithmetic);
                case IArrayElementReferenceOperation element when element.ArrayReference == child:
                case IExpressionStatementOperation _:
                case IUsingOperation _:
                case IForEachLoopOperation _:
                case IBinaryOperation _:
                case IIsTypeOperation _:
                    return false;
                case IVariableInitializerOperation _:
                    return true;
                case IOperation pinned when pinned.Kind == OperationKind.None && pinned.Parent is IVariableInitializerOperation && pinned.Syntax == child.Syntax:
                    // `fixed (byte* p = buffer)`: the compiler wraps the array in an untyped node; follow the pointer.
                    return Escapes(pinned);
                case IConditionalOperation conditional when conditional.Condition != child:
                case ICoalesceOperation _:
                    return Escapes(parent);
                case IConditionalAccessOperation access when access.Operation == child:
                    return ConditionalAccessEscapes(access);
                default:
                    return true;
            }
        }

        private bool ConditionalAccessEscapes(IConditionalAccessOperation access)
        {
            foreach (var node in access.WhenNotNull.DescendantsAndSelf())
            {
                if (node is IConditionalAccessInstanceOperation instance && instance.Parent != null)
                {
                    var use = instance.Parent;
                    bool member = (use is IInvocationOperation call && call.Instance == instance) || (use is IPropertyReferenceOperation property && property.Instance == instance);
                    return !member || ResultEscapes(access);
                }
            }

            return true;
        }

        private bool ArgumentEscapes(IArgumentOperation argument)
        {
            var parameter = argument.Parameter;
            if (parameter == null || parameter.RefKind == RefKind.Ref || parameter.RefKind == RefKind.Out) return true;
            if (argument.ArgumentKind == ArgumentKind.ParamArray) return true;
            switch (argument.Parent)
            {
                case IObjectCreationOperation creation:
                    // A wrapper (MemoryStream, ArraySegment, a user type) holds the buffer: follow the wrapper.
                    return HandsBackThroughArguments(creation.Arguments) || Escapes(creation);
                case IInvocationOperation invocation:
                    if (!IsBorrowingParameter(parameter.OriginalDefinition.Type) || HandsBackThroughArguments(invocation.Arguments)) return true;
                    return ResultEscapes(invocation);
                default:
                    return true;
            }
        }

        /// <summary>
        /// A <c>ref</c> or <c>out</c> argument that can hold a reference, a pointer or a view: the callee
        /// may hand the buffer back there (<c>MemoryMarshal.TryGetArray(memory, out segment)</c>), and that
        /// variable is not followed. Unmanaged results (<c>out int consumed</c>) cannot hold it.
        /// </summary>
        private static bool HandsBackThroughArguments(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null || (parameter.RefKind != RefKind.Ref && parameter.RefKind != RefKind.Out)) continue;
                if (!parameter.Type.IsUnmanagedType || parameter.Type.TypeKind == TypeKind.Pointer) return true;
            }

            return false;
        }

        /// <summary>Parameter types a callee conventionally borrows for the call only.</summary>
        private bool IsBorrowingParameter(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol || WellKnownTypes.Is(type, _types.Array)) return true;
            if (type.TypeKind == TypeKind.Pointer || type.TypeKind == TypeKind.FunctionPointer) return true;
            if (type.SpecialType == SpecialType.System_IntPtr || type.SpecialType == SpecialType.System_UIntPtr) return true;
            return BufferViews.IsViewType(type, _types);
        }

        /// <summary>
        /// What a member used on the buffer, or a call given it, hands back: an awaitable still
        /// holds the buffer until it completes; any other result is followed when it may be a view.
        /// </summary>
        private bool ResultEscapes(IOperation result) =>
            IsAwaitable(result.Type) ? PendingEscapes(result) : ReturnsView(result.Type) && Escapes(result);

        /// <summary>Results that may still reference the buffer: views, wrappers, arrays, objects, interfaces.</summary>
        private static bool ReturnsView(ITypeSymbol? type)
        {
            if (type == null) return true;
            if (type.SpecialType == SpecialType.System_Void || type.SpecialType == SpecialType.System_String) return false;
            if (type.IsValueType && type.SpecialType != SpecialType.None) return false;
            if (type.TypeKind == TypeKind.Enum) return false;
            return type.IsReferenceType || type.IsRefLikeType || type.TypeKind == TypeKind.Struct || type.TypeKind == TypeKind.TypeParameter
                || type.TypeKind == TypeKind.Pointer;
        }

        private bool LocalEscapes(ILocalSymbol local, IOperation assignmentPoint)
        {
            if (!_tracked.Add(local)) return false;
            bool declaredInLoop = _loop != null && IsInLoop(local);
            foreach (var reference in OperationIndex.For(_root).References(local))
            {
                if (HalfTypedCode.Contains(reference)) continue;
                if (!SameFunction(reference)) return true; // captured by a lambda or local function
                if (LocalWrites.IsWrite(reference))
                {
                    // A write through ref/out/address-of hands the variable to someone else.
                    if (!(reference.Parent is IAssignmentOperation) && !reference.IsDeclaration) return true;
                    continue;
                }

                if (!declaredInLoop && _loop != null)
                {
                    // A variable that lives across iterations: reads after the loop, or before the
                    // allocation within the loop, see the buffer of an earlier iteration.
                    var span = reference.Syntax.Span;
                    if (!_loop.Span.Contains(span) || span.Start < assignmentPoint.Syntax.SpanStart) return true;
                }

                if (Escapes(reference)) return true;
            }

            return false;
        }

        private bool IsInLoop(ILocalSymbol local)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (!_loop!.Span.Contains(reference.Span)) return false;
            }

            return local.DeclaringSyntaxReferences.Length > 0;
        }

        private bool SameFunction(IOperation operation) => Equals(operation.EnclosingFunction(), _function);
    }
}
