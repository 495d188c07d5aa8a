namespace AllocAnalyzers.Corpus;

/// <summary>The median CPU time of several runs of the same work on fresh inputs: one slow run (a collection, a busy neighbour) does not move it.</summary>
internal static class CpuMedian
{
    public static async Task<double> SecondsAsync(int runs, Func<Task> run)
    {
        var samples = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            ProcessCpu.Settle();
            var start = ProcessCpu.Now();
            await run();
            samples.Add((ProcessCpu.Now() - start).TotalSeconds);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }
}
