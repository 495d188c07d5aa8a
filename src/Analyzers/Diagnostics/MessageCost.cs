using System.Globalization;
using AllocAnalyzers.Runtime.Formatting;

namespace AllocAnalyzers.Diagnostics
{
    /// <summary>
    /// Durations for diagnostic messages. A memset of a few bytes would round to "0 ns", which reads
    /// as "free" (and as a computed zero); below half a nanosecond, two significant figures are kept.
    /// </summary>
    internal static class MessageCost
    {
        public static string Duration(double seconds) =>
            seconds > 0 && seconds < 0.5e-9
                ? (seconds * 1e9).ToString("G2", CultureInfo.InvariantCulture) + " ns"
                : CostFormat.Duration(seconds);
    }
}
