using System.IO.Compression;
using AllocAnalyzers.Tool.Profiling;
using AllocAnalyzers.Tool.Profiling.Pprof;
using Google.Protobuf;

namespace AllocAnalyzers.Tool.Tests.Profiling;

public class PprofWriterTests
{
    private static IReadOnlyList<AllocationSample> Samples()
    {
        var main = new StackFrame("App.Program.Main(class System.String[])", "App.dll", "/src/Program.cs", StartLine: 5, Line: 7);
        var read = new StackFrame("App.Reader.ReadAll(class System.IO.Stream)", "App.dll", "/src/Reader.cs", StartLine: 12, Line: 15);
        var parse = new StackFrame("App.Parser.Parse(class System.String)", "App.dll");
        var big = new AllocationSample([read, main], "System.Byte[]", isLarge: true);
        for (var i = 0; i < 10; i++) big.Add(1, 1 << 20);
        var small = new AllocationSample([parse, main], "System.String", isLarge: false);
        small.Add(3000, 96_000);
        return [big, small];
    }

    private static string WriteProfile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pprof-test-{Guid.NewGuid():N}.pb.gz");
        using var file = File.Create(path);
        PprofWriter.Write(file, Samples(), TimeSpan.FromSeconds(2), "test profile");
        return path;
    }

    [Fact]
    public void The_profile_is_gzipped_protobuf_with_a_string_table_starting_empty()
    {
        var path = WriteProfile();
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var input = new CodedInputStream(gzip);
        var strings = new List<string>();
        var sampleTypes = 0;
        var samples = 0;
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case ProfileProtoFields.Profile.StringTable: strings.Add(input.ReadString()); break;
                case ProfileProtoFields.Profile.SampleType: sampleTypes++; input.SkipLastField(); break;
                case ProfileProtoFields.Profile.Sample: samples++; input.SkipLastField(); break;
                default: input.SkipLastField(); break;
            }
        }

        Assert.Equal("", strings[0]);
        Assert.Contains("alloc_space", strings);
        Assert.Contains("/src/Reader.cs", strings);
        Assert.Equal(2, sampleTypes);
        Assert.Equal(2, samples);
        File.Delete(path);
    }

    [GoPprofFact]
    public void Go_pprof_reads_it_and_ranks_the_allocating_methods()
    {
        var path = WriteProfile();
        var top = GoPprof.Top(path);

        Assert.Contains("Type: alloc_space", top);
        var rows = top.Split('\n').SkipWhile(l => !l.TrimStart().StartsWith("flat")).Skip(1).ToList();
        Assert.Contains("App.Reader.ReadAll", rows[0]);
        Assert.Contains("10MB", rows[0]);
        Assert.Contains("App.Parser.Parse", rows[1]);
        File.Delete(path);
    }

    [GoPprofFact]
    public void Go_pprof_shows_each_frames_line()
    {
        var path = WriteProfile();
        var top = GoPprof.Top(path, "-lines", "-cum");

        var rows = top.Split('\n');
        Assert.Contains(rows, r => r.Contains("App.Reader.ReadAll") && r.TrimEnd().EndsWith("/src/Reader.cs:15"));
        Assert.Contains(rows, r => r.Contains("App.Program.Main") && r.TrimEnd().EndsWith("/src/Program.cs:7"));
        File.Delete(path);
    }
}
