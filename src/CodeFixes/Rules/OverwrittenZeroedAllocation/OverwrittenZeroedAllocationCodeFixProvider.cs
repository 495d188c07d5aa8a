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
        public OverwrittenZeroedAllocationCodeFixProvider()
            : base(RuleIds.OverwrittenZeroedAllocation, new UseUninitializedArrayFix())
        {
        }
    }
}
