using System.Diagnostics;

namespace AllocAnalyzers.Tool.Calibration;

/// <summary>
/// Timing on a shared, noisy machine: several batches, and the fastest batch is the figure — other
/// processes only ever add time, so the least-disturbed batch is closest to the cost itself. Calibration
/// and validation use the same estimator, so their figures compare. No unit test times anything.
/// </summary>
public static class Stopwatches
{
    /// <summary>
    /// Seconds per call: the fastest of <paramref name="batches"/> × 4 batches of about an eighth of
    /// <paramref name="perBatch"/> calls each. Short batches are what make "fastest" work on a loaded machine:
    /// a batch shorter than a scheduler time slice has a fair chance to run undisturbed. Only for loops whose
    /// iterations all cost the same; a loop with periodic events (collections) must use whole batches
    /// (<paramref name="split"/> false) or the fastest batch would be one without the event.
    /// </summary>
    public static double FastestSeconds(Action action, int perBatch, int batches = 11, int warmUp = 2, bool split = true)
    {
        if (split)
        {
            perBatch = Math.Max(1, perBatch / 8);
            batches *= 4;
        }

        for (int i = 0; i < warmUp; i++) action();
        var results = new double[batches];
        for (int b = 0; b < batches; b++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < perBatch; i++) action();
            results[b] = Stopwatch.GetElapsedTime(start).TotalSeconds / perBatch;
        }

        Array.Sort(results);
        return results[0];
    }

    /// <summary>Seconds (fastest run) of one run of <paramref name="setUp"/>-prepared <paramref name="measured"/> work, excluding set-up and tear-down.</summary>
    public static double FastestSeconds<T>(Func<T> setUp, Action<T> measured, Action<T> tearDown, int runs = 5)
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
        return results[0];
    }
}
