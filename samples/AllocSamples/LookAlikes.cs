namespace AllocSamples;

/// <summary>Shapes that look like ALLOC001 but are fine: each must stay quiet.</summary>
public static class LookAlikes
{
    private static readonly List<byte[]> Kept = new();

    // Allocated once, before the loop: the fix's target shape.
    public static long Hoisted(Stream source)
    {
        var chunk = new byte[1 << 20];
        long total = 0;
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0) total += read;
        return total;
    }

    // Each buffer outlives its iteration: it is kept in a list.
    public static void KeepAll(int count)
    {
        for (int i = 0; i < count; i++)
        {
            var block = new byte[1 << 20];
            Kept.Add(block);
        }
    }

    // Runs at most once: the loop returns right after allocating.
    public static byte[] FirstNonEmpty(Stream source)
    {
        while (true)
        {
            var buffer = new byte[1 << 20];
            if (source.Read(buffer, 0, buffer.Length) > 0) return buffer;
        }
    }

    // Small buffers stay below the threshold (the Large Object Heap's 85,000 bytes by default).
    public static int SmallBuffers(Stream source)
    {
        int total = 0;
        for (int i = 0; i < 100; i++)
        {
            var small = new byte[4096];
            total += source.Read(small, 0, small.Length);
        }

        return total;
    }

    // Sizes that are not provable are not flagged.
    public static int UnknownSize(Stream source, int size)
    {
        int total = 0;
        for (int i = 0; i < 4; i++)
        {
            var buffer = new byte[size];
            total += source.Read(buffer, 0, buffer.Length);
        }

        return total;
    }
}
