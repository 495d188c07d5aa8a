namespace AllocAnalyzers.Package.Tests;

/// <summary>
/// ALLOC007's platform switch through the installed package: the package's build targets must pass
/// the project's RuntimeIdentifiers to the analyzer intact (the compiler's analyzer config cuts a
/// value at its first ';', so they travel comma-separated). A calloc(100 MiB)/free loop is flagged
/// only when macOS is among the RuntimeIdentifiers — here listed second, where the cut would lose it.
/// The consumer is a netstandard2.0 library so that no runtime pack has to be downloaded per RID.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public class PlatformSwitchTests
{
    private const string Source = """
        using System;
        using System.Runtime.InteropServices;

        public static class Blocks
        {
            [DllImport("libc")] private static extern IntPtr calloc(UIntPtr count, UIntPtr size);
            [DllImport("libc")] private static extern void free(IntPtr p);

            public static void Loop(int n)
            {
                for (int i = 0; i < n; i++)
                {
                    IntPtr block = calloc((UIntPtr)1, (UIntPtr)(100 << 20));
                    free(block);
                }
            }
        }
        """;

    private readonly PackedPackage _package;

    public PlatformSwitchTests(PackedPackage package) => _package = package;

    [Theory]
    [InlineData("linux-x64;win-x64", false)]
    [InlineData("linux-x64;osx-arm64", true)]
    public void ALLOC007_follows_the_runtime_identifiers(string runtimeIdentifiers, bool flagged)
    {
        string directory = Path.Combine(_package.WorkDirectory, "platforms-" + runtimeIdentifiers.Replace(';', '-'));
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Blocks.cs"), Source);
        File.WriteAllText(Path.Combine(directory, "Platforms.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <RuntimeIdentifiers>{runtimeIdentifiers}</RuntimeIdentifiers>
                <RestorePackagesPath>{Path.Combine(_package.WorkDirectory, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AllocAnalyzers" Version="{_package.Version}" />
              </ItemGroup>
            </Project>
            """);
        // NETStandard.Library comes from the machine's NuGet packages folder, where restoring this
        // repository's netstandard2.0 projects put it.
        string globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{_package.Feed}" />
                <add key="machine" value="{globalPackages}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");

        ProcessRunner.Dotnet("restore", directory);
        string build = ProcessRunner.Dotnet("build --no-restore --no-incremental -nologo", directory);
        var reported = ExpectedDiagnostics.FromBuildOutput(build, "ALLOC007");
        if (flagged)
        {
            Assert.Single(reported);
            Assert.Contains("the allocator zero-fills all 100 MiB each time: about 48 ms per iteration on macOS", build);
        }
        else
        {
            Assert.Empty(reported);
        }
    }
}
