using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Profiles
{
    /// <summary>
    /// Profile-guided diagnostics: the measured cost of the line a diagnostic is on, from the site
    /// summaries the project lists as AdditionalFiles. A summary row names the line of its
    /// allocation's statement (the PDB's sequence point), so a diagnostic matches the rows from the
    /// first line of its enclosing statement to its own last line.
    /// </summary>
    internal sealed class MeasuredSites
    {
        private readonly ImmutableArray<SiteSummaryFile> _files;

        public MeasuredSites(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            _files = options.AdditionalFiles
                .Where(SiteSummaryFile.IsSiteSummary)
                .Select(text => SiteSummaryFile.For(text, cancellationToken))
                .ToImmutableArray();
        }

        /// <summary>True when the project lists no site summary: nothing was measured anywhere.</summary>
        public bool IsEmpty => _files.IsEmpty;

        /// <summary>Summaries that could not be read (each reported once as ALLOC900).</summary>
        public ImmutableArray<SiteSummaryFile> Unreadable => _files.Where(f => f.Error != null).ToImmutableArray();

        /// <summary>What the profile with the most bytes there measured at <paramref name="node"/>'s lines, or null.</summary>
        public MeasuredSite? At(SyntaxNode node)
        {
            if (_files.IsEmpty) return null;
            var span = node.GetLocation().GetLineSpan();
            if (!span.IsValid || string.IsNullOrEmpty(span.Path)) return null;
            var statement = node.FirstAncestorOrSelf<StatementSyntax>() ?? (SyntaxNode)node;
            int first = statement.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            int last = span.EndLinePosition.Line + 1;

            MeasuredSite? best = null;
            foreach (var file in _files)
            {
                long bytes = 0, count = 0, samples = 0;
                List<MeasuredSite>? rows = null;
                for (int i = 0; i < file.Rows.Count; i++)
                {
                    var row = file.Rows[i];
                    if (row.Line < first || row.Line > last || !SourcePathMatch.SameFile(row.File, span.Path)) continue;
                    bytes += row.EstimatedBytes;
                    count += row.EstimatedCount;
                    samples += row.Samples;
                    rows ??= new List<MeasuredSite>();
                    rows.Add(new MeasuredSite(file.Name, row.EstimatedBytes, row.EstimatedCount, row.Samples, i + 1, file.Rows.Count));
                }

                if (rows != null && (best == null || bytes > best.EstimatedBytes))
                {
                    best = new MeasuredSite(file.Name, bytes, count, samples, rows[0].Rank, file.Rows.Count, rows);
                }
            }

            return best;
        }
    }
}
