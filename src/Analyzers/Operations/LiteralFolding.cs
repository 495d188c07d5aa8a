using System.Globalization;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Integer constants as C# source text, for code fixes that restate a proven value. (Values are
    /// proven by <see cref="ConstantValues"/>, which binds other declarations' initializers instead
    /// of folding their syntax.)
    /// </summary>
    internal static class LiteralFolding
    {
        /// <summary>The C# source text of an integer constant, for code fixes that need to restate it.</summary>
        public static string ToLiteral(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
