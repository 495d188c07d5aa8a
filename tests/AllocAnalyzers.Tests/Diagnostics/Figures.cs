using System.Globalization;
using AllocAnalyzers.Runtime.Formatting;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Tests.Diagnostics;

/// <summary>Asserts the figures a diagnostic carries in its properties (docs/diagnostic-properties.md).</summary>
internal static class Figures
{
    public static void Assert(Diagnostic diagnostic, long? bytes, long? bytesZeroed, double? seconds, string repetition, string platform, string profile)
    {
        var p = diagnostic.Properties;
        Equal(p, DiagnosticProperties.Bytes, bytes?.ToString(CultureInfo.InvariantCulture));
        Equal(p, DiagnosticProperties.BytesZeroed, bytesZeroed?.ToString(CultureInfo.InvariantCulture));
        Equal(p, DiagnosticProperties.EstimatedSeconds, seconds?.ToString("R", CultureInfo.InvariantCulture));
        Equal(p, DiagnosticProperties.Repetition, repetition);
        Equal(p, DiagnosticProperties.Platform, platform);
        Equal(p, DiagnosticProperties.CostProfile, profile);
        Xunit.Assert.Matches("^[0-9a-f]{16}$", p[DiagnosticProperties.Fingerprint]);
    }

    private static void Equal(System.Collections.Immutable.ImmutableDictionary<string, string?> properties, string name, string? expected)
    {
        properties.TryGetValue(name, out string? actual);
        Xunit.Assert.True(expected == actual, $"property {name}: expected '{expected ?? "(absent)"}', got '{actual ?? "(absent)"}'");
    }
}
