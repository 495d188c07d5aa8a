namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>A live block handed out by a native allocator: where its bytes live in the page model.</summary>
    public sealed class NativeBlock
    {
        internal NativeBlock(long requested, int mapping, long offset, long usable, object state)
        {
            Requested = requested;
            Mapping = mapping;
            Offset = offset;
            Usable = usable;
            State = state;
        }

        /// <summary>Bytes the program asked for.</summary>
        public long Requested { get; }

        /// <summary>The mapping that holds the block.</summary>
        public int Mapping { get; }

        /// <summary>Offset of the first usable byte in the mapping.</summary>
        public long Offset { get; }

        /// <summary>Bytes usable (the request rounded up to the allocator's granularity).</summary>
        public long Usable { get; }

        /// <summary>The allocator's own record of the block.</summary>
        internal object State { get; }
    }
}
