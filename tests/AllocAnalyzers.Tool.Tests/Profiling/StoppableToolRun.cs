using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AllocAnalyzers.Tool.Tests.Profiling;

/// <summary>
/// `alloc-analyzers profile` started in the background, so that a test can wait for one of its own
/// stderr lines (never a fixed delay) and then send it a signal.
/// </summary>
internal sealed class StoppableToolRun : IDisposable
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _tool;
    private readonly BlockingCollection<string> _lines = [];
    private readonly ConcurrentQueue<string> _all = new();
    private readonly Task<string> _output;

    public StoppableToolRun(params string[] arguments)
    {
        Prefix = Path.Combine(Path.GetTempPath(), $"stop-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[ToolRunner.ToolDll, "profile", "-o", Prefix, .. arguments]) start.ArgumentList.Add(argument);
        _tool = Process.Start(start)!;
        _output = _tool.StandardOutput.ReadToEndAsync();
        _tool.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.CompleteAdding();
                return;
            }

            _all.Enqueue(e.Data);
            _lines.Add(e.Data);
        };
        _tool.BeginErrorReadLine();
    }

    public string Prefix { get; }

    public int Id => _tool.Id;

    public string Error => string.Join('\n', _all);

    /// <summary>Waits for the tool to print a matching line on stderr; fails if it exits first.</summary>
    public string WaitForLine(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(LineTimeout);
        try
        {
            foreach (var line in _lines.GetConsumingEnumerable(timeout.Token))
            {
                if (match(line)) return line;
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new Xunit.Sdk.XunitException($"the tool never printed the awaited line; its stderr:\n{Error}");
    }

    /// <summary>The processes the tool launched (Linux /proc, from every one of its threads).</summary>
    public IReadOnlyList<int> Children() =>
        Directory.GetDirectories($"/proc/{Id}/task")
            .Select(task => Path.Combine(task, "children"))
            .Where(File.Exists)
            .SelectMany(file => File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(int.Parse)
            .ToList();

    /// <summary>Whether a process ignores a signal (the SigIgn mask of /proc/PID/status).</summary>
    public static bool Ignores(int processId, int signal)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        return (mask & (1UL << (signal - 1))) != 0;
    }

    public void Signal(int signal) => Signal(Id, signal);

    public static void Signal(int processId, int signal) => Assert.Equal(0, kill(processId, signal));

    /// <summary>Waits for the tool to exit; returns its exit code, stdout and stderr.</summary>
    public (int ExitCode, string Out, string Err) WaitForExit()
    {
        if (!_tool.WaitForExit(LineTimeout))
        {
            _tool.Kill(entireProcessTree: true);
            Assert.Fail($"the tool did not stop within {LineTimeout.TotalSeconds} s of the signal; its stderr:\n{Error}");
        }

        _tool.WaitForExit(); // the end of the redirected streams
        return (_tool.ExitCode, _output.Result, Error);
    }

    /// <summary>The tool's temporary trace and etlx files still on disk (named after its process id).</summary>
    public IReadOnlyList<string> TemporaryFilesLeft() =>
        Directory.GetFiles(Path.GetTempPath(), $"alloc-analyzers-{Id}-*");

    public void Dispose()
    {
        if (!_tool.HasExited) _tool.Kill(entireProcessTree: true);
        _tool.Dispose();
        foreach (var file in new[] { Prefix + ".pb.gz", Prefix + ".sites.tsv" }) File.Delete(file);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
