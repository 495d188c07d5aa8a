using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Flow
{
    /// <summary>One place where a method uses a tracked buffer, and what that use may do to its contents.</summary>
    internal sealed class BufferTouch
    {
        public BufferTouch(IOperation reference, IOperation use, BufferAccess access)
        {
            Reference = reference;
            Use = use;
            Access = access;
        }

        /// <summary>The reference to a holding local (the control-flow graph's copy).</summary>
        public IOperation Reference { get; }

        /// <summary>The outermost operation the classification looked at (<c>b[i] = x</c>, <c>s.Clear()</c>, the call receiving <c>b</c>).</summary>
        public IOperation Use { get; }

        public BufferAccess Access { get; }

        public override string ToString() => Access + ": " + Use.Syntax;
    }
}
