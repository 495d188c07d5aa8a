using AllocAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Tests.Editor;

/// <summary>
/// The repository's sample projects (samples/), loaded as the build sees them: every .cs file,
/// the implicit usings of an SDK console project, and the build properties the package's props
/// make visible to the analyzers.
/// </summary>
public static class SampleProjects
{
    /// <summary>The samples whose diagnostics the README and the issue describe.</summary>
    public static readonly IReadOnlyList<string> Names = new[] { "AllocSamples", "InteropReadLoop" };

    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;

        """;

    public static TestOptions Options { get; } = new()
    {
        OutputKind = OutputKind.ConsoleApplication,
        GlobalConfig = "build_property.TargetFramework = net10.0\nbuild_property.AllowUnsafeBlocks = true\n",
    };

    /// <summary>The sample's sources as (file name, text), its own files first, then the implicit usings.</summary>
    public static IReadOnlyList<(string Name, string Source)> Sources(string sample)
    {
        string directory = Path.Combine(RepositoryRoot.Path, "samples", sample);
        return Directory.GetFiles(directory, "*.cs")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path).Replace("\r\n", "\n")))
            .Append(("GlobalUsings.g.cs", ImplicitUsings))
            .ToList();
    }

    public static Project Project(string sample) => TestWorkspace.CreateProject(Sources(sample), Options);
}
