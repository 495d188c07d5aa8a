namespace AllocAnalyzers.Runtime
{
    /// <summary>The operating system whose allocator the model imitates.</summary>
    public enum TargetPlatform
    {
        /// <summary>Linux with glibc malloc.</summary>
        Linux,

        /// <summary>macOS with Apple libmalloc (the large-block cache).</summary>
        MacOS,

        /// <summary>Windows with the NT heap (the process heap behind the UCRT's malloc/calloc).</summary>
        Windows,
    }
}
