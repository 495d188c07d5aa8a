using System.Buffers;
using BenchmarkDotNet.Attributes;

namespace AllocAnalyzers.Bench;

/// <summary>
/// ALLOC001's fixes on the sample's read loop (samples/AllocSamples/ReadLoop.cs, Checksum): a
/// chunk-sized buffer per 16 KiB stream read, summed over what the read returned. The baseline is
/// the unfixed loop; "before" rows are what the fixes used to emit (a clear of the whole buffer per
/// iteration; rent, clear and return per iteration), "after" rows what they emit now (no clear:
/// every read of the buffer is within what the read stored; rent once before the loop). Per read.
/// </summary>
[MemoryDiagnoser]
public class Alloc001ReadLoopFixBenchmarks
{
    private const int RecordSize = 16 * 1024;
    private const int Reads = 64;
    private readonly RecordStream _source = new RecordStream(RecordSize);

    [Params(256 * 1024, 1 << 20)]
    public int ChunkSize { get; set; }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads, Description = "original: new byte[chunk] per read")]
    public long NewBufferPerRead()
    {
        long sum = 0;
        for (int r = 0; r < Reads; r++)
        {
            var record = new byte[ChunkSize];
            int read = _source.Read(record, 0, RecordSize);
            for (int i = 0; i < read; i += 64) sum += record[i];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads, Description = "Hoist before: Array.Clear(whole) per read")]
    public long HoistedWholeClear()
    {
        long sum = 0;
        var record = new byte[ChunkSize];
        for (int r = 0; r < Reads; r++)
        {
            Array.Clear(record, 0, record.Length);
            int read = _source.Read(record, 0, RecordSize);
            for (int i = 0; i < read; i += 64) sum += record[i];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads, Description = "Hoist after: no clear")]
    public long HoistedNoClear()
    {
        long sum = 0;
        var record = new byte[ChunkSize];
        for (int r = 0; r < Reads; r++)
        {
            int read = _source.Read(record, 0, RecordSize);
            for (int i = 0; i < read; i += 64) sum += record[i];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads, Description = "Rent before: rent + clear(chunk) + return per read")]
    public long RentedPerRead()
    {
        long sum = 0;
        for (int r = 0; r < Reads; r++)
        {
            var record = ArrayPool<byte>.Shared.Rent(ChunkSize);
            Array.Clear(record, 0, ChunkSize);
            try
            {
                int read = _source.Read(record, 0, RecordSize);
                for (int i = 0; i < read; i += 64) sum += record[i];
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(record);
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads, Description = "Rent after: rent once around the loop, no clear")]
    public long RentedAroundLoop()
    {
        long sum = 0;
        var record = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            for (int r = 0; r < Reads; r++)
            {
                int read = _source.Read(record, 0, RecordSize);
                for (int i = 0; i < read; i += 64) sum += record[i];
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(record);
        }

        return sum;
    }

    /// <summary>An endless stream whose every read returns at most one record, like a TLS stream.</summary>
    private sealed class RecordStream : Stream
    {
        private readonly int _record;

        public RecordStream(int record) => _record = record;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(count, _record);
            buffer.AsSpan(offset, n).Fill(1);
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
