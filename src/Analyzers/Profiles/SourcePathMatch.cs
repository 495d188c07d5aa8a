using System;

namespace AllocAnalyzers.Profiles
{
    /// <summary>
    /// Whether a profile's source path names the same file as a syntax tree's. The profile has the
    /// path the PDB recorded: the same absolute path on the machine that built it, or a mapped one
    /// ("/_/src/…" in deterministic builds, another checkout on CI). So paths match by their trailing
    /// segments: all of the shorter path's segments, or at least the file and its folder.
    /// </summary>
    internal static class SourcePathMatch
    {
        private static readonly char[] Separators = { '/', '\\' };

        public static bool SameFile(string profilePath, string treePath)
        {
            if (profilePath.Length == 0 || treePath.Length == 0) return false;
            var a = profilePath.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            var b = treePath.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            int shorter = Math.Min(a.Length, b.Length);
            int common = 0;
            while (common < shorter && string.Equals(a[a.Length - 1 - common], b[b.Length - 1 - common], StringComparison.OrdinalIgnoreCase))
            {
                common++;
            }

            return common > 0 && (common == shorter || common >= 2);
        }
    }
}
