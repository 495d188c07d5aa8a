using AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop;
using AllocAnalyzers.CodeFixes.Rules.LargeZeroedStackalloc;
using AllocAnalyzers.CodeFixes.Rules.NativeAllocThenClear;
using AllocAnalyzers.CodeFixes.Rules.OverwrittenZeroedAllocation;
using AllocAnalyzers.CodeFixes.TargetFrameworks;
using AllocAnalyzers.Tests.Verification;

namespace AllocAnalyzers.Tests.CodeFixes;

/// <summary>
/// Fixes that insert an API some of the project's target frameworks lack (listed by the package's
/// build targets as build_property.AllocAnalyzersTargetFrameworks) put the rewrite under #if with the
/// original as #else. The test compilation defines no NETx symbols, so the #else branch is the one it
/// compiles: the verifier's compile check covers the fallback, and the fix must not be offered again
/// on it (the verifier applies fixes until none is left).
/// </summary>
public class TargetFrameworkGuardCodeFixTests
{
    /// <summary>
    /// The net10.0 build of a multi-targeted project: the diagnostics show there, with its symbols defined,
    /// so the fixed code's #if branch is the one compiled and checked for leftover diagnostics.
    /// </summary>
    /// <summary>The older build of the same project, where an earlier fix's #else fallback is the code compiled.</summary>
    private static TestOptions Fallback(string list) => Frameworks(list) with { PreprocessorSymbols = new[] { "NETSTANDARD", "NETSTANDARD2_1" } };

    private static TestOptions Frameworks(string list) => new()
    {
        GlobalConfig = $"build_property.AllocAnalyzersTargetFrameworks = {list}\n" + UnknownSizesAll,
        PreprocessorSymbols = new[] { "NET", "NETCOREAPP", "NET10_0", "NET10_0_OR_GREATER", "NET8_0_OR_GREATER", "NET6_0_OR_GREATER", "NET5_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER" },
    };

    // The ALLOC004 inputs size arrays by a parameter, which the default unknown-size policy leaves alone.
    private const string UnknownSizesAll = "dotnet_code_quality.ALLOC004.unknown_sizes = all\n";

    [Fact]
    public Task ALLOC004_fix_is_guarded_by_NET5_when_netstandard_is_targeted_too() =>
        CodeFixVerifier<AllocAnalyzers.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationAnalyzer, AllocAnalyzers.CodeFixes.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationCodeFixProvider>.VerifyFixAsync("""
        using System;
        using System.IO;
        public class C
        {
            public byte[] M(Stream stream, int n)
            {
                // a record
                var b = {|ALLOC004:new byte[n]|};
                stream.ReadExactly(b);
                return b;
            }
        }
        """, """
        using System;
        using System.IO;
        public class C
        {
            public byte[] M(Stream stream, int n)
            {
                // a record
        #if NET5_0_OR_GREATER
                var b = GC.AllocateUninitializedArray<byte>(n);
        #else
                var b = new byte[n];
        #endif
                stream.ReadExactly(b);
                return b;
            }
        }
        """, UseUninitializedArrayFix.Key, Frameworks("netstandard2.1,net10.0"));

    [Fact]
    public Task ALLOC004_fix_is_plain_when_every_target_framework_has_the_API() =>
        CodeFixVerifier<AllocAnalyzers.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationAnalyzer, AllocAnalyzers.CodeFixes.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationCodeFixProvider>.VerifyFixAsync("""
        using System;
        using System.IO;
        public class C
        {
            public byte[] M(Stream stream, int n)
            {
                var b = {|ALLOC004:new byte[n]|};
                stream.ReadExactly(b);
                return b;
            }
        }
        """, """
        using System;
        using System.IO;
        public class C
        {
            public byte[] M(Stream stream, int n)
            {
                var b = GC.AllocateUninitializedArray<byte>(n);
                stream.ReadExactly(b);
                return b;
            }
        }
        """, UseUninitializedArrayFix.Key, Frameworks("net8.0, net10.0-windows"));

    [Fact]
    public Task ALLOC004_fix_is_not_offered_on_the_fallback_of_an_earlier_guarded_fix() =>
        CodeFixVerifier<AllocAnalyzers.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationAnalyzer, AllocAnalyzers.CodeFixes.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationCodeFixProvider>.VerifyNoFixAsync("""
        using System;
        using System.IO;
        public class C
        {
            public byte[] M(Stream stream, int n)
            {
        #if NET5_0_OR_GREATER
                var b = GC.AllocateUninitializedArray<byte>(n);
        #else
                var b = {|ALLOC004:new byte[n]|};
        #endif
                stream.ReadExactly(b);
                return b;
            }
        }
        """, UseUninitializedArrayFix.Key, Fallback("netstandard2.1,net10.0"));

