using System;
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

        /// <summary>The value for this tree; a bad value is reported as ALLOC900 (once) and the default returned.</summary>
        public long Read(AnalysisSession session, SyntaxTree tree, Action<Diagnostic> report) =>
            session.Configuration.GetByteCount(tree, RuleId, Name, DefaultValue, report, Minimum);

        /// <summary>Reads the option for every tree, so that a bad value is reported even where the rule finds nothing.</summary>
        public void ValidateEveryTree(CompilationStartAnalysisContext context, AnalysisSession session) =>
            context.RegisterSyntaxTreeAction(tree => Read(session, tree.Tree, tree.ReportDiagnostic));
    }
}
