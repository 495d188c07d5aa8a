using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>An expected diagnostic: its rule id (null for <c>[|...|]</c>, meaning "the analyzer's rule") and span.</summary>
public sealed record ExpectedSpan(string? Id, TextSpan Span);

/// <summary>
/// Parses test markup: <c>{|ALLOC001:new byte[1 &lt;&lt; 20]|}</c> marks a span with a rule id and
/// <c>[|...|]</c> a span of the rule under test. Markers nest; the returned source has them removed.
/// </summary>
public static class TestMarkup
{
    public static (string Source, IReadOnlyList<ExpectedSpan> Spans) Parse(string markup)
    {
        var output = new StringBuilder(markup.Length);
        var spans = new List<ExpectedSpan>();
        var open = new Stack<(string? Id, int Start)>();
        int i = 0;
        while (i < markup.Length)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((null, output.Length));
                i += 2;
            }
            else if (Starts(markup, i, "{|"))
            {
                int colon = markup.IndexOf(':', i + 2);
                if (colon < 0) throw new FormatException($"Markup '{{|' at {i} has no ':' after the rule id.");
                open.Push((markup.Substring(i + 2, colon - i - 2), output.Length));
                i = colon + 1;
            }
            else if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
            {
                if (open.Count == 0) throw new FormatException($"Markup closes a span at {i} that was never opened.");
                var (id, start) = open.Pop();
                bool closesId = markup[i + 1] == '}';
                if (closesId != (id != null)) throw new FormatException($"Markup at {i} closes a span with the wrong bracket.");
                spans.Add(new ExpectedSpan(id, TextSpan.FromBounds(start, output.Length)));
                i += 2;
            }
            else
            {
                output.Append(markup[i]);
                i++;
            }
        }

        if (open.Count > 0) throw new FormatException("Markup leaves a span open.");
        return (output.ToString(), spans.OrderBy(s => s.Span.Start).ThenBy(s => s.Span.End).ToList());
    }

    private static bool Starts(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
