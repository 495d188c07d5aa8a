using BenchmarkDotNet.Running;

// Benchmarks for AllocAnalyzers. Each benchmark class reports its goal as a ratio against a
// baseline measured in the same run. Run: dotnet run -c Release --project bench/AllocAnalyzers.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
