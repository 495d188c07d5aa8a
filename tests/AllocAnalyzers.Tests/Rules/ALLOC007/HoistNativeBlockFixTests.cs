using AllocAnalyzers.CodeFixes.Rules.PlatformAllocatorPathology;
using AllocAnalyzers.Rules.PlatformAllocatorPathology;
using AllocAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.CodeFixes;
using Fix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<
    AllocAnalyzers.Rules.PlatformAllocatorPathology.PlatformAllocatorPathologyAnalyzer,
    AllocAnalyzers.CodeFixes.Rules.PlatformAllocatorPathology.PlatformAllocatorPathologyCodeFixProvider>;

namespace AllocAnalyzers.Tests.Rules.ALLOC007;

public class HoistNativeBlockFixTests
{
    private const string Key = HoistNativeBlockFix.Key;

    private static string Code(string body) => $$"""
        using System;
        using System.Runtime.InteropServices;

        public unsafe class C
        {
            [DllImport("libc")] static extern nint read(int fd, byte* buf, nint count);
            [DllImport("libc")] static extern IntPtr calloc(nuint count, nuint size);
            [DllImport("libc")] static extern void free(IntPtr p);

            public void M(int fd, bool flag)
            {
        {{body}}
            }

            static void Use(byte* p) { }
        }
        """;

    [Fact]
    public Task Hoists_and_clears_the_length_the_native_call_uses() => Fix.VerifyFixAsync(
        Code("""
                    while (flag)
                    {
                        byte* p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|};
                        nint n = read(fd, p, 16384);
                        NativeMemory.Free(p);
                    }
            """),
        Code("""
                    byte* p = (byte*)NativeMemory.AllocZeroed(100 << 20);
                    while (flag)
                    {
                        NativeMemory.Clear(p, 16384);
                        nint n = read(fd, p, 16384);
                    }
                    NativeMemory.Free(p);
            """),
        Key);

    [Fact]
    public Task Span_view_bounds_the_clear_and_a_store_needs_none() => Fix.VerifyFixAsync(
        Code("""
                    for (int i = 0; i < 10; i++)
                    {
                        const int size = 8 << 20;
                        var p = {|ALLOC007:NativeMemory.AllocZeroed(size)|};
                        var span = new Span<byte>(p, 4096);
                        span[0] = 1;
                        ((byte*)p)[8191] = 2;
                        NativeMemory.Free(p);
                    }
            """),
        Code("""
                    var p = NativeMemory.AllocZeroed(8388608);
                    for (int i = 0; i < 10; i++)
                    {
                        const int size = 8 << 20;
                        NativeMemory.Clear(p, 4096);
                        var span = new Span<byte>(p, 4096);
                        span[0] = 1;
                        ((byte*)p)[8191] = 2;
                    }
                    NativeMemory.Free(p);
            """),
        Key);

    [Fact]
    public Task Stores_through_an_index_bounded_by_the_loop_need_no_clear_only_reads_do() => Fix.VerifyFixAsync(
        Code("""
                    long touched = 0;
                    for (int i = 0; i < fd; i++)
                    {
                        byte* block = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 * 1024 * 1024)|};
                        block[i] = 1;
                        touched += block[0];
                        NativeMemory.Free(block);
                    }
            """),
        Code("""
                    long touched = 0;
                    byte* block = (byte*)NativeMemory.AllocZeroed(100 * 1024 * 1024);
                    for (int i = 0; i < fd; i++)
                    {
                        NativeMemory.Clear(block, 1);
                        block[i] = 1;
                        touched += block[0];
                    }
                    NativeMemory.Free(block);
            """),
        Key);

    [Fact]
    public Task Try_finally_free_moves_around_the_loop() => Fix.VerifyFixAsync(
        Code("""
                    while (flag)
                    {
                        IntPtr p = {|ALLOC007:calloc(1, 100 << 20)|};
                        try
                        {
                            read(fd, (byte*)p, 65536);
                        }
                        finally
                        {
                            free(p);
                        }
                    }
            """),
        Code("""
                    IntPtr p = calloc(1, 100 << 20);
                    try
                    {
                        while (flag)
                        {
                            NativeMemory.Clear((void*)p, 65536);
                            {
                                read(fd, (byte*)p, 65536);
                            }
                        }
                    }
                    finally
                    {
                        free(p);
                    }
            """),
        Key);

