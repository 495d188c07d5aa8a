using System.Composition;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop
{
    /// <summary>ALLOC001 fixes: hoist and reuse; rent from ArrayPool.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LargeAllocationInLoopCodeFixProvider)), Shared]
    public sealed class LargeAllocationInLoopCodeFixProvider : AllocCodeFixProvider
    {
        public LargeAllocationInLoopCodeFixProvider()
            : base(RuleIds.LargeAllocationInLoop, new HoistAllocationFix(), new RentFromArrayPoolFix())
        {
        }
    }
}
