using System.Diagnostics;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

// Runs a .NET program (a .dll, with dotnet) under a bare EventPipe session whose stream is read
// and thrown away: no parsing, no stacks resolved. Comparing its modes with the program alone and
// with `alloc-analyzers profile` splits the profiler's overhead into what the runtime costs (an
// open session, each event, each stack walk) and what the tool adds.
// Usage: SessionProbe MODE PROGRAM.dll [ARGS...]; prints the program's output.
// MODE: resume  - start suspended and resume, no session
//       other   - a session of a provider nobody writes
//       loader  - the runtime provider, Loader keyword only: no allocation events
//       nostack - the tool's keywords (AllocationSampling, Jit, Loader, IL maps), without stacks
//       events  - the tool's keywords with stacks, as the tool records them
//       metadata        - no session: this assembly, as a startup hook (DOTNET_STARTUP_HOOKS), makes
//                         the program's NativeRuntimeEventSource build its event metadata, which is
//                         what enabling the runtime provider in any session does (see StartupHook)
//       metadata+loader - both: what a session costs beyond that metadata
if (args.Length < 2) { Console.Error.WriteLine("usage: SessionProbe resume|other|loader|nostack|events|metadata|metadata+loader PROGRAM.dll [ARGS...]"); return 2; }
var mode = args[0];
var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
foreach (var argument in args.Skip(1)) start.ArgumentList.Add(argument);
start.Environment["DOTNET_DefaultDiagnosticPortSuspend"] = "1";
if (mode.StartsWith("metadata", StringComparison.Ordinal))
{
    start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
    mode = mode == "metadata" ? "resume" : mode["metadata+".Length..];
}
using var program = Process.Start(start)!;
var client = Connect(program.Id);
EventPipeSession? session = mode == "resume" ? null : client.StartEventPipeSession(Configuration(mode));
client.ResumeRuntime();
var drain = session is null ? Task.CompletedTask : session.EventStream.CopyToAsync(Stream.Null);
var output = await program.StandardOutput.ReadToEndAsync();
await program.WaitForExitAsync();
try { session?.Stop(); } catch (Exception e) when (e is ServerNotAvailableException or IOException) { }
await Task.WhenAny(drain, Task.Delay(5000));
Console.Write(output);
return program.ExitCode;

static EventPipeSessionConfiguration Configuration(string mode)
{
    const string runtime = "Microsoft-Windows-DotNETRuntime";
    const long loader = 0x8, jit = 0x10, ilMaps = 0x20000, allocationSampling = 0x80000000000;
    var provider = mode switch
    {
        "other" => new EventPipeProvider("AllocAnalyzers-NoSuchProvider", EventLevel.Verbose, 0),
        "loader" => new EventPipeProvider(runtime, EventLevel.Verbose, loader),
        "nostack" or "events" => new EventPipeProvider(runtime, EventLevel.Verbose, allocationSampling | jit | loader | ilMaps),
        _ => throw new ArgumentException($"unknown mode '{mode}'"),
    };
    return new EventPipeSessionConfiguration([provider], 256, false, mode != "nostack"); // 256 MB buffer as the tool, no rundown
}

static DiagnosticsClient Connect(int processId)
{
    for (var attempt = 0; attempt < 500; attempt++)
    {
        try
        {
            var client = new DiagnosticsClient(processId);
            client.GetProcessEnvironment(); // fails until the diagnostics port is open
            return client;
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException)
        {
            Thread.Sleep(10);
        }
    }

    throw new TimeoutException($"process {processId} opened no diagnostics port");
}

/// <summary>
/// Loaded into the target by DOTNET_STARTUP_HOOKS in the metadata modes. When a session enables the
/// Microsoft-Windows-DotNETRuntime provider, whatever its keywords and level, EventPipe also calls back
/// the managed NativeRuntimeEventSource of that name (EventPipeEventProvider → EventSource.DoCommand),
/// whose first step, EnsureDescriptorsInitialized, builds by reflection the metadata of its 155 events
/// (m_eventData) and keeps it for the life of the process: about 218 KB of small objects that every
/// full GC marks from then on. This does the same without a session.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        const System.Reflection.BindingFlags Static = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;
        const System.Reflection.BindingFlags Instance = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic;
        var log = Type.GetType("System.Diagnostics.Tracing.NativeRuntimeEventSource, System.Private.CoreLib")?.GetField("Log", Static)?.GetValue(null)
            ?? throw new InvalidOperationException("no NativeRuntimeEventSource.Log in this runtime");
        var build = typeof(EventSource).GetMethod("EnsureDescriptorsInitialized", Instance)
            ?? throw new InvalidOperationException("no EventSource.EnsureDescriptorsInitialized in this runtime");
        build.Invoke(log, null);
    }
}
