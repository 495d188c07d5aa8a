using System.Text.RegularExpressions;

namespace AllocAnalyzers.Package.Tests;

/// <summary>
/// Reads the expectations written into sample sources as <c>// expect: ALLOC001</c> comments and
/// the diagnostics a build printed, as (file, line, rule id) triples.
/// </summary>
internal static class ExpectedDiagnostics
{
    private static readonly Regex ExpectComment = new(@"//\s*expect:\s*(?<ids>ALLOC\d{3}(\s*,\s*ALLOC\d{3})*)", RegexOptions.Compiled);
    private static readonly Regex BuildWarning = new(@"(?<file>[^\s(]+\.cs)\((?<line>\d+),\d+\): (warning|error) (?<id>ALLOC\d{3})", RegexOptions.Compiled);

    public static SortedSet<string> FromSources(string directory, string ruleId)
    {
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                var match = ExpectComment.Match(lines[i]);
                if (match.Success && match.Groups["ids"].Value.Split(',').Select(s => s.Trim()).Contains(ruleId))
                {
                    expected.Add($"{Path.GetFileName(file)}:{i + 1}:{ruleId}");
                }
            }
        }

        return expected;
    }

    public static SortedSet<string> FromBuildOutput(string output, string ruleId) =>
        new(BuildWarning.Matches(output)
                .Where(m => m.Groups["id"].Value == ruleId)
                .Select(m => $"{Path.GetFileName(m.Groups["file"].Value)}:{m.Groups["line"].Value}:{ruleId}"),
            StringComparer.Ordinal);
}
