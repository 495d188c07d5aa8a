using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.CodeFixes.TargetFrameworks
{
    /// <summary>
    /// Whether a fix that inserts <see cref="FrameworkApi"/> code must be wrapped in <c>#if</c>, from
    /// every target framework of the project. The package's build targets pass them, comma-separated
    /// (the compiler's analyzer config cuts values at ';', dotnet/roslyn#43970), as
    /// <c>build_property.AllocAnalyzersTargetFrameworks</c>; each target framework's build sees the
    /// whole list, so every build decides the same and the fixed code compiles in all of them.
    /// </summary>
    internal sealed class FrameworkGuard
    {
        public const string TargetFrameworksKey = "build_property.AllocAnalyzersTargetFrameworks";

        /// <summary>No wrapping: every target framework has the API (or only this build's is known).</summary>
        public static readonly FrameworkGuard None = new FrameworkGuard(null, true);

        /// <summary>No fix: the code is the fallback branch of an earlier guarded fix (or the API cannot be guarded).</summary>
        public static readonly FrameworkGuard NotOffered = new FrameworkGuard(null, false);

        private FrameworkGuard(string? condition, bool offered)
        {
            Condition = condition;
            Offered = offered;
        }

        /// <summary>The <c>#if</c> condition to wrap the rewritten code in, with the original as <c>#else</c>; null for none.</summary>
        public string? Condition { get; }

        public bool Offered { get; }

        public static FrameworkGuard For(Document document, SyntaxNode node, FrameworkApi api)
        {
            var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions;
            if (!options.TryGetValue(TargetFrameworksKey, out string? list) || string.IsNullOrWhiteSpace(list)) return None;
            var monikers = list.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Where(m => m.Trim().Length > 0).ToList();
            if (monikers.All(m => TargetFrameworkMoniker.TryParse(m) is TargetFrameworkMoniker moniker && api.IsAvailableIn(moniker))) return None;

            switch (ConditionalBranches.At(node, api.Condition))
            {
                case BranchPosition.InIf: return None;
                case BranchPosition.InElse: return NotOffered;
                default: return new FrameworkGuard(api.Condition, true);
            }
        }
    }
}
