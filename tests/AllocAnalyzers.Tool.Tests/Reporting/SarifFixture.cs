using System.Text.Json;

namespace AllocAnalyzers.Tool.Tests.Reporting;

/// <summary>Writes SARIF 2.1 logs shaped like the C# compiler's (diagnostic properties under properties.customProperties).</summary>
internal sealed class SarifFixture : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "alloc-report-" + Guid.NewGuid().ToString("N"));

    public SarifFixture() => Directory.CreateDirectory(_directory);

    public string PathOf(string name) => Path.Combine(_directory, name);

    public static object Result(string rule, string file, int line, string fingerprint, long bytes, double seconds, string repetition = "loop-iteration", long? measuredBytes = null, long? samples = null) =>
        new
        {
            ruleId = rule,
            level = "warning",
            message = new { text = rule + " at " + file + ":" + line },
            locations = new[] { new { physicalLocation = new { artifactLocation = new { uri = new Uri(file).AbsoluteUri }, region = new { startLine = line, startColumn = 9 } } } },
            properties = new
            {
                warningLevel = 1,
                customProperties = Properties(bytes, seconds, repetition, fingerprint, measuredBytes, samples),
            },
        };

    public string Write(string name, params object[] results)
    {
        var log = new
        {
            schema = "http://json.schemastore.org/sarif-2.1.0",
            version = "2.1.0",
            runs = new[] { new { results, tool = new { driver = new { name = "Microsoft (R) Visual C# Compiler" } } } },
        };
        string path = PathOf(name);
        File.WriteAllText(path, JsonSerializer.Serialize(log).Replace("\"schema\"", "\"$schema\""));
        return path;
    }

    public string WriteText(string name, string text)
    {
        string path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Dictionary<string, string> Properties(long bytes, double seconds, string repetition, string fingerprint, long? measuredBytes, long? samples)
    {
        var p = new Dictionary<string, string>
        {
            ["Bytes"] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BytesZeroed"] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EstimatedSeconds"] = seconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["Repetition"] = repetition,
            ["Platform"] = "linux",
            ["CostProfile"] = "linux-x64-reference",
            ["Fingerprint"] = fingerprint,
        };
        if (measuredBytes != null) p["MeasuredBytes"] = measuredBytes.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (samples != null) p["MeasuredSamples"] = samples.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (measuredBytes != null) p["MeasuredSummary"] = "run.sites.tsv";
        return p;
    }
}
