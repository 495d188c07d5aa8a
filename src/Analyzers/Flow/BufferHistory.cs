using System.Collections.Generic;
using System.Linq;
using AllocAnalyzers.Operations;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// The answer of <see cref="BufferFlowView"/> for one point of a method: what may have happened
    /// to the tracked buffer on the paths from its allocation to that point. Every "may" is
    /// conservative: when the view cannot see, it answers that anything may have happened.
    /// </summary>
    internal sealed class BufferHistory
    {
        internal static readonly BufferHistory Unknowable = new BufferHistory(false, false, true, new BufferUse[0]);

        internal BufferHistory(bool isKnown, bool allocationDominates, bool mayRepeat, IReadOnlyList<BufferUse> touches)
        {
            IsKnown = isKnown;
            AllocationDominates = allocationDominates;
            MayRepeat = mayRepeat;
            Touches = touches;
            Access = touches.Aggregate(BufferAccess.None, (all, t) => all | t.Access);
        }

        /// <summary>False when the view could not follow the buffer (not held in a local, captured, the point is in another function).</summary>
        public bool IsKnown { get; }

        /// <summary>True when every path from the method's entry to the point passes the allocation: the holding local surely holds this buffer.</summary>
        public bool AllocationDominates { get; }

        /// <summary>True when the point can run again without the allocation running first (a loop that reuses the buffer).</summary>
        public bool MayRepeat { get; }

        /// <summary>The uses of the buffer on some path from the allocation to the point (the point's own operation excluded).</summary>
        public IReadOnlyList<BufferUse> Touches { get; }

        /// <summary>The union of what <see cref="Touches"/> may do.</summary>
        public BufferAccess Access { get; }

        /// <summary>True unless the buffer provably arrives at the point untouched, straight from its allocation.</summary>
        public bool MayBeWritten => !IsKnown || !AllocationDominates || MayRepeat || (Access & BufferAccess.Write) != 0;

        /// <summary>True unless no path from the allocation to the point can read the buffer.</summary>
        public bool MayBeRead => !IsKnown || !AllocationDominates || MayRepeat || (Access & BufferAccess.Read) != 0;

        /// <summary>The buffer arrives at the point exactly as allocated, and nothing even looked at its contents on the way.</summary>
        public bool IsUntouched => !MayBeWritten && !MayBeRead;
    }
}
