using System.Globalization;
using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// A rule's byte-count option (<c>dotnet_code_quality.ALLOCnnn.&lt;name&gt;</c>) with its default and
    /// smallest valid value: read per syntax tree, since .editorconfig sections differ by folder.
    /// </summary>
    internal sealed class ByteOption
    {
        public ByteOption(string ruleId, string name, long defaultValue, long minimum = 1)
        {
            RuleId = ruleId;
            Name = name;
            DefaultValue = defaultValue;
            Minimum = minimum;
        }

        public string RuleId { get; }
        public string Name { get; }
        public long DefaultValue { get; }
        public long Minimum { get; }

        public string Key => OptionKeys.Rule(RuleId, Name);

        /// <summary>The value for this tree, or the default when it is unset or invalid (<see cref="ValidateEveryTree"/> reports that).</summary>
        public long Read(AnalysisSession session, SyntaxTree tree) => Parse(session, tree, out _, out _);

        /// <summary>
        /// Reports a bad value as ALLOC900 on every tree it applies to, from a syntax tree action: a
        /// tree's syntax diagnostics are what an editor computes for the open document.
        /// </summary>
        public void ValidateEveryTree(CompilationStartAnalysisContext context, AnalysisSession session) =>
            context.RegisterSyntaxTreeAction(tree => Validate(session, tree));

        /// <summary>Reports a bad value for this tree (once: the caller runs it once per tree).</summary>
        public void Validate(AnalysisSession session, SyntaxTreeAnalysisContext tree)
        {
            Parse(session, tree.Tree, out string? text, out string? problem);
            if (problem != null)
            {
                tree.ReportDiagnostic(SettingDiagnostic.Invalid(tree.Tree, Key, text ?? string.Empty, problem, DefaultValue.ToString(CultureInfo.InvariantCulture)));
            }
        }

        private long Parse(AnalysisSession session, SyntaxTree tree, out string? text, out string? problem)
        {
            problem = null;
            text = session.Configuration.Get(tree, Key);
            if (text == null) return DefaultValue;
            if (!ByteSize.TryParse(text, out long value, out string error))
            {
                problem = error;
                return DefaultValue;
            }

            if (value < Minimum)
            {
                problem = "the value must be at least " + Minimum.ToString(CultureInfo.InvariantCulture);
                return DefaultValue;
            }

            return value;
        }
    }
}
