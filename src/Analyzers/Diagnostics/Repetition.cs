using AllocAnalyzers.Runtime.Formatting;

namespace AllocAnalyzers.Diagnostics
{
    /// <summary>What one occurrence of a finding is, so that a per-occurrence cost can be read correctly.</summary>
    internal enum Repetition
    {
        /// <summary>Every iteration of the enclosing loop.</summary>
        LoopIteration,

        /// <summary>Every call of the enclosing method.</summary>
        Call,

        /// <summary>Every time the flagged code runs.</summary>
        Execution,

        /// <summary>Every allocation a profile measured at the line: the repetition is the profile's evidence, not a proof.</summary>
        MeasuredAllocation,
    }

    internal static class RepetitionNames
    {
        /// <summary>The stable property value (docs/diagnostic-properties.md).</summary>
        public static string Name(this Repetition repetition) => repetition switch
        {
            Repetition.LoopIteration => RepetitionValues.LoopIteration,
            Repetition.Call => RepetitionValues.Call,
            Repetition.MeasuredAllocation => RepetitionValues.MeasuredAllocation,
            _ => RepetitionValues.Execution,
        };
    }
}
