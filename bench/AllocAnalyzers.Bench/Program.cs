using AllocAnalyzers.Bench.Validation;
using BenchmarkDotNet.Running;

// Benchmarks for AllocAnalyzers. Each benchmark class reports its goal as a ratio against a
// baseline measured in the same run. Run: dotnet run -c Release --project bench/AllocAnalyzers.Bench -- --filter '*'
// The address map's retained memory against the dictionaries: ... -- map-memory
// The model's validation table (not BenchmarkDotNet): dotnet run -c Release --project bench/AllocAnalyzers.Bench -- validate [--quick]
if (args.Length > 0 && args[0] == AllocAnalyzers.Tool.Calibration.FreshProcess.Verb)
{
    return AllocAnalyzers.Tool.Calibration.FreshProcess.RunChild(args);
}

if (args.Length > 0 && args[0] == PinnedThresholdChild.Verb)
{
    return PinnedThresholdChild.Run(quick: args.Contains("--quick"));
}

if (args.Length > 0 && args[0] == AllocAnalyzers.Bench.AddressMapMemoryReport.Verb)
{
    return AllocAnalyzers.Bench.AddressMapMemoryReport.Run();
}

if (args.Length > 0 && args[0] == "validate")
{
    return ValidationRun.Run(quick: args.Contains("--quick"));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
