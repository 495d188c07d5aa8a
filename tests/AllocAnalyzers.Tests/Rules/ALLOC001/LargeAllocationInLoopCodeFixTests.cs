using AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop;
using AllocAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.CodeFixes;
using VerifyFix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<
    AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer,
    AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop.LargeAllocationInLoopCodeFixProvider>;

namespace AllocAnalyzers.Tests.Rules.ALLOC001;

public class LargeAllocationInLoopCodeFixTests
{
    [Fact]
    public Task Hoist_moves_the_array_before_the_loop_and_needs_no_clear_when_only_the_read_call_touches_it() => VerifyFix.VerifyFixAsync("""
        using System;
        using System.IO;

        class C
        {
            void M(Stream stream)
            {
                while (true)
                {
                    // one chunk
                    var buffer = {|ALLOC001:new byte[1 << 20]|};
                    int n = stream.Read(buffer, 0, buffer.Length);
                    if (n == 0) break;
                }
            }
        }
        """, """
        using System;
        using System.IO;

        class C
        {
            void M(Stream stream)
            {
                var buffer = new byte[1 << 20];
                while (true)
                {
                    // one chunk
                    int n = stream.Read(buffer, 0, buffer.Length);
                    if (n == 0) break;
                }
            }
        }
        """, HoistAllocationFix.Key);

    [Theory]
    [InlineData("int n = stream.Read(buffer, 0, 16 * 1024);", "output.Write(buffer, 0, n);")]
    [InlineData("int n = stream.Read(buffer.AsSpan(0, 16 * 1024));", "Consume(buffer.AsSpan(0, n));")]
    [InlineData("int n = stream.ReadAtLeast(buffer, 1, throwOnEndOfStream: false);", "for (int i = 0; i < n; i++) sum += buffer[i];")]
    [InlineData("int n = stream.Read(buffer, 0, buffer.Length);", "Consume(new ReadOnlySpan<byte>(buffer, 0, n)); Consume(buffer[..n]);")]
    public Task Hoist_needs_no_clear_when_every_read_is_within_what_the_read_call_stored(string read, string use) => VerifyFix.VerifyFixAsync($$"""
        using System;
        using System.IO;

        class C
        {
            long M(Stream stream, Stream output)
            {
                long sum = 0;
                while (true)
                {
                    var buffer = {|ALLOC001:new byte[1 << 20]|};
                    {{read}}
                    if (n == 0) return sum;
                    {{use}}
                }
            }

            static void Consume(ReadOnlySpan<byte> data) { }
        }
        """, $$"""
        using System;
        using System.IO;

        class C
        {
            long M(Stream stream, Stream output)
            {
                long sum = 0;
                var buffer = new byte[1 << 20];
                while (true)
                {
                    {{read}}
                    if (n == 0) return sum;
                    {{use}}
                }
            }

            static void Consume(ReadOnlySpan<byte> data) { }
        }
        """, HoistAllocationFix.Key);

    [Theory]
    [InlineData("int n = stream.Read(buffer, 0, 4096); output.Write(buffer, 0, 4096);", "Array.Clear(buffer, 0, 4096);")]
    [InlineData("int n = stream.Read(buffer, 0, 4096); sum += buffer[7];", "Array.Clear(buffer, 0, 8);")]
    [InlineData("int n = stream.Read(buffer, 0, 4096); n = 10; output.Write(buffer, 0, n);", "Array.Clear(buffer, 0, buffer.Length);")]
    [InlineData("output.Write(buffer, 0, 16); int n = stream.Read(buffer, 0, 4096);", "Array.Clear(buffer, 0, 16);")]
    [InlineData("int n = stream.Read(buffer, 4, 4096); output.Write(buffer, 0, n);", "Array.Clear(buffer, 0, buffer.Length);")]
    [InlineData("int n = stream.Read(buffer, 0, 4096); Use(buffer);", "Array.Clear(buffer, 0, buffer.Length);")]
    [InlineData("int n = stream.Read(buffer, 0, 4096); for (int i = 0; i <= n; i++) sum += buffer[i];", "Array.Clear(buffer, 0, buffer.Length);")]
    public Task Hoist_clears_the_prefix_an_iteration_can_read_or_all_of_it(string body, string clear) => VerifyFix.VerifyFixAsync($$"""
        using System;
        using System.IO;

        class C
        {
            long M(Stream stream, Stream output, bool go)
            {
                long sum = 0;
                while (go)
                {
                    var buffer = {|ALLOC001:new byte[1 << 20]|};
                    {{body}}
                }

                return sum;
            }

            static void Use(byte[] data) { }
        }
        """, $$"""
        using System;
        using System.IO;

        class C
        {
            long M(Stream stream, Stream output, bool go)
            {
                long sum = 0;
                var buffer = new byte[1 << 20];
                while (go)
                {
                    {{clear}}
                    {{body}}
                }

                return sum;
            }

            static void Use(byte[] data) { }
        }
        """, HoistAllocationFix.Key);

