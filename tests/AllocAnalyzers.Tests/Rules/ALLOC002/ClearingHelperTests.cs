using AllocAnalyzers.CodeFixes.Rules.RedundantClear;
using Fix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<AllocAnalyzers.Rules.RedundantClear.RedundantClearAnalyzer, AllocAnalyzers.CodeFixes.Rules.RedundantClear.RedundantClearCodeFixProvider>;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.RedundantClear.RedundantClearAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC002;

/// <summary>ALLOC002 through method boundaries: clearing helpers, native clears and methods that clear a field.</summary>
public class ClearingHelperTests
{
    private static string Helpers(string body, string members = "") => $$"""
        using System;
        using System.Runtime.InteropServices;

        public unsafe class Table
        {
            {{members}}
            public void M(int n)
            {
                {{body}}
            }

            static void Fill(Span<byte> target, byte value) => target.Fill(value);
            static void Zero(Span<byte> target) { target.Clear(); }
            static void ZeroAndMark(Span<byte> target) { target.Clear(); target[0] = 1; }
            static void Memset(byte* p, byte value, int count) { for (int i = 0; i < count; i++) p[i] = value; }
            static void Use(ReadOnlySpan<byte> s) { }
            [DllImport("libc", EntryPoint = "memset")] static extern IntPtr CMemset(byte* p, int value, nuint count);
        }
        """;

    [Theory]
    [InlineData("Span<byte> s = stackalloc byte[256]; {|ALLOC002:Fill(s, 0)|}; Use(s);")]
    [InlineData("Span<byte> s = stackalloc byte[256]; {|ALLOC002:Zero(s)|}; Use(s);")]
    [InlineData("var a = new byte[4096]; {|ALLOC002:Zero(a)|}; Use(a);")]
    [InlineData("byte* p = stackalloc byte[256]; {|ALLOC002:CMemset(p, 0, 256)|}; Use(new ReadOnlySpan<byte>(p, 256));")]
    public Task Reports_a_helper_clear_of_still_zero_memory(string body) => Verify.VerifyAsync(Helpers(body));

    [Theory]
    // A fill with a value that is not zero is data.
    [InlineData("Span<byte> s = stackalloc byte[256]; Fill(s, 0xFF); Use(s);")]
    // Written before the helper's clear.
    [InlineData("Span<byte> s = stackalloc byte[256]; s[0] = 7; Zero(s); Use(s);")]
    // The helper clears a range of the caller's choosing that may lie outside the block.
    [InlineData("byte* p = stackalloc byte[256]; Memset(p, 0, n); Use(new ReadOnlySpan<byte>(p, 256));")]
    // A buffer that came from elsewhere.
    [InlineData("Span<byte> s = new byte[n]; s[0] = 1; Zero(s); Use(s);")]
    public Task Stays_quiet_on_look_alikes(string body) => Verify.VerifyAsync(Helpers(body));

    [Fact]
    public async Task Reports_a_helper_that_does_more_than_clear_but_offers_no_removal()
    {
        const string source = """
            using System;
            public class C
            {
                public void M()
                {
                    Span<byte> s = stackalloc byte[256];
                    {|ALLOC002:ZeroAndMark(s)|};
                }

                static void ZeroAndMark(Span<byte> target) { target.Clear(); target[0] = 1; }
            }
            """;
        await Verify.VerifyAsync(source);
        await Fix.VerifyNoFixAsync(source, RemoveRedundantClearFix.Key);
    }

    [Fact]
    public Task Removes_a_call_to_a_helper_that_only_clears() => Fix.VerifyFixAsync("""
        using System;
        public class C
        {
            public int M()
            {
                Span<byte> s = stackalloc byte[256];
                {|ALLOC002:Zero(s)|};
                return s[0];
            }

            static void Zero(Span<byte> target) => target.Clear();
        }
        """, """
        using System;
        public class C
        {
            public int M()
            {
                Span<byte> s = stackalloc byte[256];
                return s[0];
            }

            static void Zero(Span<byte> target) => target.Clear();
        }
        """, RemoveRedundantClearFix.Key);

    private const string Deflater = """
        using System;
        public sealed class Matcher
        {
            private short[] _head;
            private short[] _prev;
            private int _count;

            public Matcher(int size)
            {
                {{constructor}}
            }

            public void Reset()
            {
                Array.Clear(_head, 0, _head.Length);
                _count = 0;
            }

            public int Count => _count;
        }
        """;

    [Fact]
    public async Task Reports_a_reset_that_clears_a_field_still_zero_at_the_first_call_and_keeps_the_call()
    {
        var source = Deflater.Replace("{{constructor}}", "_head = new short[size]; _prev = new short[size]; {|ALLOC002:Reset()|};");
        var diagnostics = await Verify.VerifyAsync(source);
        Assert.Contains("'Reset()' clears '_head'", diagnostics.Single().GetMessage());
        await Fix.VerifyNoFixAsync(source, RemoveRedundantClearFix.Key);
    }

