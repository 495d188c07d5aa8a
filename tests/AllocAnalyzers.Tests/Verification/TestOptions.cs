using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>How a test project is set up: sources, .editorconfig, language and compilation options.</summary>
public sealed record TestOptions
{
    public string? EditorConfig { get; init; }
    public string? GlobalConfig { get; init; }
    public LanguageVersion LanguageVersion { get; init; } = LanguageVersion.Preview;
    public bool AllowUnsafe { get; init; } = true;
    public OutputKind OutputKind { get; init; } = OutputKind.DynamicallyLinkedLibrary;

    /// <summary>Extra documents, each as (file name, source). Markup is allowed in them too.</summary>
    public IReadOnlyList<(string Name, string Source)> AdditionalDocuments { get; init; } = Array.Empty<(string, string)>();

    /// <summary>AdditionalFiles, each as (file name, text), e.g. a site summary from a profile.</summary>
    public IReadOnlyList<(string Name, string Text)> AdditionalTexts { get; init; } = Array.Empty<(string, string)>();

    /// <summary>Lets the input carry compiler errors (half-typed code).</summary>
    public bool AllowCompilerErrors { get; init; }

    /// <summary>Replaces the .NET 10 reference set, e.g. with a netstandard-like one.</summary>
    public ImmutableArray<MetadataReference>? References { get; init; }

    /// <summary>Rule ids of expected diagnostics without a source location (ALLOC900 on a setting).</summary>
    public IReadOnlyList<string> ExpectedProjectDiagnostics { get; init; } = Array.Empty<string>();

    /// <summary>Preprocessor symbols of the compilation (a target framework's NET5_0_OR_GREATER and the like).</summary>
    public IReadOnlyList<string> PreprocessorSymbols { get; init; } = Array.Empty<string>();

    public static TestOptions Default { get; } = new TestOptions();
}
