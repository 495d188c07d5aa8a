using System.Globalization;
using System.Text.Json;
using AllocAnalyzers.Runtime;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Model.Allocators;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Package.Tests;

/// <summary>
/// The compiler's SARIF 2.1 log of the sample build (<c>-p:ErrorLog=alloc.sarif%2Cversion=2.1</c>):
/// every AllocAnalyzers result carries its figures, which the compiler writes under
/// <c>results[].properties.customProperties</c>, and they are exactly the cost model's.
/// </summary>
internal static class SampleSarif
{
    public static void AssertFigures(string sarifPath)
    {
        using var log = JsonDocument.Parse(File.ReadAllText(sarifPath));
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(Read)
            .Where(r => r.Rule.StartsWith("ALLOC00", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            foreach (string name in new[] { "Fingerprint", "Repetition", "Platform", "CostProfile" })
            {
                Assert.True(result.Properties.ContainsKey(name), $"{result.Rule} at {result.File}:{result.Line} has no {name}");
            }

            Assert.True(result.Message.Length <= 200, $"{result.Rule} message over 200 characters: {result.Message}");
        }

        Assert.Equal(results.Count, results.Select(r => r.Properties["Fingerprint"]).Distinct().Count());

        var reference = BuiltInProfiles.LinuxReference;
        var chunk = ManagedAllocationCosts.RepeatedArrayAllocation(1 << 20, reference);
        AssertExact(results, "ReadLoop.cs", 16, "ALLOC001", 1 << 20, chunk.BytesZeroed, chunk.Seconds, "loop-iteration", "linux", reference.Name);
        var builder = ManagedAllocationCosts.UninitializedArrayAllocation(128 * 1024, reference);
        AssertExact(results, "Batches.cs", 17, "ALLOC001", 128 * 1024, 0, builder.Seconds, "loop-iteration", "linux", reference.Name);
        AssertExact(results, "Copies.cs", 17, "ALLOC004", 65536, 65536, ManagedAllocationCosts.Clear(65536, reference).Seconds, "execution", "linux", reference.Name);
        double readRecord = ManagedAllocationCosts.RepeatedArrayAllocation(1 << 20, reference).Seconds - ManagedAllocationCosts.RepeatedArrayAllocation(16384, reference).Seconds;
        AssertExact(results, "Native.cs", 17, "ALLOC003", 1 << 20, (1 << 20) - 16384, readRecord, "call", "linux", reference.Name);
        var mac = BuiltInProfiles.MacOS2016Seed;
        var block = NativeAllocationCosts.RepeatedCallocFree(100L << 20, TargetPlatform.MacOS, mac,
            new SimulationOptions { MacOS = LibmallocConfig.Libmalloc116, MaxSteadyStateIterations = 2048 });
        AssertExact(results, "Native.cs", 38, "ALLOC007", 100L << 20, block.BytesZeroed, block.Seconds, "loop-iteration", "macos", mac.Name);
        // NativeMemory.Alloc(bytes): the size is not known at compile time, so there is no estimate.
        var table = Single(results, "Native.cs", 27, "ALLOC006");
        Assert.False(table.Properties.ContainsKey("EstimatedSeconds"));
        Assert.False(table.Properties.ContainsKey("Bytes"));
    }

    private static void AssertExact(List<Result> results, string file, int line, string rule, long bytes, long zeroed, double seconds, string repetition, string platform, string profile)
    {
        var p = Single(results, file, line, rule).Properties;
        Assert.Equal(bytes.ToString(CultureInfo.InvariantCulture), p["Bytes"]);
        Assert.Equal(zeroed.ToString(CultureInfo.InvariantCulture), p["BytesZeroed"]);
        Assert.Equal(seconds.ToString("R", CultureInfo.InvariantCulture), p["EstimatedSeconds"]);
        Assert.Equal(repetition, p["Repetition"]);
        Assert.Equal(platform, p["Platform"]);
        Assert.Equal(profile, p["CostProfile"]);
    }

    private static Result Single(List<Result> results, string file, int line, string rule) =>
        Assert.Single(results, r => r.File == file && r.Line == line && r.Rule == rule);

    private sealed record Result(string Rule, string File, int Line, string Message, Dictionary<string, string> Properties);

    private static Result Read(JsonElement result)
    {
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        string file = Path.GetFileName(new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath);
        int line = location.GetProperty("region").GetProperty("startLine").GetInt32();
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (result.TryGetProperty("properties", out var bag) && bag.TryGetProperty("customProperties", out var custom))
        {
            foreach (var property in custom.EnumerateObject()) properties[property.Name] = property.Value.GetString()!;
        }

        return new Result(result.GetProperty("ruleId").GetString()!, file, line, result.GetProperty("message").GetProperty("text").GetString()!, properties);
    }
}
