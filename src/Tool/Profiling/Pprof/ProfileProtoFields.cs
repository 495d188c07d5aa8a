namespace AllocAnalyzers.Tool.Profiling.Pprof;

/// <summary>
/// Field numbers of pprof's profile.proto (github.com/google/pprof, proto/profile.proto), the
/// only place they are spelled out. Messages are written by hand with CodedOutputStream: no
/// protoc is needed, and only the fields used here are listed.
/// </summary>
internal static class ProfileProtoFields
{
    /// <summary>message Profile.</summary>
    public static class Profile
    {
        public const int SampleType = 1;      // repeated ValueType
        public const int Sample = 2;          // repeated Sample
        public const int Mapping = 3;         // repeated Mapping
        public const int Location = 4;        // repeated Location
        public const int Function = 5;        // repeated Function
        public const int StringTable = 6;     // repeated string, [0] = ""
        public const int TimeNanos = 9;       // int64
        public const int DurationNanos = 10;  // int64
        public const int PeriodType = 11;     // ValueType
        public const int Period = 12;         // int64
        public const int Comment = 13;        // repeated int64 (string index)
        public const int DefaultSampleType = 14; // int64 (string index)
    }

    /// <summary>message ValueType { int64 type = 1; int64 unit = 2; } (string indices).</summary>
    public static class ValueType
    {
        public const int Type = 1;
        public const int Unit = 2;
    }

    /// <summary>message Sample.</summary>
    public static class Sample
    {
        public const int LocationId = 1; // repeated uint64, leaf first (packed)
        public const int Value = 2;      // repeated int64, one per sample type (packed)
        public const int Label = 3;      // repeated Label
    }

    /// <summary>message Label.</summary>
    public static class Label
    {
        public const int Key = 1;     // string index
        public const int Str = 2;     // string index
        public const int Num = 3;     // int64
        public const int NumUnit = 4; // string index
    }

    /// <summary>message Mapping.</summary>
    public static class Mapping
    {
        public const int Id = 1;
        public const int Filename = 5;
        public const int HasFunctions = 7;
        public const int HasFilenames = 8;
    }

    /// <summary>message Location.</summary>
    public static class Location
    {
        public const int Id = 1;
        public const int MappingId = 2;
        public const int Line = 4; // repeated Line
    }

    /// <summary>message Line.</summary>
    public static class Line
    {
        public const int FunctionId = 1;
        public const int LineNumber = 2;
    }

    /// <summary>message Function.</summary>
    public static class Function
    {
        public const int Id = 1;
        public const int Name = 2;
        public const int SystemName = 3;
        public const int Filename = 4;
        public const int StartLine = 5;
    }
}
