using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Corpus;

/// <summary>Options given on the command line (<c>--option key=value</c>), applied to every file as a .globalconfig would.</summary>
internal sealed class DictionaryConfigOptions : AnalyzerConfigOptions
{
    private readonly ImmutableDictionary<string, string> _values;

    public DictionaryConfigOptions(ImmutableDictionary<string, string> values) => _values = values;

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

    public override IEnumerable<string> Keys => _values.Keys;
}

internal sealed class DictionaryConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryConfigOptions _options;

    public DictionaryConfigOptionsProvider(ImmutableDictionary<string, string> values) => _options = new DictionaryConfigOptions(values);

    public override AnalyzerConfigOptions GlobalOptions => _options;
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
}