    [Fact]
    public Task Whole_block_is_cleared_when_every_target_zero_fills_it_anyway() => Fix.VerifyFixAsync(
        Code("""
                    while (flag)
                    {
                        byte* p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(16 << 20)|};
                        Use(p);
                        NativeMemory.Free(p);
                    }
            """),
        Code("""
                    byte* p = (byte*)NativeMemory.AllocZeroed(16 << 20);
                    while (flag)
                    {
                        NativeMemory.Clear(p, 16777216);
                        Use(p);
                    }
                    NativeMemory.Free(p);
            """),
        Key,
        PlatformAllocatorPathologyAnalyzerTests.Targets(option: "linux,osx"));

    [Theory]
    // Unknown extent, and Linux/Windows do not zero 100 MiB: a full clear would cost them more.
    [InlineData("while (flag) { byte* p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|}; Use(p); NativeMemory.Free(p); }")]
    // The pointer escapes.
    [InlineData("while (flag) { byte* p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|}; _kept = p; NativeMemory.Free(p); }")]
    // An early return would skip the free after the loop.
    [InlineData("while (flag) { byte* p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|}; read(fd, p, 16); NativeMemory.Free(p); if (fd == 0) return; }")]
    // Freed conditionally.
    [InlineData("while (flag) { byte* p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|}; read(fd, p, 16); if (fd > 0) NativeMemory.Free(p); }")]
    // Allocated conditionally (not the body's own statement).
    [InlineData("while (flag) { if (fd > 0) { byte* p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|}; read(fd, p, 16); NativeMemory.Free(p); } }")]
    // A read at an index only the loop bounds: the whole block, which Linux and Windows never zero.
    [InlineData("for (int i = 0; i < fd; i++) { byte* p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|}; p[i] = 1; _sum += p[i + 1]; NativeMemory.Free(p); }")]
    // A compound store reads the element first.
    [InlineData("for (int i = 0; i < fd; i++) { byte* p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|}; p[i] += 1; NativeMemory.Free(p); }")]
    // Pointer arithmetic hands out an interior pointer.
    [InlineData("while (flag) { byte* p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|}; byte* q = p + 16; read(fd, q, 16); NativeMemory.Free(p); }")]
    // The name is taken in the enclosing scope.
    [InlineData("while (flag) { byte* p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|}; read(fd, p, 16); NativeMemory.Free(p); } { int p = 0; }")]
    public Task No_fix_when_it_cannot_be_proven(string body) => Fix.VerifyNoFixAsync(
        $$"""
        using System;
        using System.Runtime.InteropServices;
        public unsafe class C
        {
            [DllImport("libc")] static extern nint read(int fd, byte* buf, nint count);
            private byte* _kept;
            private long _sum;
            public void M(int fd, bool flag) { {{body}} }
            static void Use(byte* p) { }
        }
        """, Key);

    [Fact]
    public Task Fix_all_in_document() => Fix.VerifyFixAllAsync(
        Code("""
                    while (flag)
                    {
                        byte* a = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|};
                        read(fd, a, 4096);
                        NativeMemory.Free(a);
                    }
                    for (int i = 0; i < 4; i++)
                    {
                        byte* b = (byte*){|ALLOC007:NativeMemory.AllocZeroed(1 << 20)|};
                        read(fd, b, 512);
                        NativeMemory.Free(b);
                    }
            """),
        Code("""
                    byte* a = (byte*)NativeMemory.AllocZeroed(100 << 20);
                    while (flag)
                    {
                        NativeMemory.Clear(a, 4096);
                        read(fd, a, 4096);
                    }
                    NativeMemory.Free(a);
                    byte* b = (byte*)NativeMemory.AllocZeroed(1 << 20);
                    for (int i = 0; i < 4; i++)
                    {
                        NativeMemory.Clear(b, 512);
                        read(fd, b, 512);
                    }
                    NativeMemory.Free(b);
            """),
        Key, FixAllScope.Document);

    [Fact]
    // The blocks are freed after the loop in reverse order of allocation.
    public Task Fix_all_hoists_two_blocks_of_one_loop() => Fix.VerifyFixAllAsync(
        Code("""
                    while (flag)
                    {
                        byte* a = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|};
                        byte* b = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|};
                        read(fd, a, 4096);
                        read(fd, b, 1024);
                        NativeMemory.Free(b);
                        NativeMemory.Free(a);
                    }
            """),
        Code("""
                    byte* a = (byte*)NativeMemory.AllocZeroed(100 << 20);
                    byte* b = (byte*)NativeMemory.AllocZeroed(100 << 20);
                    while (flag)
                    {
                        NativeMemory.Clear(a, 4096);
                        NativeMemory.Clear(b, 1024);
                        read(fd, a, 4096);
                        read(fd, b, 1024);
                    }
                    NativeMemory.Free(b);
                    NativeMemory.Free(a);
            """),
        Key, FixAllScope.Document);
}
