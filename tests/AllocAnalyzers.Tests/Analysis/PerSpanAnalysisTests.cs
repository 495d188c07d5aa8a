using AllocAnalyzers.Rules.NativeAllocThenClear;

namespace AllocAnalyzers.Tests.Analysis;

/// <summary>
/// Diagnostics located away from the operation that finds them must still come out of the editor's
/// analysis of a document or of a span of it (the lines on screen, the line being edited).
/// </summary>
public class PerSpanAnalysisTests
{
    private const string AllocThenClear = """
        using System.Runtime.InteropServices;

        public static unsafe class C
        {
            public static void M(int n)
            {
                byte* block = (byte*)NativeMemory.Alloc((nuint)n);
                NativeMemory.Clear(block, (nuint)n);
                block[0] = 1;
                NativeMemory.Free(block);
            }
        }
        """;

    [Fact]
    public async Task ALLOC006_is_reported_by_whole_document_and_span_analysis_alike()
    {
        var compilation = new StandaloneCompilation(AllocThenClear, new NativeAllocThenClearAnalyzer());
        var whole = await compilation.WholeAsync();
        var diagnostic = Assert.Single(whole);
        Assert.Equal("ALLOC006", diagnostic.Id);

        var document = await compilation.DocumentAsync();
        Assert.Equal(whole.Select(d => d.Location.SourceSpan), document.Select(d => d.Location.SourceSpan));

        // Only the allocation's line is asked about: the clear, on the next line, is outside the span.
        var line = compilation.Tree.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).Span;
        var onLine = await compilation.DocumentAsync(line);
        Assert.Equal(diagnostic.Location.SourceSpan, Assert.Single(onLine).Location.SourceSpan);
    }
}
