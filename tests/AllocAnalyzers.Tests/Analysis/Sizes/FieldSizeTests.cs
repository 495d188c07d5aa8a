using System.Collections.Immutable;
using AllocAnalyzers.Rules.LargeAllocationInLoop;
using AllocAnalyzers.Rules.LargeZeroedStackalloc;
using AllocAnalyzers.Rules.OverwrittenZeroedAllocation;
using AllocAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Diagnostics;
using Stackalloc = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeZeroedStackalloc.LargeZeroedStackallocAnalyzer>;
using InLoop = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer>;
using Overwritten = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationAnalyzer>;

namespace AllocAnalyzers.Tests.Analysis.Sizes;

/// <summary>
/// A buffer sized by a readonly field whose initializer is its only value has a provable size, and
/// every rule sees it; a field something else may assign does not.
/// </summary>
public class FieldSizeTests
{
    private static string Reader(string members, string body) => $$"""
        using System;
        using System.IO;

        public partial class Reader
        {
            {{members}}
            public byte[] M(Stream stream, bool more)
            {
                {{body}}
            }

            static void Fill(ref int value) => value = 16;
        }
        """;

    private const string StackBody = "Span<byte> s = {|ALLOC005:stackalloc byte[Size]|}; stream.ReadExactly(s); return null;";
    private const string QuietStackBody = "Span<byte> s = stackalloc byte[Size]; stream.ReadExactly(s); return null;";

    [Theory]
    [InlineData("private static readonly int Size = 4 * 1024;")]
    [InlineData("private readonly int Size = 4 * 1024;")]
    [InlineData("private const int Kilo = 1024; private static readonly int Size = Kilo * 2;")]
    [InlineData("private static readonly int Kilo = 1 << 10; private readonly int Size = Kilo * 2;")]
    [InlineData("private static readonly int Size = 4096; static Reader() { Console.WriteLine(); }")]
    [InlineData("private readonly int Size = 4096; public Reader() { int Size = 1; Size++; Console.WriteLine(Size); }")]
    [InlineData("private readonly int Size = 4096; private readonly int _other; public Reader(int other) { _other = other; }")]
    public Task Stackalloc_sized_by_a_field_that_keeps_its_initializer_is_flagged(string members) =>
        Stackalloc.VerifyAsync(Reader(members, StackBody));

    [Fact]
    public Task An_instance_field_read_through_this_is_flagged() =>
        Stackalloc.VerifyAsync(Reader("private readonly int _size = 4096;", "Span<byte> s = {|ALLOC005:stackalloc byte[this._size]|}; stream.ReadExactly(s); return null;"));

    [Theory]
    [InlineData("private readonly int Size = 4096; public Reader(int size) { Size = size; }")]
    [InlineData("private readonly int Size = 4096; public Reader(bool big) { if (big) this.Size = 8192; }")]
    [InlineData("private readonly int Size = 4096; public Reader() { Size += 1; }")]
    [InlineData("private readonly int Size = 4096; public Reader() { Fill(ref Size); }")]
    [InlineData("private readonly int Size = 4096; private readonly int _other; public Reader() { (Size, _other) = (16, 1); }")]
    [InlineData("private readonly int Size = 4096; public int Configured { init { Size = value; } }")]
    [InlineData("private static readonly int Size = 4096; static Reader() { Size = Environment.ProcessorCount; }")]
    [InlineData("private static int Size = 4096;")]
    [InlineData("private readonly int Size;")]
    [InlineData("private static readonly int Size = Environment.ProcessorCount * 1024;")]
    [InlineData("private static readonly int Size = Other; private static readonly int Other = Size;")]
    public Task Stackalloc_sized_by_a_field_that_may_change_is_quiet(string members) =>
        Stackalloc.VerifyAsync(Reader(members, QuietStackBody));

    [Fact]
    public Task A_constructor_in_another_part_of_a_partial_class_counts() => Stackalloc.VerifyAsync(
        Reader("private readonly int Size = 4096;", QuietStackBody),
        new TestOptions { AdditionalDocuments = new[] { ("Reader.Setup.cs", "public partial class Reader { public Reader(int size) { Size = size; } }") } });

    [Fact]
    public Task A_partial_part_that_writes_another_field_of_the_same_name_elsewhere_does_not_count() => Stackalloc.VerifyAsync(
        Reader("private readonly int Size = 4096;", StackBody),
        new TestOptions { AdditionalDocuments = new[] { ("Other.cs", "public class Other { private int Size; public void Grow() { Size = 8; Size++; } }") } });

    [Fact]
    public Task A_struct_field_is_not_proven_default_skips_initializers() => Stackalloc.VerifyAsync("""
        using System;
        public struct Block
        {
            private readonly int _size = 4096;
            public Block() { }
            public int M() { Span<byte> s = stackalloc byte[_size]; s[0] = 1; return s[0]; }
        }
        """);

    [Fact]
    public Task ALLOC001_sees_a_readonly_instance_field_size() => InLoop.VerifyAsync(Reader(
        "private readonly int _chunk = 1 << 20; private readonly int _small = 1 << 20; public Reader(int small) { _small = small; }",
        "while (more) { var a = {|ALLOC001:new byte[_chunk]|}; stream.ReadExactly(a); var b = new byte[_small]; stream.ReadExactly(b); } return null;"));

    [Fact]
    public Task ALLOC004_sees_a_field_size_even_when_unknown_sizes_are_not_reported() => Overwritten.VerifyAsync(
        Reader(
            "private static readonly int HeaderSize = 4096; private readonly int _bodySize = 4096; public Reader(int body) { _bodySize = body; }",
            "var h = {|ALLOC004:new byte[HeaderSize]|}; stream.ReadExactly(h); var b = new byte[_bodySize]; stream.ReadExactly(b); return more ? h : b;"),
        new TestOptions { EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC004.unknown_sizes = none\n" });

    [Theory]
    [InlineData("private readonly int Size = 4096; public Reader() { Size = }")]
    [InlineData("private readonly int Size = ; public Reader() { }")]
    [InlineData("private static readonly int Size = 4096; static Reader() { Fill(ref Size }")]
    [InlineData("private readonly int Size = 4096; public Reader() { (Size, ) = (1, 2); }")]
    public async Task Half_typed_fields_do_not_crash(string members)
    {
        var project = TestWorkspace.CreateProject(new[] { (TestWorkspace.FirstDocumentName, Reader(members, "Span<byte> s = stackalloc byte[Size]; var a = new byte[Size]; while (more) { a = new byte[Size]; } stream.ReadExactly(a); return a;")) }, TestOptions.Default);
        await AnalyzerRunner.RunAsync(project, ImmutableArray.Create<DiagnosticAnalyzer>(new LargeZeroedStackallocAnalyzer(), new LargeAllocationInLoopAnalyzer(), new OverwrittenZeroedAllocationAnalyzer()));
    }
}
