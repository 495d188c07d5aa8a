using AllocAnalyzers.Rules.LargeAllocationInLoop;
using AllocAnalyzers.Rules.RedundantClear;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Tests.Analysis;

/// <summary>
/// A diagnostic must not go off and on while a DIFFERENT statement is being typed: each prefix of
/// the typed statement is analysed, and the diagnostic on the finished line must be there every time.
/// </summary>
public class TypingStabilityTests
{
    private const string Before = """
        using System;
        using System.IO;

        public class Reader
        {
            public long Copy(Stream source, Stream destination)
            {
                long total = 0;
                for (int i = 0; i < 100; i++)
                {
                    var record = new byte[1 << 20];
                    total += record.Length;
                    TYPED
                }

                return total;
            }
        }
        """;

    public static TheoryData<string, string> Statements() => new()
    {
        { "int n = source.Read(record, 0, 16 * 1024); destination.Write(record, 0, n);", "ALLOC001" },
        { "source.ReadExactly(record.AsSpan(0, 16));", "ALLOC001" },
        { "Use(record, source);", "ALLOC001" },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public async Task A_diagnostic_stays_while_the_next_statement_is_typed(string statement, string id)
    {
        var toggles = new List<string>();
        bool? last = null;
        for (int length = 0; length <= statement.Length; length++)
        {
            string prefix = statement.Substring(0, length);
            string source = Before.Replace("TYPED", prefix).Replace("    }\n}", "    }\n    private static void Use(byte[] b, Stream s) { }\n}");
            var diagnostics = await new StandaloneCompilation(source, Analyzers()).DocumentAsync();
            bool present = diagnostics.Any(d => d.Id == id && source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length) == "new byte[1 << 20]");
            if (last != null && present != last) toggles.Add($"{(present ? "on" : "off")} after typing '{prefix}'");
            last = present;
        }

        Assert.True(last, id + " is missing on the finished code");
        Assert.Empty(toggles);
    }

    private static DiagnosticAnalyzer[] Analyzers() => new DiagnosticAnalyzer[] { new LargeAllocationInLoopAnalyzer(), new RedundantClearAnalyzer() };
}
