using System;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// What one use of a tracked buffer may do to its contents. <see cref="Unknown"/> includes both
    /// <see cref="Read"/> and <see cref="Write"/> bits, so that "may it write?" is always a bit test.
    /// </summary>
    [Flags]
    internal enum BufferAccess
    {
        /// <summary>Does not touch the contents: <c>b.Length</c>, <c>b == null</c>, binding a view to a local.</summary>
        None = 0,

        /// <summary>Reads elements: <c>x = b[i]</c>, <c>s.CopyTo(other)</c>.</summary>
        Read = 1,

        /// <summary>Writes elements: <c>b[i] = x</c>, <c>s.Clear()</c>, <c>*p = x</c>.</summary>
        Write = 2,

        /// <summary>Anything the view cannot see through: a call that receives the buffer, a ref, a pointer, a rebinding.</summary>
        Unknown = Read | Write | 4,
    }
}
