using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace AllocAnalyzers.Tool.Profiling.Lines;

/// <summary>
/// Reads methods' IL from module files on disk (System.Reflection.Metadata's PEReader). A module
/// is used only if it is the one that ran: when the trace names the module's PDB (its CodeView
/// GUID), the file's must be the same, so that a program rebuilt since the recording is not read
/// as if it had run. Any failure (missing or unreadable file, odd metadata) gives null, and the
/// caller keeps the runtime's own line. Each file is opened once and kept open until disposal.
/// </summary>
internal sealed class ModuleIlReader : IDisposable
{
    private readonly Dictionary<string, PEReader?> _modules = [];
    private readonly Dictionary<(string Path, int Token), MethodIl?> _methods = [];

    /// <param name="pdbSignature">The PDB GUID the trace recorded for the module; <see cref="Guid.Empty"/> when unknown.</param>
    public MethodIl? Method(string path, Guid pdbSignature, int methodToken)
    {
        if (_methods.TryGetValue((path, methodToken), out var known)) return known;
        MethodIl? method = null;
        try
        {
            if (Module(path, pdbSignature) is { } pe && MetadataTokens.EntityHandle(methodToken) is { Kind: HandleKind.MethodDefinition } handle)
            {
                var metadata = pe.GetMetadataReader();
                var rva = metadata.GetMethodDefinition((MethodDefinitionHandle)handle).RelativeVirtualAddress;
                if (rva != 0 && IlInstructionReader.Read(pe.GetMethodBody(rva).GetILBytes()) is { } instructions)
                {
                    method = new MethodIl(metadata, instructions);
                }
            }
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or ArgumentException or IOException)
        {
            // A token outside the tables, a body past the end of the file: no IL, the map's line stays.
        }

        _methods[(path, methodToken)] = method;
        return method;
    }

    public void Dispose()
    {
        foreach (var module in _modules.Values) module?.Dispose();
        _modules.Clear();
    }

    private PEReader? Module(string path, Guid pdbSignature)
    {
        if (_modules.TryGetValue(path, out var known)) return known;
        PEReader? module = null;
        try
        {
            if (File.Exists(path))
            {
                module = new PEReader(File.OpenRead(path));
                if (!module.HasMetadata || !SameBuild(module, pdbSignature))
                {
                    module.Dispose();
                    module = null;
                }
            }
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            module?.Dispose();
            module = null;
        }

        _modules[path] = module;
        return module;
    }

    /// <summary>The file's CodeView GUID is the trace's, or the trace did not record one.</summary>
    private static bool SameBuild(PEReader module, Guid pdbSignature)
    {
        if (pdbSignature == Guid.Empty) return true;
        foreach (var entry in module.ReadDebugDirectory())
        {
            if (entry.Type == DebugDirectoryEntryType.CodeView) return module.ReadCodeViewDebugDirectoryData(entry).Guid == pdbSignature;
        }

        return false;
    }
}