    [Fact]
    public Task Hoist_needs_no_clear_when_every_iteration_overwrites_before_reading() => VerifyFix.VerifyFixAsync("""
        using System;
        using System.IO;

        class C
        {
            void M(Random random, Stream output)
            {
                for (int i = 0; i < 20; i++)
                {
                    // 512 KB of noise per file
                    var data = {|ALLOC001:new byte[512 * 1024]|};
                    random.NextBytes(data);
                    output.Write(data, 0, data.Length);
                }
            }
        }
        """, """
        using System;
        using System.IO;

        class C
        {
            void M(Random random, Stream output)
            {
                var data = new byte[512 * 1024];
                for (int i = 0; i < 20; i++)
                {
                    // 512 KB of noise per file
                    random.NextBytes(data);
                    output.Write(data, 0, data.Length);
                }
            }
        }
        """, HoistAllocationFix.Key);

    [Fact]
    public Task Hoist_keeps_the_clear_when_a_read_may_come_first() => VerifyFix.VerifyFixAsync("""
        using System;
        using System.IO;

        class C
        {
            void M(Random random, Stream output, bool noisy)
            {
                for (int i = 0; i < 20; i++)
                {
                    var data = {|ALLOC001:new byte[512 * 1024]|};
                    if (noisy) random.NextBytes(data);
                    output.Write(data, 0, data.Length);
                }
            }
        }
        """, """
        using System;
        using System.IO;

        class C
        {
            void M(Random random, Stream output, bool noisy)
            {
                var data = new byte[512 * 1024];
                for (int i = 0; i < 20; i++)
                {
                    Array.Clear(data, 0, data.Length);
                    if (noisy) random.NextBytes(data);
                    output.Write(data, 0, data.Length);
                }
            }
        }
        """, HoistAllocationFix.Key);

    [Fact]
    public Task Hoist_goes_above_the_outermost_loop_and_adds_the_using() => VerifyFix.VerifyFixAsync("""
        class C
        {
            static void Use(long[] row) { }

            void M(int rows)
            {
                for (int r = 0; r < rows; r++)
                {
                    for (int c = 0; c < 4; c++)
                    {
                        long[] row = {|ALLOC001:new long[20_000]|};
                        row[c] = r;
                        Use(row);
                    }
                }
            }
        }
        """, """
        using System;

        class C
        {
            static void Use(long[] row) { }

            void M(int rows)
            {
                long[] row = new long[20_000];
                for (int r = 0; r < rows; r++)
                {
                    for (int c = 0; c < 4; c++)
                    {
                        Array.Clear(row, 0, row.Length);
                        row[c] = r;
                        Use(row);
                    }
                }
            }
        }
        """, HoistAllocationFix.Key);

    [Fact]
    public Task Hoist_restates_a_size_declared_inside_the_loop() => VerifyFix.VerifyFixAsync("""
        using System;

        class C
        {
            void M(bool go)
            {
                while (go)
                {
                    const int Size = 1 << 20;
                    var b = {|ALLOC001:new byte[Size]|};
                    b[0] = 1;
                    go = b[Size - 1] == 0;
                }
            }
        }
        """, """
        using System;

        class C
        {
            void M(bool go)
            {
                var b = new byte[1048576];
                while (go)
                {
                    const int Size = 1 << 20;
                    Array.Clear(b, 0, b.Length);
                    b[0] = 1;
                    go = b[Size - 1] == 0;
                }
            }
        }
        """, HoistAllocationFix.Key);

