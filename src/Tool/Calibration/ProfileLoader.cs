using AllocAnalyzers.Runtime.Costs;

namespace AllocAnalyzers.Tool.Calibration;

/// <summary>Finds a cost profile by built-in name or reads one from a .globalconfig file.</summary>
internal static class ProfileLoader
{
    public static bool TryLoad(string nameOrPath, out CostProfile? profile, out string? error)
    {
        if (BuiltInProfiles.TryGet(nameOrPath, out var builtIn))
        {
            profile = builtIn;
            error = null;
            return true;
        }

        profile = null;
        if (!File.Exists(nameOrPath))
        {
            error = "'" + nameOrPath + "' is neither a built-in profile (" + string.Join(", ", BuiltInProfiles.Names) + ") nor a file";
            return false;
        }

        var values = ParseGlobalConfig(File.ReadAllLines(nameOrPath));
        if (CostProfileConfig.TryRead(key => values.TryGetValue(key, out var v) ? v : null, out profile, out error)) return true;
        error = nameOrPath + ": " + (error ?? "no " + CostProfileConfig.KeyPrefix + "* keys found");
        return false;
    }

    /// <summary>The key = value pairs of a .globalconfig / .editorconfig file, ignoring comments and sections.</summary>
    public static Dictionary<string, string> ParseGlobalConfig(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in lines)
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';' || line[0] == '[') continue;
            int eq = line.IndexOf('=');
            if (eq <= 0) continue;
            values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }

        return values;
    }
}
