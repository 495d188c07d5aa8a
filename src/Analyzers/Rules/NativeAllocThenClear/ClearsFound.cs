using System.Collections.Generic;

namespace AllocAnalyzers.Rules.NativeAllocThenClear
{
    /// <summary>The clears one method body holds, collected by its operation actions for its block-end action.</summary>
    internal sealed class ClearsFound
    {
        private static readonly NativeClear[] None = new NativeClear[0];
        private readonly object _gate = new object();
        private List<NativeClear>? _clears;

        public void Add(NativeClear clear)
        {
            lock (_gate) (_clears ??= new List<NativeClear>()).Add(clear);
        }

        public IReadOnlyList<NativeClear> Snapshot()
        {
            lock (_gate) return _clears == null ? None : _clears.ToArray();
        }
    }
}
