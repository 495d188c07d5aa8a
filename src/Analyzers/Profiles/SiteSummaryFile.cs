using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using AllocAnalyzers.Runtime.Profiling.Summary;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Profiles
{
    /// <summary>
    /// One site summary given to the compilation as an AdditionalFile (<c>*.sites.tsv</c>, written by
    /// <c>alloc-analyzers profile</c> or the native API), parsed once however many analyzers ask:
    /// the compiler hands every analyzer the same AdditionalText.
    /// </summary>
    internal sealed class SiteSummaryFile
    {
        public const string Extension = ".sites.tsv";

        private static readonly ConditionalWeakTable<AdditionalText, SiteSummaryFile> Parsed = new ConditionalWeakTable<AdditionalText, SiteSummaryFile>();

        private SiteSummaryFile(string path, IReadOnlyList<SiteSummaryRow> rows, string? error)
        {
            Path = path;
            Name = System.IO.Path.GetFileName(path);
            Rows = rows;
            Error = error;
        }

        public string Path { get; }

        public string Name { get; }

        /// <summary>Largest estimated bytes first, as the format keeps them.</summary>
        public IReadOnlyList<SiteSummaryRow> Rows { get; }

        /// <summary>Why the file could not be read, or null.</summary>
        public string? Error { get; }

        public static bool IsSiteSummary(AdditionalText text) =>
            text.Path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

        public static SiteSummaryFile For(AdditionalText text, CancellationToken cancellationToken) =>
            Parsed.GetValue(text, t => Parse(t, cancellationToken));

        private static SiteSummaryFile Parse(AdditionalText text, CancellationToken cancellationToken)
        {
            var source = text.GetText(cancellationToken);
            if (source == null) return new SiteSummaryFile(text.Path, Array.Empty<SiteSummaryRow>(), "the file could not be read");
            try
            {
                return new SiteSummaryFile(text.Path, SiteSummaryFormat.Read(new StringReader(source.ToString())), null);
            }
            catch (FormatException e)
            {
                return new SiteSummaryFile(text.Path, Array.Empty<SiteSummaryRow>(), e.Message.TrimEnd('.'));
            }
        }
    }
}
