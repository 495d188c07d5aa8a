using System;
using System.Globalization;

namespace AllocAnalyzers.Runtime.Model.Trace
{
    /// <summary>Parses sizes such as "100MiB", "1.5 GB", "85000", "64KiB".</summary>
    public static class SizeParser
    {
        /// <summary>Parses a whole size string; throws <see cref="TraceParseException"/> on a bad one.</summary>
        public static long Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            int i = 0;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            int numberStart = i;
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                if (text[i] == '-') throw new TraceParseException("a size cannot be negative: '" + text.Trim() + "'", i);
                i++;
            }

            while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.' || text[i] == '_' || text[i] == ',')) i++;
            string number = text.Substring(numberStart, i - numberStart);
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            string unit = text.Substring(i).Trim();
            return FromParts(number, unit, numberStart, i);
        }

        /// <summary>Combines a number and an optional unit into bytes, checking range and unit.</summary>
        internal static long FromParts(string number, string unit, int numberPosition, int unitPosition)
        {
            string digits = number.Replace("_", string.Empty).Replace(",", string.Empty).TrimStart('+');
            if (digits.Length == 0)
            {
                throw new TraceParseException("expected a size such as 100MiB or 4096, got '" + number + unit + "'", numberPosition);
            }

            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            {
                bool allDigits = true;
                foreach (char c in digits) allDigits &= char.IsDigit(c) || c == '.';
                throw new TraceParseException(allDigits
                    ? "the size " + number + " is too large (the limit is 2^63-1 bytes)"
                    : "'" + number + "' is not a number", numberPosition);
            }

            long factor = 1;
            if (unit.Length > 0 && !TraceSyntax.TryUnit(unit, out factor))
            {
                throw new TraceParseException("unknown size unit '" + unit + "'; expected one of " + TraceSyntax.UnitNames, unitPosition);
            }

            decimal bytes;
            try
            {
                bytes = decimal.Round(value * factor, 0, MidpointRounding.AwayFromZero);
            }
            catch (OverflowException)
            {
                throw new TraceParseException("the size " + number + unit + " is too large (the limit is 2^63-1 bytes)", numberPosition);
            }

            if (bytes > long.MaxValue)
            {
                throw new TraceParseException("the size " + number + " " + unit + " is too large (the limit is 2^63-1 bytes)", numberPosition);
            }

            return (long)bytes;
        }
    }
}
