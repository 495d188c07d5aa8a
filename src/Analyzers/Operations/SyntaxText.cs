using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Operations
{
    /// <summary>Source text of a node for a diagnostic message: one line, whitespace folded, bounded length.</summary>
    internal static class SyntaxText
    {
        private const int MaxLength = 60;
        private static readonly Regex Whitespace = new Regex(@"\s+", RegexOptions.Compiled);

        public static string Short(SyntaxNode node)
        {
            string text = Whitespace.Replace(node.ToString(), " ").Trim();
            return text.Length <= MaxLength ? text : text.Substring(0, MaxLength - 1) + "…";
        }
    }
}