    [Fact]
    public Task ALLOC004_guarded_fix_is_not_offered_where_the_statement_shares_its_line() =>
        CodeFixVerifier<AllocAnalyzers.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationAnalyzer, AllocAnalyzers.CodeFixes.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationCodeFixProvider>.VerifyNoFixAsync("""
        using System.IO;
        public class C
        {
            public byte[] M(Stream stream, int n) { var b = {|ALLOC004:new byte[n]|}; stream.ReadExactly(b); return b; }
        }
        """, UseUninitializedArrayFix.Key, Frameworks("netstandard2.1,net10.0"));

    [Fact]
    public Task ALLOC007_hoist_with_NativeMemory_Clear_is_guarded_over_the_loop_and_the_free_after_it() =>
        CodeFixVerifier<AllocAnalyzers.Rules.PlatformAllocatorPathology.PlatformAllocatorPathologyAnalyzer, AllocAnalyzers.CodeFixes.Rules.PlatformAllocatorPathology.PlatformAllocatorPathologyCodeFixProvider>.VerifyFixAsync("""
        using System;
        using System.Runtime.InteropServices;

        public unsafe class C
        {
            [DllImport("libc")] static extern nint read(int fd, byte* buf, nint count);
            [DllImport("libc")] static extern IntPtr calloc(nuint count, nuint size);
            [DllImport("libc")] static extern void free(IntPtr p);

            public void M(int fd, bool flag)
            {
                while (flag)
                {
                    IntPtr p = {|ALLOC007:calloc(1, 100 << 20)|};
                    read(fd, (byte*)p, 65536);
                    free(p);
                }
            }
        }
        """, """
        using System;
        using System.Runtime.InteropServices;

        public unsafe class C
        {
            [DllImport("libc")] static extern nint read(int fd, byte* buf, nint count);
            [DllImport("libc")] static extern IntPtr calloc(nuint count, nuint size);
            [DllImport("libc")] static extern void free(IntPtr p);

            public void M(int fd, bool flag)
            {
        #if NET6_0_OR_GREATER
                IntPtr p = calloc(1, 100 << 20);
                while (flag)
                {
                    NativeMemory.Clear((void*)p, 65536);
                    read(fd, (byte*)p, 65536);
                }
                free(p);
        #else
                while (flag)
                {
                    IntPtr p = calloc(1, 100 << 20);
                    read(fd, (byte*)p, 65536);
                    free(p);
                }
        #endif
            }
        }
        """, AllocAnalyzers.CodeFixes.Rules.PlatformAllocatorPathology.HoistNativeBlockFix.Key, Frameworks("netstandard2.1,net10.0"));

    [Fact]
    public Task ALLOC005_attribute_is_guarded_and_the_doc_comment_stays_outside() =>
        CodeFixVerifier<AllocAnalyzers.Rules.LargeZeroedStackalloc.LargeZeroedStackallocAnalyzer, AllocAnalyzers.CodeFixes.Rules.LargeZeroedStackalloc.LargeZeroedStackallocCodeFixProvider>.VerifyFixAsync("""
        using System;
        using System.IO;
        public class C
        {
            /// <summary>Reads a header.</summary>
            public int M(Stream stream)
            {
                Span<byte> header = {|ALLOC005:stackalloc byte[4096]|};
                stream.ReadExactly(header);
                return header[0];
            }
        }
        """, """
        using System;
        using System.IO;
        public class C
        {
            /// <summary>Reads a header.</summary>
        #if NET5_0_OR_GREATER
            [System.Runtime.CompilerServices.SkipLocalsInit]
        #endif
            public int M(Stream stream)
            {
                Span<byte> header = stackalloc byte[4096];
                stream.ReadExactly(header);
                return header[0];
            }
        }
        """, AddSkipLocalsInitFix.Key, Frameworks("net472;net10.0"));

    [Fact]
    public Task ALLOC005_attribute_is_plain_when_the_project_declares_a_polyfill() =>
        CodeFixVerifier<AllocAnalyzers.Rules.LargeZeroedStackalloc.LargeZeroedStackallocAnalyzer, AllocAnalyzers.CodeFixes.Rules.LargeZeroedStackalloc.LargeZeroedStackallocCodeFixProvider>.VerifyFixAsync("""
        using System;
        using System.IO;
        public class C
        {
            public int M(Stream stream)
            {
                Span<byte> header = {|ALLOC005:stackalloc byte[4096]|};
                stream.ReadExactly(header);
                return header[0];
            }
        }

        namespace System.Runtime.CompilerServices
        {
            internal sealed class SkipLocalsInitAttribute : Attribute { }
        }
        """, """
        using System;
        using System.IO;
        using System.Runtime.CompilerServices;
        public class C
        {
            [SkipLocalsInit]
            public int M(Stream stream)
            {
                Span<byte> header = stackalloc byte[4096];
                stream.ReadExactly(header);
                return header[0];
            }
        }

        namespace System.Runtime.CompilerServices
        {
            internal sealed class SkipLocalsInitAttribute : Attribute { }
        }
        """, AddSkipLocalsInitFix.Key, Frameworks("netstandard2.0,net10.0"));

