using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>
/// The .NET 10 reference assemblies that test sources compile against: the served
/// Microsoft.NETCore.App.Ref the test project restores (<c>NetCoreAppRefVersion</c> in
/// Directory.Build.props, a PackageDownload in the project). The library's own
/// <c>ReferenceAssemblies.Net</c> entries name versions the registry may not serve, and a
/// <c>ReferenceAssemblies</c> on a package identity looks for it in the NuGet v2 folder layout,
/// misses the global packages folder and downloads it again at test time; handing the restored
/// files to the project as references needs no network once the project is restored.
/// </summary>
public static class NetReferenceAssemblies
{
    /// <summary>The target framework the library is told about; the assemblies come from <see cref="References"/>.</summary>
    public static ReferenceAssemblies Net100 { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> References { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        string directory = typeof(NetReferenceAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NetCoreAppRefDirectory").Value
            ?? throw new InvalidOperationException("the test project does not name its reference pack");
        if (!Directory.Exists(directory)) throw new InvalidOperationException($"the reference pack is not restored at {directory} (run dotnet restore)");
        return Directory.GetFiles(directory, "*.dll")
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
