using System.Runtime.InteropServices;

namespace AllocSamples;

/// <summary>ALLOC002: clears of memory that is provably still zero.</summary>
public static unsafe class Clears
{
    public static int Checksum(ReadOnlySpan<byte> input)
    {
        var table = new int[256];
        Array.Clear(table, 0, table.Length); // expect: ALLOC002
        foreach (byte b in input) table[b]++;
        return table[0];
    }

    public static void Scratch(Stream source)
    {
        Span<byte> header = stackalloc byte[64];
        header.Clear(); // expect: ALLOC002
        source.ReadExactly(header[..4]);
    }

    public static nint NativeTable()
    {
        void* block = NativeMemory.AllocZeroed(1 << 16);
        NativeMemory.Clear(block, 1 << 16); // expect: ALLOC002
        return (nint)block;
    }
}
