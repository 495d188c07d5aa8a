namespace AllocAnalyzers.Configuration
{
    /// <summary>The .editorconfig / .globalconfig keys AllocAnalyzers reads.</summary>
    internal static class OptionKeys
    {
        /// <summary>A per-rule option, in the convention of the .NET code-quality analyzers.</summary>
        public static string Rule(string ruleId, string option) => "dotnet_code_quality." + ruleId + "." + option;

        public const string ThresholdBytes = "threshold_bytes";
    }
}
