using System.Text;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Operations
{
    /// <summary>Source text of a node for a diagnostic message: one line, whitespace folded, bounded length.</summary>
    internal static class SyntaxText
    {
        private const int MaxLength = 60;

        public static string Short(SyntaxNode node)
        {
            string text = FoldWhitespace(node.ToString());
            return text.Length <= MaxLength ? text : text.Substring(0, MaxLength - 1) + "…";
        }

        /// <summary>
        /// Every run of whitespace becomes one space, none at either end. A loop rather than a regular
        /// expression: a compiled Regex costs its compilation (about a tenth of a second) in the
        /// analyzer's time on the first diagnostic of every build.
        /// </summary>
        private static string FoldWhitespace(string text)
        {
            var folded = new StringBuilder(text.Length);
            bool pendingSpace = false;
            foreach (char c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = folded.Length > 0;
                    continue;
                }

                if (pendingSpace) folded.Append(' ');
                pendingSpace = false;
                folded.Append(c);
            }

            return folded.ToString();
        }
    }
}
