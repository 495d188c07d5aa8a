using System.Diagnostics;

// The seed's pattern: a read loop that allocates a fresh, zeroed 1 MiB buffer for every 16 KiB
// it reads. Profiling this program must name ReadLoop.ReadAll as the top allocation site.
// Usage: SeedReadLoop [MiB to read, default 512] [MiB of small objects kept alive, default 0]
// The second argument gives the program a working set, as a real program has (parsed data, caches):
// the overhead measurement uses it to show what a profile costs beyond this loop's tiny live heap.
var mebibytes = args.Length > 0 ? int.Parse(args[0]) : 512;
var workingSet = WorkingSet.Build(liveMebibytes: args.Length > 1 ? int.Parse(args[1]) : 0);
using var source = new RepeatingStream(totalBytes: (long)mebibytes << 20);
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
var checksum = ReadLoop.ReadAll(source);
cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
// CPU time too: on a shared machine it varies less than the wall clock.
Console.WriteLine($"read {mebibytes} MiB in {clock.Elapsed.TotalMilliseconds:F0} ms, cpu {cpu.TotalMilliseconds:F0} ms (checksum {checksum})");
GC.KeepAlive(workingSet);

internal static class ReadLoop
{
    public const int ReadSize = 16 * 1024;
    public const int BufferSize = 1 << 20;

    public static long ReadAll(Stream stream)
    {
        long checksum = 0;
        while (true)
        {
            var buffer = new byte[BufferSize]; // 1 MiB zeroed for a 16 KiB read: 64x the bytes used
            var read = stream.Read(buffer, 0, ReadSize);
            if (read == 0) return checksum;
            checksum += buffer[read - 1];
        }
    }
}

/// <summary>Small linked records (about 64 bytes each with their strings), kept alive for the whole run.</summary>
internal sealed record WorkingSet(string Name, long Value, WorkingSet? Next)
{
    public static WorkingSet? Build(int liveMebibytes)
    {
        WorkingSet? head = null;
        for (long i = 0, n = ((long)liveMebibytes << 20) / 64; i < n; i++) head = new WorkingSet(i.ToString("x4"), i, head);
        return head;
    }
}

/// <summary>A stream of the given length that repeats 64 KiB of data, so that reading costs little.</summary>
internal sealed class RepeatingStream(long totalBytes) : Stream
{
    private readonly byte[] _pattern = Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 31)).ToArray();
    private long _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, totalBytes - _position);
        var start = (int)(_position % _pattern.Length);
        n = Math.Min(n, _pattern.Length - start);
        Array.Copy(_pattern, start, buffer, offset, n);
        _position += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => totalBytes;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
