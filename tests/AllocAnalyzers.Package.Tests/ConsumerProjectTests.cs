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
        // The read loops only read what each Read stored: hoisted with no clear.
        string readLoop = File.ReadAllText(Path.Combine(consumer, "ReadLoop.cs"));
        Assert.Contains("var chunk = new byte[ChunkSize];", readLoop);
        Assert.DoesNotContain("Array.Clear(chunk", readLoop);
        Assert.DoesNotContain("Array.Clear(record", readLoop);
        string rebuilt = Build(consumer);
        // Every loop is fixed except the one in another method: no fix is offered across methods
        // (docs/rules/ALLOC001.md#repetition-across-methods), so ChunkReader's finding stays.
        Assert.Equal(new[] { "ChunkReader.cs:21:ALLOC001" }, ExpectedDiagnostics.FromBuildOutput(rebuilt, "ALLOC001"));
    }

    [Fact]
    public void Format_on_a_netstandard2_1_and_net10_library_guards_the_fixes_and_both_builds_compile()
    {
        string library = CreateConsumer("multitarget", sources: false, targetFrameworks: "netstandard2.1;net10.0", outputType: "Library");
        File.WriteAllText(Path.Combine(library, "Tables.cs"), """
            using System.IO;

            public static class Tables
            {
                public static byte[] Squares()
                {
                    var table = new byte[4096];
                    for (int i = 0; i < table.Length; i++) table[i] = (byte)(i * i);
                    return table;
                }

                public static long Copy(Stream source, Stream sink)
                {
                    long total = 0;
                    while (true)
                    {
                        var chunk = new byte[1 << 20];
                        int n = source.Read(chunk, 0, chunk.Length);
                        if (n == 0) return total;
                        sink.Write(chunk, 0, n);
                        total += n;
                    }
                }
            }
            """);
        // The help link the build prints opens the rule page shipped in the package.
        string before = Build(library);
        var link = System.Text.RegularExpressions.Regex.Match(before, @"\((file://[^)\s]+/docs/rules/ALLOC001\.md)\)");
        Assert.True(link.Success, "no help link in:\n" + before);
        Assert.True(File.Exists(new Uri(link.Groups[1].Value).LocalPath), link.Groups[1].Value + " does not exist");

        ProcessRunner.Dotnet("format analyzers --diagnostics ALLOC004 --severity info --no-restore", library);
        string fixedOnce = File.ReadAllText(Path.Combine(library, "Tables.cs"));
        Assert.Contains("#if NET5_0_OR_GREATER", fixedOnce);
        Assert.Contains("AllocateUninitializedArray<byte>(4096)", fixedOnce);
        Assert.Contains("#else", fixedOnce);
        Assert.Contains("var table = new byte[4096];", fixedOnce);

        // Per target framework and run after run, the fix is applied once.
        ProcessRunner.Dotnet("format analyzers --diagnostics ALLOC004 --severity info --no-restore", library);
        Assert.Equal(fixedOnce, File.ReadAllText(Path.Combine(library, "Tables.cs")));

        // Both target frameworks compile (Build throws on a failed build).
        string after = Build(library);
        Assert.Contains("netstandard2.1", after);
        Assert.Contains("net10.0", after);
    }

    private string CreateConsumer(string name, bool sources = true, string targetFrameworks = "net10.0", string outputType = "Exe")
    {
        string directory = Path.Combine(_package.WorkDirectory, name);
        Directory.CreateDirectory(directory);
        string samples = Path.Combine(_package.RepositoryRoot, "samples", "AllocSamples");
        foreach (var source in sources ? Directory.EnumerateFiles(samples, "*.cs").Append(Path.Combine(samples, ".editorconfig")) : Enumerable.Empty<string>())
        {
            File.Copy(source, Path.Combine(directory, Path.GetFileName(source)));
        }

        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFrameworks>{targetFrameworks}</TargetFrameworks>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <LangVersion>latest</LangVersion>
                <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
                <RestorePackagesPath>{Path.Combine(_package.WorkDirectory, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AllocAnalyzers" Version="{_package.Version}" />
              </ItemGroup>
            </Project>
            """);
        // AllocAnalyzers comes from the packed feed only; anything else a target framework needs that the
        // SDK does not carry (netstandard2.1's NETStandard.Library.Ref) from the machine's nuget.org source.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{_package.Feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">
                  <package pattern="AllocAnalyzers" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        // Isolate the consumer from the repository's own Directory.Build.props.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        ProcessRunner.Dotnet("restore", directory);
        return directory;
    }

    private static string Build(string directory, string extra = "") => ProcessRunner.Dotnet("build --no-restore --no-incremental -nologo " + extra, directory);
}
