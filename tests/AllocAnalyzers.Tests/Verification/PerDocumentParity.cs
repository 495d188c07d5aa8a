using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>
/// Per-document parity: every diagnostic a build reports in a document comes out of analysing that
/// document alone, at the same span with the same message, and nothing else does. Diagnostics with
/// no source location (a setting's ALLOC900) are whole-compilation only and not compared.
/// </summary>
public static class PerDocumentParity
{
    public static void Check(ImmutableArray<Diagnostic> whole, ImmutableArray<Diagnostic> perDocument, Compilation compilation)
    {
        var expected = whole.Where(d => d.Location.IsInSource).Select(Key).ToList();
        var actual = perDocument.Select(Key).ToList();
        var missing = Subtract(expected, actual);
        var extra = Subtract(actual, expected);
        if (missing.Count == 0 && extra.Count == 0) return;

        var report = new StringBuilder("Per-document analysis differs from whole-compilation analysis.\n");
        foreach (var k in missing) report.AppendLine($"  only in the build:        {Describe(k, compilation)}");
        foreach (var k in extra) report.AppendLine($"  only in the open document: {Describe(k, compilation)}");
        throw new Xunit.Sdk.XunitException(report.ToString());
    }

    private static (string Id, string Path, Microsoft.CodeAnalysis.Text.TextSpan Span, string Message) Key(Diagnostic d) =>
        (d.Id, d.Location.SourceTree?.FilePath ?? string.Empty, d.Location.SourceSpan, d.GetMessage());

    private static List<T> Subtract<T>(List<T> from, List<T> remove)
    {
        var left = new List<T>(from);
        foreach (var item in remove) left.Remove(item);
        return left;
    }

    private static string Describe((string Id, string Path, Microsoft.CodeAnalysis.Text.TextSpan Span, string Message) k, Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == k.Path);
        string text = tree == null ? string.Empty : $" '{tree.GetText().ToString(k.Span)}'";
        return $"{k.Id} at {k.Path}{k.Span}{text}: {k.Message}";
    }
}
