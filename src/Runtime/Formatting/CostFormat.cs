using System;
using System.Globalization;

namespace AllocAnalyzers.Runtime.Formatting
{
    /// <summary>Formats sizes and durations for diagnostics and reports, culture-independently.</summary>
    public static class CostFormat
    {
        private static readonly string[] BinaryUnits = { "bytes", "KiB", "MiB", "GiB", "TiB" };

        /// <summary>"1 MiB", "83 KiB", "85,000 bytes": exact byte counts below 1 KiB, else binary units with up to one decimal.</summary>
        public static string Bytes(long bytes)
        {
            if (bytes < 0) return "-" + Bytes(-bytes);
            if (bytes < 1024) return bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
            double value = bytes;
            int unit = 0;
            while (value >= 1024 && unit < BinaryUnits.Length - 1)
            {
                value /= 1024;
                unit++;
            }

            return value.ToString(value >= 100 || value == Math.Floor(value) ? "0" : "0.#", CultureInfo.InvariantCulture) + " " + BinaryUnits[unit];
        }

        /// <summary>"10,000": a count with thousands separators.</summary>
        public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

        /// <summary>"85,000 bytes (83 KiB)" — the exact count first, then the rounded unit.</summary>
        public static string BytesExact(long bytes) =>
            bytes < 1024 ? Bytes(bytes) : bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes (" + Bytes(bytes) + ")";

        /// <summary>"37 µs", "1.2 ms", "8.3 min": two significant figures in the largest fitting unit.</summary>
        public static string Duration(double seconds)
        {
            if (double.IsNaN(seconds) || double.IsInfinity(seconds)) return "unknown time";
            if (seconds < 0) return "-" + Duration(-seconds);
            if (seconds == 0) return "0 s";
            if (seconds < 1e-6) return Significant(seconds * 1e9) + " ns";
            if (seconds < 1e-3) return Significant(seconds * 1e6) + " µs";
            if (seconds < 1) return Significant(seconds * 1e3) + " ms";
            if (seconds < 120) return Significant(seconds) + " s";
            if (seconds < 7200) return Significant(seconds / 60) + " min";
            return Significant(seconds / 3600) + " h";
        }

        private static string Significant(double value)
        {
            string format = value >= 10 ? "0" : "0.#";
            return value.ToString(format, CultureInfo.InvariantCulture);
        }
    }
}