    [Theory]
    // The field is written before the call's clear.
    [InlineData("_head = new short[size]; _head[0] = 1; Reset();")]
    // A method of this object runs in between and may write it.
    [InlineData("_head = new short[size]; Touch(); Reset();")]
    // The field holds an array from elsewhere.
    [InlineData("_head = Shared; Reset();")]
    // Reset is called later, after the table has been used.
    [InlineData("_head = new short[size]; Use(_head); Reset();")]
    public Task Stays_quiet_when_the_field_may_have_been_written(string constructor) =>
        Verify.VerifyAsync(Deflater.Replace("{{constructor}}", constructor).Replace("public int Count", "private static readonly short[] Shared = new short[8]; private void Touch() => _head[1] = 2; private static void Use(short[] a) { } public int Count"));

    private const string Digest = """
        using System;
        public sealed class Digest
        {
            private readonly byte[] _buf = new byte[64];
            private readonly uint[] _state = new uint[16];
            private int _count;

            {{constructors}}

            public void Reset()
            {
                Array.Clear(_buf, 0, _buf.Length);
                for (int i = 0; i != _state.Length; i++) _state[i] = 0;
                _count = 0;
            }
        }
        """;

    [Fact]
    public async Task Reports_a_constructor_reset_of_fields_fresh_from_their_initializers()
    {
        var diagnostics = await Verify.VerifyAsync(Digest.Replace("{{constructors}}", "public Digest() { {|ALLOC002:Reset()|}; }"));
        Assert.Contains("'Reset()' clears '_buf', '_state', 128 bytes that their allocations already zeroed", diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Reports_a_reset_that_sets_counters_before_its_clears() => Verify.VerifyAsync("""
        using System;
        public sealed class Gost
        {
            private readonly byte[] _h = new byte[32];
            private readonly byte[] _sum = new byte[32];
            private int _count;
            private int _offset;

            public Gost() { {|ALLOC002:Reset()|}; }

            public void Reset()
            {
                _count = 0;
                _offset = 0;
                Array.Clear(_h, 0, _h.Length);
                Array.Clear(_sum, 0, _sum.Length);
            }
        }
        """);

    [Fact]
    public Task Stays_quiet_when_the_reset_writes_before_it_clears() => Verify.VerifyAsync("""
        using System;
        public sealed class Table
        {
            private readonly byte[] _h = new byte[32];
            public Table() { Reset(); }
            public void Reset()
            {
                Prepare();
                Array.Clear(_h, 0, _h.Length);
            }

            private void Prepare() => _h[0] = 1;
        }
        """);

    [Theory]
    // Another constructor runs first and may have written the fields.
    [InlineData("public Digest() { _count = 1; } public Digest(int seed) : this() { Reset(); }")]
    // The constructor writes the field before the reset.
    [InlineData("public Digest() { _buf[0] = 1; _state[0] = 2; Reset(); }")]
    // Reset runs only on some paths.
    [InlineData("public Digest(bool clean) { if (clean) Reset(); }")]
    public Task Stays_quiet_when_a_constructor_may_have_written_the_fields(string constructors) =>
        Verify.VerifyAsync(Digest.Replace("{{constructors}}", constructors));

    [Fact]
    public Task Reports_a_pointer_memset_helper_after_stackalloc() => Verify.VerifyAsync("""
        using System.Runtime.CompilerServices;
        public static unsafe class Entropy
        {
            public static int Count(byte* src, int n)
            {
                sbyte* buffer = stackalloc sbyte[8];
                {|ALLOC002:Helpers.memset(buffer, 0, sizeof(sbyte) * 8)|};
                for (int i = 0; i < n; i++) buffer[src[i] & 7]++;
                return buffer[0];
            }
        }

        public static unsafe class Helpers
        {
            public static void memset(void* destination, byte value, uint size) => Unsafe.InitBlockUnaligned(destination, value, size);
        }
        """);

    [Fact]
    public Task Stays_quiet_on_a_secret_wipe_after_use() => Verify.VerifyAsync("""
        using System;
        public static class Keys
        {
            public static int Use(ReadOnlySpan<byte> input)
            {
                var secret = new byte[32];
                input.Slice(0, 32).CopyTo(secret);
                int sum = secret[0] + secret[31];
                Wipe(secret);
                return sum;
            }

            private static void Wipe(byte[] data) => Array.Clear(data, 0, data.Length);
        }
        """);

    [Fact]
    public Task Does_not_crash_on_a_half_typed_helper() => Verify.VerifyAsync("""
        using System;
        public class C
        {
            public void M()
            {
                Span<byte> s = stackalloc byte[256];
                Zero(s);
            }

            static void Zero(Span<byte> target) { target.Clear({|CS1026:;|} }
        }
        """);
}