    [Fact]
    public Task Hoist_wraps_an_embedded_loop_in_braces() => VerifyFix.VerifyFixAsync("""
        using System;

        class C
        {
            void M(bool go)
            {
                if (go)
                    while (go)
                    {
                        var b = {|ALLOC001:new byte[1 << 20]|};
                        go = b[0] == 0;
                    }
            }
        }
        """, """
        using System;

        class C
        {
            void M(bool go)
            {
                if (go)
                {
                    var b = new byte[1 << 20];
                    while (go)
                    {
                        Array.Clear(b, 0, 1);
                        go = b[0] == 0;
                    }
                }
            }
        }
        """, HoistAllocationFix.Key);

    [Fact]
    public Task Hoist_resets_collections_with_their_own_clear() => VerifyFix.VerifyFixAsync("""
        using System.Collections.Generic;
        using System.IO;
        using System.Text;

        class C
        {
            void M(bool go)
            {
                while (go)
                {
                    var list = {|ALLOC001:new List<long>(20_000)|};
                    list.Add(1);
                    var ms = {|ALLOC001:new MemoryStream(1 << 20)|};
                    ms.WriteByte(1);
                    var sb = {|ALLOC001:new StringBuilder(100_000)|};
                    go = sb.Append('x').Length + ms.Length + list.Count > 3;
                }
            }
        }
        """, """
        using System.Collections.Generic;
        using System.IO;
        using System.Text;

        class C
        {
            void M(bool go)
            {
                var list = new List<long>(20_000);
                var ms = new MemoryStream(1 << 20);
                var sb = new StringBuilder(100_000);
                while (go)
                {
                    list.Clear();
                    list.Add(1);
                    ms.SetLength(0);
                    ms.WriteByte(1);
                    sb.Clear();
                    go = sb.Append('x').Length + ms.Length + list.Count > 3;
                }
            }
        }
        """, HoistAllocationFix.Key);

    [Theory]
    [InlineData("var ms = {|ALLOC001:new MemoryStream(1 << 20)|}; ms.WriteByte(1); ms.Dispose();")]
    [InlineData("using var ms = {|ALLOC001:new MemoryStream(1 << 20)|}; ms.WriteByte(1);")]
    [InlineData("var ms = {|ALLOC001:new MemoryStream(1 << 20)|}; ms.WriteByte(1); go = ms.GetBuffer()[5] == 0;")]
    [InlineData("var l = {|ALLOC001:new List<long>(20_000)|}; l.Add(1); go = l.Capacity > 5;")]
    public Task Hoist_is_not_offered_when_reuse_would_show(string body) => VerifyFix.VerifyNoFixAsync($$"""
        using System.Collections.Generic;
        using System.IO;

        class C
        {
            void M(bool go)
            {
                while (go) { {{body}} }
            }
        }
        """, HoistAllocationFix.Key);

    [Fact]
    public Task Hoist_is_not_offered_for_a_name_taken_after_the_loop() => VerifyFix.VerifyNoFixAsync("""
        class C
        {
            void M(bool go)
            {
                while (go) { var b = {|ALLOC001:new byte[1 << 20]|}; b[0] = 1; go = b[1] == 0; }
                for (int i = 0; i < 2; i++) { var b = i; }
            }
        }
        """, HoistAllocationFix.Key);

