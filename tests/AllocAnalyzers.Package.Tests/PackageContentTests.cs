using System.IO.Compression;
using System.Xml.Linq;

namespace AllocAnalyzers.Package.Tests;

[Collection(PackedPackageCollection.Name)]
public class PackageContentTests
{
    private readonly PackedPackage _package;

    public PackageContentTests(PackedPackage package) => _package = package;

    [Fact]
    public void Pack_at_the_root_produces_the_analyzer_package_and_a_distinct_tool_package()
    {
        Assert.True(File.Exists(_package.PackagePath), $"{_package.PackagePath} missing; pack printed:\n{_package.PackOutput}");
        var packages = Directory.GetFiles(_package.Feed, "*.nupkg").Select(Path.GetFileName).ToList();
        Assert.Contains($"AllocAnalyzers.Tool.{_package.Version}.nupkg", packages);
        Assert.All(packages, p => Assert.StartsWith("AllocAnalyzers.", p));
    }

    [Fact]
    public void Analyzer_code_fix_and_runtime_assemblies_are_under_analyzers_dotnet_cs()
    {
        var entries = Entries();
        Assert.Contains("analyzers/dotnet/cs/AllocAnalyzers.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/AllocAnalyzers.CodeFixes.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/AllocAnalyzers.Runtime.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_is_a_development_dependency_with_readme_license_and_rule_docs()
    {
        var entries = Entries();
        Assert.Contains("docs/README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.Contains("docs/rules/ALLOC001.md", entries);
        Assert.Contains("docs/diagnostic-properties.md", entries); // the rule pages link to it
        Assert.Contains("build/AllocAnalyzers.props", entries);

        var nuspec = Nuspec();
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")?.Value);
        Assert.Equal("docs/README.md", metadata.Element(ns + "readme")?.Value);
        Assert.Equal("LICENSE", metadata.Element(ns + "license")?.Value);
        Assert.Equal(_package.Version, metadata.Element(ns + "version")?.Value);
    }

    [Fact]
    public void No_source_file_is_packed_so_a_packages_folder_inside_a_project_compiles_nothing()
    {
        // A packages folder under a project folder is globbed into the compilation (CS8802 and worse).
        var sources = Entries().Where(e => e.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || e.EndsWith(".vb", StringComparison.OrdinalIgnoreCase) || e.EndsWith(".fs", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(sources.Count == 0, "source files packed: " + string.Join(", ", sources));
    }

    [Fact]
    public void Every_rule_page_a_help_link_opens_is_packed_where_the_build_props_point()
    {
        var entries = Entries();
        foreach (string id in new[] { "ALLOC001", "ALLOC002", "ALLOC003", "ALLOC004", "ALLOC005", "ALLOC006", "ALLOC007", "ALLOC900" })
        {
            Assert.Contains($"docs/rules/{id}.md", entries);
        }

        using var zip = ZipFile.OpenRead(_package.PackagePath);
        using var reader = new StreamReader(zip.GetEntry("build/AllocAnalyzers.props")!.Open());
        string props = reader.ReadToEnd();
        Assert.Contains("<CompilerVisibleProperty Include=\"AllocAnalyzersHelpBaseUrl\" />", props);
        Assert.Contains("'$(MSBuildThisFileDirectory)..', 'docs', 'rules'", props);
    }

    private List<string> Entries()
    {
        using var zip = ZipFile.OpenRead(_package.PackagePath);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private XDocument Nuspec()
    {
        using var zip = ZipFile.OpenRead(_package.PackagePath);
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }
}
