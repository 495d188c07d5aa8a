namespace AllocSamples;

/// <summary>
/// The calloc story's own shape: a read function that allocates a fresh, zeroed 1 MiB buffer on
/// every call, called once per chunk by a download loop in another method.
/// </summary>
public static class ChunkReader
{
    private const int ChunkSize = 1 << 20;

    public static long Download(Stream source)
    {
        long total = 0;
        int read;
        while ((read = ReadChunk(source)) > 0) total += read;
        return total;
    }

    private static int ReadChunk(Stream source)
    {
        var chunk = new byte[ChunkSize]; // expect: ALLOC001
        return source.Read(chunk, 0, 16 * 1024);
    }
}
