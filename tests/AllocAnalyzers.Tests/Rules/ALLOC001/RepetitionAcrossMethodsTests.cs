using AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop;
using AllocAnalyzers.Runtime.Formatting;
using Fix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer, AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop.LargeAllocationInLoopCodeFixProvider>;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC001;

/// <summary>ALLOC001 where the loop that repeats the allocation is in another function, a contract or an API.</summary>
public class RepetitionAcrossMethodsTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;

        """;

    [Fact]
    public async Task Reports_a_chunk_reader_called_from_a_download_loop_and_names_the_loop()
    {
        var diagnostics = await Verify.VerifyAsync(Usings + """
            public class Downloader
            {
                private const int ScratchSize = 1 << 20;

                public long Download(Stream source)
                {
                    long total = 0;
                    int n;
                    while ((n = ReadChunk(source)) > 0) total += n;
                    return total;
                }

                private static int ReadChunk(Stream source)
                {
                    var scratch = {|ALLOC001:new byte[ScratchSize]|};
                    return source.Read(scratch, 0, 16 * 1024);
                }
            }
            """);

        var message = diagnostics.Single().GetMessage();
        Assert.Contains("on every call of ReadChunk from the loop in Download (Test0.cs:", message);
        Assert.Contains("per call", message);
        var properties = diagnostics.Single().Properties;
        Assert.Equal(RepetitionValues.Call, properties[DiagnosticProperties.Repetition]);
        Assert.Equal("called-in-loop", properties[DiagnosticProperties.RepeatedBy]);
        Assert.Equal("Download", properties[DiagnosticProperties.RepeatedOrigin]);
        Assert.Single(diagnostics.Single().AdditionalLocations);
    }

    [Theory]
    [InlineData(HoistAllocationFix.Key)]
    [InlineData(RentFromArrayPoolFix.Key)]
    public Task Offers_no_fix_when_the_loop_is_in_another_method(string key) => Fix.VerifyNoFixAsync(Usings + """
        public class Downloader
        {
            public long Download(Stream source)
            {
                long total = 0;
                int n;
                while ((n = ReadChunk(source)) > 0) total += n;
                return total;
            }

            private static int ReadChunk(Stream source)
            {
                var scratch = {|ALLOC001:new byte[1 << 20]|};
                return source.Read(scratch, 0, 16 * 1024);
            }
        }
        """, key);

    [Fact]
    public async Task Follows_callers_up_to_the_loop_and_names_the_chain()
    {
        var diagnostics = await Verify.VerifyAsync(Usings + """
            public class Pipeline
            {
                public void Run(Stream source, int parts)
                {
                    for (int i = 0; i < parts; i++) Step(source);
                }

                private void Step(Stream source) => Fill(source);

                private int Fill(Stream source)
                {
                    var block = {|ALLOC001:new byte[256 * 1024]|};
                    return source.Read(block, 0, block.Length);
                }
            }
            """);

        var message = diagnostics.Single().GetMessage();
        Assert.Contains("on every call of Fill, through Step, from the loop in Run", message);
        Assert.Equal("Fill < Step", diagnostics.Single().Properties[DiagnosticProperties.RepeatedThrough]);
    }

    [Fact]
    public async Task Reports_a_stream_read_override_by_contract()
    {
        var diagnostics = await Verify.VerifyAsync(Usings + """
            public sealed class UpperCaseStream : Stream
            {
                private readonly Stream _inner;
                public UpperCaseStream(Stream inner) => _inner = inner;

                public override int Read(byte[] buffer, int offset, int count)
                {
                    var staging = {|ALLOC001:new byte[128 * 1024]|};
                    int n = _inner.Read(staging, 0, Math.Min(count, staging.Length));
                    for (int i = 0; i < n; i++) buffer[offset + i] = (byte)char.ToUpperInvariant((char)staging[i]);
                    return n;
                }

                public override bool CanRead => true;
                public override bool CanSeek => false;
                public override bool CanWrite => false;
                public override long Length => throw new NotSupportedException();
                public override long Position { get => 0; set => throw new NotSupportedException(); }
                public override void Flush() { }
                public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
                public override void SetLength(long value) => throw new NotSupportedException();
                public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            }
            """);

        var message = diagnostics.Single().GetMessage();
        Assert.Contains("on every call of UpperCaseStream.Read, an override of Stream.Read that callers run in loops", message);
        Assert.Equal("contract", diagnostics.Single().Properties[DiagnosticProperties.RepeatedBy]);
    }

    [Fact]
    public Task Stays_quiet_when_a_stream_read_override_runs_the_helper_once_per_instance() => Verify.VerifyAsync(Usings + """
        public sealed class Expanding : Stream
        {
            private readonly Stream _inner;
            private bool _expanded;
            private MemoryStream _output = new MemoryStream();
            public Expanding(Stream inner) => _inner = inner;

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (!_expanded)
                {
                    Expand();
                    _expanded = true;
                }

                return _output.Read(buffer, offset, count);
            }

            private void Expand()
            {
                var table = new int[64 * 1024];
                int n = _inner.ReadByte();
                table[n & 0xFFFF] = 1;
                _output.WriteByte((byte)table[0]);
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => 0; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
        """);

    [Fact]
    public async Task Reports_an_enumerator_move_next_by_contract()
    {
        await Verify.VerifyAsync(Usings + """
            public sealed class Blocks : IEnumerator<int>
            {
                private readonly Stream _source;
                public Blocks(Stream source) => _source = source;
                public int Current { get; private set; }
                object System.Collections.IEnumerator.Current => Current;

                public bool MoveNext()
                {
                    var block = {|ALLOC001:new byte[1 << 20]|};
                    Current = _source.Read(block, 0, block.Length);
                    return Current > 0;
                }

                public void Reset() { }
                public void Dispose() { }
            }
            """);
    }

    [Theory]
    [InlineData("Parallel.For(0, count, i => { var b = {|ALLOC001:new byte[1 << 20]|}; Use(b); });", "Parallel.For")]
    [InlineData("Parallel.ForEach(names, name => { var b = {|ALLOC001:new byte[1 << 20]|}; Use(b); });", "Parallel.ForEach")]
    [InlineData("var sums = names.Select(name => { var b = {|ALLOC001:new byte[1 << 20]|}; Use(b); return b.Length; }).ToList();", "Enumerable.Select")]
    [InlineData("names.ForEach(name => { var b = {|ALLOC001:new byte[1 << 20]|}; Use(b); });", "List.ForEach")]
    public async Task Reports_a_lambda_an_api_runs_per_item(string statement, string api)
    {
        var diagnostics = await Verify.VerifyAsync(Usings + $$"""
            public class Work
            {
                public void M(int count, List<string> names)
                {
                    {{statement}}
                }

                static void Use(byte[] buffer) { }
            }
            """);

        var message = diagnostics.Single().GetMessage();
        Assert.Contains("on every run of the lambda, which " + api + " runs per item", message);
        Assert.Contains("per run", message);
    }

    [Fact]
    public async Task Reports_a_method_group_an_api_runs_per_item()
    {
        var diagnostics = await Verify.VerifyAsync(Usings + """
            public class Work
            {
                public void M(int count) => Parallel.For(0, count, Process);

                private static void Process(int index)
                {
                    var b = {|ALLOC001:new byte[1 << 20]|};
                    Use(b);
                }

                static void Use(byte[] buffer) { }
            }
            """);

        Assert.Contains("on every call of Process, which Parallel.For runs per item", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task Reports_a_local_function_called_in_a_loop()
    {
        await Verify.VerifyAsync(Usings + """
            public class Work
            {
                public void M(Stream s, int count)
                {
                    for (int i = 0; i < count; i++) Chunk();

                    void Chunk()
                    {
                        var b = {|ALLOC001:new byte[1 << 20]|};
                        s.Read(b, 0, b.Length);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_through_an_interface_call_in_a_loop()
    {
        await Verify.VerifyAsync(Usings + """
            public interface IChunkSource { int Next(Stream s); }

            public sealed class Fresh : IChunkSource
            {
                public int Next(Stream s)
                {
                    var b = {|ALLOC001:new byte[1 << 20]|};
                    return s.Read(b, 0, b.Length);
                }
            }

            public static class Consumer
            {
                public static void Drain(IChunkSource source, Stream s)
                {
                    while (source.Next(s) > 0) { }
                }
            }
            """);
    }

    [Theory]
    // A helper called once.
    [InlineData("public void Run(Stream s) { Fill(s); }")]
    // Called in a for initializer, which runs once, and in a foreach collection, evaluated once.
    [InlineData("public void Run(Stream s) { for (int n = Fill(s); n > 0; n--) { } }")]
    [InlineData("public void Run(Stream s) { foreach (var x in new[] { Fill(s) }) { } }")]
    // Only in a lambda nobody repeats.
    [InlineData("public Func<int> Run(Stream s) => () => Fill(s);")]
    // Calls too far from the loop (more than three calls away).
    [InlineData("public void Run(Stream s) { while (true) A(s); } void A(Stream s) => B(s); void B(Stream s) => C(s); void C(Stream s) => D(s); void D(Stream s) => Fill(s);")]
    // Guarded to run once however often the loop runs.
    [InlineData("private bool _done; public void Run(Stream s) { while (true) { if (!_done) { Fill(s); _done = true; } } }")]
    [InlineData("private int? _first; public void Run(Stream s) { for (int i = 0; i < 9; i++) { _first ??= Fill(s); } }")]
    public async Task Stays_quiet_without_repetition(string caller)
    {
        await Verify.VerifyAsync(Usings + $$"""
            public class Work
            {
                {{caller}}

                private int Fill(Stream s)
                {
                    var b = new byte[1 << 20];
                    return s.Read(b, 0, b.Length);
                }
            }
            """);
    }

    [Theory]
    // The buffer is returned and kept by the caller.
    [InlineData("private byte[] Make() { var b = new byte[1 << 20]; return b; }", "var all = new List<byte[]>(); for (int i = 0; i < 4; i++) all.Add(Make());")]
    // Stored in a field: it outlives the call.
    [InlineData("private byte[] _last; private void Make() { _last = new byte[1 << 20]; }", "for (int i = 0; i < 4; i++) Make();")]
    // Captured by a lambda that outlives the call.
    [InlineData("private Func<int> Make() { var b = new byte[1 << 20]; return () => b.Length; }", "for (int i = 0; i < 4; i++) Make()();")]
    // Small buffers.
    [InlineData("private void Make() { var b = new byte[4096]; Use(b); }", "for (int i = 0; i < 4; i++) Make();")]
    public async Task Stays_quiet_when_the_buffer_outlives_the_call_or_is_small(string helper, string loop)
    {
        await Verify.VerifyAsync(Usings + $$"""
            public class Work
            {
                public void Run() { {{loop}} }

                {{helper}}

                static void Use(byte[] buffer) { }
            }
            """);
    }

    [Fact]
    public async Task Stays_quiet_on_an_iterator_yielding_fresh_arrays()
    {
        await Verify.VerifyAsync(Usings + """
            public class Work
            {
                public void Run() { for (int i = 0; i < 3; i++) foreach (var b in Blocks()) Console.WriteLine(b.Length); }

                private IEnumerable<byte[]> Blocks()
                {
                    yield return new byte[1 << 20];
                }
            }
            """);
    }

    [Fact]
    public async Task Stays_quiet_in_half_typed_callers()
    {
        await Verify.VerifyAsync(Usings + """
            public class Work
            {
                public void Run(Stream s) { while ({|CS1525:)|} Fill(s{|CS1026:;|} }

                private int Fill(Stream s)
                {
                    var b = new byte[1 << 20];
                    return s.Read(b, 0, b.Length);
                }
            }
            """);
    }
}
