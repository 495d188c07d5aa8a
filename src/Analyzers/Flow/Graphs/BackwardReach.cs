using System.Collections.Generic;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// The answer of a backward search (<see cref="PathSearch.Backward"/>): which positions can still
    /// reach one of the targets without going past a wall.
    /// </summary>
    internal sealed class BackwardReach
    {
        private readonly FlowGraphIndex _index;
        private readonly IReadOnlyList<Position> _targets;
        private readonly Walls _walls;
        private readonly BlockRange _range;
        private readonly HashSet<int> _top;

        public BackwardReach(FlowGraphIndex index, IReadOnlyList<Position> targets, Walls walls, BlockRange range, HashSet<int> top)
        {
            _index = index;
            _targets = targets;
            _walls = walls;
            _range = range;
            _top = top;
        }

        /// <summary>True when some path from the entry of the searched range reaches a target without a wall: no wall dominates the targets.</summary>
        public bool ReachedFromRangeEntry => _top.Contains(_range.First);

        /// <summary>True when some path from <paramref name="position"/> (itself included) reaches a target without going past a wall.</summary>
        public bool Reaches(Position position)
        {
            foreach (var target in _targets)
            {
                if (target.Block != position.Block || target.Index < position.Index) continue;
                int? wall = _walls.FirstAfter(position.Block, position.Index);
                if (wall == null || wall >= target.Index) return true;
            }

            return LeavesTowardTargets(position);
        }

        /// <summary>True when a path leaving the position's block after it (normally, or by an exception) enters a block from whose top a target is reached.</summary>
        public bool LeavesTowardTargets(Position position)
        {
            var edges = _index.Edges;
            if (_walls.FirstAfter(position.Block, position.Index) == null)
            {
                foreach (int successor in edges.Normal(position.Block))
                {
                    if (_range.Contains(successor) && _top.Contains(successor)) return true;
                }
            }

            foreach (int handler in edges.Handlers(position.Block))
            {
                if (_range.Contains(handler) && _top.Contains(handler)) return true;
            }

            return false;
        }
    }
}
