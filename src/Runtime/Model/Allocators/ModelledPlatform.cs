using System;
using System.Collections.Generic;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>One row of <see cref="AllocatorCatalog"/>: a platform the model simulates, the names that select it, and its C allocator.</summary>
    public sealed class ModelledPlatform
    {
        private readonly Func<SimulationContext, SimulationOptions, INativeAllocator> _createAllocator;

        internal ModelledPlatform(TargetPlatform platform, string name, string[] aliases, string displayName,
            Func<SimulationContext, SimulationOptions, INativeAllocator> createAllocator)
        {
            Platform = platform;
            Name = name;
            Aliases = aliases;
            DisplayName = displayName;
            _createAllocator = createAllocator;
        }

        public TargetPlatform Platform { get; }

        /// <summary>The canonical name, as options and messages write it.</summary>
        public string Name { get; }

        /// <summary>Other names accepted for the same platform.</summary>
        public IReadOnlyList<string> Aliases { get; }

        /// <summary>The name in prose ("macOS").</summary>
        public string DisplayName { get; }

        /// <summary>True when <paramref name="text"/> is the name or an alias, ignoring case and surrounding space.</summary>
        public bool IsNamed(string text) => AllocatorCatalog.Matches(text, Name, Aliases);

        /// <summary>The allocator that serves malloc/calloc/free on this platform, in the variant the options choose.</summary>
        internal INativeAllocator CreateAllocator(SimulationContext context, SimulationOptions options) => _createAllocator(context, options);
    }
}
