using AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop;
using VerifyFix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<
    AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer,
    AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop.LargeAllocationInLoopCodeFixProvider>;

namespace AllocAnalyzers.Tests.Rules.ALLOC001;

/// <summary>Both ALLOC001 fixes on an asynchronous copy loop: the rewritten method must still compile and await the same calls.</summary>
public class AsyncLoopCodeFixTests
{
    [Fact]
    public Task Hoist_moves_the_buffer_of_an_async_copy_loop_before_it() => VerifyFix.VerifyFixAsync("""
        using System.IO;
        using System.Threading.Tasks;

        class Copier
        {
            async Task CopyAsync(Stream source, Stream destination)
            {
                while (true)
                {
                    var buffer = {|ALLOC001:new byte[1 << 20]|};
                    int n = await source.ReadAsync(buffer, 0, buffer.Length);
                    if (n == 0) break;
                    await destination.WriteAsync(buffer, 0, n);
                }
            }
        }
        """, """
        using System.IO;
        using System.Threading.Tasks;

        class Copier
        {
            async Task CopyAsync(Stream source, Stream destination)
            {
                var buffer = new byte[1 << 20];
                while (true)
                {
                    int n = await source.ReadAsync(buffer, 0, buffer.Length);
                    if (n == 0) break;
                    await destination.WriteAsync(buffer, 0, n);
                }
            }
        }
        """, HoistAllocationFix.Key);

    [Fact]
    public Task Rent_wraps_an_async_copy_loop_in_try_finally() => VerifyFix.VerifyFixAsync("""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class Copier
        {
            async Task<long> CopyAsync(Stream source, Stream destination, CancellationToken token)
            {
                long total = 0;
                while (true)
                {
                    var buffer = {|ALLOC001:new byte[1 << 20]|};
                    int n = await source.ReadAsync(buffer.AsMemory(0, 64 * 1024), token).ConfigureAwait(false);
                    if (n == 0) break;
                    await destination.WriteAsync(buffer.AsMemory(0, n), token).ConfigureAwait(false);
                    total += n;
                }

                return total;
            }
        }
        """, """
        using System;
        using System.Buffers;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class Copier
        {
            async Task<long> CopyAsync(Stream source, Stream destination, CancellationToken token)
            {
                long total = 0;
                var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
                try
                {
                    while (true)
                    {
                        int n = await source.ReadAsync(buffer.AsMemory(0, 64 * 1024), token).ConfigureAwait(false);
                        if (n == 0) break;
                        await destination.WriteAsync(buffer.AsMemory(0, n), token).ConfigureAwait(false);
                        total += n;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                return total;
            }
        }
        """, RentFromArrayPoolFix.Key);

    [Theory]
    [InlineData("int n = await source.ReadAsync(buffer, token);", "await destination.WriteAsync(buffer.AsMemory(0, n), token);")]
    [InlineData("int n = await source.ReadAtLeastAsync(buffer, 1, throwOnEndOfStream: false).ConfigureAwait(false);", "await destination.WriteAsync(buffer, 0, n).ConfigureAwait(false);")]
    [InlineData("int n = (await source.ReadAsync(buffer.AsMemory(0, 4096)));", "await destination.WriteAsync(new ReadOnlyMemory<byte>(buffer, 0, n));")]
    public Task Hoist_needs_no_clear_after_an_awaited_read(string read, string write) => VerifyFix.VerifyFixAsync($$"""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class Copier
        {
            async Task CopyAsync(Stream source, Stream destination, CancellationToken token)
            {
                for (int chunk = 0; chunk < 64; chunk++)
                {
                    var buffer = {|ALLOC001:new byte[1 << 20]|};
                    {{read}}
                    if (n == 0) return;
                    {{write}}
                }
            }
        }
        """, $$"""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class Copier
        {
            async Task CopyAsync(Stream source, Stream destination, CancellationToken token)
            {
                var buffer = new byte[1 << 20];
                for (int chunk = 0; chunk < 64; chunk++)
                {
                    {{read}}
                    if (n == 0) return;
                    {{write}}
                }
            }
        }
        """, HoistAllocationFix.Key);

    [Fact]
    public Task Hoist_clears_what_an_awaited_call_may_read_before_the_read() => VerifyFix.VerifyFixAsync("""
        using System.IO;
        using System.Threading.Tasks;

        class Copier
        {
            async Task SendAsync(Stream destination, int count)
            {
                for (int i = 0; i < count; i++)
                {
                    var header = {|ALLOC001:new byte[1 << 20]|};
                    header[0] = 1;
                    await destination.WriteAsync(header, 0, 512);
                }
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Threading.Tasks;

        class Copier
        {
            async Task SendAsync(Stream destination, int count)
            {
                var header = new byte[1 << 20];
                for (int i = 0; i < count; i++)
                {
                    Array.Clear(header, 0, 512);
                    header[0] = 1;
                    await destination.WriteAsync(header, 0, 512);
                }
            }
        }
        """, HoistAllocationFix.Key);

    [Theory]
    // The read may fill the whole (longer) rented array.
    [InlineData("int n = await source.ReadAsync(buffer, token); await destination.WriteAsync(buffer, 0, n, token);")]
    // The whole array is written out.
    [InlineData("int n = await source.ReadAsync(buffer, 0, 4096, token); await destination.WriteAsync(buffer, token);")]
    public Task Rent_is_not_offered_when_an_awaited_call_could_tell(string body) => VerifyFix.VerifyNoFixAsync($$"""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class Copier
        {
            async Task CopyAsync(Stream source, Stream destination, CancellationToken token)
            {
                while (true) { var buffer = {|ALLOC001:new byte[1 << 20]|}; {{body}} }
            }
        }
        """, RentFromArrayPoolFix.Key);
}
