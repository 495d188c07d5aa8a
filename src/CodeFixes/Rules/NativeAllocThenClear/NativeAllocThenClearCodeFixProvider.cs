using System.Composition;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AllocAnalyzers.CodeFixes.Rules.NativeAllocThenClear
{
    /// <summary>ALLOC006 fix: NativeMemory.AllocZeroed instead of allocate-then-clear.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NativeAllocThenClearCodeFixProvider)), Shared]
    public sealed class NativeAllocThenClearCodeFixProvider : AllocCodeFixProvider
    {
        public NativeAllocThenClearCodeFixProvider()
            : base(RuleIds.NativeAllocThenClear, new UseAllocZeroedFix())
        {
        }
    }
}
