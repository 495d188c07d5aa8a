namespace AllocAnalyzers.Bench;

/// <summary>
/// The retained-memory columns of <see cref="AddressMapBenchmarks"/> alone, with the ratios against
/// the address map: memory does not depend on the machine's load, so it needs no BenchmarkDotNet run.
/// Run: dotnet run -c Release --project bench/AllocAnalyzers.Bench -- map-memory
/// </summary>
public static class AddressMapMemoryReport
{
    public const string Verb = "map-memory";

    public static int Run()
    {
        string[] candidates = [AddressMapCandidates.GoMap, AddressMapCandidates.LockedDictionary, AddressMapCandidates.Dictionary, AddressMapCandidates.Concurrent];
        Console.WriteLine($"{"Pattern",-10} {"Map",-22} {"B/entry",10} {"B/MiB",10} {"÷ map",8}");
        foreach (var pattern in Enum.GetValues<AddressPattern>())
        {
            var mapBytes = AddressMapMemoryColumns.Retained(AddressMapCandidates.GoMap, pattern);
            var mib = AddressMapStreams.Create(pattern).LiveWindowMiB();
            foreach (var candidate in candidates)
            {
                var bytes = AddressMapMemoryColumns.Retained(candidate, pattern);
                Console.WriteLine($"{pattern,-10} {candidate,-22} {(double)bytes / AddressMapStreams.LiveWindow,10:F1} {bytes / mib,10:N0} {(double)bytes / mapBytes,7:F2}x");
            }
        }

        return 0;
    }
}
