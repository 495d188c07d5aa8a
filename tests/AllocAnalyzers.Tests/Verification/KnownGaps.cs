namespace AllocAnalyzers.Tests.Verification;

/// <summary>
/// Defects known today that the library's stricter checks surface, listed so that they are visible
/// rather than silently tolerated. Each entry is for the fix's owner to remove once it is repaired;
/// a test that still needs an entry fails without it, and Editor/KnownGapTests fails when an entry
/// is no longer needed.
/// </summary>
public static class KnownGaps
{
    /// <summary>
    /// Equivalence keys of fixes that insert CRLF into LF documents (ALLOC001's hoist ends the
    /// statement it adds with an elastic CRLF that the formatter keeps); their output is compared
    /// with CRLF read as LF (<see cref="LineEndingTolerantFix"/>), as the hand-written verifier did.
    /// </summary>
    public static readonly IReadOnlySet<string> CrlfInLfDocuments = new HashSet<string>(StringComparer.Ordinal);
}
