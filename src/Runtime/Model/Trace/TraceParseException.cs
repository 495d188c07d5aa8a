using System;

namespace AllocAnalyzers.Runtime.Model.Trace
{
    /// <summary>A malformed trace or size, with the 0-based character position of the problem.</summary>
    public sealed class TraceParseException : Exception
    {
        public TraceParseException(string message, int position)
            : base(message + " (at character " + (position + 1) + ")")
        {
            Reason = message;
            Position = position;
        }

        /// <summary>The message without the position.</summary>
        public string Reason { get; }

        public int Position { get; }
    }
}
