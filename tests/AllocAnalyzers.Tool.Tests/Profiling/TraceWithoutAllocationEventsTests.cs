using System.Diagnostics;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace AllocAnalyzers.Tool.Tests.Profiling;

/// <summary>
/// A real .nettrace in which the runtime sent no allocation event — what a runtime without the
/// events gives — and the same trace cut in half.
/// </summary>
public class TraceWithoutAllocationEventsTests
{
    private static string RecordTraceWithoutAllocationEvents()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(SeedReadLoopProfile.SampleDll);
        start.ArgumentList.Add("64");
        start.Environment["DOTNET_DefaultDiagnosticPortSuspend"] = "1";
        using var target = Process.Start(start)!;
        var path = Path.Combine(Path.GetTempPath(), $"no-alloc-{Guid.NewGuid():N}.nettrace");
        try
        {
            var client = new DiagnosticsClient(target.Id);
            for (var i = 0; ; i++)
            {
                try
                {
                    client.GetProcessEnvironment();
                    break;
                }
                catch (ServerNotAvailableException) when (i < 500)
                {
                    Thread.Sleep(20);
                }
            }

            // Only the runtime's exception events: the program throws none, allocates plenty.
            const long exceptionKeyword = 0x8000;
            using var session = client.StartEventPipeSession(new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, exceptionKeyword), requestRundown: false);
            client.ResumeRuntime();
            using (var file = File.Create(path)) session.EventStream.CopyTo(file); // ends when the program exits
            target.WaitForExit();
            return path;
        }
        finally
        {
            if (!target.HasExited) target.Kill();
        }
    }

    [Fact]
    public void No_allocation_events_give_a_clear_message_and_a_non_zero_exit()
    {
        var path = RecordTraceWithoutAllocationEvents();
        var result = ToolRunner.RunTool(TimeSpan.FromSeconds(60), "profile", "--trace", path, "-o", path);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("No allocation events were received", result.Err);
        Assert.DoesNotContain("   at ", result.Err + result.Out);

        // The same trace cut in half: a clear message too, whichever way the reader fails.
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        result = ToolRunner.RunTool(TimeSpan.FromSeconds(60), "profile", "--trace", path, "-o", path);
        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("error: ", result.Err);
        Assert.DoesNotContain("   at ", result.Err + result.Out);
        File.Delete(path);
    }
}
