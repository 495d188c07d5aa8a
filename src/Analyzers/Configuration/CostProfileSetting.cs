using AllocAnalyzers.Runtime.Costs;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// The cost profile that prices the messages: the one written by <c>alloc-analyzers calibrate</c>
    /// into a .globalconfig (<c>alloc_analyzers.cost_profile.*</c> keys) when present and valid,
    /// else the built-in default. An invalid profile is reported as ALLOC900 once per compilation
    /// (<see cref="CompilationSettingError"/>).
    /// </summary>
    internal sealed class CostProfileSetting
    {
        private CostProfileSetting(CostProfile profile, string? error)
        {
            Profile = profile;
            Error = error;
        }

        public CostProfile Profile { get; }

        /// <summary>What is wrong with the configured profile, or null.</summary>
        public string? Error { get; }

        public static CostProfileSetting Read(ConfigurationReader configuration)
        {
            if (CostProfileConfig.TryRead(configuration.GetGlobal, out var profile, out var error) && profile != null)
            {
                return new CostProfileSetting(profile, null);
            }

            return new CostProfileSetting(BuiltInProfiles.Default, error);
        }
    }
}
