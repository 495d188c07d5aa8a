using System;
using System.Collections.Generic;

namespace AllocAnalyzers.Runtime.Model.Pages
{
    /// <summary>
    /// A set of page numbers kept as sorted, disjoint half-open runs, so that touching or releasing
    /// a 100 MiB block costs a few list operations instead of 25,600 bit flips.
    /// </summary>
    internal sealed class PageSet
    {
        private readonly List<Run> _runs = new List<Run>();

        public long Count { get; private set; }

        /// <summary>Adds pages [start, end); returns how many were not in the set before.</summary>
        public long Add(long start, long end)
        {
            if (end <= start) return 0;
            long covered = Covered(start, end);
            int i = FirstRunEndingAtOrAfter(start);
            long newStart = start, newEnd = end;
            int removeFrom = i, removeCount = 0;
            while (i < _runs.Count && _runs[i].Start <= end)
            {
                newStart = Math.Min(newStart, _runs[i].Start);
                newEnd = Math.Max(newEnd, _runs[i].End);
                removeCount++;
                i++;
            }

            _runs.RemoveRange(removeFrom, removeCount);
            _runs.Insert(removeFrom, new Run(newStart, newEnd));
            long added = (end - start) - covered;
            Count += added;
            return added;
        }

        /// <summary>Removes pages [start, end); returns how many were in the set.</summary>
        public long Remove(long start, long end)
        {
            if (end <= start) return 0;
            long removed = Covered(start, end);
            if (removed == 0) return 0;
            var kept = new List<Run>();
            int i = FirstRunEndingAtOrAfter(start);
            int first = i, count = 0;
            while (i < _runs.Count && _runs[i].Start < end)
            {
                var r = _runs[i];
                if (r.Start < start) kept.Add(new Run(r.Start, start));
                if (r.End > end) kept.Add(new Run(end, r.End));
                count++;
                i++;
            }

            _runs.RemoveRange(first, count);
            _runs.InsertRange(first, kept);
            Count -= removed;
            return removed;
        }

        /// <summary>How many pages of [start, end) are in the set.</summary>
        public long Covered(long start, long end)
        {
            long total = 0;
            for (int i = FirstRunEndingAtOrAfter(start); i < _runs.Count && _runs[i].Start < end; i++)
            {
                total += Math.Min(end, _runs[i].End) - Math.Max(start, _runs[i].Start);
            }

            return Math.Max(0, total);
        }

        private int FirstRunEndingAtOrAfter(long page)
        {
            int lo = 0, hi = _runs.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (_runs[mid].End < page) lo = mid + 1;
                else hi = mid;
            }

            return lo;
        }

        private readonly struct Run
        {
            public Run(long start, long end)
            {
                Start = start;
                End = end;
            }

            public long Start { get; }
            public long End { get; }
        }
    }
}
