using AllocAnalyzers.Rules.LargeAllocationInLoop;
using AllocAnalyzers.Tests.Verification;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC001;

/// <summary>
/// ALLOC001 in asynchronous loops: a buffer handed to a call that is awaited at once is free again
/// when the await completes, and a view of it (Memory, ArraySegment) is followed like the array;
/// a call whose task is kept, discarded or awaited later may still be using the buffer.
/// </summary>
public class AsyncLoopEscapeTests
{
    private static string InAsyncMethod(string body, string members = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;
        using System.Threading;
        using System.Threading.Tasks;

        public class Copier
        {
            {{members}}
            public async Task CopyAsync(Stream source, Stream destination, Socket socket, CancellationToken token)
            {
                {{body}}
            }

            static async Task<int> CountAsync(byte[] data) { await Task.Yield(); return data.Length; }
            static async ValueTask SendAsync(ReadOnlyMemory<byte> data) { await Task.Yield(); }
            static async Task<byte[]> EchoAsync(byte[] data) { await Task.Yield(); return data; }
            static void Consume(ReadOnlySpan<byte> data) { }
        }
        """;

    [Theory]
    // The copy loop: array overloads, Task<int> and Task.
    [InlineData("while (true) { var buffer = {|ALLOC001:new byte[1 << 20]|}; int n = await source.ReadAsync(buffer, 0, buffer.Length); if (n == 0) break; await destination.WriteAsync(buffer, 0, n); }")]
    // The same with ConfigureAwait(false) on both calls and a cancellation token.
    [InlineData("while (true) { var buffer = {|ALLOC001:new byte[1 << 20]|}; int n = await source.ReadAsync(buffer, 0, buffer.Length, token).ConfigureAwait(false); if (n == 0) break; await destination.WriteAsync(buffer, 0, n, token).ConfigureAwait(false); }")]
    // Memory overloads (ValueTask<int>, ValueTask): the array converted to Memory, AsMemory slices, ReadOnlyMemory.
    [InlineData("while (true) { var buffer = {|ALLOC001:new byte[1 << 20]|}; int n = await source.ReadAsync(buffer, token); if (n == 0) break; await destination.WriteAsync(buffer.AsMemory(0, n), token); }")]
    [InlineData("while (true) { var buffer = {|ALLOC001:new byte[1 << 20]|}; int n = await source.ReadAsync(buffer.AsMemory()); if (n == 0) break; await destination.WriteAsync(new ReadOnlyMemory<byte>(buffer, 0, n)).ConfigureAwait(false); }")]
    [InlineData("while (true) { var buffer = {|ALLOC001:new byte[1 << 20]|}; var memory = new Memory<byte>(buffer); int n = await source.ReadAsync(memory); if (n == 0) break; await SendAsync(memory.Slice(0, n)); }")]
    // An ArraySegment held in a local and handed to an awaited socket call.
    [InlineData("while (true) { var buffer = {|ALLOC001:new byte[1 << 20]|}; int n = await source.ReadAsync(buffer, 0, buffer.Length); var segment = new ArraySegment<byte>(buffer, 0, n); await socket.SendAsync(segment, SocketFlags.None); }")]
    // A user async method: its result is judged by its own type (int).
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = {|ALLOC001:new byte[1 << 20]|}; int count = await CountAsync(buffer); Consume(buffer.AsSpan(0, count)); }")]
    // MemoryMarshal.AsBytes over a span of the buffer stays a view of it.
    [InlineData("while (true) { var buffer = {|ALLOC001:new int[1 << 18]|}; Consume(MemoryMarshal.AsBytes(buffer.AsSpan())); await destination.FlushAsync(token); }")]
    // await using over a stream that wraps the buffer.
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = {|ALLOC001:new byte[1 << 20]|}; await using var chunk = new MemoryStream(buffer); await chunk.CopyToAsync(destination); }")]
    // Synchronous completion of the task at once: GetAwaiter().GetResult().
    [InlineData("while (true) { var buffer = {|ALLOC001:new byte[1 << 20]|}; int n = source.ReadAsync(buffer, 0, buffer.Length).GetAwaiter().GetResult(); if (n == 0) break; }")]
    // A borrowing call with unmanaged out results (a count, a parsed value) keeps nothing.
    [InlineData("while (true) { var buffer = {|ALLOC001:new byte[1 << 20]|}; int n = await source.ReadAsync(buffer, 0, buffer.Length); if (n == 0 || !System.Buffers.Text.Utf8Parser.TryParse(buffer.AsSpan(0, n), out int value, out int consumed)) break; }")]
    // An async lambda is a function of its own: its loop is judged like a method's.
    [InlineData("Func<Task> copy = async () => { while (true) { var buffer = {|ALLOC001:new byte[1 << 20]|}; if (await source.ReadAsync(buffer, 0, buffer.Length) == 0) break; } }; await copy();")]
    public Task Flags_buffer_handed_to_awaited_calls(string body) => Verify.VerifyAsync(InAsyncMethod(body));

    [Fact]
    public Task Flags_allocation_in_an_await_foreach_body() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;
        using System.Threading.Tasks;

        public class Archiver
        {
            public async Task WriteAllAsync(IAsyncEnumerable<Stream> parts, Stream destination)
            {
                await foreach (var part in parts)
                {
                    var buffer = {|ALLOC001:new byte[1 << 20]|};
                    int n = await part.ReadAsync(buffer, 0, buffer.Length);
                    await destination.WriteAsync(buffer, 0, n);
                }
            }
        }
        """);

