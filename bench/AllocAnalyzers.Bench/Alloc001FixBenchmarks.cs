using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Diagnosers;

namespace AllocAnalyzers.Bench;

/// <summary>
/// ALLOC001's pattern and its fixes, per loop iteration of a 1 MiB buffer: the baseline allocates a
/// fresh zeroed array every time (LOH, gen 2 collections); the fixes hoist and clear, rent and clear,
/// or allocate uninitialized. Ratios are against the baseline measured in the same run.
/// </summary>
[MemoryDiagnoser]
[GcServer(false)]
public class Alloc001FixBenchmarks
{
    private const int Size = 1 << 20;
    private readonly byte[] _hoisted = new byte[Size];

    [Benchmark(Baseline = true, Description = "new byte[1 MiB] per iteration")]
    public byte NewArrayPerIteration()
    {
        var buffer = new byte[Size];
        buffer[Size / 2] = 1;
        return buffer[Size - 1];
    }

    [Benchmark(Description = "hoisted + Array.Clear (fix 1)")]
    public byte HoistedAndCleared()
    {
        Array.Clear(_hoisted, 0, _hoisted.Length);
        _hoisted[Size / 2] = 1;
        return _hoisted[Size - 1];
    }

    [Benchmark(Description = "ArrayPool rent + clear range (fix 2)")]
    public byte RentedAndCleared()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Size);
        Array.Clear(buffer, 0, Size);
        try
        {
            buffer[Size / 2] = 1;
            return buffer[Size - 1];
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [Benchmark(Description = "GC.AllocateUninitializedArray")]
    public byte Uninitialized()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(Size);
        buffer[Size / 2] = 1;
        return buffer[Size - 1];
    }

    [Benchmark(Description = "memset 1 MiB only")]
    public void ClearOnly() => Array.Clear(_hoisted, 0, _hoisted.Length);
}