    [Fact]
    public Task Rent_before_the_loop_returns_after_it_clears_what_can_be_read_and_keeps_length_meaning() => VerifyFix.VerifyFixAsync("""
        using System.IO;

        class C
        {
            void M(Stream stream)
            {
                // read until the end
                while (true)
                {
                    var buffer = {|ALLOC001:new byte[1 << 20]|};
                    int n = stream.Read(buffer, 0, buffer.Length);
                    if (n == 0) break;
                    buffer[0] ^= 1;
                }
            }
        }
        """, """
        using System;
        using System.Buffers;
        using System.IO;

        class C
        {
            void M(Stream stream)
            {
                // read until the end
                var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
                try
                {
                    while (true)
                    {
                        Array.Clear(buffer, 0, 1);
                        int n = stream.Read(buffer, 0, (1 << 20));
                        if (n == 0) break;
                        buffer[0] ^= 1;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        """, RentFromArrayPoolFix.Key);

    [Fact]
    public Task Rent_needs_no_clear_when_reads_stay_within_what_the_read_call_stored() => VerifyFix.VerifyFixAsync("""
        using System;
        using System.IO;

        class C
        {
            long M(Stream source, Stream sink)
            {
                long total = 0;
                for (int r = 0; ; r++)
                {
                    var record = {|ALLOC001:new byte[256 * 1024]|};
                    int read = source.Read(record, 0, 16 * 1024);
                    if (read == 0) break;
                    sink.Write(record, 0, read);
                    total += Sum(record.AsSpan(0, read));
                }

                return total;
            }

            static long Sum(ReadOnlySpan<byte> data) => data.Length;
        }
        """, """
        using System;
        using System.Buffers;
        using System.IO;

        class C
        {
            long M(Stream source, Stream sink)
            {
                long total = 0;
                var record = ArrayPool<byte>.Shared.Rent(256 * 1024);
                try
                {
                    for (int r = 0; ; r++)
                    {
                        int read = source.Read(record, 0, 16 * 1024);
                        if (read == 0) break;
                        sink.Write(record, 0, read);
                        total += Sum(record.AsSpan(0, read));
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(record);
                }

                return total;
            }

            static long Sum(ReadOnlySpan<byte> data) => data.Length;
        }
        """, RentFromArrayPoolFix.Key);

    [Fact]
    public Task Rent_needs_no_clear_when_the_used_range_is_overwritten_before_reading() => VerifyFix.VerifyFixAsync("""
        using System.IO;

        class C
        {
            long M(Stream stream, int records)
            {
                long sum = 0;
                for (int r = 0; r < records; r++)
                {
                    var record = {|ALLOC001:new byte[128 * 1024]|};
                    stream.ReadExactly(record, 0, record.Length);
                    sum += record[0];
                }

                return sum;
            }
        }
        """, """
        using System.Buffers;
        using System.IO;

        class C
        {
            long M(Stream stream, int records)
            {
                long sum = 0;
                var record = ArrayPool<byte>.Shared.Rent(128 * 1024);
                try
                {
                    for (int r = 0; r < records; r++)
                    {
                        stream.ReadExactly(record, 0, (128 * 1024));
                        sum += record[0];
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(record);
                }

                return sum;
            }
        }
        """, RentFromArrayPoolFix.Key);

    [Fact]
    public Task Rent_clears_the_requested_size_not_the_rented_length_and_clears_on_return_for_reference_elements() => VerifyFix.VerifyFixAsync("""
        using System;
        using System.Buffers;

        class C
        {
            void M(bool go, int k)
            {
                while (go)
                {
                    var items = {|ALLOC001:new string[20_000]|};
                    items[0] = "x";
                    go = items[k] == null;
                }
            }
        }
        """, """
        using System;
        using System.Buffers;

        class C
        {
            void M(bool go, int k)
            {
                var items = ArrayPool<string>.Shared.Rent(20_000);
                try
                {
                    while (go)
                    {
                        Array.Clear(items, 0, 20_000);
                        items[0] = "x";
                        go = items[k] == null;
                    }
                }
                finally
                {
                    ArrayPool<string>.Shared.Return(items, clearArray: true);
                }
            }
        }
        """, RentFromArrayPoolFix.Key);

