using System.Collections.Immutable;
using System.Globalization;
using AllocAnalyzers.Profiles;
using AllocAnalyzers.Runtime.Formatting;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Diagnostics
{
    /// <summary>
    /// Builds the <c>Diagnostic.Properties</c> of a finding (<see cref="DiagnosticProperties"/>): the
    /// model's figures for one occurrence, where it was measured, and a line-independent fingerprint.
    /// One builder for every rule, so that names and number formats cannot drift between rules.
    /// </summary>
    internal sealed class DiagnosticFigures
    {
        private readonly ImmutableDictionary<string, string?>.Builder _properties = ImmutableDictionary.CreateBuilder<string, string?>();

        private DiagnosticFigures()
        {
        }

        /// <summary>
        /// The figures of one occurrence. <paramref name="seconds"/> is null when the size is not known
        /// at compile time (the rule then has no estimate).
        /// </summary>
        public static DiagnosticFigures For(string ruleId, SyntaxNode flagged, Repetition repetition, long? bytes, long? bytesZeroed, double? seconds, EstimateBasis basis)
        {
            var figures = new DiagnosticFigures();
            figures.Set(DiagnosticProperties.Fingerprint, Fingerprint.Of(ruleId, flagged));
            figures.Set(DiagnosticProperties.Repetition, repetition.Name());
            if (bytes != null) figures.Set(DiagnosticProperties.Bytes, bytes.Value);
            if (bytesZeroed != null) figures.Set(DiagnosticProperties.BytesZeroed, bytesZeroed.Value);
            if (seconds != null) figures.Set(DiagnosticProperties.EstimatedSeconds, seconds.Value.ToString("R", CultureInfo.InvariantCulture));
            figures.Set(DiagnosticProperties.Platform, basis.PlatformId);
            figures.Set(DiagnosticProperties.CostProfile, basis.Profile.Name);
            return figures;
        }

        /// <summary>Adds what a site summary measured at the finding's line, if anything.</summary>
        public DiagnosticFigures Measured(MeasuredSite? site)
        {
            if (site == null) return this;
            Set(DiagnosticProperties.MeasuredBytes, site.EstimatedBytes);
            Set(DiagnosticProperties.MeasuredSamples, site.Samples);
            Set(DiagnosticProperties.MeasuredCount, site.EstimatedCount);
            Set(DiagnosticProperties.MeasuredSummary, site.ProfileName);
            Set(DiagnosticProperties.MeasuredRank, site.Rank);
            return this;
        }

        /// <summary>Why a function with no loop of its own runs repeatedly (<see cref="Summaries.RepeatedBy"/>), if it is the reason for the finding.</summary>
        public DiagnosticFigures RepeatedBy(Summaries.RepeatedBy? repeatedBy)
        {
            if (repeatedBy == null) return this;
            Set(DiagnosticProperties.RepeatedBy, repeatedBy.CauseName);
            Set(DiagnosticProperties.RepeatedThrough, string.Join(" < ", repeatedBy.Chain));
            Set(DiagnosticProperties.RepeatedOrigin, repeatedBy.Origin);
            if (repeatedBy.Place != null) Set(DiagnosticProperties.RepeatedAt, repeatedBy.Place);
            return this;
        }

        /// <summary>The model's account of the estimate (<see cref="DiagnosticProperties.Explanation"/>).</summary>
        public DiagnosticFigures Explained(string explanation) => With(DiagnosticProperties.Explanation, explanation);

        /// <summary>A rule-specific property (e.g. what its code fix needs).</summary>
        public DiagnosticFigures With(string name, string value)
        {
            _properties[name] = value;
            return this;
        }

        public DiagnosticFigures With(string name, long value) => With(name, value.ToString(CultureInfo.InvariantCulture));

        public ImmutableDictionary<string, string?> ToProperties() => _properties.ToImmutable();

        private void Set(string name, string value) => _properties[name] = value;

        private void Set(string name, long value) => _properties[name] = value.ToString(CultureInfo.InvariantCulture);
    }
}
