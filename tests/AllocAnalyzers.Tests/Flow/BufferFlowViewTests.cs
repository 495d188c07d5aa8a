using AllocAnalyzers.Flow;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace AllocAnalyzers.Tests.Flow;

/// <summary>
/// The shared buffer-state view. In each body, <c>/*A*/</c> marks the allocation and <c>/*U*/</c> the
/// point asked about (the outermost expression or statement starting right after the marker).
/// </summary>
public class BufferFlowViewTests
{
    private static string InMethod(string body) => $$"""
        using System;
        using System.IO;
        using System.Runtime.InteropServices;

        public unsafe class C
        {
            public void M(int n, bool f, byte[] other, Stream stream, byte[] src)
            {
                {{body}}
            }

            static void Use(byte[] b) { }
            static void UseSpan(Span<byte> s) { }
        }
        """;

    [Theory]
    [InlineData("var b = /*A*/new byte[n]; /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; int len = b.Length; /*U*/Array.Clear(b, 0, b.Length);")]
    [InlineData("var b = /*A*/new byte[n]; /*U*/Array.Clear(b); b[0] = 1; Use(b);")]
    [InlineData("while (f) { var b = /*A*/new byte[n]; /*U*/Array.Clear(b); b[0] = 1; }")]
    [InlineData("byte[] b; while (f) { b = /*A*/new byte[n]; /*U*/b.AsSpan().Clear(); Use(b); }")]
    [InlineData("var b = /*A*/new byte[n]; var s = b.AsSpan(); if (s.IsEmpty) return; /*U*/s.Clear();")]
    [InlineData("var b = /*A*/new byte[n]; if (b == null) return; /*U*/Array.Clear(b);")]
    [InlineData("/*U*/Array.Clear(/*A*/new byte[n]);")]
    [InlineData("Span<byte> s = /*A*/stackalloc byte[64]; /*U*/s.Clear();")]
    [InlineData("byte* p = (byte*)/*A*/NativeMemory.AllocZeroed(64); /*U*/NativeMemory.Clear(p, 64);")]
    [InlineData("Action a = () => { var b = /*A*/new byte[4]; /*U*/Array.Clear(b); }; a();")]
    [InlineData("var b = /*A*/new byte[n]; try { f = !f; } catch { f = false; } /*U*/Array.Clear(b);")]
    [InlineData("var p = /*A*/Marshal.AllocHGlobal(64); /*U*/NativeMemory.Clear((void*)p, 64);")]
    [InlineData("var b = /*A*/new byte[n]; switch (n) { case 1: f = true; break; default: Use(other); break; } /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; if (f) goto done; n++; done: /*U*/Array.Clear(b);")]
    public Task Buffer_is_untouched_before_the_point(string body) => Check(body, view => view.Before(Point(view, "U")), history =>
    {
        Assert.True(history.IsUntouched, Describe(history));
        Assert.False(history.MayBeWritten);
    });

    [Theory]
    [InlineData("var b = /*A*/new byte[n]; b[0] = 1; /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; Use(b); /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; stream.Read(b, 0, 4); /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; if (f) b[0] = 1; /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; var s = b.AsSpan(); s[0] = 1; /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; Span<byte> s = b; UseSpan(s.Slice(1)); /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; var m = b.AsMemory(); m.Span.Fill(1); /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; while (f) { /*U*/Array.Clear(b); b[0] = 1; }")]
    [InlineData("var b = /*A*/new byte[n]; for (int i = 0; i < 2; i++) { /*U*/Array.Clear(b); }")]
    [InlineData("var b = /*A*/new byte[n]; Action a = () => b[0] = 1; a(); /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; void Local() => b[0] = 1; Local(); /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; try { f = !f; } catch { b[0] = 1; } /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; try { f = !f; } finally { b[1] = 1; } /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; b = other; /*U*/Array.Clear(b);")]
    [InlineData("byte[] b = other; if (f) b = /*A*/new byte[n]; /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; ref byte r = ref b[0]; r = 1; /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; fixed (byte* q = b) { *q = 1; } /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; b[0]++; /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; src.CopyTo(b, 0); /*U*/Array.Clear(b);")]
    [InlineData("Use(/*A*/new byte[n]); /*U*/Array.Clear(other);")]
    [InlineData("var b = /*A*/new byte[n]; switch (n) { case 1: b[0] = 1; break; default: break; } /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; if (f) goto done; b[0] = 1; done: /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; try { try { f = !f; } finally { n++; } } catch { b[0] = 1; } /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; object o = b; Use((byte[])o); /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; foreach (var x in b) { f = x == 0; } /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; using (var ms = new MemoryStream(b)) { ms.WriteByte(1); } /*U*/Array.Clear(b);")]
    [InlineData("var p = /*A*/Marshal.AllocHGlobal(64); Marshal.WriteByte(p, 1); /*U*/NativeMemory.Clear((void*)p, 64);")]
    [InlineData("var p = /*A*/Marshal.AllocHGlobal(64); ((byte*)p)[0] = 1; /*U*/NativeMemory.Clear((void*)p, 64);")]
    [InlineData("Span<byte> s = /*A*/stackalloc byte[64]; s.Fill(1); /*U*/s.Clear();")]
    [InlineData("byte* p = (byte*)/*A*/NativeMemory.AllocZeroed(64); p[3] = 1; /*U*/NativeMemory.Clear(p, 64);")]
    [InlineData("byte* p = (byte*)/*A*/NativeMemory.AllocZeroed(64); *p = 1; /*U*/NativeMemory.Clear(p, 64);")]
    [InlineData("byte* p = (byte*)/*A*/NativeMemory.AllocZeroed(64); byte* q = p + 8; *q = 1; /*U*/NativeMemory.Clear(p, 64);")]
    [InlineData("byte* p = (byte*)/*A*/NativeMemory.AllocZeroed(64); var s = new Span<byte>(p, 64); s[0] = 1; /*U*/NativeMemory.Clear(p, 64);")]
    public Task Buffer_may_be_written_before_the_point(string body) => Check(body, view => view.Before(Point(view, "U")), history =>
        Assert.True(history.MayBeWritten, Describe(history)));

