using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    internal enum BufferUseKind
    {
        /// <summary>Passed to a native call; <see cref="BufferUse.Extent"/> is its length argument when provable.</summary>
        NativeCall,

        /// <summary>Handed to <c>NativeMemory.Free</c>, <c>Marshal.FreeHGlobal</c> or <c>free</c>.</summary>
        Freed,

        /// <summary>Passed to a managed method that borrows it for the call (array, pointer, span parameter).</summary>
        Borrowed,

        /// <summary>A span over part of it: <c>new Span&lt;T&gt;(p, n)</c>, <c>AsSpan(start, n)</c>.</summary>
        View,

        /// <summary>One element read or written: <c>buffer[i]</c>, <c>p[i]</c>, <c>*p</c>.</summary>
        Element,

        /// <summary><c>buffer.Length</c> / <c>LongLength</c>: the value depends on the allocated size.</summary>
        Length,

        /// <summary>Anything else: stored, returned, captured, converted into something untracked.</summary>
        Other,
    }

    /// <summary>
    /// One use of a buffer, as the one classifier (<see cref="BufferUseClassifier"/>) sees it: what kind of
    /// operation receives it and how far into it that operation can reach (<see cref="Kind"/>,
    /// <see cref="Extent"/>: the interop and hoisting rules), and what the use may do to the contents
    /// (<see cref="Access"/>: the flow view's read and write questions).
    /// </summary>
    internal sealed class BufferUse
    {
        public BufferUse(IOperation reference, BufferUseKind kind, IOperation operation, long? extent, IArgumentOperation? argument, BufferAccess access, IOperation finalUse)
        {
            Reference = reference;
            Kind = kind;
            Operation = operation;
            Extent = extent;
            Argument = argument;
            Access = access;
            FinalUse = finalUse;
        }

        /// <summary>The reference to the buffer (a holding local, or the allocation itself when it is passed on directly).</summary>
        public IOperation Reference { get; }

        public BufferUseKind Kind { get; }

        /// <summary>The call, creation or access that first receives the buffer.</summary>
        public IOperation Operation { get; }

        /// <summary>Bytes from the start of the buffer this use can touch, or null when not provable.</summary>
        public long? Extent { get; }

        /// <summary>For calls and creations: the argument that passes the buffer.</summary>
        public IArgumentOperation? Argument { get; }

        /// <summary>What the use may do to the contents, followed through views to the operation that finally uses them.</summary>
        public BufferAccess Access { get; }

        /// <summary>The outermost operation the access was decided at (<c>b[i] = x</c>, <c>s.Clear()</c>, the call receiving <c>b</c>).</summary>
        public IOperation FinalUse { get; }

        public override string ToString() => Access + ": " + FinalUse.Syntax;
    }
}
