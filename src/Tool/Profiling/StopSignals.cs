using System.Runtime.InteropServices;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM end a recording, never the tool: the first one stops the session,
/// and the profile is still written from what was recorded. Later ones are absorbed too, because
/// by then the tool is reading the trace and writing the outputs, and dying there would lose the
/// whole recording and leave temporary files behind.
/// </summary>
/// <remarks>
/// This replaces System.CommandLine's own handler (switched off in <see cref="CommandLine.ToolInvocation"/>),
/// which waits a fixed time (ProcessTerminationTimeout, 2 s by default) for the command and then
/// ends the process with 130 or 143 — sooner than a trace of a few seconds can be read back on a
/// busy machine.
/// </remarks>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _received;

    public StopSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // Not every platform has both signals; Ctrl+C is handled wherever there is one.
            }
        }
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // keep the process: it still has a profile to write
        if (Interlocked.Increment(ref _received) == 1)
        {
            Console.Error.WriteLine($"{context.Signal}: stopping the recording; the profile is written from what was recorded.");
            _stop.Cancel();
        }
        else
        {
            Console.Error.WriteLine($"{context.Signal}: already stopping; writing the profile from what was recorded.");
        }
    }
}
