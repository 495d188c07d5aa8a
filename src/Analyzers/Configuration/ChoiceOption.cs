using System;
using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// A rule's option that takes one of a few words (<c>dotnet_code_quality.ALLOCnnn.&lt;name&gt;</c>),
    /// compared without case; read per syntax tree like <see cref="ByteOption"/>, a bad value reported
    /// as ALLOC900 on the trees it applies to and the default used.
    /// </summary>
    internal sealed class ChoiceOption
    {
        private readonly string[] _choices;

        public ChoiceOption(string ruleId, string name, string defaultValue, params string[] choices)
        {
            RuleId = ruleId;
            Name = name;
            DefaultValue = defaultValue;
            _choices = choices;
        }

        public string RuleId { get; }
        public string Name { get; }
        public string DefaultValue { get; }

        public string Key => OptionKeys.Rule(RuleId, Name);

        /// <summary>The value for this tree (one of the choices, as declared), or the default when unset or invalid.</summary>
        public string Read(AnalysisSession session, SyntaxTree tree) => Parse(session, tree, out _) ?? DefaultValue;

        public void ValidateEveryTree(CompilationStartAnalysisContext context, AnalysisSession session) =>
            context.RegisterSyntaxTreeAction(tree =>
            {
                if (Parse(session, tree.Tree, out string? text) == null && text != null)
                {
                    tree.ReportDiagnostic(SettingDiagnostic.Invalid(tree.Tree, Key, text, "expected one of " + string.Join(", ", _choices), DefaultValue));
                }
            });

        private string? Parse(AnalysisSession session, SyntaxTree tree, out string? text)
        {
            text = session.Configuration.Get(tree, Key);
            if (text == null) return null;
            foreach (var choice in _choices)
            {
                if (string.Equals(choice, text.Trim(), StringComparison.OrdinalIgnoreCase)) return choice;
            }

            return null;
        }
    }
}
