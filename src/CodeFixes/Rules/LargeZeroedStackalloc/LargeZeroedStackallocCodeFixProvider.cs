using System.Composition;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AllocAnalyzers.CodeFixes.Rules.LargeZeroedStackalloc
{
    /// <summary>ALLOC005 fix: add [SkipLocalsInit] where every stackalloc is written before it is read.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LargeZeroedStackallocCodeFixProvider)), Shared]
    public sealed class LargeZeroedStackallocCodeFixProvider : AllocCodeFixProvider
    {
        public LargeZeroedStackallocCodeFixProvider()
            : base(RuleIds.LargeZeroedStackalloc, new AddSkipLocalsInitFix())
        {
        }
    }
}
