namespace AllocAnalyzers.Diagnostics
{
    internal static class RuleCategories
    {
        public const string Performance = "Performance";
        public const string Configuration = "Configuration";
    }
}
