using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace AllocAnalyzers.Tool.CommandLine;

/// <summary>
/// The tool's one-line account of a command line it cannot run: an unknown command or option, an
/// option without its value, or a value outside the option's allowed ones. Each names the option
/// and what it accepts, in the tool's own words instead of the parser's (.NET type names, a page
/// of help).
/// </summary>
internal static class UsageErrors
{
    /// <summary>What is wrong with the command line, or null when it can run (or asks for help).</summary>
    public static string? Find(ParseResult parseResult)
    {
        if (parseResult.Action is ParseErrorAction) return Describe(parseResult);
        if (parseResult.Action is not null && parseResult.Action != parseResult.CommandResult.Command.Action) return null; // --help, --version
        return OptionTakenAsArgument(parseResult) is { } token ? UnknownOption(parseResult.CommandResult.Command, token) : null;
    }

    /// <summary>Writes the error line and the line pointing to --help; returns <see cref="ExitCodes.Usage"/>.</summary>
    public static int Report(ParseResult parseResult, TextWriter error, string message)
    {
        error.WriteLine("error: " + message);
        var what = parseResult.CommandResult.Command is RootCommand ? "the commands" : "its options and examples";
        error.WriteLine($"See '{CommandPath(parseResult.CommandResult)} --help' for {what}.");
        return ExitCodes.Usage;
    }

    private static string Describe(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        if (parseResult.UnmatchedTokens.Count > 0)
        {
            var token = parseResult.UnmatchedTokens[0];
            if (LooksLikeOption(token)) return UnknownOption(command, token);
            return command is RootCommand
                ? $"unknown command '{token}'; the commands are {List(command.Subcommands.Select(c => c.Name), "and")}"
                : $"unexpected argument '{token}' for '{command.Name}'";
        }

        var first = parseResult.Errors[0];
        if (first.SymbolResult is OptionResult option) return BadValue(option);
        if (first.SymbolResult is ArgumentResult { Parent: OptionResult owner }) return BadValue(owner);
        if (command is RootCommand) return $"no command given; the commands are {List(command.Subcommands.Select(c => c.Name), "and")}";
        return first.Message.Split('\n')[0].Trim();
    }

    private static string BadValue(OptionResult result)
    {
        var option = result.Option;
        var allowed = Allowed(option);
        if (result.Tokens.Count == 0)
        {
            return allowed.Count > 0 ? $"{option.Name} needs a value: {List(allowed)}" : $"{option.Name} needs {ValueKind(option.ValueType)}";
        }

        if (allowed.Count > 0)
        {
            var bad = result.Tokens.Select(t => t.Value).FirstOrDefault(v => !allowed.Contains(v, StringComparer.OrdinalIgnoreCase)) ?? result.Tokens[0].Value;
            return $"{option.Name}: '{bad}' is not allowed; use {List(allowed)}";
        }

        return $"{option.Name}: '{result.Tokens[0].Value}' is not {ValueKind(option.ValueType)}";
    }

    /// <summary>The values an option accepts: its AcceptOnlyFromAmong list, or an enum's names.</summary>
    private static List<string> Allowed(Option option) =>
        option.ValueType == typeof(bool) ? [] : option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();

    private static string ValueKind(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "a whole number",
        var t when t == typeof(double) => "a number",
        _ => "a value",
    };

    /// <summary>
    /// The parser hands an unknown `--thing` to a command's free arguments (a trace, a program
    /// line) instead of rejecting it; anything option-like there before `--` is a mistyped option.
    /// </summary>
    private static string? OptionTakenAsArgument(ParseResult parseResult)
    {
        var tokens = parseResult.Tokens;
        int doubleDash = -1;
        for (int i = 0; i < tokens.Count && doubleDash < 0; i++)
        {
            if (tokens[i].Type == TokenType.DoubleDash) doubleDash = i;
        }

        foreach (var argument in parseResult.CommandResult.Command.Arguments)
        {
            foreach (var token in parseResult.GetResult(argument)?.Tokens ?? [])
            {
                if (!LooksLikeOption(token.Value)) continue;
                int position = IndexOf(tokens, token);
                if (doubleDash < 0 || position < doubleDash) return token.Value;
            }
        }

        return null;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token token)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token)) return i;
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Equals(token)) return i;
        }

        return -1;
    }

    /// <summary>`--word` or `-w`; not `-` alone nor a negative number.</summary>
    private static bool LooksLikeOption(string token) =>
        token.StartsWith("--", StringComparison.Ordinal) ? token.Length > 2 : token.Length > 1 && token[0] == '-' && char.IsLetter(token[1]);

    private static string UnknownOption(Command command, string token)
    {
        var names = command.Options.Where(o => !o.Hidden).Select(o => o.Name).ToList();
        var near = names.Where(n => EditDistance(n, token.Split('=')[0]) <= 2).ToList();
        var hint = near.Count > 0 ? $" (did you mean {List(near, "or")}?)" : "";
        return $"unknown option '{token}' for '{command.Name}'{hint}; its options are {List(names, "and")}";
    }

    private static string CommandPath(CommandResult result) =>
        result.Parent is CommandResult parent ? CommandPath(parent) + " " + result.Command.Name : ToolName(result.Command);

    private static string ToolName(Command root) => root is RootCommand ? "alloc-analyzers" : root.Name;

    private static string List(IEnumerable<string> items, string last = "or")
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " " + last + " " + list[^1];
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
