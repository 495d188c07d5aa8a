namespace AllocAnalyzers.Scaling;

/// <summary>What makes a run fail: an analyzer exception, or a generated input that does not compile (its timings would mean nothing).</summary>
internal static class Report
{
    public static int Failures(string shape, int n, BindingTime binding, AnalyzerTime analyzers, AnalyzerTime? baseline)
    {
        int failures = 0;
        if (binding.Errors > 0)
        {
            failures++;
            Console.Error.WriteLine($"GENERATED INPUT DOES NOT COMPILE: {shape} N={n}: {binding.Errors} errors, first: {binding.FirstError}");
        }

        foreach (var exception in analyzers.Exceptions.Concat(baseline?.Exceptions ?? Array.Empty<string>()))
        {
            failures++;
            Console.Error.WriteLine($"ANALYZER EXCEPTION in {shape} N={n}: {exception}");
        }

        return failures;
    }
}
