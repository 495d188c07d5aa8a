using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Diagnostics.NETCore.Client;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// The .NET process to record: one this tool launched (held at startup until the session is
/// running, so no allocation is missed) or one it attached to by id.
/// </summary>
internal sealed class TargetProcess : IDisposable
{
    private static readonly TimeSpan PortTimeout = TimeSpan.FromSeconds(30);

    private TargetProcess(Process process, DiagnosticsClient client, bool launched)
    {
        Process = process;
        Client = client;
        Launched = launched;
    }

    public Process Process { get; }

    public DiagnosticsClient Client { get; }

    /// <summary>True when this tool started the process (it then waits at startup for <see cref="Resume"/>).</summary>
    public bool Launched { get; }

    public int Id => Process.Id;

    public static TargetProcess Attach(int processId)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            throw new ProfilingException($"No process has id {processId}.");
        }

        var client = TryConnect(processId) ?? throw new ProfilingException(
            $"Process {processId} ({SafeName(process)}) has no .NET diagnostics port: it is not a .NET Core 3.0+ process, or it runs with DOTNET_EnableDiagnostics=0, or as another user.");
        return new TargetProcess(process, client, launched: false);
    }

    /// <summary>Starts the program suspended: DOTNET_DefaultDiagnosticPortSuspend makes the runtime
    /// wait at startup until a diagnostics client sends ResumeRuntime.</summary>
    /// <param name="stop">Ctrl+C or SIGTERM while waiting for the runtime: the program is ended, nothing was recorded.</param>
    public static TargetProcess Launch(IReadOnlyList<string> command, CancellationToken stop)
    {
        var (fileName, arguments) = command[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? ("dotnet", command)
            : (command[0], command.Skip(1).ToList());
        if (fileName != "dotnet" && !File.Exists(fileName) && fileName.Contains(Path.DirectorySeparatorChar))
        {
            throw new ProfilingException($"The program '{fileName}' does not exist.");
        }

        if (fileName == "dotnet" && !File.Exists(arguments[0])) throw new ProfilingException($"The assembly '{arguments[0]}' does not exist.");
        if (!LaunchCommand.Exists(fileName)) throw new ProfilingException($"Could not start '{fileName}': no such program on PATH.");

        var start = LaunchCommand.For(fileName, arguments);
        start.Environment["DOTNET_DefaultDiagnosticPortSuspend"] = "1";
        start.Environment.Remove("DOTNET_EnableDiagnostics");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ProfilingException($"Could not start '{fileName}'.");
        }
        catch (Win32Exception e)
        {
            throw new ProfilingException($"Could not start '{fileName}': {e.Message}.");
        }

        return new TargetProcess(process, WaitForPort(process, stop), launched: true);
    }

    public void Resume()
    {
        if (Launched) Client.ResumeRuntime();
    }

    /// <summary>Ends a launched program that is still running (profiling stopped first).</summary>
    public void StopIfLaunched()
    {
        if (!Launched) return;
        try
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    public void Dispose() => Process.Dispose();

    private static DiagnosticsClient WaitForPort(Process process, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < PortTimeout)
        {
            if (stop.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true); // it is still held at startup: none of its code ran
                throw ProfilingException.StoppedBeforeRecording();
            }

            if (process.HasExited)
            {
                throw new ProfilingException(
                    $"The program exited with code {process.ExitCode} before the profiler could attach: is it a .NET program, and does it start?");
            }

            if (TryConnect(process.Id) is { } client) return client;
            stop.WaitHandle.WaitOne(20);
        }

        process.Kill(entireProcessTree: true);
        throw new ProfilingException($"The program did not open a .NET diagnostics port within {PortTimeout.TotalSeconds:F0} s: is it a .NET program?");
    }

    /// <summary>
    /// A client if the process answers on its diagnostics port. (DiagnosticsClient.GetPublishedProcesses
    /// is not used: it fails outright when any /proc entry is unreadable, as in containers.)
    /// </summary>
    private static DiagnosticsClient? TryConnect(int processId)
    {
        try
        {
            var client = new DiagnosticsClient(processId);
            client.GetProcessEnvironment(); // a harmless command: fails fast when there is no port
            return client;
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or UnauthorizedAccessException or TimeoutException or ServerErrorException or UnsupportedCommandException)
        {
            return null;
        }
    }

    private static string SafeName(Process process)
    {
        try
        {
            return process.ProcessName;
        }
        catch (InvalidOperationException)
        {
            return "exited";
        }
    }
}
