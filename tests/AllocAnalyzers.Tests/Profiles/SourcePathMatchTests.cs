using AllocAnalyzers.Profiles;

namespace AllocAnalyzers.Tests.Profiles;

public class SourcePathMatchTests
{
    [Theory]
    [InlineData("/work/app/src/Reader/Program.cs", "/work/app/src/Reader/Program.cs", true)]
    [InlineData("/_/src/Reader/Program.cs", "/home/me/checkout/src/Reader/Program.cs", true)] // deterministic build paths
    [InlineData(@"C:\build\src\Reader\Program.cs", "/home/me/src/Reader/Program.cs", true)]
    [InlineData("/x/src/reader/program.cs", "/y/src/Reader/Program.cs", true)]
    [InlineData("Program.cs", "/src/Program.cs", true)] // the shorter path matches in full
    [InlineData("/a/One/Program.cs", "/b/Two/Program.cs", false)] // same file name, other folder
    [InlineData("/a/Reader/Program.cs", "/a/Reader/Other.cs", false)]
    [InlineData("", "/a/Program.cs", false)]
    public void Paths_match_by_their_trailing_segments(string profilePath, string treePath, bool expected)
    {
        Assert.Equal(expected, SourcePathMatch.SameFile(profilePath, treePath));
    }
}
