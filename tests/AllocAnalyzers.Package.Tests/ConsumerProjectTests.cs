namespace AllocAnalyzers.Package.Tests;

/// <summary>
/// A fresh consumer project references the packed package by PackageReference from a local
/// folder feed, builds the sample sources and must report every rule exactly at the lines the
/// samples mark with <c>// expect: ALLOCnnn</c>, with the figures of each in the compiler's SARIF log
/// (<see cref="SampleSarif"/>); <c>dotnet format analyzers</c> then applies the
/// ALLOC001 fix and the result still builds, with no ALLOC001 left.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public class ConsumerProjectTests
{
    private readonly PackedPackage _package;

    public ConsumerProjectTests(PackedPackage package) => _package = package;

    [Fact]
    public void Consumer_build_reports_every_rule_at_the_expected_lines_and_format_fixes_ALLOC001()
    {
        string consumer = CreateConsumer("consumer");
        string sampleDirectory = Path.Combine(_package.RepositoryRoot, "samples", "AllocSamples");
        string sarif = Path.Combine(consumer, "alloc.sarif");
        string build = Build(consumer, $"\"-p:ErrorLog={sarif}%2Cversion=2.1\"");
        foreach (string rule in new[] { "ALLOC001", "ALLOC002", "ALLOC003", "ALLOC004", "ALLOC005", "ALLOC006", "ALLOC007" })
        {
            var expected = ExpectedDiagnostics.FromSources(sampleDirectory, rule);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, ExpectedDiagnostics.FromBuildOutput(build, rule));
        }

        Assert.Contains("per iteration", build);
        SampleSarif.AssertFigures(sarif);

        ProcessRunner.Dotnet("format analyzers --diagnostics ALLOC001 --severity warn --no-restore", consumer);
        Assert.Contains("Array.Clear(chunk, 0, chunk.Length);", File.ReadAllText(Path.Combine(consumer, "ReadLoop.cs")));
        string rebuilt = Build(consumer);
        Assert.Empty(ExpectedDiagnostics.FromBuildOutput(rebuilt, "ALLOC001"));
    }

    private string CreateConsumer(string name)
    {
        string directory = Path.Combine(_package.WorkDirectory, name);
        Directory.CreateDirectory(directory);
        string samples = Path.Combine(_package.RepositoryRoot, "samples", "AllocSamples");
        foreach (var source in Directory.EnumerateFiles(samples, "*.cs").Append(Path.Combine(samples, ".editorconfig")))
        {
            File.Copy(source, Path.Combine(directory, Path.GetFileName(source)));
        }

        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
                <RestorePackagesPath>{Path.Combine(_package.WorkDirectory, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AllocAnalyzers" Version="{_package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{_package.Feed}" />
              </packageSources>
            </configuration>
            """);
        // Isolate the consumer from the repository's own Directory.Build.props.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        ProcessRunner.Dotnet("restore", directory);
        return directory;
    }

    private static string Build(string directory, string extra = "") => ProcessRunner.Dotnet("build --no-restore --no-incremental -nologo " + extra, directory);
}
