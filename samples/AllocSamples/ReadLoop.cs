namespace AllocSamples;

/// <summary>
/// The calloc story in C#: a read loop that allocates a fresh, zeroed 1 MiB buffer for every read,
/// although each read returns at most one 16 KiB record.
/// </summary>
public static class ReadLoop
{
    private const int ChunkSize = 1 << 20;

    public static long CountBytes(Stream source)
    {
        long total = 0;
        while (true)
        {
            var chunk = new byte[ChunkSize]; // expect: ALLOC001
            int read = source.Read(chunk, 0, chunk.Length);
            if (read == 0) return total;
            total += read;
        }
    }

    public static long Checksum(Stream source)
    {
        long sum = 0;
        int read;
        do
        {
            byte[] record = GC.AllocateArray<byte>(256 * 1024); // expect: ALLOC001
            read = source.Read(record, 0, 16 * 1024);
            for (int i = 0; i < read; i++) sum += record[i];
        }
        while (read > 0);
        return sum;
    }
}
