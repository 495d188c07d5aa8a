using System.Collections.Generic;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// Positions where a path search stops: the allocation itself (running it again makes a new
    /// buffer, so later uses see fresh memory) and, for some questions, the operation that ends the
    /// question (a complete overwrite). The operations at a wall's own position are still reached.
    /// </summary>
    internal sealed class Walls
    {
        private readonly Dictionary<int, List<int>> _byBlock = new Dictionary<int, List<int>>();

        public Walls(Position first) => Add(first);

        public void Add(Position position)
        {
            if (!_byBlock.TryGetValue(position.Block, out var list)) _byBlock[position.Block] = list = new List<int>();
            list.Add(position.Index);
        }

        /// <summary>The first wall in <paramref name="block"/> strictly after <paramref name="index"/>, or null.</summary>
        public int? FirstAfter(int block, int index)
        {
            if (!_byBlock.TryGetValue(block, out var list)) return null;
            int? first = null;
            foreach (int wall in list)
            {
                if (wall > index && (first == null || wall < first)) first = wall;
            }

            return first;
        }
    }
}
