using System;
using System.Globalization;

namespace AllocAnalyzers.CodeFixes.TargetFrameworks
{
    internal enum FrameworkFamily
    {
        NetFramework,
        NetStandard,

        /// <summary>.NET Core 1.0–3.1 and .NET 5 and later.</summary>
        NetCore,
    }

    /// <summary>
    /// A short target framework moniker as a project file writes it (https://learn.microsoft.com/dotnet/standard/frameworks):
    /// <c>net10.0</c>, <c>net8.0-windows</c>, <c>netstandard2.1</c>, <c>netcoreapp3.1</c>, <c>net472</c>.
    /// </summary>
    internal sealed class TargetFrameworkMoniker
    {
        private TargetFrameworkMoniker(FrameworkFamily family, Version version)
        {
            Family = family;
            Version = version;
        }

        public FrameworkFamily Family { get; }
        public Version Version { get; }

        /// <summary>The moniker, or null for one this code does not know (then no API is assumed present).</summary>
        public static TargetFrameworkMoniker? TryParse(string text)
        {
            string moniker = text.Trim().ToLowerInvariant();
            int dash = moniker.IndexOf('-');
            if (dash >= 0) moniker = moniker.Substring(0, dash); // net8.0-windows, net6.0-android
            if (moniker.StartsWith("netstandard", StringComparison.Ordinal)) return Dotted(FrameworkFamily.NetStandard, moniker.Substring("netstandard".Length));
            if (moniker.StartsWith("netcoreapp", StringComparison.Ordinal)) return Dotted(FrameworkFamily.NetCore, moniker.Substring("netcoreapp".Length));
            if (!moniker.StartsWith("net", StringComparison.Ordinal)) return null;
            string rest = moniker.Substring(3);
            if (rest.IndexOf('.') >= 0) return Dotted(FrameworkFamily.NetCore, rest); // net5.0 and later
            // net472, net48: one digit per version part.
            if (rest.Length < 2 || rest.Length > 3) return null;
            foreach (char c in rest) if (c < '0' || c > '9') return null;
            return new TargetFrameworkMoniker(FrameworkFamily.NetFramework, new Version(rest[0] - '0', rest[1] - '0', rest.Length > 2 ? rest[2] - '0' : 0));
        }

        /// <summary>At least <paramref name="family"/> <paramref name="major"/>.<paramref name="minor"/>.</summary>
        public bool IsAtLeast(FrameworkFamily family, int major, int minor) =>
            Family == family && Version >= new Version(major, minor);

        private static TargetFrameworkMoniker? Dotted(FrameworkFamily family, string version)
        {
            var parts = version.Split('.');
            if (parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major) ||
                !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor))
            {
                return null;
            }

            return new TargetFrameworkMoniker(family, new Version(major, minor));
        }
    }
}
