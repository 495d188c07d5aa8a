using System;
using System.Collections.Concurrent;
using System.Linq;
using AllocAnalyzers.Configuration;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Flow;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Runtime;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Runtime.Model.Pages;
using AllocAnalyzers.Runtime.Model.Simulation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Rules.PlatformAllocatorPathology
{
    /// <summary>
    /// ALLOC007: a zeroed native block (<c>NativeMemory.AllocZeroed</c>, <c>calloc</c>) freed and
    /// allocated again on every loop iteration, at a size where the Runtime model says a targeted
    /// platform's allocator zero-fills the whole block each time: macOS libmalloc serving it from its
    /// large-block cache (bzero on every cache hit), glibc reusing a freed chunk below its dynamic mmap
    /// threshold (memset). The verdict and the figures come from the model, per platform.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PlatformAllocatorPathologyAnalyzer : AllocAnalyzer
    {
        public const string MinBytesOption = "min_bytes";

        /// <summary>
        /// Default smallest block considered: 127 KiB, libmalloc's LARGE_THRESHOLD_LARGEMEM in the
        /// version the calloc story analysed. Below it, every allocator serves calloc from free lists
        /// and clears the block: that is the ordinary price of small zeroed memory, not a pathology.
        /// </summary>
        public const long DefaultMinBytes = 127 * 1024;

        /// <summary>Diagnostic property: "true" when the model says every targeted platform already zeroes the whole block each iteration.</summary>
        public const string FullyZeroedEverywhereProperty = "FullyZeroedEverywhere";

        /// <summary>Diagnostic property: the block size in bytes (the common <see cref="DiagnosticProperties.Bytes"/>).</summary>
        public const string BytesProperty = DiagnosticProperties.Bytes;

        /// <summary>Diagnostic property: the targeted platforms whose allocator re-zeroes the block, worst first ("macos,linux").</summary>
        public const string ZeroingPlatformsProperty = "ZeroingPlatforms";

        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Performance(
            RuleIds.PlatformAllocatorPathology,
            title: "Zeroed native block freed and allocated again in a loop is re-zeroed by the platform allocator",
            messageFormat: PlatformAllocatorPathologyReport.MessageFormat,
            description: "calloc (NativeMemory.AllocZeroed) of a large block is normally cheap: fresh pages from the OS are already zero. But once the block has been freed, some allocators hand the same memory back and must clear it: macOS libmalloc serves blocks from about 127 KB up to 128 MiB (version- and memory-dependent) from its large-block cache and bzeroes them; glibc reuses freed chunks between 128 KiB and 32 MiB and memsets them. Allocate the block once before the loop, free it after, and clear only what each iteration needs. The message names the platform where the model prices the re-zeroing highest first, then the other targeted platforms that re-zero it; the figures in the diagnostic's properties are the worst platform's (docs/diagnostic-properties.md). Targets come from alloc_analyzers.target_platforms or the RuntimeIdentifier(s); the smallest size considered is dotnet_code_quality.ALLOC007.min_bytes.");

        private static readonly ByteOption MinBytes = new ByteOption(RuleIds.PlatformAllocatorPathology, MinBytesOption, DefaultMinBytes);

        public PlatformAllocatorPathologyAnalyzer()
            : base(Rule)
        {
        }

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
        {
            if (session.Types.NativeMemory == null && session.Types.DllImportAttribute == null) return;
            var targets = new Lazy<TargetPlatforms>(() => TargetPlatforms.Read(session.Configuration));
            var macOS = new Lazy<MacOSAllocatorSetting>(() => MacOSAllocatorSetting.Read(session.Configuration));
            var options = new Lazy<SimulationOptions>(() => new SimulationOptions { MacOS = macOS.Value.Config, MaxSteadyStateIterations = SimulationOptions.AnalyzerSteadyStateIterations });
            var estimates = new ConcurrentDictionary<(long, TargetPlatform), CostEstimate>();
            // Invalid project-wide settings (target platforms, macOS allocator) are reported with the others, by the SettingsAnalyzer.
            MinBytes.ValidateEveryTree(context, session);
            context.RegisterOperationAction(c => Analyze(c, session, targets.Value, options.Value, estimates), OperationKind.Invocation);
        }

        private static void Analyze(OperationAnalysisContext context, AnalysisSession session, TargetPlatforms targets, SimulationOptions options, ConcurrentDictionary<(long, TargetPlatform), CostEstimate> cache)
        {
            // The loop first: a walk up the syntax, where recognizing the call compares symbols and may
            // read a method's attributes, for every call in the compilation.
            var loop = LoopSyntax.InnermostLoop(context.Operation.Syntax);
            if (loop == null) return;
            var allocation = BufferRecognizer.Recognize(context.Operation, session.Types);
            if (allocation == null || !allocation.IsNative || !allocation.Zeroed || allocation.Bytes == null || targets.Platforms.Count == 0) return;
            long bytes = allocation.Bytes.Value;
            if (bytes < MinBytes.Read(session, context.Operation.Syntax.SyntaxTree)) return;

            if (!IsFreedInLoop(allocation, loop, session.Types)) return;
            if (!RepeatedExecution.RunsRepeatedly(context.GetControlFlowGraph(), context.Operation, context.CancellationToken)) return;

            var perPlatform = targets.Platforms
                .Select(p => (Platform: p, Estimate: cache.GetOrAdd((bytes, p), key => NativeAllocationCosts.RepeatedCallocFree(key.Item1, key.Item2, BuiltInProfiles.For(key.Item2), options))))
                .ToList();
            var zeroing = perPlatform.Where(e => ZeroesWholeBlock(e.Estimate, bytes)).Select(e => e.Platform).ToList();
            if (zeroing.Count == 0) return;

            context.ReportDiagnostic(PlatformAllocatorPathologyReport.Create(
                context.Operation, bytes, perPlatform.Where(e => zeroing.Contains(e.Platform)).ToList(), everywhere: zeroing.Count == perPlatform.Count, session));
        }

        /// <summary>The model's verdict: the block is cleared in full (page rounding aside) on every iteration.</summary>
        private static bool ZeroesWholeBlock(CostEstimate estimate, long bytes) => estimate.BytesZeroed >= bytes - VirtualMemory.PageSize;

        /// <summary>
        /// The block is held in a local and freed, through that local, inside the same loop: only then
        /// does the next iteration's allocation find the freed block in the allocator's cache.
        /// </summary>
        private static bool IsFreedInLoop(BufferAllocation allocation, SyntaxNode loop, WellKnownTypes types)
        {
            var local = BufferLocals.Receiver(allocation.Operation);
            if (local == null) return false;
            foreach (var reference in BufferLocals.References(allocation.Operation, local))
            {
                if (!loop.Span.Contains(reference.Syntax.Span)) continue;
                var call = reference.ParentSkippingConversions(out _) is IArgumentOperation argument ? argument.Parent : null;
                if (call != null && NativeFrees.FreedPointer(call, types) == reference) return true;
            }

            return false;
        }
    }
}
