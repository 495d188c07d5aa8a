namespace AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop
{
    /// <summary>
    /// What part of a reused buffer an iteration can read before writing it: nothing (no reset needed),
    /// a prefix of <see cref="Length"/> elements (reset only that), or unknown (reset all of it).
    /// </summary>
    internal sealed class ReadableRange
    {
        public static readonly ReadableRange Nothing = new ReadableRange(0);
        public static readonly ReadableRange Unknown = new ReadableRange(null);

        private ReadableRange(long? length) => Length = length;

        /// <summary>Elements from the start that an iteration can read unwritten; null when not provable.</summary>
        public long? Length { get; }

        public bool IsNothing => Length == 0;

        public static ReadableRange Prefix(long length) => length <= 0 ? Nothing : new ReadableRange(length);

        /// <summary>The smallest range covering both.</summary>
        public ReadableRange Union(ReadableRange other) =>
            Length == null || other.Length == null ? Unknown : Prefix(System.Math.Max(Length.Value, other.Length.Value));
    }
}