    [Fact]
    public Task ALLOC006_fix_is_guarded_by_NET6_over_every_statement_it_edits() =>
        CodeFixVerifier<AllocAnalyzers.Rules.NativeAllocThenClear.NativeAllocThenClearAnalyzer, AllocAnalyzers.CodeFixes.Rules.NativeAllocThenClear.NativeAllocThenClearCodeFixProvider>.VerifyFixAsync("""
        using System;
        using System.Runtime.InteropServices;

        public unsafe class C
        {
            public void M(int size)
            {
                IntPtr p = [|Marshal.AllocHGlobal(size)|];
                new Span<byte>((void*)p, size).Clear();
                Marshal.WriteByte(p, 1);
                Marshal.FreeHGlobal(p);
            }
        }
        """, """
        using System;
        using System.Runtime.InteropServices;

        public unsafe class C
        {
            public void M(int size)
            {
        #if NET6_0_OR_GREATER
                IntPtr p = (nint)NativeMemory.AllocZeroed((nuint)size);
                Marshal.WriteByte(p, 1);
                NativeMemory.Free((void*)p);
        #else
                IntPtr p = Marshal.AllocHGlobal(size);
                new Span<byte>((void*)p, size).Clear();
                Marshal.WriteByte(p, 1);
                Marshal.FreeHGlobal(p);
        #endif
            }
        }
        """, UseAllocZeroedFix.Key, Frameworks("netstandard2.1,net10.0"));

    [Fact]
    public Task ALLOC001_rent_is_guarded_where_a_framework_has_no_ArrayPool_of_its_own() =>
        CodeFixVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer, AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop.LargeAllocationInLoopCodeFixProvider>.VerifyFixAsync("""
        using System;
        using System.IO;

        class C
        {
            void M(Stream source, Stream sink)
            {
                while (true)
                {
                    var chunk = {|ALLOC001:new byte[1 << 20]|};
                    int n = source.Read(chunk, 0, chunk.Length);
                    if (n == 0) break;
                    sink.Write(chunk, 0, n);
                }
            }
        }
        """, """
        using System;
        using System.IO;

        class C
        {
            void M(Stream source, Stream sink)
            {
        #if NETSTANDARD2_1_OR_GREATER || NETCOREAPP2_1_OR_GREATER
                var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
                try
                {
                    while (true)
                    {
                        int n = source.Read(chunk, 0, (1 << 20));
                        if (n == 0) break;
                        sink.Write(chunk, 0, n);
                    }
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
                }
        #else
                while (true)
                {
                    var chunk = new byte[1 << 20];
                    int n = source.Read(chunk, 0, chunk.Length);
                    if (n == 0) break;
                    sink.Write(chunk, 0, n);
                }
        #endif
            }
        }
        """, RentFromArrayPoolFix.Key, Frameworks("net48,net10.0"));

    [Theory]
    [InlineData("net10.0", true, true)]
    [InlineData("net8.0-windows10.0.19041", true, true)]
    [InlineData("net5.0", true, false)]
    [InlineData("netcoreapp3.1", false, false)]
    [InlineData("netstandard2.1", false, false)]
    [InlineData("net472", false, false)]
    [InlineData("uap10.0", false, false)]
    public void Monikers_map_to_the_APIs_their_framework_has(string moniker, bool uninitializedArray, bool nativeMemory)
    {
        var parsed = TargetFrameworkMoniker.TryParse(moniker);
        Assert.Equal(uninitializedArray, parsed != null && FrameworkApi.UninitializedArray.IsAvailableIn(parsed));
        Assert.Equal(nativeMemory, parsed != null && FrameworkApi.NativeMemory.IsAvailableIn(parsed));
    }

    [Theory]
    [InlineData("netstandard2.1", true)]
    [InlineData("netcoreapp2.1", true)]
    [InlineData("netstandard2.0", false)]
    [InlineData("net48", false)]
    public void ArrayPool_is_built_in_from_netstandard2_1_and_netcoreapp2_1(string moniker, bool available) =>
        Assert.Equal(available, FrameworkApi.ArrayPool.IsAvailableIn(TargetFrameworkMoniker.TryParse(moniker)!));
}
