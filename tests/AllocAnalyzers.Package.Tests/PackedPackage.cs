using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AllocAnalyzers.Package.Tests;

/// <summary>
/// Packs the repository once per test run (<c>dotnet pack -c Release -o feed</c> at the root, the
/// command the README gives) and shares the feed with every packaging test.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkDirectory = Directory.CreateTempSubdirectory("allocanalyzers-package-").FullName;
        Feed = Path.Combine(WorkDirectory, "feed");
        Version = ReadVersion(RepositoryRoot);
        PackOutput = ProcessRunner.Dotnet($"pack -c Release -o \"{Feed}\"", RepositoryRoot);
        PackagePath = Path.Combine(Feed, $"AllocAnalyzers.{Version}.nupkg");
    }

    public string RepositoryRoot { get; }
    public string WorkDirectory { get; }
    public string Feed { get; }
    public string Version { get; }
    public string PackOutput { get; }
    public string PackagePath { get; }

    public void Dispose()
    {
        try { Directory.Delete(WorkDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AllocAnalyzers.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("AllocAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }

    private static string ReadVersion(string root)
    {
        var props = XDocument.Load(Path.Combine(root, "Directory.Build.props"));
        return props.Descendants("Version").First().Value.Trim();
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed package";
}
