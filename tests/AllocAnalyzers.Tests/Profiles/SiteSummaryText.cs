using AllocAnalyzers.Runtime.Profiling.Summary;

namespace AllocAnalyzers.Tests.Profiles;

/// <summary>Site summaries written for a test, in the format `alloc-analyzers profile` writes.</summary>
internal static class SiteSummaryText
{
    /// <summary>The 1-based line of the first occurrence of <paramref name="text"/>.</summary>
    public static int LineOf(string source, string text) =>
        source[..source.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    /// <summary>The summary file's text, rows sorted by bytes as the format keeps them.</summary>
    public static string Of(params SiteSummaryRow[] rows)
    {
        var writer = new StringWriter();
        SiteSummaryFormat.Write(writer, rows.OrderByDescending(r => r.EstimatedBytes), "from a test");
        return writer.ToString();
    }
}
