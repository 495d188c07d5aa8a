using System.Reflection;
using Microsoft.CodeAnalysis.Testing;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>
/// The .NET 10 reference assemblies that test sources compile against. The library's own
/// <c>ReferenceAssemblies.Net</c> entries name package versions the registry may not serve, so the
/// version is the one the test project restores (<c>NetCoreAppRefVersion</c> in Directory.Build.props,
/// a PackageDownload in the project): it is in the global packages folder before any test runs.
/// </summary>
public static class NetReferenceAssemblies
{
    private const string PackageId = "Microsoft.NETCore.App.Ref";

    public static ReferenceAssemblies Net100 { get; } = new(
        "net10.0",
        new PackageIdentity(PackageId, RestoredVersion()),
        Path.Combine("ref", "net10.0"));

    private static string RestoredVersion() =>
        typeof(NetReferenceAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NetCoreAppRefVersion").Value
        ?? throw new InvalidOperationException("the test project does not name its NetCoreAppRefVersion");
}
