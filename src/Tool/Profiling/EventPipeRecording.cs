using Microsoft.Diagnostics.NETCore.Client;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// Records a live process over EventPipe into a .nettrace file, to be read after the session
/// (<see cref="TraceFileRecording"/>). Nothing is parsed while the program runs: on a machine with
/// few cores, parsing and resolving stacks as the events arrive competed with the target for CPU
/// (measured in docs/profiler.md, "Overhead"); copying the stream costs next to nothing. The
/// session asks for a rundown at its end, so that methods jitted before an attach resolve too.
/// Stops when the program exits, the duration ends, or on cancel (Ctrl+C, SIGTERM): the session is
/// then stopped first, so that the runtime closes the stream properly, and a launched program is
/// ended after that.
/// </summary>
internal static class EventPipeRecording
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    /// <param name="recorded">Called with the bytes recorded so far, for the progress line.</param>
    public static async Task RunAsync(TargetProcess target, AllocationEventSource events, string traceFile, TimeSpan? duration, Action<long> recorded, CancellationToken cancel)
    {
        if (cancel.IsCancellationRequested) throw ProfilingException.StoppedBeforeRecording();
        EventPipeSession session;
        try
        {
            var resolved = RuntimeVersionProbe.Resolve(events, target.Client);
            Console.Error.WriteLine(resolved == AllocationEventSource.Auto
                ? "runtime version unknown: listening for AllocationSampled and GCAllocationTick"
                : $"listening for {(resolved == AllocationEventSource.Sampled ? "AllocationSampled" : "GCAllocationTick")} events");
            session = target.Client.StartEventPipeSession(ClrAllocationProviders.For(resolved), requestRundown: true, circularBufferMB: 256);
        }
        catch (Exception e) when (e is ServerNotAvailableException or ServerErrorException or UnsupportedCommandException or TimeoutException)
        {
            throw new ProfilingException($"Could not start an EventPipe session in process {target.Id}: {e.Message}", inner: e);
        }

        using (session)
        {
            await using var file = File.Create(traceFile);
            var copying = Task.Run(() => Copy(session.EventStream, file, recorded), CancellationToken.None);
            target.Resume(); // the session already buffers every event from here on

            var stop = Task.Delay(duration ?? Timeout.InfiniteTimeSpan, cancel);
            if (await Task.WhenAny(copying, stop) != copying)
            {
                // Ctrl+C or the duration: stop the session; the runtime writes the rundown, then ends the stream.
                TryStop(session);
                await Task.WhenAny(copying, Task.Delay(DrainTimeout, CancellationToken.None));
                target.StopIfLaunched();
            }

            try
            {
                await copying;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // A stream cut short by the target's exit: keep what was recorded.
            }
        }
    }

    private static void Copy(Stream events, Stream file, Action<long> recorded)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        for (int read; (read = events.Read(buffer, 0, buffer.Length)) > 0;)
        {
            file.Write(buffer, 0, read);
            recorded(total += read);
        }
    }

    private static void TryStop(EventPipeSession session)
    {
        try
        {
            session.Stop();
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or ObjectDisposedException or TimeoutException or ServerErrorException)
        {
            // The target exited at the same moment: the stream ends anyway.
        }
    }
}
