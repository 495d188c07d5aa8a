using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

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

    /// <summary>Rule ids of diagnostics expected once in every document, on its first token (ALLOC900 on a setting).</summary>
    public IReadOnlyList<string> ExpectedProjectDiagnostics { get; init; } = Array.Empty<string>();

    public static TestOptions Default { get; } = new TestOptions();
}

/// <summary>Builds an in-memory solution with one C# project from test sources.</summary>
public static class TestWorkspace
{
    public const string FirstDocumentName = "Test0.cs";

    private static readonly Lazy<ImmutableArray<MetadataReference>> NetReferences = new(LoadFrameworkReferences);

    public static ImmutableArray<MetadataReference> FrameworkReferences => NetReferences.Value;

    public static Project CreateProject(IReadOnlyList<(string Name, string Source)> documents, TestOptions options)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var parseOptions = new CSharpParseOptions(options.LanguageVersion);
        var compilationOptions = new CSharpCompilationOptions(options.OutputKind, allowUnsafe: options.AllowUnsafe, nullableContextOptions: NullableContextOptions.Enable);
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "TestProject", "TestProject", LanguageNames.CSharp,
            filePath: "/src/TestProject.csproj",
            compilationOptions: compilationOptions, parseOptions: parseOptions,
            metadataReferences: options.References ?? FrameworkReferences));

        foreach (var (name, source) in documents)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId, name), name, SourceText.From(source), filePath: "/src/" + name);
        }

        foreach (var (name, text) in options.AdditionalTexts)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId, name), name, SourceText.From(text), filePath: "/src/" + name);
        }

        if (options.EditorConfig != null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(options.EditorConfig), filePath: "/src/.editorconfig");
        }

        if (options.GlobalConfig != null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From("is_global = true\n" + options.GlobalConfig), filePath: "/src/.globalconfig");
        }

        return solution.GetProject(projectId)!;
    }

    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        // The running .NET 10 shared framework: every assembly next to System.Private.CoreLib.
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => Path.GetDirectoryName(path) == frameworkDirectory)
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