    [Theory]
    [InlineData("var b = /*A*/new byte[n]; int x = b[0]; /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; var s = b.AsSpan(); s.CopyTo(other); /*U*/Array.Clear(b);")]
    [InlineData("var b = /*A*/new byte[n]; if (b[0] == 0) f = true; /*U*/Array.Clear(b);")]
    public Task Reads_are_told_apart_from_writes(string body) => Check(body, view => view.Before(Point(view, "U")), history =>
    {
        Assert.False(history.MayBeWritten, Describe(history));
        Assert.True(history.MayBeRead);
    });

    [Theory]
    [InlineData("var b = /*A*/new byte[src.Length]; /*U*/src.CopyTo(b, 0); Use(b);", false)]
    [InlineData("var b = /*A*/new byte[n]; /*U*/stream.ReadExactly(b); Use(b); Use(b);", false)]
    [InlineData("var b = /*A*/new byte[n]; Use(b); /*U*/stream.ReadExactly(b);", true)]
    [InlineData("var b = /*A*/new byte[n]; if (f) /*U*/stream.ReadExactly(b); Use(b);", true)]
    [InlineData("var b = /*A*/new byte[n]; try { /*U*/stream.ReadExactly(b); } catch (IOException) { } Use(b);", true)]
    [InlineData("var b = /*A*/new byte[n]; /*U*/for (int i = 0; i < b.Length; i++) { b[i] = 1; } Use(b);", false)]
    [InlineData("var b = /*A*/new byte[n]; b[0] = 1; /*U*/for (int i = 0; i < b.Length; i++) { b[i] = 1; } Use(b);", false)]
    [InlineData("var b = /*A*/new byte[n]; int x = b[0]; /*U*/for (int i = 0; i < b.Length; i++) { b[i] = 1; }", true)]
    public Task Uses_reachable_without_passing_a_complete_overwrite(string body, bool mayRead) =>
        Check(body, view => view.ReachableWithout(Point(view, "U")), history =>
        {
            Assert.True(history.IsKnown);
            Assert.Equal(mayRead, (history.Access & BufferAccess.Read) != 0);
        });

    [Fact]
    public Task Holding_locals_include_views() =>
        Check("var b = /*A*/new byte[n]; var s = b.AsSpan(); var t = s.Slice(1); /*U*/t.Clear();", view => view.Before(Point(view, "U")), history =>
            Assert.True(history.IsUntouched, Describe(history)), view => Assert.Equal(new[] { "b", "s", "t" }, view.HoldingLocals.Select(l => l.Name).OrderBy(n => n)));

    [Fact]
    public Task A_buffer_not_stored_in_a_local_is_not_tracked() =>
        Check("Use(/*A*/new byte[n]); /*U*/Use(other);", view => view.Before(Point(view, "U")), history => Assert.False(history.IsKnown), view => Assert.False(view.IsTracked));

    private static string Describe(BufferHistory history) =>
        $"known={history.IsKnown} dominates={history.AllocationDominates} repeats={history.MayRepeat} touches=[{string.Join("; ", history.Touches)}]";

    private static IOperation Point(BufferFlowView view, string marker) => CurrentPoints.Value![marker];

    private static readonly AsyncLocal<Dictionary<string, IOperation>> CurrentPoints = new();

    private static async Task Check(string body, Func<BufferFlowView, BufferHistory> ask, Action<BufferHistory> assert, Action<BufferFlowView>? assertView = null)
    {
        var source = InMethod(body);
        var project = TestWorkspace.CreateProject(new[] { ("Test0.cs", source) }, TestOptions.Default);
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.Text == "M");
        var points = new Dictionary<string, IOperation>();
        foreach (var marker in new[] { "A", "U" })
        {
            var node = NodeAfter(tree.GetRoot(), "/*" + marker + "*/");
            if (node != null) points[marker] = model.GetOperation(node)!;
        }

        CurrentPoints.Value = points;
        var graph = ControlFlowGraph.Create(method, model)!;
        var view = BufferFlowView.Create(graph, points["A"], new WellKnownTypes(compilation));
        assertView?.Invoke(view);
        assert(ask(view));
    }

    private static SyntaxNode? NodeAfter(SyntaxNode root, string marker)
    {
        int at = root.ToFullString().IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return null;
        var token = root.FindToken(at + marker.Length);
        SyntaxNode? best = null;
        for (var node = token.Parent; node != null && node.SpanStart == token.SpanStart; node = node.Parent)
        {
            if (node is ExpressionSyntax || node is StatementSyntax) best = node;
            if (node is StatementSyntax) break;
        }

        if (best is ExpressionStatementSyntax statement) best = statement.Expression;
        return best;
    }
}
