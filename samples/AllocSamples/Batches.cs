using System.Text;

namespace AllocSamples;

/// <summary>Per-iteration collections with large capacities: the backing arrays are zeroed every time.</summary>
public static class Batches
{
    public static int Process(IEnumerable<int[]> batches)
    {
        int produced = 0;
        foreach (var batch in batches)
        {
            var squares = new List<long>(50_000); // expect: ALLOC001
            foreach (int value in batch) squares.Add((long)value * value);
            produced += squares.Count;

            var text = new StringBuilder(64 * 1024); // expect: ALLOC001
            text.Append(batch.Length);
            produced += text.Length;
        }

        return produced;
    }
}
