using System.Collections.Generic;
using System.Threading;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// Which blocks can run more than once per call: those in a strongly connected component of more
    /// than one block, or with an edge to themselves (normal edges only). Tarjan's algorithm, run
    /// iteratively so that a long method cannot overflow the stack; linear in blocks and edges —
    /// once per graph instead of one search per allocation.
    /// </summary>
    internal static class CycleFinder
    {
        public static bool[] BlocksOnCycles(FlowEdges edges, CancellationToken cancellationToken)
        {
            int count = edges.BlockCount;
            var index = new int[count];
            var lowLink = new int[count];
            var onStack = new bool[count];
            var onCycle = new bool[count];
            for (int i = 0; i < count; i++) index[i] = -1;
            var component = new Stack<int>();
            var work = new Stack<(int Block, int NextEdge)>();
            int counter = 0;

            for (int start = 0; start < count; start++)
            {
                if (index[start] >= 0) continue;
                work.Push((start, 0));
                while (work.Count > 0)
                {
                    var (block, next) = work.Pop();
                    if (next == 0)
                    {
                        if ((counter & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
                        index[block] = lowLink[block] = counter++;
                        component.Push(block);
                        onStack[block] = true;
                    }

                    var successors = edges.Normal(block);
                    if (next > 0)
                    {
                        int child = successors[next - 1];
                        if (lowLink[child] < lowLink[block]) lowLink[block] = lowLink[child];
                    }

                    bool descended = false;
                    for (int e = next; e < successors.Count; e++)
                    {
                        int successor = successors[e];
                        if (successor == block) onCycle[block] = true;
                        if (index[successor] < 0)
                        {
                            work.Push((block, e + 1));
                            work.Push((successor, 0));
                            descended = true;
                            break;
                        }

                        if (onStack[successor] && index[successor] < lowLink[block]) lowLink[block] = index[successor];
                    }

                    if (descended || lowLink[block] != index[block]) continue;
                    int popped, size = 0;
                    var members = new List<int>();
                    do
                    {
                        popped = component.Pop();
                        onStack[popped] = false;
                        members.Add(popped);
                        size++;
                    }
                    while (popped != block);

                    if (size > 1)
                    {
                        foreach (int member in members) onCycle[member] = true;
                    }
                }
            }

            return onCycle;
        }
    }
}
