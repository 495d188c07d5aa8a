using System.Collections.Immutable;
using System.Composition;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AllocAnalyzers.CodeFixes.Rules.OverwrittenZeroedAllocation
{
    /// <summary>ALLOC004 fix: allocate with GC.AllocateUninitializedArray.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OverwrittenZeroedAllocationCodeFixProvider)), Shared]
    public sealed class OverwrittenZeroedAllocationCodeFixProvider : AllocCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.OverwrittenZeroedAllocation);

        internal override ImmutableArray<DiagnosticFix> Fixes { get; } = ImmutableArray.Create<DiagnosticFix>(new UseUninitializedArrayFix());
    }
}
