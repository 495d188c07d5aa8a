using System.Diagnostics;
using Spectre.Console;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// Shows the recording's progress: a live status line on a terminal, a plain line every few
/// seconds when the output is redirected (CI, tests).
/// </summary>
internal static class ProfileProgress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    /// <param name="status">The status after the elapsed time (e.g. bytes of events recorded).</param>
    public static async Task RunAsync(string target, Func<string> status, Func<Task> recording)
    {
        var clock = Stopwatch.StartNew();
        string Line() => $"recording {target}: {clock.Elapsed.TotalSeconds:F1} s, {status()}";

        if (!Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            await AnsiConsole.Status().StartAsync(Markup.Escape(Line()), async context =>
            {
                var work = recording();
                while (await Task.WhenAny(work, Task.Delay(250)) != work) context.Status(Markup.Escape(Line()));
                await work;
            });
            return;
        }

        var task = recording();
        if (!task.IsFaulted) Console.Error.WriteLine(Line()); // at once: the session is running and the program resumed
        while (await Task.WhenAny(task, Task.Delay(PlainInterval)) != task) Console.Error.WriteLine(Line());
        await task;
        Console.Error.WriteLine(Line());
    }
}
