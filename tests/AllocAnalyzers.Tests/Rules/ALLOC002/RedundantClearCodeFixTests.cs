using AllocAnalyzers.CodeFixes.Rules.RedundantClear;
using AllocAnalyzers.Rules.RedundantClear;
using Microsoft.CodeAnalysis.CodeFixes;
using Fix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<AllocAnalyzers.Rules.RedundantClear.RedundantClearAnalyzer, AllocAnalyzers.CodeFixes.Rules.RedundantClear.RedundantClearCodeFixProvider>;

namespace AllocAnalyzers.Tests.Rules.ALLOC002;

public class RedundantClearCodeFixTests
{
    private const string Key = RemoveRedundantClearFix.Key;

    [Fact]
    public Task Removes_the_clear() => Fix.VerifyFixAsync("""
        using System;
        public class C
        {
            public byte[] M()
            {
                var b = new byte[4096];
                {|ALLOC002:Array.Clear(b)|};
                b[0] = 1;
                return b;
            }
        }
        """, """
        using System;
        public class C
        {
            public byte[] M()
            {
                var b = new byte[4096];
                b[0] = 1;
                return b;
            }
        }
        """, Key);

    [Fact]
    public Task Removes_a_zeroing_loop_and_keeps_the_comment_above_it() => Fix.VerifyFixAsync("""
        using System;
        public class C
        {
            public byte[] M()
            {
                var b = new byte[256];

                // Start from a clean buffer.
                {|ALLOC002:for (int i = 0; i < b.Length; i++)
                {
                    b[i] = 0; // zero
                }|}

                b[0] = 1;
                return b;
            }
        }
        """, """
        using System;
        public class C
        {
            public byte[] M()
            {
                var b = new byte[256];

                // Start from a clean buffer.

                b[0] = 1;
                return b;
            }
        }
        """, Key);

    [Fact]
    public Task Drops_the_end_of_line_comment_of_the_removed_statement() => Fix.VerifyFixAsync("""
        using System;
        public class C
        {
            public void M()
            {
                Span<byte> s = stackalloc byte[64];
                {|ALLOC002:s.Clear()|}; // zero it
                Use(s);
            }

            static void Use(Span<byte> s) { }
        }
        """, """
        using System;
        public class C
        {
            public void M()
            {
                Span<byte> s = stackalloc byte[64];
                Use(s);
            }

            static void Use(Span<byte> s) { }
        }
        """, Key);

    [Fact]
    public Task Removes_a_native_clear() => Fix.VerifyFixAsync("""
        using System.Runtime.InteropServices;
        public unsafe class C
        {
            public void M()
            {
                byte* p = (byte*)NativeMemory.AllocZeroed(4096);
                {|ALLOC002:NativeMemory.Clear(p, 4096)|};
                p[0] = 1;
                NativeMemory.Free(p);
            }
        }
        """, """
        using System.Runtime.InteropServices;
        public unsafe class C
        {
            public void M()
            {
                byte* p = (byte*)NativeMemory.AllocZeroed(4096);
                p[0] = 1;
                NativeMemory.Free(p);
            }
        }
        """, Key);

    [Fact]
    public Task Keeps_preprocessor_directives() => Fix.VerifyFixAsync("""
        using System;
        public class C
        {
            public byte[] M()
            {
                var b = new byte[16];
        #if DEBUG
                b[1] = 2;
        #endif
                {|ALLOC002:Array.Clear(b)|};
                return b;
            }
        }
        """, """
        using System;
        public class C
        {
            public byte[] M()
            {
                var b = new byte[16];
        #if DEBUG
                b[1] = 2;
        #endif
                return b;
            }
        }
        """, Key);

    [Fact]
    public Task Removes_a_top_level_statement() => Fix.VerifyFixAsync("""
        using System;
        var b = new byte[64];
        {|ALLOC002:Array.Clear(b)|};
        Console.WriteLine(b.Length);
        """, """
        using System;
        var b = new byte[64];
        Console.WriteLine(b.Length);
        """, Key, new Verification.TestOptions { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication });

    [Fact]
    public Task No_fix_for_an_embedded_statement() => Fix.VerifyNoFixAsync("""
        using System;
        public class C
        {
            public byte[] M(bool flag)
            {
                var b = new byte[16];
                if (flag) {|ALLOC002:Array.Clear(b)|};
                return b;
            }
        }
        """, Key);

    [Fact]
    public Task Fix_all_in_document_removes_every_redundant_clear() => Fix.VerifyFixAllAsync("""
        using System;
        public class C
        {
            public void M(int n)
            {
                var a = new byte[4096];
                {|ALLOC002:Array.Clear(a)|};
                var b = new int[n];
                {|ALLOC002:b.AsSpan().Clear()|};
                Use(a, b);
            }

            public int[] L()
            {
                var b = new int[64];
                {|ALLOC002:for (int i = 0; i < b.Length; i++) b[i] = 0;|}
                return b;
            }

            public void N()
            {
                Span<byte> s = stackalloc byte[128];
                {|ALLOC002:s.Fill(0)|};
                s[0] = 1;
            }

            static void Use(byte[] a, int[] b) { }
        }
        """, """
        using System;
        public class C
        {
            public void M(int n)
            {
                var a = new byte[4096];
                var b = new int[n];
                Use(a, b);
            }

            public int[] L()
            {
                var b = new int[64];
                return b;
            }

            public void N()
            {
                Span<byte> s = stackalloc byte[128];
                s[0] = 1;
            }

            static void Use(byte[] a, int[] b) { }
        }
        """, Key, FixAllScope.Document);

    [Fact]
    public Task Fix_all_in_solution_covers_every_document() => Fix.VerifyFixAllAsync("""
        using System;
        public class C
        {
            public void M() { var a = new byte[64]; {|ALLOC002:Array.Clear(a)|}; a[0] = 1; }
        }
        """, """
        using System;
        public class C
        {
            public void M() { var a = new byte[64]; a[0] = 1; }
        }
        """, Key, FixAllScope.Solution, new Verification.TestOptions
        {
            AdditionalDocuments = new[] { ("Test1.cs", "using System;\npublic class D\n{\n    public void M() { var a = new byte[64]; {|ALLOC002:Array.Clear(a)|}; a[0] = 1; }\n}\n") },
        }, new[] { ("Test1.cs", "using System;\npublic class D\n{\n    public void M() { var a = new byte[64]; a[0] = 1; }\n}\n") });
}
