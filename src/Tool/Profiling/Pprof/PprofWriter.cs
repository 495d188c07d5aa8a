using System.IO.Compression;
using Google.Protobuf;
using Fields = AllocAnalyzers.Tool.Profiling.Pprof.ProfileProtoFields;

namespace AllocAnalyzers.Tool.Profiling.Pprof;

/// <summary>
/// Writes an allocation profile as gzipped profile.proto, the format `go tool pprof` and other
/// viewers read. Sample types follow Go's heap profiles: alloc_objects (count) and alloc_space
/// (bytes), both estimated totals; each sample carries the allocated type and a large-object
/// flag as labels.
/// </summary>
internal static class PprofWriter
{
    public static void Write(Stream destination, IReadOnlyCollection<AllocationSample> samples, TimeSpan duration, string comment)
    {
        var strings = new PprofStringTable();
        var functions = new Dictionary<(string Method, string File, int StartLine), ulong>();
        var locations = new Dictionary<StackFrame, ulong>();
        var body = new MemoryStream();
        var output = new CodedOutputStream(body);

        WriteValueType(output, Fields.Profile.SampleType, strings["alloc_objects"], strings["count"]);
        WriteValueType(output, Fields.Profile.SampleType, strings["alloc_space"], strings["bytes"]);
        foreach (var sample in samples)
        {
            var ids = sample.Frames.Select(frame => LocationId(frame, locations)).ToList();
            WriteSample(output, sample, ids, strings);
        }

        const ulong mappingId = 1;
        WriteMessage(output, Fields.Profile.Mapping, m =>
        {
            WriteUInt64(m, Fields.Mapping.Id, mappingId);
            WriteInt64(m, Fields.Mapping.Filename, strings["[managed]"]);
            // Already symbolized: tells pprof not to look for binaries.
            WriteBool(m, Fields.Mapping.HasFunctions, true);
            WriteBool(m, Fields.Mapping.HasFilenames, true);
        });
        foreach (var (frame, id) in locations)
        {
            var functionId = FunctionId(frame, functions);
            WriteMessage(output, Fields.Profile.Location, m =>
            {
                WriteUInt64(m, Fields.Location.Id, id);
                WriteUInt64(m, Fields.Location.MappingId, mappingId);
                WriteMessage(m, Fields.Location.Line, line =>
                {
                    WriteUInt64(line, Fields.Line.FunctionId, functionId);
                    WriteInt64(line, Fields.Line.LineNumber, frame.Line); // 0 (left out) when unknown
                });
            });
        }

        foreach (var ((method, file, startLine), id) in functions)
        {
            WriteMessage(output, Fields.Profile.Function, m =>
            {
                WriteUInt64(m, Fields.Function.Id, id);
                WriteInt64(m, Fields.Function.Name, strings[method]);
                WriteInt64(m, Fields.Function.SystemName, strings[method]);
                WriteInt64(m, Fields.Function.Filename, strings[file]);
                WriteInt64(m, Fields.Function.StartLine, startLine);
            });
        }

        WriteInt64(output, Fields.Profile.DurationNanos, duration.Ticks * 100);
        WriteInt64(output, Fields.Profile.TimeNanos, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000);
        WriteValueType(output, Fields.Profile.PeriodType, strings["space"], strings["bytes"]);
        WriteInt64(output, Fields.Profile.Comment, strings[comment]);
        WriteInt64(output, Fields.Profile.DefaultSampleType, strings["alloc_space"]);
        foreach (var s in strings.Strings) // last: every index above has been taken
        {
            output.WriteTag(Fields.Profile.StringTable, WireFormat.WireType.LengthDelimited);
            output.WriteString(s);
        }

        output.Flush();
        using var gzip = new GZipStream(destination, CompressionLevel.Optimal, leaveOpen: true);
        body.Position = 0;
        body.CopyTo(gzip);
    }

    private static ulong LocationId(StackFrame frame, Dictionary<StackFrame, ulong> locations)
    {
        if (!locations.TryGetValue(frame, out var id)) locations.Add(frame, id = (ulong)locations.Count + 1);
        return id;
    }

    private static ulong FunctionId(StackFrame frame, Dictionary<(string, string, int), ulong> functions)
    {
        var key = (frame.Method, frame.File, frame.StartLine);
        if (!functions.TryGetValue(key, out var id)) functions.Add(key, id = (ulong)functions.Count + 1);
        return id;
    }

    private static void WriteSample(CodedOutputStream output, AllocationSample sample, List<ulong> locationIds, PprofStringTable strings) =>
        WriteMessage(output, Fields.Profile.Sample, m =>
        {
            WritePacked(m, Fields.Sample.LocationId, locationIds.Select(id => (long)id));
            WritePacked(m, Fields.Sample.Value, [(long)Math.Round(sample.EstimatedCount), (long)Math.Round(sample.EstimatedBytes)]);
            WriteMessage(m, Fields.Sample.Label, l =>
            {
                WriteInt64(l, Fields.Label.Key, strings["type"]);
                WriteInt64(l, Fields.Label.Str, strings[sample.TypeName]);
            });
            WriteMessage(m, Fields.Sample.Label, l =>
            {
                WriteInt64(l, Fields.Label.Key, strings["heap"]);
                WriteInt64(l, Fields.Label.Str, strings[sample.IsLarge ? "loh" : "soh"]);
            });
        });

    private static void WriteValueType(CodedOutputStream output, int field, long type, long unit) =>
        WriteMessage(output, field, m =>
        {
            WriteInt64(m, Fields.ValueType.Type, type);
            WriteInt64(m, Fields.ValueType.Unit, unit);
        });

    /// <summary>A nested message: length-delimited, so it is written to a buffer first.</summary>
    private static void WriteMessage(CodedOutputStream output, int field, Action<CodedOutputStream> write)
    {
        var buffer = new MemoryStream();
        var nested = new CodedOutputStream(buffer);
        write(nested);
        nested.Flush();
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WritePacked(CodedOutputStream output, int field, IEnumerable<long> values)
    {
        var buffer = new MemoryStream();
        var packed = new CodedOutputStream(buffer);
        foreach (var value in values) packed.WriteInt64(value);
        packed.Flush();
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteInt64(CodedOutputStream output, int field, long value)
    {
        if (value == 0) return; // proto3 default
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt64(value);
    }

    private static void WriteUInt64(CodedOutputStream output, int field, ulong value)
    {
        if (value == 0) return;
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteUInt64(value);
    }

    private static void WriteBool(CodedOutputStream output, int field, bool value)
    {
        if (!value) return;
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteBool(value);
    }
}
