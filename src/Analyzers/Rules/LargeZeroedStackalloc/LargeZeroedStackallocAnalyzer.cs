using AllocAnalyzers.Configuration;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Rules.LargeZeroedStackalloc
{
    /// <summary>
    /// ALLOC005: a <c>stackalloc</c> of a provable size, or a provable upper bound, at or above the threshold in code where no
    /// <c>[SkipLocalsInit]</c> applies: the method is compiled with <c>.locals init</c>, so the JIT
    /// zeroes the whole block every time the <c>stackalloc</c> runs.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LargeZeroedStackallocAnalyzer : AllocAnalyzer
    {
        public const long DefaultThresholdBytes = 1024;

        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Performance(
            RuleIds.LargeZeroedStackalloc,
            title: "Large stackalloc zeroed because [SkipLocalsInit] is not in effect",
            messageFormat: LargeZeroedStackallocReport.MessageFormat,
            description: "Without [SkipLocalsInit] on the method, a containing type or the module, the method is compiled with .locals init and the JIT zeroes every stackalloc block. When the code writes the buffer before reading it, add [SkipLocalsInit] (it requires AllowUnsafeBlocks). The figures behind the message are in the diagnostic's properties (docs/diagnostic-properties.md). Configure the size threshold with dotnet_code_quality.ALLOC005.threshold_bytes.",
            severity: DiagnosticSeverity.Info);

        private static readonly ByteOption Threshold = new ByteOption(RuleIds.LargeZeroedStackalloc, OptionKeys.ThresholdBytes, DefaultThresholdBytes);

        public LargeZeroedStackallocAnalyzer()
            : base(Rule)
        {
        }

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
        {
            Threshold.ValidateEveryTree(context, session);
            context.RegisterSyntaxNodeAction(nodeContext => Analyze(nodeContext, session), SyntaxKind.StackAllocArrayCreationExpression);
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, AnalysisSession session)
        {
            var operation = context.SemanticModel.GetOperation(context.Node, context.CancellationToken);
            if (operation == null) return;
            // Zeroed: no [SkipLocalsInit] in scope, so the JIT clears the block.
            var memory = BufferRecognizer.Recognize(operation, session.Types);
            // Priced at its exact size, or at an upper bound of it (Math.Min, a guarding condition): the block zeroed may be that large.
            if (memory == null || memory.Source != BufferSource.Stackalloc || !memory.Zeroed || memory.MaximumBytes == null) return;
            long bytes = memory.MaximumBytes.Value;
            if (bytes < Threshold.Read(session, context.Node.SyntaxTree)) return;
            // Zeros that the code reads are the point of the buffer, not waste.
            if (ZeroReads.AreRead(operation, session.Types, session.Summaries, context.CancellationToken)) return;

            context.ReportDiagnostic(LargeZeroedStackallocReport.Create(context.Node, bytes, upTo: memory.Bytes == null, session));
        }
    }
}
