using System.Runtime.CompilerServices;

namespace AllocSamples;

/// <summary>ALLOC004 and ALLOC005: memory zeroed, then overwritten before anything reads it.</summary>
public static class Copies
{
    public static byte[] Snapshot(byte[] source)
    {
        var copy = new byte[source.Length]; // expect: ALLOC004
        Buffer.BlockCopy(source, 0, copy, 0, source.Length);
        return copy;
    }

    public static byte[] ReadRecord(Stream stream)
    {
        var record = new byte[64 * 1024]; // expect: ALLOC004
        stream.ReadExactly(record);
        return record;
    }

    public static int SumBlock(Stream stream)
    {
        Span<byte> block = stackalloc byte[4096]; // expect: ALLOC005
        stream.ReadExactly(block);
        int sum = 0;
        foreach (byte b in block) sum += b;
        return sum;
    }

    [SkipLocalsInit]
    public static int SumBlockWithoutZeroing(Stream stream)
    {
        Span<byte> block = stackalloc byte[4096];
        stream.ReadExactly(block);
        return block[0];
    }

    // At most 64 KiB per call, zeroed and then only read where Read wrote: priced "up to" the bound.
    public static void CopySome(Stream input, Stream output, long remaining)
    {
        Span<byte> chunk = stackalloc byte[(int)Math.Min(0x10000, remaining)]; // expect: ALLOC005
        int read = input.Read(chunk);
        output.Write(chunk.Slice(0, read));
    }
}
