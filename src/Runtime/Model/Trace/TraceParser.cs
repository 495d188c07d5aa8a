using System;
using System.Collections.Generic;

namespace AllocAnalyzers.Runtime.Model.Trace
{
    /// <summary>
    /// Parses the compact trace language:
    /// <code>
    /// trace    := sequence [repeat]
    /// sequence := item { (';' | newline) item }
    /// item     := op [repeat] | '(' sequence ')' [repeat]
    /// op       := name [size]          e.g. calloc 100MiB, free, touch 16KiB
    /// repeat   := ('x' | '×' | '*') count
    /// </code>
    /// '#' starts a comment. Example: <c>(calloc 100MiB; free) x 10000</c>, or <c>calloc 100MiB; free x 10000</c>
    /// where a trailing repeat after the last item of a top-level sequence of several items repeats the whole trace.
    /// </summary>
    public sealed class TraceParser
    {
        private readonly string _text;
        private int _pos;

        private TraceParser(string text) => _text = text;

        /// <summary>Parses a trace; throws <see cref="TraceParseException"/> with the position of the first problem.</summary>
        public static IReadOnlyList<TraceOp> Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var parser = new TraceParser(text);
            var ops = parser.ParseSequence(topLevel: true);
            parser.SkipSpace(newlines: true);
            if (parser._pos < text.Length)
            {
                throw new TraceParseException(parser.Peek() == ')' ? "unbalanced ')'" : "unexpected '" + parser.Peek() + "'", parser._pos);
            }

            if (ops.Count == 0) throw new TraceParseException("the trace is empty; try: calloc 100MiB; free x 10000", 0);
            return ops;
        }

        /// <summary>Parses without throwing; <paramref name="error"/> says what and where.</summary>
        public static bool TryParse(string text, out IReadOnlyList<TraceOp> ops, out string? error)
        {
            try
            {
                ops = Parse(text);
                error = null;
                return true;
            }
            catch (TraceParseException e)
            {
                ops = Array.Empty<TraceOp>();
                error = e.Message;
                return false;
            }
        }

        private List<TraceOp> ParseSequence(bool topLevel)
        {
            var items = new List<TraceOp>();
            while (true)
            {
                SkipSpace(newlines: true);
                while (Peek() == ';')
                {
                    _pos++;
                    SkipSpace(newlines: true);
                }

                if (AtEnd || Peek() == ')') break;
                int itemStart = _pos;
                var item = ParseItem();
                SkipSpace(newlines: false);
                long? count = TryParseRepeat();
                if (count.HasValue)
                {
                    // "calloc 100MiB; free x 10000": a repeat on the last of several top-level items repeats them all.
                    SkipSpace(newlines: true);
                    bool last = AtEnd;
                    if (topLevel && last && items.Count > 0 && item.Kind != TraceOpKind.Repeat)
                    {
                        items.Add(item);
                        return new List<TraceOp> { TraceOp.Repeat(items, count.Value) };
                    }

                    item = TraceOp.Repeat(item.Kind == TraceOpKind.Repeat && item.Count == 1 ? item.Body : new[] { item }, count.Value);
                }

                items.Add(item);
                SkipSpace(newlines: false);
                if (AtEnd || Peek() == ')') break;
                if (Peek() != ';' && Peek() != '\n' && Peek() != '\r')
                {
                    throw new TraceParseException("expected ';' or a new line after '" + _text.Substring(itemStart, _pos - itemStart).Trim() + "', got '" + Peek() + "'", _pos);
                }
            }

            return items;
        }

