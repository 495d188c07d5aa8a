using System.Composition;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AllocAnalyzers.CodeFixes.Rules.OversizedInteropBuffer
{
    /// <summary>ALLOC003 fix: shrink the buffer to what the native call uses.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OversizedInteropBufferCodeFixProvider)), Shared]
    public sealed class OversizedInteropBufferCodeFixProvider : AllocCodeFixProvider
    {
        public OversizedInteropBufferCodeFixProvider()
            : base(RuleIds.OversizedInteropBuffer, new ShrinkInteropBufferFix())
        {
        }
    }
}
