using System.Text.Json;

namespace AllocAnalyzers.Tool.Reporting;

/// <summary>
/// Reads the AllocAnalyzers results of a compiler SARIF 2.1 log (<c>-p:ErrorLog=file.sarif%2Cversion=2.1</c>).
/// The C# compiler writes a diagnostic's properties under <c>results[].properties.customProperties</c>;
/// properties directly under <c>results[].properties</c> (other writers) are read too. ALLOC900
/// (configuration) results are not findings and are left out.
/// </summary>
internal static class SarifLogReader
{
    public static IReadOnlyList<Finding> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SarifInputException("cannot read " + path + ": " + e.Message, unreadable: true);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return Findings(path, document.RootElement);
        }
        catch (JsonException e)
        {
            throw new SarifInputException(path + " is not JSON (" + e.Message + "); expected a SARIF log written by the compiler");
        }
    }

    private static List<Finding> Findings(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            throw new SarifInputException(path + " is not a SARIF log: it has no 'runs' array");
        }

        string version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "(none)";
        if (!version.StartsWith("2.1", StringComparison.Ordinal))
        {
            throw new SarifInputException(path + " is SARIF version " + version + "; build with -p:ErrorLog=" + Path.GetFileName(path) + "%2Cversion=2.1 to write SARIF 2.1");
        }

        var findings = new List<Finding>();
        foreach (var run in runs.EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array) continue;
            foreach (var result in results.EnumerateArray())
            {
                var finding = Read(path, result);
                if (finding != null) findings.Add(finding);
            }
        }

        return findings;
    }

    private static Finding? Read(string path, JsonElement result)
    {
        string? ruleId = result.TryGetProperty("ruleId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        if (ruleId == null || !ruleId.StartsWith("ALLOC", StringComparison.Ordinal) || ruleId == "ALLOC900") return null;
        string message = result.TryGetProperty("message", out var m) && m.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
        var (file, line) = Location(result);
        if (file == null) throw new SarifInputException(path + ": a " + ruleId + " result has no file location");
        return new Finding(ruleId, file, line, message, Properties(result));
    }

    private static (string? File, int Line) Location(JsonElement result)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array || locations.GetArrayLength() == 0) return (null, 0);
        if (!locations[0].TryGetProperty("physicalLocation", out var physical)) return (null, 0);
        string? uri = physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        int line = physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var l) && l.TryGetInt32(out int n) ? n : 0;
        return (uri == null ? null : LocalPath(uri), line);
    }

    private static string LocalPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile ? absolute.LocalPath : Uri.UnescapeDataString(uri);

    private static Dictionary<string, string> Properties(JsonElement result)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!result.TryGetProperty("properties", out var bag) || bag.ValueKind != JsonValueKind.Object) return properties;
        var custom = bag.TryGetProperty("customProperties", out var c) && c.ValueKind == JsonValueKind.Object ? c : bag;
        foreach (var property in custom.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number) properties[property.Name] = property.Value.ToString();
        }

        return properties;
    }
}
