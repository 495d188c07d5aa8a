using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer>;

namespace AllocAnalyzers.Tests.Diagnostics;

/// <summary>The Fingerprint property identifies a finding for baselines: stable when lines move, different for other code.</summary>
public class FingerprintTests
{
    private const string Loop = """
        namespace App
        {
            class Reader
            {
                void Read(bool go)
                {
                    while (go) { var chunk = {|ALLOC001:new byte[1 << 20]|}; chunk[0] = 1; go = chunk[1] == 0; }
                }
            }
        }
        """;

    private static async Task<string> FingerprintOf(string source) =>
        (await Verify.VerifyAsync(source)).Single().Properties["Fingerprint"]!;

    [Fact]
    public async Task Lines_added_above_and_reformatting_keep_the_fingerprint()
    {
        string shifted = Loop.Replace("    class Reader", "    // Ten lines of history.\n\n\n\n    class Reader")
            .Replace("{|ALLOC001:new byte[1 << 20]|}", "{|ALLOC001:new   byte[1 <<  20]|}");

        Assert.Equal(await FingerprintOf(Loop), await FingerprintOf(shifted));
    }

    [Fact]
    public async Task Another_member_type_or_flagged_code_changes_it()
    {
        string original = await FingerprintOf(Loop);

        Assert.NotEqual(original, await FingerprintOf(Loop.Replace("void Read(", "void ReadAll(")));
        Assert.NotEqual(original, await FingerprintOf(Loop.Replace("class Reader", "class Writer")));
        Assert.NotEqual(original, await FingerprintOf(Loop.Replace("1 << 20", "1 << 21")));
    }
}
