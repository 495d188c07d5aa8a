using System.Collections.Immutable;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Rules.LargeAllocationInLoop;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Tests.Analysis.Sizes;

/// <summary>
/// The bounds <see cref="BufferAllocation"/> exposes: exact sizes stay exact, a lower bound
/// (<c>Math.Max</c>, the false branch of a guard) is the least the allocation costs, an upper bound
/// the most, and a rent has no upper bound.
/// </summary>
public class SizeBoundModelTests
{
    private static BufferAllocation Allocation(string expression, string declarations = "")
    {
        var compilation = new StandaloneCompilation($$"""
            using System;
            using System.Buffers;
            public class C
            {
                {{declarations}}
                public object M(int n, long remaining) => {{expression}};
            }
            """).Compilation;
        var tree = compilation.SyntaxTrees.Single();
        var node = tree.GetRoot().DescendantNodes().OfType<ArrowExpressionClauseSyntax>().Last().Expression;
        while (node is ConditionalExpressionSyntax conditional) node = conditional.WhenFalse;
        var operation = compilation.GetSemanticModel(tree).GetOperation(node)!;
        return BufferRecognizer.Recognize(operation, new WellKnownTypes(compilation)) ?? throw new InvalidOperationException("not an allocation: " + expression);
    }

    [Fact]
    public void Math_Max_gives_a_lower_bound_only()
    {
        var allocation = Allocation("new long[Math.Max(n, 1 << 17)]");
        Assert.Null(allocation.Bytes);
        Assert.Equal(1L << 20, allocation.MinimumBytes);
        Assert.Null(allocation.MaximumBytes);
    }

    [Fact]
    public void Math_Min_over_a_long_with_a_cast_gives_an_upper_bound_only()
    {
        var allocation = Allocation("new byte[(int)Math.Min(0x10000, remaining)]");
        Assert.Null(allocation.Bytes);
        Assert.Null(allocation.MinimumBytes);
        Assert.Equal(0x10000, allocation.MaximumBytes);
    }

    [Fact]
    public void Math_Clamp_gives_both()
    {
        var allocation = Allocation("new int[Math.Clamp(n, 256, 1024)]");
        Assert.Equal(1024, allocation.MinimumBytes);
        Assert.Equal(4096, allocation.MaximumBytes);
    }

    [Fact]
    public void An_exact_size_is_its_own_bounds()
    {
        var allocation = Allocation("new int[Size]", "private static readonly int Size = 1000;");
        Assert.Equal(4000, allocation.Bytes);
        Assert.Equal(4000, allocation.MinimumBytes);
        Assert.Equal(4000, allocation.MaximumBytes);
    }

    [Fact]
    public void The_false_branch_of_a_guard_is_bounded_below_not_above()
    {
        var allocation = Allocation("n <= 4096 ? new byte[16] : new byte[n]");
        Assert.Null(allocation.MaximumBytes);
        Assert.Equal(4097, allocation.MinimumBytes);
    }

    [Fact]
    public void A_rent_gets_at_least_what_it_asks_for_and_may_get_more()
    {
        var allocation = Allocation("ArrayPool<byte>.Shared.Rent(Math.Max(n, 4096))");
        Assert.Equal(4096, allocation.MinimumBytes);
        Assert.Null(allocation.MaximumBytes);
    }

    [Fact]
    public void A_lower_bound_beyond_the_array_limits_is_not_a_size()
    {
        var allocation = Allocation("new byte[Math.Max(remaining, 1L << 40)]");
        Assert.Null(allocation.MinimumBytes);
    }

    [Fact]
    public void ALLOC001_report_prices_a_lower_bound_as_at_least()
    {
        var compilation = new StandaloneCompilation("""
            using System;
            public class C { public void M(int n) { while (true) { var b = new byte[Math.Max(n, 1 << 20)]; b[0] = 1; } } }
            """).Compilation;
        var tree = compilation.SyntaxTrees.Single();
        var creation = tree.GetRoot().DescendantNodes().OfType<ArrayCreationExpressionSyntax>().Single();
        var session = new AnalysisSession(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None);
        var allocation = BufferRecognizer.Recognize(compilation.GetSemanticModel(tree).GetOperation(creation)!, session.Types)!;

        string message = LargeAllocationInLoopReport.Create(allocation, session, repeatedBy: null).GetMessage();

        Assert.StartsWith("'new byte[Math.Max(n, 1 << 20)]' allocates and zeroes at least 1,048,576 bytes (1 MiB) on the Large Object Heap on every loop iteration: about ", message);
        Assert.True(message.Length <= 200, message);
    }
}
