namespace AllocAnalyzers.Corpus;

/// <summary>
/// Medians of CPU time over several rounds of the same measurements on fresh inputs. The
/// measurements of one round run one after another (binding, baseline, package), so that whatever
/// warms up or slows down over the run reaches all of them alike; the first round is a warm-up and
/// is not counted.
/// </summary>
internal static class CpuMedian
{
    public static async Task<double[]> SecondsAsync(int rounds, params Func<Task>[] measurements)
    {
        var samples = measurements.Select(_ => new List<double>()).ToArray();
        for (int round = 0; round <= rounds; round++)
        {
            for (int m = 0; m < measurements.Length; m++)
            {
                ProcessCpu.Settle();
                var start = ProcessCpu.Now();
                await measurements[m]();
                if (round > 0) samples[m].Add((ProcessCpu.Now() - start).TotalSeconds);
            }
        }

        return samples.Select(list => list.OrderBy(s => s).ElementAt(list.Count / 2)).ToArray();
    }
}
