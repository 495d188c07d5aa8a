namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// A point of a control-flow graph: a block and the index of one of its root operations (the
    /// block's branch value, if any, comes after its operations). Operations nested in the same root
    /// share its position: the view treats them as happening together, which is conservative.
    /// </summary>
    internal readonly struct Position
    {
        public Position(int block, int index)
        {
            Block = block;
            Index = index;
        }

        /// <summary>Just before the first operation of the entry block.</summary>
        public static Position Entry => new Position(0, -1);

        public int Block { get; }
        public int Index { get; }

        public override string ToString() => "B" + Block + "#" + Index;
    }
}
