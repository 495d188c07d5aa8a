using System.Collections.Generic;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// The positions one path search reached: a range of its start block, from the start on, and
    /// for every block entered at its top, the positions up to the first wall in it.
    /// </summary>
    internal sealed class Reachability
    {
        private readonly Position _start;
        private readonly int _startEnd;
        private readonly Dictionary<int, int> _topEnds;

        public Reachability(Position start, int startEnd, Dictionary<int, int> topEnds)
        {
            _start = start;
            _startEnd = startEnd;
            _topEnds = topEnds;
        }

        /// <summary>True when some searched path reaches <paramref name="position"/>.</summary>
        public bool Covers(Position position) =>
            (position.Block == _start.Block && position.Index >= _start.Index && position.Index <= _startEnd) || CoversFromTop(position);

        /// <summary>True when some searched path enters the position's block at its top and reaches the position.</summary>
        public bool CoversFromTop(Position position) =>
            _topEnds.TryGetValue(position.Block, out int end) && position.Index <= end;
    }
}
