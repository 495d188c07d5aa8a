using System.Composition;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AllocAnalyzers.CodeFixes.Rules.RedundantClear
{
    /// <summary>ALLOC002 fix: remove the redundant clear.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedundantClearCodeFixProvider)), Shared]
    public sealed class RedundantClearCodeFixProvider : AllocCodeFixProvider
    {
        public RedundantClearCodeFixProvider()
            : base(RuleIds.RedundantClear, new RemoveRedundantClearFix())
        {
        }
    }
}
