using AllocAnalyzers.CodeFixes.Rules.NativeAllocThenClear;
using Fix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<AllocAnalyzers.Rules.NativeAllocThenClear.NativeAllocThenClearAnalyzer, AllocAnalyzers.CodeFixes.Rules.NativeAllocThenClear.NativeAllocThenClearCodeFixProvider>;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.NativeAllocThenClear.NativeAllocThenClearAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC006;

/// <summary>ALLOC006 through allocation wrappers and clearing helpers.</summary>
public class ClearingWrapperTests
{
    private static string Native(string members) => $$"""
        using System;
        using System.Runtime.InteropServices;

        public static unsafe class Blocks
        {
            {{members}}
        }
        """;

    [Fact]
    public Task Reports_an_alloc_zero_wrapper_composed_of_two_helpers() => Verify.VerifyAsync(Native("""
        public static IntPtr AllocZero(int n) => Zero({|ALLOC006:Alloc(n)|}, n);
        private static IntPtr Alloc(int n) => Marshal.AllocHGlobal(n);
        private static IntPtr Zero(IntPtr p, int n) { new Span<byte>((void*)p, n).Clear(); return p; }
        """));

    [Fact]
    public async Task Reports_a_zero_memory_helper_after_alloc_hglobal_without_a_rewrite()
    {
        var source = Native("""
            public static IntPtr Make(int size)
            {
                IntPtr p = {|ALLOC006:Marshal.AllocHGlobal(size)|};
                ZeroMemory(p, size);
                return p;
            }

            private static void ZeroMemory(IntPtr p, int n) => new Span<byte>((void*)p, n).Clear();
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public Task Reports_rtl_zero_memory_after_native_alloc() => Verify.VerifyAsync(Native("""
        public static void* Make(nuint size)
        {
            void* p = {|ALLOC006:NativeMemory.Alloc(size)|};
            RtlZeroMemory(p, size);
            return p;
        }

        [DllImport("kernel32.dll")] private static extern void RtlZeroMemory(void* destination, nuint length);
        """));

    [Fact]
    public async Task Keeps_a_helper_that_does_more_than_clear()
    {
        var source = Native("""
            public static byte* Make(nuint size)
            {
                byte* p = (byte*){|ALLOC006:NativeMemory.Alloc(size)|};
                Prepare(p, size);
                return p;
            }

            private static void Prepare(byte* p, nuint n) { new Span<byte>(p, (int)n).Clear(); p[0] = 0x7F; }
            """);
        await Verify.VerifyAsync(source);
        await Fix.VerifyNoFixAsync(source, UseAllocZeroedFix.Key);
    }

    [Theory]
    // Only part of the block is cleared.
    [InlineData("public static IntPtr AllocZero(int n) => Zero(Alloc(n), n / 2); private static IntPtr Alloc(int n) => Marshal.AllocHGlobal(n); private static IntPtr Zero(IntPtr p, int n) { new Span<byte>((void*)p, n).Clear(); return p; }")]
    // The wrapper writes before it returns: not a fresh block.
    [InlineData("public static IntPtr AllocZero(int n) => Zero(Alloc(n), n); private static IntPtr Alloc(int n) { var p = Marshal.AllocHGlobal(n); *(byte*)p = 1; return p; } private static IntPtr Zero(IntPtr p, int n) { new Span<byte>((void*)p, n).Clear(); return p; }")]
    // A helper that returns its block without clearing it.
    [InlineData("public static IntPtr AllocZero(int n) => Zero(Marshal.AllocHGlobal(n), n); private static IntPtr Zero(IntPtr p, int n) { Console.WriteLine(n); return p; }")]
    // Already zeroed: ALLOC002's business, not ALLOC006's.
    [InlineData("public static void* AllocZero(nuint n) => Zero(NativeMemory.AllocZeroed(n), n); private static void* Zero(void* p, nuint n) { NativeMemory.Clear(p, n); return p; }")]
    public Task Stays_quiet_on_look_alikes(string members) => Verify.VerifyAsync(Native(members));
}
