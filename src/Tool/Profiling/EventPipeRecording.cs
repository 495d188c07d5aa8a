using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// Records a live process over EventPipe. TraceLog's real-time source resolves each event's
/// stack to method names as it arrives (from a rundown of what was loaded before, and the Jit
/// and Loader events after). Stops when the program exits, the duration ends, or on cancel.
/// </summary>
internal static class EventPipeRecording
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(TargetProcess target, AllocationEventSource events, AllocationProfile profile, SourceLineResolver lines, TimeSpan? duration, CancellationToken cancel)
    {
        EventPipeSession session;
        try
        {
            var resolved = RuntimeVersionProbe.Resolve(events, target.Client);
            Console.Error.WriteLine(resolved == AllocationEventSource.Auto
                ? "runtime version unknown: listening for AllocationSampled and GCAllocationTick"
                : $"listening for {(resolved == AllocationEventSource.Sampled ? "AllocationSampled" : "GCAllocationTick")} events");
            session = target.Client.StartEventPipeSession(ClrAllocationProviders.For(resolved), requestRundown: false, circularBufferMB: 256);
        }
        catch (Exception e) when (e is ServerNotAvailableException or ServerErrorException or UnsupportedCommandException or TimeoutException)
        {
            throw new ProfilingException($"Could not start an EventPipe session in process {target.Id}: {e.Message}", inner: e);
        }

        using (session)
        {
            // Resume first: the rundown that TraceLog asks for needs a running runtime, and the
            // session already buffers every event from here on.
            target.Resume();
            TraceLogEventSource? source = null;
            var processing = Task.Factory.StartNew(
                () =>
                {
                    source = TraceLog.CreateFromEventPipeSession(session, TraceLog.EventPipeRundownConfiguration.Enable(target.Client));
                    AllocationRecorder.Attach(source, profile, lines);
                    source.Process();
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);

            var stop = Task.Delay(duration ?? Timeout.InfiniteTimeSpan, cancel);
            if (await Task.WhenAny(processing, stop) != processing)
            {
                // Ctrl+C or the duration: stop the session; the stream then ends and processing returns.
                TryStop(session);
                if (await Task.WhenAny(processing, Task.Delay(DrainTimeout, CancellationToken.None)) != processing) source?.StopProcessing();
                target.StopIfLaunched();
            }

            try
            {
                await processing;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A stream cut short by the target's exit: keep what was recorded.
                if (profile.Events == 0) throw new ProfilingException($"The event stream broke: {e.Message}", ProfilingException.NoDataError, e);
            }
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
