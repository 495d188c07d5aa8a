using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Summaries
{
    /// <summary>What makes a function run repeatedly although the code in it has no loop.</summary>
    internal enum RepetitionCause
    {
        /// <summary>A call to it (directly or through other methods) sits in a loop of another function.</summary>
        CalledInLoop,

        /// <summary>It overrides or implements a member that callers run in loops (a stream's Read, an enumerator's MoveNext).</summary>
        Contract,

        /// <summary>It is a delegate an API runs once per item (Parallel.For, a LINQ operator).</summary>
        PerItemDelegate,
    }

    /// <summary>
    /// Why a function runs repeatedly, with what a message needs to name it: the chain of calls from
    /// the function to the code that repeats it, and where that code is. Produced by
    /// <see cref="RepetitionSearch"/>.
    /// </summary>
    internal sealed class RepeatedBy
    {
        public RepeatedBy(RepetitionCause cause, ImmutableArray<string> chain, string origin, Location? site)
        {
            Cause = cause;
            Chain = chain;
            Origin = origin;
            Site = site;
        }

        public RepetitionCause Cause { get; }

        /// <summary>The function that allocates, then each caller up to (not including) <see cref="Origin"/>; "the lambda" for an anonymous function.</summary>
        public ImmutableArray<string> Chain { get; }

        /// <summary>The function whose loop repeats the chain, the framework member overridden, or the API that runs the delegate.</summary>
        public string Origin { get; }

        /// <summary>The loop (or the API call) that repeats the chain; null for a contract, which no source line shows.</summary>
        public Location? Site { get; }

        /// <summary>"ChunkReader.cs:35", or null.</summary>
        public string? Place
        {
            get
            {
                if (Site == null) return null;
                var span = Site.GetLineSpan();
                return span.IsValid ? FileName(span.Path) + ":" + (span.StartLinePosition.Line + 1) : null;
            }
        }

        /// <summary>The stable property value naming the cause (docs/diagnostic-properties.md).</summary>
        public string CauseName => Cause switch
        {
            RepetitionCause.CalledInLoop => "called-in-loop",
            RepetitionCause.Contract => "contract",
            _ => "per-item-delegate",
        };

        /// <summary>
        /// "on every call of ReadChunk from the loop in Download (ChunkReader.cs:35)":
        /// what one occurrence is and where its repetition comes from, for a message.
        /// </summary>
        public string Phrase
        {
            get
            {
                string first = Chain[0];
                string subject = first == LambdaName ? "on every run of " + first : "on every call of " + first;
                string through = Chain.Length > 1 ? ", through " + string.Join(", ", Chain.RemoveAt(0)) + "," : string.Empty;
                string place = Place == null ? string.Empty : " (" + Place + ")";
                switch (Cause)
                {
                    case RepetitionCause.CalledInLoop:
                        return subject + through + " from the loop in " + Origin + place;
                    case RepetitionCause.Contract:
                        return subject + through + (through.Length == 0 ? ", an override of " : " an override of ") + Origin + " that callers run in loops";
                    default:
                        return subject + through + (through.Length == 0 ? ", which " : " which ") + Origin + " runs per item" + place;
                }
            }
        }

        /// <summary>How an anonymous function is named in a chain.</summary>
        public const string LambdaName = "the lambda";

        private static string FileName(string path)
        {
            int slash = System.Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
