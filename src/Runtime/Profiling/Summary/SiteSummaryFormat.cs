using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace AllocAnalyzers.Runtime.Profiling.Summary
{
    /// <summary>
    /// The compact site summary: a tab-separated text file the analyzer can read as an
    /// AdditionalFile (netstandard2.0, no dependency). Layout (docs/profiler.md):
    /// <code>
    /// # alloc-analyzers site summary v1
    /// method	type	samples	estimated_count	estimated_bytes	loh	file	line
    /// </code>
    /// Lines starting with '#' are comments; rows are sorted by estimated bytes, largest first.
    /// Tabs, newlines and backslashes inside fields are escaped as \t, \n and \\.
    /// </summary>
    public static class SiteSummaryFormat
    {
        public const string Signature = "# alloc-analyzers site summary v1";

        public const string Header = "method\ttype\tsamples\testimated_count\testimated_bytes\tloh\tfile\tline";

        private const int Columns = 8;

        public static void Write(TextWriter writer, IEnumerable<SiteSummaryRow> rows, string? comment = null)
        {
            writer.Write(Signature + "\n");
            if (!string.IsNullOrEmpty(comment)) writer.Write("# " + comment!.Replace("\n", " ") + "\n");
            writer.Write(Header + "\n");
            foreach (var row in rows)
            {
                writer.Write(string.Join("\t", new[]
                {
                    Escape(row.Method), Escape(row.Type),
                    row.Samples.ToString(CultureInfo.InvariantCulture),
                    row.EstimatedCount.ToString(CultureInfo.InvariantCulture),
                    row.EstimatedBytes.ToString(CultureInfo.InvariantCulture),
                    row.IsLarge ? "1" : "0",
                    Escape(row.File),
                    row.Line.ToString(CultureInfo.InvariantCulture),
                }));
                writer.Write("\n");
            }
        }

        /// <summary>Reads a summary; throws <see cref="FormatException"/> naming the bad line.</summary>
        public static IReadOnlyList<SiteSummaryRow> Read(TextReader reader)
        {
            var rows = new List<SiteSummaryRow>();
            var lineNumber = 0;
            var sawSignature = false;
            var sawHeader = false;
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                lineNumber++;
                if (lineNumber == 1)
                {
                    if (line != Signature) throw new FormatException($"Line 1: expected '{Signature}'.");
                    sawSignature = true;
                    continue;
                }

                if (line.Length == 0 || line[0] == '#') continue;
                if (!sawHeader)
                {
                    if (line != Header) throw new FormatException($"Line {lineNumber}: expected the column header.");
                    sawHeader = true;
                    continue;
                }

                rows.Add(Parse(line, lineNumber));
            }

            if (!sawSignature) throw new FormatException("The summary is empty.");
            return rows;
        }

        private static SiteSummaryRow Parse(string line, int lineNumber)
        {
            var fields = line.Split('\t');
            if (fields.Length != Columns) throw new FormatException($"Line {lineNumber}: expected {Columns} columns, found {fields.Length}.");
            return new SiteSummaryRow(
                Unescape(fields[0]), Unescape(fields[1]),
                Number(fields[2], lineNumber), Number(fields[3], lineNumber), Number(fields[4], lineNumber),
                fields[5] == "1", Unescape(fields[6]), (int)Number(fields[7], lineNumber));
        }

        private static long Number(string text, int lineNumber) =>
            long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"Line {lineNumber}: '{text}' is not a number.");

        private static string Escape(string text) =>
            text.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");

        private static string Unescape(string text)
        {
            if (text.IndexOf('\\') < 0) return text;
            var sb = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    var next = text[++i];
                    sb.Append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
                }
                else
                {
                    sb.Append(text[i]);
                }
            }

            return sb.ToString();
        }
    }
}
