namespace AllocAnalyzers.Tool.Reporting;

/// <summary>A SARIF log that cannot be read or is not the compiler's SARIF 2.1: the message is the whole explanation.</summary>
internal sealed class SarifInputException(string message, bool unreadable = false) : Exception(message)
{
    /// <summary>True when the file could not be read at all (as opposed to read but not understood).</summary>
    public bool Unreadable { get; } = unreadable;
}
