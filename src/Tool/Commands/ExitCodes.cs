namespace AllocAnalyzers.Tool;

/// <summary>The tool's exit codes (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A command line the tool cannot run: unknown option or value (CommandLine/UsageErrors).</summary>
    public const int Usage = 1;

    /// <summary>A malformed trace, size or cost profile.</summary>
    public const int InvalidInput = 2;

    /// <summary>A file could not be read or written.</summary>
    public const int IoError = 3;

    /// <summary>The command cannot run here (e.g. calibrate off Linux).</summary>
    public const int Unsupported = 4;

    /// <summary>report --fail-on-new found findings the baseline does not have.</summary>
    public const int NewFindings = 5;

    /// <summary>calibrate: the machine was too busy for figures worth writing.</summary>
    public const int Unreliable = 5;
}
