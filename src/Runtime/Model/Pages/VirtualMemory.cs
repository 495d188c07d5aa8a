using System;
using System.Collections.Generic;

namespace AllocAnalyzers.Runtime.Model.Pages
{
    /// <summary>
    /// A per-process virtual memory model with 4 KiB pages. Anonymous mappings are demand-zero:
    /// nothing is resident until touched. A first write faults in a private page the kernel zeroes
    /// (Linux mm/memory.c do_anonymous_page; Windows serves it from the zero-page list); a first read
    /// maps the shared zero page (copy on write, not resident, nothing zeroed). Unmapping or
    /// decommitting returns pages to the demand-zero state.
    /// </summary>
    public sealed class VirtualMemory
    {
        /// <summary>Base page size on x86-64 Linux and Windows, and Intel macOS (Apple silicon uses 16 KiB).</summary>
        public const long PageSize = 4096;

        private readonly Dictionary<int, Mapping> _mappings = new Dictionary<int, Mapping>();
        private int _nextId = 1;

        /// <summary>Pages holding private data now.</summary>
        public long ResidentPages { get; private set; }

        /// <summary>The most pages ever resident at once.</summary>
        public long PeakResidentPages { get; private set; }

        public long ResidentBytes => ResidentPages * PageSize;
        public long PeakResidentBytes => PeakResidentPages * PageSize;

        /// <summary>Live mappings.</summary>
        public int MappingCount => _mappings.Count;

        public static long RoundUpToPage(long bytes) => checked((bytes + PageSize - 1) / PageSize * PageSize);

        /// <summary>Creates an anonymous, demand-zero mapping of at least <paramref name="bytes"/>.</summary>
        public int Map(long bytes)
        {
            if (bytes < 0) throw new ArgumentOutOfRangeException(nameof(bytes));
            int id = _nextId++;
            _mappings.Add(id, new Mapping(RoundUpToPage(bytes)));
            return id;
        }

        public long LengthOf(int id) => Get(id).Length;

        /// <summary>Grows or shrinks a mapping in place (brk/sbrk); pages cut off are released. Returns pages released.</summary>
        public long Resize(int id, long bytes)
        {
            var m = Get(id);
            long newLength = RoundUpToPage(bytes);
            long released = 0;
            if (newLength < m.Length) released = Release(m, newLength / PageSize, m.Length / PageSize);
            m.Length = newLength;
            return released;
        }

        /// <summary>Removes a mapping (munmap / VirtualFree(MEM_RELEASE)); returns the resident pages released.</summary>
        public long Unmap(int id)
        {
            var m = Get(id);
            long released = Release(m, 0, m.Length / PageSize);
            _mappings.Remove(id);
            return released;
        }

        /// <summary>Writes bytes [offset, offset+length): returns the write faults (pages the kernel had to zero).</summary>
        public long Write(int id, long offset, long length)
        {
            var m = Get(id);
            var (first, end) = Pages(m, offset, length);
            long faults = m.Written.Add(first, end);
            m.Mapped.Add(first, end);
            ResidentPages += faults;
            if (ResidentPages > PeakResidentPages) PeakResidentPages = ResidentPages;
            return faults;
        }

        /// <summary>Reads bytes [offset, offset+length): returns the read faults that mapped the shared zero page.</summary>
        public long Read(int id, long offset, long length)
        {
            var m = Get(id);
            var (first, end) = Pages(m, offset, length);
            return m.Mapped.Add(first, end);
        }

        /// <summary>Resident pages within [offset, offset+length).</summary>
        public long ResidentPagesIn(int id, long offset, long length)
        {
            var m = Get(id);
            var (first, end) = Pages(m, offset, length);
            return m.Written.Covered(first, end);
        }

        /// <summary>
        /// Gives pages back while keeping the mapping (madvise(MADV_DONTNEED), VirtualFree(MEM_DECOMMIT)):
        /// they read as zero again and fault on the next write. Only whole pages inside the range are released.
        /// </summary>
        public long Decommit(int id, long offset, long length)
        {
            var m = Get(id);
            long first = (offset + PageSize - 1) / PageSize;
            long end = Math.Min(m.Length, offset + length) / PageSize;
            return end > first ? Release(m, first, end) : 0;
        }

        private long Release(Mapping m, long firstPage, long endPage)
        {
            long released = m.Written.Remove(firstPage, endPage);
            m.Mapped.Remove(firstPage, endPage);
            ResidentPages -= released;
            return released;
        }

        private static (long First, long End) Pages(Mapping m, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > m.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "access [" + offset + ", " + (offset + length) + ") outside a mapping of " + m.Length + " bytes");
            }

            return (offset / PageSize, (offset + length + PageSize - 1) / PageSize);
        }

        private Mapping Get(int id) =>
            _mappings.TryGetValue(id, out var m) ? m : throw new InvalidOperationException("no mapping " + id);

        private sealed class Mapping
        {
            public Mapping(long length) => Length = length;

            public long Length { get; set; }

            /// <summary>Pages with private, resident data.</summary>
            public PageSet Written { get; } = new PageSet();

            /// <summary>Pages with a page-table entry: written pages plus those a read mapped to the shared zero page.</summary>
            public PageSet Mapped { get; } = new PageSet();
        }
    }
}
