using System.Composition;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AllocAnalyzers.CodeFixes.Rules.PlatformAllocatorPathology
{
    /// <summary>ALLOC007 fix: hoist the zeroed block out of the loop and clear what each iteration uses.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PlatformAllocatorPathologyCodeFixProvider)), Shared]
    public sealed class PlatformAllocatorPathologyCodeFixProvider : AllocCodeFixProvider
    {
        public PlatformAllocatorPathologyCodeFixProvider()
            : base(RuleIds.PlatformAllocatorPathology, new HoistNativeBlockFix())
        {
        }
    }
}
