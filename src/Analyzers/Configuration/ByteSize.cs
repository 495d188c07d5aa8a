using System.Globalization;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// Parses a byte count from configuration: "85000", "85_000", "64KiB", "1 MiB", "128KB".
    /// KB/MB/GB are read as powers of 1000 and KiB/MiB/GiB as powers of 1024, as in IEC 80000-13.
    /// </summary>
    internal static class ByteSize
    {
        private static readonly (string Suffix, long Factor)[] Units =
        {
            ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
            ("KB", 1000L), ("MB", 1000L * 1000), ("GB", 1000L * 1000 * 1000),
            ("B", 1L),
        };

        public static bool TryParse(string? text, out long bytes, out string error)
        {
            bytes = 0;
            string value = (text ?? string.Empty).Trim();
            if (value.Length == 0)
            {
                error = "expected a byte count such as 85000 or 64KiB, found an empty value";
                return false;
            }

            long factor = 1;
            foreach (var (suffix, unitFactor) in Units)
            {
                if (value.EndsWith(suffix, System.StringComparison.OrdinalIgnoreCase))
                {
                    factor = unitFactor;
                    value = value.Substring(0, value.Length - suffix.Length).TrimEnd();
                    break;
                }
            }

            string digits = value.Replace("_", string.Empty);
            if (digits.StartsWith("-", System.StringComparison.Ordinal))
            {
                error = "a byte count cannot be negative";
                return false;
            }

            if (digits.Length == 0 || !IsAllDigits(digits))
            {
                error = "expected a whole number of bytes, optionally followed by KB, MB, GB, KiB, MiB or GiB";
                return false;
            }

            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long number) || number > long.MaxValue / factor)
            {
                error = "the value is too large";
                return false;
            }

            bytes = number * factor;
            error = string.Empty;
            return true;
        }

        private static bool IsAllDigits(string text)
        {
            foreach (char c in text)
            {
                if (c < '0' || c > '9') return false;
            }

            return true;
        }
    }
}