    [Theory]
    // The task is kept past the iteration: awaited after the loop.
    [InlineData("Task pending = Task.CompletedTask; while (true) { var buffer = new byte[1 << 20]; await pending; int n = await source.ReadAsync(buffer, 0, buffer.Length); if (n == 0) break; pending = destination.WriteAsync(buffer, 0, n); } await pending;")]
    // A task stored in a local and awaited later in the same iteration: treated as kept.
    [InlineData("while (true) { var buffer = new byte[1 << 20]; var read = source.ReadAsync(buffer, 0, buffer.Length); Consume(default); if (await read == 0) break; }")]
    // Tasks gathered in a list, then Task.WhenAll.
    [InlineData("var writes = new List<Task>(); for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; writes.Add(destination.WriteAsync(buffer, 0, buffer.Length)); } await Task.WhenAll(writes);")]
    // Conservative: a task handed to Task.WhenAll is not followed, even when that is awaited at once.
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; await Task.WhenAll(destination.WriteAsync(buffer, 0, 16), source.WriteAsync(buffer, 16, 16)); }")]
    // Fire and forget: discarded, or a statement of its own.
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; _ = destination.WriteAsync(buffer, 0, buffer.Length); }")]
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; destination.WriteAsync(buffer, 0, buffer.Length); }")]
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; destination.WriteAsync(buffer.AsMemory()).ConfigureAwait(false); }")]
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; var chunk = new MemoryStream(buffer); chunk.CopyToAsync(destination); }")]
    // A view of the buffer kept past the iteration.
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; var memory = buffer.AsMemory(0, 1024); await SendAsync(memory); _memory = memory; }")]
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; _memory = new Memory<byte>(buffer); await destination.WriteAsync(_memory); }")]
    [InlineData("var segments = new List<ArraySegment<byte>>(); for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; var segment = new ArraySegment<byte>(buffer, 0, 16); await socket.SendAsync(segment, SocketFlags.None); segments.Add(segment); }")]
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; var memory = buffer.AsMemory(); await Task.Run(() => SendAsync(memory).AsTask()); }")]
    // A view handed back through an out argument and kept.
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; ReadOnlyMemory<byte> memory = buffer; if (MemoryMarshal.TryGetArray(memory, out var segment)) _segment = segment; await SendAsync(memory); }")]
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; var wrapper = new ArraySegment<byte>(buffer); Keep(wrapper, out var kept); _segment = kept; await SendAsync(wrapper); }")]
    // The awaited result hands the buffer back and it is kept in an outer variable.
    [InlineData("byte[] last = null; for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; last = await Task.FromResult(buffer); } Consume(last);")]
    [InlineData("byte[] last = null; for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; last = await EchoAsync(buffer); } Consume(last);")]
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; _field = await EchoAsync(buffer).ConfigureAwait(false); }")]
    // The task escapes on its own: returned from a lambda, stored in a field.
    [InlineData("for (int i = 0; i < 8; i++) { var buffer = new byte[1 << 20]; _pending = destination.WriteAsync(buffer, 0, 16); await _pending; }")]
    public Task Quiet_when_the_task_or_a_view_outlives_the_iteration(string body) => Verify.VerifyAsync(InAsyncMethod(body, """
        private Memory<byte> _memory;
        private byte[] _field;
        private Task _pending;
        private ArraySegment<byte> _segment;
        static void Keep(ArraySegment<byte> data, out ArraySegment<byte> kept) => kept = data;
        """));

    [Fact]
    public Task Quiet_when_an_async_iterator_yields_the_buffer() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;
        using System.Threading.Tasks;

        public class Chunker
        {
            public async IAsyncEnumerable<byte[]> ChunksAsync(Stream source)
            {
                while (true)
                {
                    var buffer = new byte[1 << 20];
                    int n = await source.ReadAsync(buffer, 0, buffer.Length);
                    if (n == 0) yield break;
                    yield return buffer;
                }
            }
        }
        """);

    [Theory]
    [InlineData("while (true) { var buffer = new byte[1 << 20]; int n = await ; }")]
    [InlineData("while (true) { var buffer = new byte[1 << 20]; int n = await source.ReadAsync(buffer, 0, ; }")]
    [InlineData("while (true) { var buffer = new byte[1 << 20]; await source.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(; }")]
    [InlineData("while (true) { var buffer = new byte[1 << 20]; await destination.WriteAsync(buffer.AsMemory(0, n)); }")]
    [InlineData("while (true) { var buffer = new byte[1 << 20]; await Missing.SendAsync(buffer); }")]
    [InlineData("while (true) { var buffer = new byte[1 << 20]; int n = await source.ReadAsync(buffer, 0, buffer.Length).GetAwaiter().; }")]
    [InlineData("while (true) { var buffer = new byte[1 << 20]; await using var s = new MemoryStream(buffer }")]
    public async Task Half_typed_async_code_does_not_crash(string body)
    {
        // Whatever is reported, the run must not throw (the runner fails on AD0001).
        var project = TestWorkspace.CreateProject(new[] { (TestWorkspace.FirstDocumentName, InAsyncMethod(body)) }, TestOptions.Default);
        await AnalyzerRunner.RunAsync(project, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new LargeAllocationInLoopAnalyzer()));
    }
}
