using System.Collections.Immutable;
using AllocAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AllocAnalyzers.Tests.Editor;

/// <summary>
/// Types one document of a project method body by method body, as a user does: the text before
/// the cursor is the final text's prefix, the text after the body (closing braces, other members)
/// is already there. Each prefix is analysed as an editor analyses the open document, and the
/// presence of every diagnostic of the final text is followed from the moment its own statement
/// is complete. A toggle while a different statement is half typed is a flicker: between two
/// statement ends the diagnostic may change state at most once (the new statement legitimately
/// changes what is known), and not at all if it ends where it started.
/// </summary>
public sealed class TypingSession
{
    private readonly Project _project;
    private readonly Document _document;
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

    private readonly string _displayName;

    public TypingSession(Project project, string documentName, string displayName, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        _project = project;
        _displayName = displayName;
        _document = project.Documents.Single(d => d.Name == documentName);
        _analyzers = analyzers;
    }

    /// <summary>How many prefixes were analysed, for the test's output.</summary>
    public int PrefixesAnalysed { get; private set; }

    /// <summary>Types every method body of the document and returns the flickers found.</summary>
    public async Task<IReadOnlyList<Flicker>> TypeAsync(TypingGranularity granularity)
    {
        var compilation = (await _project.GetCompilationAsync())!;
        var tree = (await _document.GetSyntaxTreeAsync())!;
        var text = await tree.GetTextAsync();
        var final = await AnalyzeAsync(compilation, tree);
        var flickers = new List<Flicker>();
        foreach (var body in (await tree.GetRootAsync()).DescendantNodes().OfType<BaseMethodDeclarationSyntax>().Select(m => m.Body).OfType<BlockSyntax>())
        {
            var inBody = final.Where(d => body.Span.Contains(d.Span)).ToList();
            if (inBody.Count == 0) continue;
            flickers.AddRange(await TypeBodyAsync(compilation, tree, text, body, inBody, granularity));
        }

        return flickers;
    }

    private async Task<IEnumerable<Flicker>> TypeBodyAsync(Compilation compilation, SyntaxTree tree, SourceText text, BlockSyntax body, List<Seen> final, TypingGranularity granularity)
    {
        int start = body.OpenBraceToken.Span.End, end = body.CloseBraceToken.SpanStart;
        var statementEnds = body.DescendantNodes().OfType<StatementSyntax>().Select(s => s.Span.End).Append(start).Distinct().OrderBy(p => p).ToList();
        var cursors = Cursors(text, body, granularity).Concat(statementEnds).Where(p => p >= start && p <= end).Distinct().OrderBy(p => p).ToList();
        var suffix = text.ToString(TextSpan.FromBounds(end, text.Length));
        var presence = new Dictionary<int, HashSet<Seen>>();
        foreach (int cursor in cursors)
        {
            var typed = tree.WithChangedText(SourceText.From(text.ToString(TextSpan.FromBounds(0, cursor)) + suffix));
            presence[cursor] = (await AnalyzeAsync(compilation.ReplaceSyntaxTree(tree, typed), typed)).Where(d => d.Span.End <= cursor).ToHashSet();
            PrefixesAnalysed++;
        }

        var flickers = new List<Flicker>();
        foreach (var seen in final)
        {
            var own = body.DescendantNodes().OfType<StatementSyntax>().Where(s => s.Span.Contains(seen.Span)).OrderBy(s => s.Span.Length).First();
            var ends = statementEnds.Where(p => p >= own.Span.End).ToList();
            for (int i = 0; i + 1 < ends.Count; i++)
            {
                var states = cursors.Where(c => c >= ends[i] && c <= ends[i + 1]).Select(c => (Cursor: c, On: presence[c].Contains(seen))).ToList();
                var toggles = states.Zip(states.Skip(1), (a, b) => (a, b)).Where(p => p.a.On != p.b.On).Select(p => p.b).ToList();
                int allowed = states[0].On != states[^1].On ? 1 : 0;
                if (toggles.Count <= allowed) continue;

                // Named from the first token typed after the previous statement: comments are not code being typed.
                int typingFrom = FirstTokenAt(body, ends[i]);
                flickers.Add(new Flicker(
                    _displayName,
                    seen.Id,
                    text.ToString(seen.Span),
                    OneLine(text.ToString(TextSpan.FromBounds(typingFrom, ends[i + 1]))),
                    toggles.Select(t => (t.On ? "on  after '" : "off after '") + OneLine(text.ToString(TextSpan.FromBounds(typingFrom, Math.Max(typingFrom, t.Cursor)))) + "'").ToList()));
            }
        }

        return flickers;
    }

    private async Task<List<Seen>> AnalyzeAsync(Compilation compilation, SyntaxTree tree) =>
        (await AnalyzerRunner.OpenDocumentsAsync(compilation, _project.AnalyzerOptions, _analyzers, new[] { tree }))
        .Where(d => d.Location.IsInSource && d.Id != "ALLOC900")
        .Select(d => new Seen(d.Id, d.Location.SourceSpan))
        .ToList();

    private static IEnumerable<int> Cursors(SourceText text, BlockSyntax body, TypingGranularity granularity) =>
        granularity == TypingGranularity.Token
            ? body.DescendantTokens().Select(t => t.Span.End)
            : Enumerable.Range(body.OpenBraceToken.Span.End + 1, body.CloseBraceToken.SpanStart - body.OpenBraceToken.Span.End).Where(p => !char.IsWhiteSpace(text[p - 1]));

    private static int FirstTokenAt(BlockSyntax body, int position)
    {
        var token = body.FindToken(position);
        if (token.Span.End <= position) token = token.GetNextToken();
        return token.SpanStart;
    }

    private static string OneLine(string s) => string.Join(" ", s.Split(new[] { ' ', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries));

    private sealed record Seen(string Id, TextSpan Span);
}

public enum TypingGranularity
{
    /// <summary>A prefix ends after every token of a body.</summary>
    Token,

    /// <summary>A prefix ends after every non-blank character of a body.</summary>
    Character,
}

/// <summary>A diagnostic of the final text that toggled while a different statement was being typed.</summary>
public sealed record Flicker(string Document, string Id, string Flagged, string WhileTyping, IReadOnlyList<string> Toggles)
{
    /// <summary>The flicker's name: the document, the diagnostic and the statement being typed.</summary>
    public string Key => $"{Document}: {Id} on '{Flagged}' while typing '{WhileTyping}'";

    public override string ToString() => Key + "\n    " + string.Join("\n    ", Toggles);
}
