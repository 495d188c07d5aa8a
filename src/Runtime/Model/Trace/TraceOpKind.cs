namespace AllocAnalyzers.Runtime.Model.Trace
{
    /// <summary>The operations an allocation trace can contain.</summary>
    public enum TraceOpKind
    {
        Malloc,
        Calloc,
        Realloc,
        Free,
        Touch,
        Read,
        New,
        Uninit,
        Pinned,
        PinnedUninit,
        Rent,
        Return,
        Clear,
        Repeat,
    }
}