        private TraceOp ParseItem()
        {
            if (Peek() == '(')
            {
                int open = _pos++;
                var body = ParseSequence(topLevel: false);
                SkipSpace(newlines: true);
                if (Peek() != ')') throw new TraceParseException("missing ')' for the '(' here", open);
                _pos++;
                if (body.Count == 0) throw new TraceParseException("empty group '()'", open);
                return TraceOp.Repeat(body, 1);
            }

            int start = _pos;
            string word = ReadWord();
            if (word.Length == 0) throw new TraceParseException("expected an operation (" + TraceSyntax.OperationNames + "), got '" + Peek() + "'", start);
            if (!TraceSyntax.TryOperation(word, out var kind))
            {
                throw new TraceParseException("unknown operation '" + word + "'; expected one of " + TraceSyntax.OperationNames, start);
            }

            SkipSpace(newlines: false);
            if (!TraceOp.TakesSize(kind))
            {
                if (StartsSize()) throw new TraceParseException("'" + word + "' takes no size", _pos);
                return TraceOp.Plain(kind);
            }

            if (!StartsSize()) throw new TraceParseException("'" + word + "' needs a size, e.g. " + word + " 1MiB", _pos);
            return TraceOp.Sized(kind, ReadSize());
        }

        private long? TryParseRepeat()
        {
            int save = _pos;
            char c = Peek();
            if (c == '×' || c == '*')
            {
                _pos++;
            }
            else if ((c == 'x' || c == 'X') && (_pos + 1 >= _text.Length || char.IsDigit(_text[_pos + 1]) || char.IsWhiteSpace(_text[_pos + 1]) || _text[_pos + 1] == '-'))
            {
                _pos++;
            }
            else
            {
                return null;
            }

            SkipSpace(newlines: false);
            int numberStart = _pos;
            if (Peek() == '-') throw new TraceParseException("a repeat count must be positive", _pos);
            while (!AtEnd && (char.IsDigit(Peek()) || Peek() == '_' || Peek() == ',')) _pos++;
            string digits = _text.Substring(numberStart, _pos - numberStart).Replace("_", string.Empty).Replace(",", string.Empty);
            if (digits.Length == 0)
            {
                _pos = save;
                throw new TraceParseException("expected a repeat count after '" + c + "'", numberStart);
            }

            if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long count))
            {
                throw new TraceParseException("the repeat count " + digits + " is too large", numberStart);
            }

            if (count <= 0) throw new TraceParseException("a repeat count must be positive, got " + count, numberStart);
            return count;
        }

        private long ReadSize()
        {
            int numberStart = _pos;
            if (Peek() == '-' || Peek() == '+') _pos++;
            while (!AtEnd && (char.IsDigit(Peek()) || Peek() == '.' || Peek() == '_' || (Peek() == ',' && NextIsDigit()))) _pos++;
            string number = _text.Substring(numberStart, _pos - numberStart);
            if (number.StartsWith("-", StringComparison.Ordinal)) throw new TraceParseException("a size cannot be negative: '" + number + "'", numberStart);
            SkipSpace(newlines: false);
            int unitStart = _pos;
            string unit = string.Empty;
            if (char.IsLetter(Peek()) && !LooksLikeRepeat()) unit = ReadWord();
            return SizeParser.FromParts(number, unit, numberStart, unitStart);
        }

        private bool LooksLikeRepeat() =>
            (Peek() == 'x' || Peek() == 'X') && (_pos + 1 >= _text.Length || !char.IsLetter(_text[_pos + 1]));

        private bool StartsSize() => !AtEnd && (char.IsDigit(Peek()) || Peek() == '-' || Peek() == '+' || Peek() == '.');

        private bool NextIsDigit() => _pos + 1 < _text.Length && char.IsDigit(_text[_pos + 1]);

        private string ReadWord()
        {
            int start = _pos;
            while (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() == '-' || Peek() == '_')) _pos++;
            return _text.Substring(start, _pos - start);
        }

        private void SkipSpace(bool newlines)
        {
            while (!AtEnd)
            {
                char c = Peek();
                if (c == '#')
                {
                    while (!AtEnd && Peek() != '\n') _pos++;
                }
                else if (c == ' ' || c == '\t' || (newlines && (c == '\n' || c == '\r')))
                {
                    _pos++;
                }
                else
                {
                    break;
                }
            }
        }

        private bool AtEnd => _pos >= _text.Length;

        private char Peek() => AtEnd ? '\0' : _text[_pos];
    }
}
