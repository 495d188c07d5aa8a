using AllocAnalyzers.CodeFixes.Rules.NativeAllocThenClear;
using Microsoft.CodeAnalysis.CodeFixes;
using Fix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<
    AllocAnalyzers.Rules.NativeAllocThenClear.NativeAllocThenClearAnalyzer,
    AllocAnalyzers.CodeFixes.Rules.NativeAllocThenClear.NativeAllocThenClearCodeFixProvider>;

namespace AllocAnalyzers.Tests.Rules.ALLOC006;

public class UseAllocZeroedFixTests
{
    private const string Key = UseAllocZeroedFix.Key;

    private static string Code(string body) => $$"""
        using System;
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;

        public unsafe class C
        {
            [DllImport("libc")] static extern nint read(int fd, byte* buf, nint count);
            private IntPtr _kept;

            public void M(int size, nuint n, int fd)
            {
        {{body}}
            }

            static void Use(byte* p) { }
        }
        """;

    [Fact]
    public Task NativeMemory_Alloc_becomes_AllocZeroed() => Fix.VerifyFixAsync(
        Code("""
                    byte* p = (byte*)[|NativeMemory.Alloc(n)|];
                    NativeMemory.Clear(p, n);
                    Use(p);
                    NativeMemory.Free(p);
            """),
        Code("""
                    byte* p = (byte*)NativeMemory.AllocZeroed(n);
                    Use(p);
                    NativeMemory.Free(p);
            """),
        Key);

    [Fact]
    public Task AllocHGlobal_becomes_AllocZeroed_and_its_frees_NativeMemory_Free() => Fix.VerifyFixAsync(
        Code("""
                    IntPtr p = [|Marshal.AllocHGlobal(size)|];
                    new Span<byte>((void*)p, size).Clear();
                    read(fd, (byte*)p, 16);
                    Marshal.WriteByte(p, 1);
                    if (fd > 0)
                    {
                        Marshal.FreeHGlobal(p);
                        return;
                    }
                    Marshal.FreeHGlobal(p);
            """),
        Code("""
                    IntPtr p = (nint)NativeMemory.AllocZeroed((nuint)size);
                    read(fd, (byte*)p, 16);
                    Marshal.WriteByte(p, 1);
                    if (fd > 0)
                    {
                        NativeMemory.Free((void*)p);
                        return;
                    }
                    NativeMemory.Free((void*)p);
            """),
        Key);

    [Fact]
    public Task Zeroing_loop_is_removed() => Fix.VerifyFixAsync(
        Code("""
                    IntPtr p = [|Marshal.AllocHGlobal(4096)|];
                    byte* b = (byte*)p;
                    for (int i = 0; i < 4096; i++) b[i] = 0;
                    read(fd, b, 4096);
                    Marshal.FreeHGlobal(p);
            """),
        Code("""
                    IntPtr p = (nint)NativeMemory.AllocZeroed(4096);
                    byte* b = (byte*)p;
                    read(fd, b, 4096);
                    NativeMemory.Free((void*)p);
            """),
        Key);

    [Theory]
    [InlineData("IntPtr p = [|Marshal.AllocHGlobal(size)|]; new Span<byte>((void*)p, size).Clear(); _kept = p;")] // escapes: someone else frees it
    [InlineData("IntPtr p = [|Marshal.AllocHGlobal(size)|]; new Span<byte>((void*)p, size).Clear(); Release(p);")] // handed to code that may FreeHGlobal it
    [InlineData("IntPtr p = [|Marshal.AllocHGlobal(size)|]; new Span<byte>((void*)p, size).Clear(); p = Marshal.ReAllocHGlobal(p, 8192); Marshal.FreeHGlobal(p);")]
    public Task No_fix_when_the_block_escapes(string body) => Fix.VerifyNoFixAsync($$"""
        using System;
        using System.Runtime.InteropServices;
        public unsafe class C
        {
            private IntPtr _kept;
            public void M(int size) { {{body}} }
            static void Release(IntPtr p) => Marshal.FreeHGlobal(p);
        }
        """, Key);

    [Fact]
    public Task Fix_all_in_document() => Fix.VerifyFixAllAsync(
        Code("""
                    byte* a = (byte*)[|NativeMemory.Alloc(4096)|];
                    NativeMemory.Clear(a, 4096);
                    IntPtr b = [|Marshal.AllocHGlobal(size)|];
                    Unsafe.InitBlockUnaligned((void*)b, 0, (uint)size);
                    Use(a);
                    NativeMemory.Free(a);
                    Marshal.FreeHGlobal(b);
            """),
        Code("""
                    byte* a = (byte*)NativeMemory.AllocZeroed(4096);
                    IntPtr b = (nint)NativeMemory.AllocZeroed((nuint)size);
                    Use(a);
                    NativeMemory.Free(a);
                    NativeMemory.Free((void*)b);
            """),
        Key, FixAllScope.Document);
}
