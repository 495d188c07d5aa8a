using System;
using System.Collections.Generic;
using AllocAnalyzers.Configuration;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Rules.OversizedInteropBuffer
{
    /// <summary>
    /// ALLOC003: a zero-filled buffer allocated in the method and handed to native code (a P/Invoke, an
    /// unmanaged function pointer, a Marshal copy) with a length provably smaller than the buffer. The native side can never touch the excess, yet all of it was
    /// zeroed — on every call. The calloc story's TLS reader allocated a zeroed buffer of the whole chunk
    /// size for reads that return at most one 16 KiB record.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OversizedInteropBufferAnalyzer : AllocAnalyzer
    {
        public const string MinExcessBytesOption = "min_excess_bytes";
        public const long DefaultMinExcessBytes = 65536;

        /// <summary>Diagnostic property: the most bytes any use can touch (what the fix allocates).</summary>
        public const string UsedBytesProperty = "UsedBytes";

        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Performance(
            RuleIds.OversizedInteropBuffer,
            title: "Zero-filled buffer is larger than the native call can use",
            messageFormat: OversizedInteropBufferReport.MessageFormat,
            description: "The buffer is allocated (and zero-filled) in the method and passed to native code together with a length that is provably smaller than the buffer, so the native side can never touch the excess. Allocate only the length the call uses, reuse a buffer, or rent one. The time in the message is the model's estimate of the allocation at its full size minus at the size used; the exact figures are in the diagnostic's properties (docs/diagnostic-properties.md). Configure the smallest excess reported with dotnet_code_quality.ALLOC003.min_excess_bytes.");

        private static readonly ByteOption MinExcess = new ByteOption(RuleIds.OversizedInteropBuffer, MinExcessBytesOption, DefaultMinExcessBytes);

        public OversizedInteropBufferAnalyzer()
            : base(Rule)
        {
        }

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
        {
            if (session.Types.DllImportAttribute == null) return;
            MinExcess.ValidateEveryTree(context, session);
            context.RegisterOperationAction(c => Analyze(c, session), OperationKind.ArrayCreation, OperationKind.Invocation);
        }

        private static void Analyze(OperationAnalysisContext context, AnalysisSession session)
        {
            // A buffer allocated in a method body is allocated per call (or per iteration);
            // field initializers and buffers that come from outside are someone else's choice.
            if (!(context.ContainingSymbol is IMethodSymbol)) return;
            var buffer = ZeroedInteropBuffer(session.RecognizeBuffer(context.Operation));
            if (buffer == null) return;
            long minExcess = MinExcess.Read(session, context.Operation.Syntax.SyntaxTree);
            if (buffer.Bytes < minExcess) return;

            var uses = BufferUses.OfValue(context.Operation, session.Types, out var local);
            if (uses == null || uses.Count == 0) return;
            if (local != null && BufferLocals.IsWrittenElsewhere(BufferLocals.References(context.Operation, local), DeclarationOrAssignment(context.Operation))) return;

            var verdict = Verdict(uses, session.Types);
            if (verdict == null) return;
            long used = verdict.Value.Used;
            long excess = buffer.Bytes!.Value - used;
            if (excess < minExcess) return;

            context.ReportDiagnostic(OversizedInteropBufferReport.Create(buffer, used, verdict.Value.NativeLength, verdict.Value.Call, session));
        }

        /// <summary>
        /// Every use of the buffer is bounded — native calls by their constant lengths (an unknown
        /// length may be the buffer's own), indexes and spans by constants or by what a native read
        /// returned (<see cref="UseBounds"/>) — and nothing stores, returns, captures it or asks its
        /// Length. Then the most any use can touch is the size that matters, and the rest was zeroed
        /// for nothing.
        /// </summary>
        private static (long Used, long NativeLength, IOperation Call)? Verdict(List<BufferUse> uses, WellKnownTypes types)
        {
            long used = 0, nativeLength = -1;
            IOperation? call = null;
            foreach (var use in uses)
            {
                if (use.Kind == BufferUseKind.Freed) continue;
                if (use.Kind == BufferUseKind.Other || use.Kind == BufferUseKind.Length) return null;
                long? bound = UseBounds.Of(use, uses);
                if (bound == null) return null;
                used = Math.Max(used, bound.Value);
                if (IsInteropCall(use, types) && bound.Value > nativeLength)
                {
                    nativeLength = bound.Value;
                    call = use.Operation;
                }
            }

            return call == null ? null : ((long, long, IOperation)?)(used, nativeLength, call);
        }

        /// <summary>A native call, or a <c>Marshal</c> method that copies between the buffer and native memory (<c>Marshal.Copy(ptr, buffer, 0, n)</c>).</summary>
        private static bool IsInteropCall(BufferUse use, WellKnownTypes types) =>
            use.Kind == BufferUseKind.NativeCall ||
            use.Kind == BufferUseKind.Borrowed && use.Operation is IInvocationOperation invocation &&
            SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, types.Marshal);

        private static IOperation? DeclarationOrAssignment(IOperation allocation)
        {
            var parent = allocation.ParentSkippingConversions(out _);
            return parent is IVariableInitializerOperation initializer ? initializer.Parent : parent;
        }

        /// <summary>
        /// A zero-filled buffer of proven size that native code can be handed: a one-dimensional
        /// array from <c>new T[n]</c> or <c>GC.AllocateArray</c>, or a calloc'd native block.
        /// </summary>
        internal static BufferAllocation? ZeroedInteropBuffer(BufferAllocation? buffer)
        {
            if (buffer == null || !buffer.Zeroed || buffer.Bytes == null) return null;
            if (buffer.IsNative) return buffer;
            bool array = buffer.Source == BufferSource.NewArray || buffer.Source == BufferSource.GcAllocateArray;
            return array && buffer.Type is IArrayTypeSymbol type && type.Rank == 1 && buffer.ElementSize > 0 ? buffer : null;
        }
    }
}
