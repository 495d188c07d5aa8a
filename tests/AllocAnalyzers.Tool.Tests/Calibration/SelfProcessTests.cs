using AllocAnalyzers.Tool.Calibration;

namespace AllocAnalyzers.Tool.Tests.Calibration;

public class SelfProcessTests
{
    [Fact]
    public void Under_the_dotnet_host_the_program_dll_comes_before_the_arguments()
    {
        // The test host runs as `dotnet testhost.dll ...`: the case `dotnet AllocAnalyzers.Bench.dll validate` is in.
        var start = SelfProcess.StartInfo(["child-verb", "42"]);
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            Assert.Equal(3, start.ArgumentList.Count);
            Assert.EndsWith(".dll", start.ArgumentList[0], StringComparison.OrdinalIgnoreCase);
            Assert.True(File.Exists(start.ArgumentList[0]), start.ArgumentList[0]);
        }
        else
        {
            Assert.Equal(2, start.ArgumentList.Count);
        }

        Assert.Equal(["child-verb", "42"], start.ArgumentList.TakeLast(2));
    }
}
