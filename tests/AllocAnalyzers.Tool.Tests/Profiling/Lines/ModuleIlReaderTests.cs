using AllocAnalyzers.Tool.Profiling.Lines;

namespace AllocAnalyzers.Tool.Tests.Profiling.Lines;

/// <summary>Module files that cannot be used give no IL: the caller then keeps the map's line.</summary>
public sealed class ModuleIlReaderTests : IDisposable
{
    private readonly CompiledModule _module = new("public static class K { public static object M() => new object(); }");
    private readonly ModuleIlReader _reader = new();

    public void Dispose()
    {
        _reader.Dispose();
        _module.Dispose();
    }

    [Fact]
    public void The_module_the_trace_names_is_read()
    {
        Assert.NotNull(_reader.Method(_module.Path, PdbGuid(_module.Path), _module.Token("M")));
    }

    [Fact]
    public void A_module_rebuilt_since_the_trace_is_not_read()
    {
        Assert.Null(_reader.Method(_module.Path, Guid.NewGuid(), _module.Token("M")));
    }

    [Fact]
    public void Missing_unreadable_and_odd_inputs_give_nothing()
    {
        var text = Path.Combine(_module.Directory, "not-a-module.dll");
        File.WriteAllText(text, "not a PE file");

        Assert.Null(_reader.Method(Path.Combine(_module.Directory, "missing.dll"), Guid.Empty, _module.Token("M")));
        Assert.Null(_reader.Method(text, Guid.Empty, 0x06000001));
        Assert.Null(_reader.Method(_module.Path, Guid.Empty, 0x06000999)); // no such method
        Assert.Null(_reader.Method(_module.Path, Guid.Empty, 0x02000001)); // a type, not a method
    }

    private static Guid PdbGuid(string path)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(path));
        var codeView = pe.ReadDebugDirectory().First(e => e.Type == System.Reflection.PortableExecutable.DebugDirectoryEntryType.CodeView);
        return pe.ReadCodeViewDebugDirectoryData(codeView).Guid;
    }
}
