using System.Diagnostics;

namespace AllocAnalyzers.Tool.Calibration;

/// <summary>
/// Timing on a shared, noisy machine: several batches, the median batch wins, so one descheduling
/// does not move the figure. No timed unit tests use this; calibration and validation do.
/// </summary>
public static class Stopwatches
{
    /// <summary>Median seconds per call of <paramref name="action"/> over <paramref name="batches"/> batches of <paramref name="perBatch"/> calls.</summary>
    public static double MedianSeconds(Action action, int perBatch, int batches = 5, int warmUp = 2)
    {
        for (int i = 0; i < warmUp; i++) action();
        var results = new double[batches];
        for (int b = 0; b < batches; b++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < perBatch; i++) action();
            results[b] = Stopwatch.GetElapsedTime(start).TotalSeconds / perBatch;
        }

        Array.Sort(results);
        return results[batches / 2];
    }

    /// <summary>Median seconds of one run of <paramref name="setUp"/>-prepared <paramref name="measured"/> work, excluding set-up and tear-down.</summary>
    public static double MedianSeconds<T>(Func<T> setUp, Action<T> measured, Action<T> tearDown, int runs = 5)
    {
        var results = new double[runs];
        for (int r = 0; r < runs; r++)
        {
            T state = setUp();
            long start = Stopwatch.GetTimestamp();
            measured(state);
            results[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            tearDown(state);
        }

        Array.Sort(results);
        return results[runs / 2];
    }
}
