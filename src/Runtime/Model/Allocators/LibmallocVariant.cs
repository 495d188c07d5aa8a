using System.Collections.Generic;

namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>One row of <see cref="AllocatorCatalog"/>: a libmalloc version and machine class, the names that select it, and what it stands for.</summary>
    public sealed class LibmallocVariant
    {
        internal LibmallocVariant(string name, string[] aliases, LibmallocConfig config, string description)
        {
            Name = name;
            Aliases = aliases;
            Config = config;
            Description = description;
        }

        /// <summary>The canonical name, as options and messages write it.</summary>
        public string Name { get; }

        /// <summary>Other names accepted for the same variant.</summary>
        public IReadOnlyList<string> Aliases { get; }

        public LibmallocConfig Config { get; }

        /// <summary>Which Macs run it, for help texts.</summary>
        public string Description { get; }

        /// <summary>True when <paramref name="text"/> is the name or an alias, ignoring case and surrounding space.</summary>
        public bool IsNamed(string text) => AllocatorCatalog.Matches(text, Name, Aliases);
    }
}
