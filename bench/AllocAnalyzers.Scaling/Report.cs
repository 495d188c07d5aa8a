namespace AllocAnalyzers.Scaling;

/// <summary>What makes a run fail: an analyzer exception, or a generated input that does not compile (its timings would mean nothing).</summary>
internal static class Report
{
    public static int Failures(string shape, int n, params Measured?[] measured)
    {
        int failures = 0;
        foreach (var run in measured.OfType<Measured>())
        {
            if (run.Binding.Errors > 0)
            {
                failures++;
                Console.Error.WriteLine($"GENERATED INPUT DOES NOT COMPILE: {shape} N={n}: {run.Binding.Errors} errors, first: {run.Binding.FirstError}");
            }

            foreach (var exception in run.Analysis.Exceptions)
            {
                failures++;
                Console.Error.WriteLine($"ANALYZER EXCEPTION in {shape} N={n}: {exception}");
            }
        }

        return failures;
    }
}
