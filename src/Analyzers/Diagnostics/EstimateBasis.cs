using AllocAnalyzers.Runtime;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Formatting;

namespace AllocAnalyzers.Diagnostics
{
    /// <summary>
    /// What an estimate was priced for, named as users say it: a built-in profile is its platform
    /// ("on Linux x64"); a profile calibrated by the user is named ("on the 'my-laptop' profile").
    /// </summary>
    internal sealed class EstimateBasis
    {
        private EstimateBasis(string platformId, string phrase, CostProfile profile)
        {
            PlatformId = platformId;
            Phrase = phrase;
            Profile = profile;
        }

        /// <summary>The <see cref="DiagnosticProperties.Platform"/> value.</summary>
        public string PlatformId { get; }

        /// <summary>"on Linux x64", "on macOS", "on the 'my-laptop' profile".</summary>
        public string Phrase { get; }

        public CostProfile Profile { get; }

        public static EstimateBasis For(CostProfile profile)
        {
            foreach (TargetPlatform platform in new[] { TargetPlatform.Linux, TargetPlatform.MacOS, TargetPlatform.Windows })
            {
                if (ReferenceEquals(BuiltInProfiles.For(platform), profile)) return For(platform, profile);
            }

            return new EstimateBasis(PlatformValues.Calibrated, "on the '" + profile.Name + "' profile", profile);
        }

        /// <summary>An estimate for <paramref name="platform"/> priced by <paramref name="profile"/>.</summary>
        public static EstimateBasis For(TargetPlatform platform, CostProfile profile) =>
            new EstimateBasis(IdOf(platform), "on " + PlatformName(platform), profile);

        /// <summary>The stable identifier: "linux", "macos", "windows".</summary>
        public static string IdOf(TargetPlatform platform) => platform switch
        {
            TargetPlatform.MacOS => PlatformValues.MacOS,
            TargetPlatform.Windows => PlatformValues.Windows,
            _ => PlatformValues.Linux,
        };

        /// <summary>The platform as users say it: the models are of x64 Linux and Windows and of the calloc story's Mac.</summary>
        public static string PlatformName(TargetPlatform platform) => platform switch
        {
            TargetPlatform.MacOS => "macOS",
            TargetPlatform.Windows => "Windows x64",
            _ => "Linux x64",
        };
    }
}
