using System.Collections.Immutable;
using System.Threading;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Operations.Clears;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// What a method clears before anything else touches it: a parameter (a <c>ZeroMemory(p, n)</c> or
    /// <c>Memset(span, value)</c> helper) or a field of its own object (<c>Reset()</c> clearing a
    /// table). The clear is a top-level statement of the body — it runs on every call that gets that
    /// far — and no statement before it reads, writes or hands out what it clears. Its range is given
    /// by the helper's own operations; those that read a parameter are replaced by the call's argument
    /// (<see cref="ClearingCalls"/>). Native clears imported by P/Invoke (<c>RtlZeroMemory</c>,
    /// <c>memset</c>, <c>bzero</c>) are summarized from their signature.
    /// </summary>
    internal sealed class HelperClear
    {
        private HelperClear(ClearOperation? clear, IParameterSymbol? parameter, ImmutableArray<IFieldSymbol> fields, bool clearsOnly)
        {
            Clear = clear;
            Parameter = parameter;
            Fields = fields;
            ClearsOnly = clearsOnly;
        }

        /// <summary>The clear of <see cref="Parameter"/> inside the helper (its operands are the helper's), or null.</summary>
        public ClearOperation? Clear { get; }

        /// <summary>The parameter cleared first thing, or null.</summary>
        public IParameterSymbol? Parameter { get; }

        /// <summary>The fields of <c>this</c> the method clears in full before anything in it can write them (a Reset clears several).</summary>
        public ImmutableArray<IFieldSymbol> Fields { get; }

        /// <summary>True when the helper does nothing but clear its parameter (at most returns it): removing the call removes only the clear.</summary>
        public bool ClearsOnly { get; }

        public static HelperClear? Of(IMethodSymbol method, CompilationSummaries summaries, WellKnownTypes types, CancellationToken cancellationToken)
        {
            if (method.IsExtern || !(BodySyntax.Of(method) is { } syntax) || !BodySyntax.MayClear(syntax)) return null;
            var body = MethodBodies.Of(method, summaries, cancellationToken);
            if (body == null) return null;
            var statements = body.Operations;
            ClearOperation? parameterClear = null;
            IParameterSymbol? parameter = null;
            bool clearsOnly = false;
            var fields = ImmutableArray.CreateBuilder<IFieldSymbol>();
            for (int i = 0; i < statements.Length; i++)
            {
                var statement = statements[i];
                var candidate = statement is IExpressionStatementOperation expression ? expression.Operation : statement;
                var clear = ClearRecognizer.Recognize(candidate, types, value => ZeroValues.IsZero(value) || IsParameterOf(value, method));
                switch (clear == null ? null : Target(clear, method, types))
                {
                    case IParameterSymbol cleared when parameter == null && Substitutable(clear!, method) && !TouchedBefore(statements, i, cleared):
                        parameterClear = clear;
                        parameter = cleared;
                        clearsOnly = DoesNothingElse(statements, i, method);
                        break;
                    case IFieldSymbol field when ClearsAll(clear!, field) && !TouchedBefore(statements, i, field) && !fields.Contains(field):
                        fields.Add(field);
                        break;
                }
            }

            return parameter == null && fields.Count == 0 ? null : new HelperClear(parameterClear, parameter, fields.ToImmutable(), clearsOnly);
        }

        /// <summary>A field is summarized only when cleared in full: the caller's allocation is then all still zero.</summary>
        private static bool ClearsAll(ClearOperation clear, IFieldSymbol field) =>
            (clear.Start == null || ConstantValues.TryGetInt64(clear.Start) == 0) && (clear.Count == null || IsLengthOfField(clear.Count, field));

        /// <summary>The parameter or field of <c>this</c> the clear's buffer operand names, or null.</summary>
        private static ISymbol? Target(ClearOperation clear, IMethodSymbol method, WellKnownTypes types)
        {
            var buffer = BufferOrigins.StripViews(clear.Buffer, types);
            if (buffer is IObjectCreationOperation span && span.Arguments.Length == 2 && span.Arguments[0].Value.Type?.TypeKind == TypeKind.Pointer)
            {
                buffer = span.Arguments[0].Value.WithoutConversions();
            }

            switch (buffer.WithoutConversions())
            {
                case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method) && parameter.Parameter.RefKind == RefKind.None:
                    return parameter.Parameter;
                case IFieldReferenceOperation field when field.Instance is IInstanceReferenceOperation && !method.IsStatic:
                    return field.Field;
                default:
                    return null;
            }
        }

        /// <summary>Every operand of the range is a constant or a parameter, so the call can state it.</summary>
        private static bool Substitutable(ClearOperation clear, IMethodSymbol method)
        {
            foreach (var operand in new[] { clear.Start, clear.Count })
            {
                if (operand == null || ConstantValues.TryGetInt64(operand) != null || IsParameterOf(operand, method) || IsLengthOfTarget(operand, clear)) continue;
                return false;
            }

            return true;
        }

        private static bool IsParameterOf(IOperation operation, IMethodSymbol method) =>
            operation.WithoutConversions() is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method);

        /// <summary><c>buffer.Length</c> of the cleared buffer: the whole of it.</summary>
        private static bool IsLengthOfTarget(IOperation count, ClearOperation clear) =>
            count.WithoutConversions() is IPropertyReferenceOperation length && length.Property.Name == "Length" && length.Instance != null &&
            SameSymbol(length.Instance, clear.Buffer);

        private static bool IsLengthOfField(IOperation count, IFieldSymbol field) =>
            count.WithoutConversions() is IPropertyReferenceOperation length && length.Property.Name == "Length" &&
            length.Instance?.WithoutConversions() is IFieldReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Field, field);

        private static bool SameSymbol(IOperation a, IOperation b) => (a.WithoutConversions(), b.WithoutConversions()) switch
        {
            (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
            (IFieldReferenceOperation x, IFieldReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Field, y.Field),
            _ => false,
        };

        /// <summary>A statement before the clear may write what it clears (<see cref="StateWrites"/>).</summary>
        private static bool TouchedBefore(ImmutableArray<IOperation> statements, int clearIndex, ISymbol target)
        {
            for (int i = 0; i < clearIndex; i++)
            {
                if (StateWrites.MayWrite(statements[i], target)) return true;
            }

            return false;
        }

        /// <summary>The clear is the whole body, or is followed only by <c>return</c> of a parameter.</summary>
        private static bool DoesNothingElse(ImmutableArray<IOperation> statements, int clearIndex, IMethodSymbol method)
        {
            for (int i = 0; i < statements.Length; i++)
            {
                if (i == clearIndex) continue;
                if (statements[i] is IReturnOperation ret && (ret.ReturnedValue == null || IsParameterOf(ret.ReturnedValue, method))) continue;
                return false;
            }

            return true;
        }
    }
}