    [Theory]
    [InlineData("var b = {|ALLOC001:new byte[1 << 20]|}; stream.Write(b);")]
    [InlineData("var b = {|ALLOC001:new byte[1 << 20]|}; Use(b);")]
    [InlineData("var b = {|ALLOC001:new byte[1 << 20]|}; foreach (var x in b) { }")]
    [InlineData("var b = {|ALLOC001:new byte[1 << 20]|}; var s = b.AsSpan(); s[0] = 1;")]
    [InlineData("var b = {|ALLOC001:new byte[300, 300]|}; b[0, 0] = 1;")]
    [InlineData("var l = {|ALLOC001:new List<long>(20_000)|}; l.Add(1);")]
    [InlineData("var b = {|ALLOC001:GC.AllocateArray<byte>(1 << 20, pinned: true)|}; b[0] = 1;")]
    [InlineData("var b = {|ALLOC001:new byte[1 << 20]|}; int n = stream.Read(b); stream.Write(b, 0, n);")]
    public Task Rent_is_not_offered_when_the_code_could_tell(string body) => VerifyFix.VerifyNoFixAsync($$"""
        using System;
        using System.Collections.Generic;
        using System.IO;

        class C
        {
            void M(Stream stream, bool go)
            {
                while (go) { {{body}} }
            }

            static void Use(byte[] data) { }
        }
        """, RentFromArrayPoolFix.Key);

    private const string TwoLoops = """
        using System;

        class C
        {
            void M(bool go)
            {
                while (go) { var a = {|ALLOC001:new byte[1 << 20]|}; a[0] = 1; go = a[1] == 0; }
            }

            void N(bool go)
            {
                while (go) { var b = {|ALLOC001:new int[1 << 18]|}; b[0] = 1; go = b[1] == 0; }
            }
        }
        """;

    private const string TwoLoopsHoisted = """
        using System;

        class C
        {
            void M(bool go)
            {
                var a = new byte[1 << 20];
                while (go) { Array.Clear(a, 0, 2); a[0] = 1; go = a[1] == 0; }
            }

            void N(bool go)
            {
                var b = new int[1 << 18];
                while (go) { Array.Clear(b, 0, 2); b[0] = 1; go = b[1] == 0; }
            }
        }
        """;

    [Theory]
    [InlineData(FixAllScope.Document)]
    [InlineData(FixAllScope.Project)]
    [InlineData(FixAllScope.Solution)]
    public Task Fix_all_hoists_every_allocation(FixAllScope scope) =>
        VerifyFix.VerifyFixAllAsync(TwoLoops, TwoLoopsHoisted, HoistAllocationFix.Key, scope);

    [Fact]
    public Task Fix_all_in_project_reaches_other_documents() => VerifyFix.VerifyFixAllAsync(
        TwoLoops, TwoLoopsHoisted, HoistAllocationFix.Key, FixAllScope.Project,
        new TestOptions { AdditionalDocuments = new[] { ("Other.cs", TwoLoops.Replace("class C", "class D")) } },
        expectedAdditional: new[] { ("Other.cs", TwoLoopsHoisted.Replace("class C", "class D")) });

    [Fact]
    public Task Fix_all_rents_two_buffers_in_the_same_loop() => VerifyFix.VerifyFixAllAsync("""
        using System.IO;

        class C
        {
            void M(Stream s, bool go)
            {
                while (go)
                {
                    var a = {|ALLOC001:new byte[1 << 20]|};
                    var b = {|ALLOC001:new byte[1 << 20]|};
                    go = s.Read(a, 0, a.Length) + s.Read(b, 0, 16) > 0;
                }
            }
        }
        """, """
        using System;
        using System.Buffers;
        using System.IO;

        class C
        {
            void M(Stream s, bool go)
            {
                var a = ArrayPool<byte>.Shared.Rent(1 << 20);
                try
                {
                    var b = ArrayPool<byte>.Shared.Rent(1 << 20);
                    try
                    {
                        while (go)
                        {
                            Array.Clear(a, 0, 1 << 20);
                            Array.Clear(b, 0, 16);
                            go = s.Read(a, 0, (1 << 20)) + s.Read(b, 0, 16) > 0;
                        }
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(b);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(a);
                }
            }
        }
        """, RentFromArrayPoolFix.Key, FixAllScope.Document);
}
