using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// ALLOC900 for the settings no single rule owns: project-wide settings that cannot be used (a
    /// broken cost profile, an unknown target platform or macOS allocator, an unreadable site
    /// summary), keys under AllocAnalyzers' prefixes that nothing reads, and project-wide keys placed
    /// in an .editorconfig section. One analyzer reports them, so each appears once per document
    /// whatever rules are enabled; the rules report bad values of their own options.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SettingsAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(ConfigurationDiagnostics.InvalidConfiguration);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var session = new AnalysisSession(start.Compilation, start.Options, start.CancellationToken);
                var unknownGlobal = UnknownKeys(session.Configuration.Global);
                start.RegisterSyntaxTreeAction(tree => Analyze(tree, session, unknownGlobal));
            });
        }

        private static void Analyze(SyntaxTreeAnalysisContext context, AnalysisSession session, IReadOnlyList<(string Key, string Value)> unknownGlobal)
        {
            foreach (var error in session.SettingErrors) context.ReportDiagnostic(error.ToDiagnostic(context.Tree));

            var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var global = session.Configuration.Global;
            var options = session.Configuration.ForTree(context.Tree);
            foreach (string key in ConfigKeys.Of(options).Where(KnownSettings.IsOurs).OrderBy(k => k, StringComparer.Ordinal))
            {
                if (KnownSettings.IsPerFile(key) || !options.TryGetValue(key, out string? value)) continue;
                // Whether or not the compiler adds the .globalconfig's keys to each tree's options, a key is
                // misplaced only when the tree's value is not the project-wide one.
                bool fromGlobal = global.TryGetValue(key, out string? globalValue) && globalValue == value;
                if (fromGlobal) continue;
                reported.Add(key);
                context.ReportDiagnostic(KnownSettings.IsProjectWide(key)
                    ? SettingDiagnostic.Misplaced(context.Tree, key, value)
                    : SettingDiagnostic.Unknown(context.Tree, key, value, KnownSettings.Suggest(key)));
            }

            foreach (var (key, value) in unknownGlobal)
            {
                if (reported.Add(key)) context.ReportDiagnostic(SettingDiagnostic.Unknown(context.Tree, key, value, KnownSettings.Suggest(key)));
            }
        }

        /// <summary>Keys of the .globalconfig under AllocAnalyzers' prefixes that nothing reads (per-file keys are read there too).</summary>
        private static IReadOnlyList<(string Key, string Value)> UnknownKeys(AnalyzerConfigOptions global) =>
            ConfigKeys.Of(global)
                .Where(k => KnownSettings.IsOurs(k) && !KnownSettings.IsProjectWide(k) && !KnownSettings.IsPerFile(k))
                .OrderBy(k => k, StringComparer.Ordinal)
                .Select(k => (k, global.TryGetValue(k, out string? v) ? v ?? string.Empty : string.Empty))
                .ToList();
    }
}
