using Microsoft.Diagnostics.Tracing.Etlx;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>Reads allocation events from a .nettrace file (from dotnet-trace, for instance).</summary>
internal static class TraceFileRecording
{
    public static void Run(string path, AllocationProfile profile, SourceLineResolver lines)
    {
        if (!File.Exists(path)) throw new ProfilingException($"The trace file '{path}' does not exist.");
        var etlx = Path.Combine(Path.GetTempPath(), $"alloc-analyzers-{Environment.ProcessId}-{Guid.NewGuid():N}.etlx");
        try
        {
            TraceLog.CreateFromEventPipeDataFile(path, etlx);
            using var log = new TraceLog(etlx);
            var source = log.Events.GetSource();
            AllocationRecorder.Attach(source, profile, lines);
            source.Process();
        }
        catch (Exception e) when (e is not ProfilingException and not OutOfMemoryException)
        {
            throw new ProfilingException($"The trace '{path}' could not be read; it is corrupt, truncated or not a .nettrace file: {FirstLine(e.Message)}.", ProfilingException.NoDataError, e);
        }
        finally
        {
            TryDelete(etlx);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim().TrimEnd('.');

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A temporary file left behind is harmless.
        }
    }
}
