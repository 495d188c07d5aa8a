using AllocAnalyzers.Tool.CommandLine;

namespace AllocAnalyzers.Tool.Tests.Commands;

/// <summary>
/// docs/cli.md's conventions for every command: a command line the tool cannot run gives one
/// `error:` line naming the option and what it accepts, one line pointing to --help, exit code 1.
/// </summary>
public class CommandLineConventionTests
{
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string UsageError(params string[] args)
    {
        var (code, output, error) = ToolRunner.Run(args);
        Assert.True(code == 1, $"exit {code}: {error}{output}");
        Assert.Equal("", output);
        var lines = Lines(error);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains("--help", lines[1]);
        Assert.DoesNotContain("System.", error); // no .NET type names
        return lines[0];
    }

    [Fact]
    public void A_mistyped_option_is_unknown_not_part_of_the_trace()
    {
        var line = UsageError("simulate", "--plaform", "linux", "calloc 1MiB; free");
        Assert.StartsWith("error: unknown option '--plaform' for 'simulate' (did you mean --platform?)", line);
    }

    [Fact]
    public void An_unknown_option_before_the_double_dash_is_an_error_not_the_program()
    {
        var line = UsageError("profile", "--bogus", "--", "/bin/true");
        Assert.StartsWith("error: unknown option '--bogus' for 'profile'", line);
        Assert.Contains("--pid", line);
    }

    [Fact]
    public void After_the_double_dash_option_like_words_belong_to_the_program()
    {
        var root = ToolInvocation.CreateRoot(ToolCommands.All());
        var parsed = root.Parse(["profile", "-o", "out", "--", "./MyApp", "--port", "8080", "-v"]);
        Assert.Null(UsageErrors.Find(parsed));
        Assert.Equal(["./MyApp", "--port", "8080", "-v"], parsed.GetValue<string[]>("command"));
    }

    [Theory]
    [InlineData(new[] { "simulate", "-p", "solaris", "malloc 1" }, "error: --platform: 'solaris' is not allowed; use all, linux, macos, osx, win or windows")]
    [InlineData(new[] { "simulate", "--macos-version", "sierra", "malloc 1" }, "error: --macos-version: 'sierra' is not allowed; use 116, libmalloc-116, modern, modern-32g or modern-32gib")]
    [InlineData(new[] { "simulate", "--svg-op", "realloc", "malloc 1" }, "error: --svg-op: 'realloc' is not allowed; use calloc or malloc")]
    [InlineData(new[] { "profile", "--pid", "abc" }, "error: --pid: 'abc' is not a whole number")]
    [InlineData(new[] { "profile", "--events", "foo", "--trace", "x.nettrace" }, "error: --events: 'foo' is not allowed; use Auto, Sampled or Tick")]
    [InlineData(new[] { "profile", "--duration", "soon", "--trace", "x.nettrace" }, "error: --duration: 'soon' is not a number")]
    [InlineData(new[] { "simulate", "--profile" }, "error: --profile needs a value")]
    public void A_bad_value_names_the_option_and_what_it_accepts(string[] args, string expected)
    {
        Assert.Equal(expected, UsageError(args));
    }

    [Fact]
    public void Unknown_or_missing_commands_list_the_commands()
    {
        Assert.StartsWith("error: unknown command 'frobnicate'; the commands are calibrate, simulate", UsageError("frobnicate"));
        Assert.StartsWith("error: no command given; the commands are calibrate, simulate", UsageError());
        Assert.StartsWith("error: unknown option '--bogus' for 'calibrate'", UsageError("calibrate", "--bogus"));
    }

    [Fact]
    public void Profile_without_a_target_is_a_usage_error()
    {
        Assert.StartsWith("error: give one target", UsageError("profile"));
        Assert.StartsWith("error: give one target", UsageError("profile", "--pid", "1", "--trace", "x.nettrace"));
    }

    [Theory]
    [InlineData("calibrate")]
    [InlineData("simulate")]
    [InlineData("profile")]
    public void Every_command_help_has_examples_and_exit_codes(string command)
    {
        var (code, output, _) = ToolRunner.Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("Examples:", output);
        Assert.Contains("Exit codes:", output);
        Assert.Contains("    1  bad command line", output);
    }

    [Fact]
    public void The_top_level_help_lists_each_command_in_one_line()
    {
        var (code, output, _) = ToolRunner.Run("--help");
        Assert.Equal(0, code);
        var commands = Lines(output).SkipWhile(l => l != "Commands:").Skip(1).TakeWhile(l => l.Length > 0 && !l.EndsWith(':')).ToList();
        Assert.Equal(3, commands.Count(l => l.StartsWith("calibrate", StringComparison.Ordinal) || l.StartsWith("simulate", StringComparison.Ordinal) || l.StartsWith("profile", StringComparison.Ordinal)));
        Assert.DoesNotContain("Trace language", output); // simulate's details stay in simulate --help
        Assert.DoesNotContain("Stopping:", output);
    }

    [Fact]
    public void Help_with_a_mistyped_option_still_shows_the_help()
    {
        var (code, output, _) = ToolRunner.Run("simulate", "--plaform", "--help");
        Assert.Equal(0, code);
        Assert.Contains("Trace language", output);
    }
}
