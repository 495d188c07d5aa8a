using System;
using System.Globalization;
using System.Text;

namespace AllocAnalyzers.Runtime.Costs
{
    /// <summary>
    /// Reads and writes a cost profile as .globalconfig keys, so the analyzer can take a measured
    /// profile from its analyzer config options without any file I/O or package dependency.
    /// Keys: <c>alloc_analyzers.cost_profile.&lt;field&gt;</c> (see <see cref="CostProfileFields"/>), plus
    /// <c>name</c>, <c>version</c>, <c>source</c> and <c>base</c> (a built-in profile whose values fill the
    /// fields not given). Numbers use the invariant culture.
    /// </summary>
    public static class CostProfileConfig
    {
        public const string KeyPrefix = "alloc_analyzers.cost_profile.";

        /// <summary>The keys after <see cref="KeyPrefix"/> that are not numeric fields.</summary>
        public static readonly string[] TextKeys = { "name", "version", "source", "base" };

        /// <summary>
        /// Reads a profile through <paramref name="lookup"/> (full key → value or null).
        /// Returns true with a profile when at least one key is set and all are valid; false with
        /// <paramref name="error"/> null when no key is set (use the default); false with a precise
        /// error (key, value, expectation) when a key is invalid.
        /// </summary>
        public static bool TryRead(Func<string, string?> lookup, out CostProfile? profile, out string? error)
        {
            profile = null;
            error = null;
            if (lookup == null) throw new ArgumentNullException(nameof(lookup));

            bool any = false;
            string? baseName = Get(lookup, "base", ref any);
            CostProfile baseProfile = BuiltInProfiles.Default;
            if (baseName != null && !BuiltInProfiles.TryGet(baseName, out baseProfile))
            {
                error = KeyPrefix + "base: unknown built-in profile '" + baseName + "'; expected one of " + string.Join(", ", BuiltInProfiles.Names);
                return false;
            }

            var builder = baseProfile.ToBuilder();
            string? name = Get(lookup, "name", ref any);
            string? version = Get(lookup, "version", ref any);
            string? source = Get(lookup, "source", ref any);
            foreach (var field in CostProfileFields.Numeric)
            {
                string? text = Get(lookup, field.Key, ref any);
                if (text == null) continue;
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    error = KeyPrefix + field.Key + ": expected a number of " + field.UnitName + " (invariant culture, e.g. 1.5e-06), got '" + text + "'";
                    return false;
                }

                string? problem = field.Check(value);
                if (problem != null)
                {
                    error = KeyPrefix + field.Key + ": " + problem;
                    return false;
                }

                field.Set(builder, value);
            }

            if (!any) return false;

            builder.Name = name ?? baseProfile.Name + "+config";
            builder.Source = source ?? "read from .globalconfig";
            if (version != null)
            {
                if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < 1)
                {
                    error = KeyPrefix + "version: expected a positive integer, got '" + version + "'";
                    return false;
                }

                builder.Version = v;
            }

            error = builder.Validate();
            if (error != null) return false;
            profile = builder.Build();
            return true;
        }

        /// <summary>The .globalconfig text holding every value of <paramref name="profile"/>.</summary>
        public static string Write(CostProfile profile)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            var sb = new StringBuilder();
            sb.Append("# AllocAnalyzers cost profile (alloc-analyzers calibrate). The SDK reads a file named .globalconfig in the\n");
            sb.Append("# project directory or above; under any other name, list it: <GlobalAnalyzerConfigFiles Include=\"...\" />.\n");
            sb.Append("is_global = true\n\n");
            Line(sb, "name", OneLine(profile.Name));
            Line(sb, "version", profile.Version.ToString(CultureInfo.InvariantCulture));
            Line(sb, "source", OneLine(profile.Source));
            foreach (var field in CostProfileFields.Numeric)
            {
                sb.Append("# ").Append(field.Description).Append(" (").Append(field.UnitName).Append(")\n");
                double value = field.Get(profile);
                Line(sb, field.Key, field.Unit == CostUnit.Bytes
                    ? ((long)value).ToString(CultureInfo.InvariantCulture)
                    : value.ToString("R", CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }

        private static string? Get(Func<string, string?> lookup, string key, ref bool any)
        {
            string? value = lookup(KeyPrefix + key);
            if (value == null) return null;
            value = value.Trim();
            if (value.Length == 0) return null;
            any = true;
            return value;
        }

        private static void Line(StringBuilder sb, string key, string value) =>
            sb.Append(KeyPrefix).Append(key).Append(" = ").Append(value).Append('\n');

        // A .globalconfig value ends at the line end; '#' and ';' would start a comment.
        private static string OneLine(string text) =>
            text.Replace('\r', ' ').Replace('\n', ' ').Replace('#', ' ').Replace(';', ',').Trim();
    }
}
