using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace AllocAnalyzers.Tool.Profiling.Lines;

/// <summary>A method's decoded IL, with the metadata its tokens refer to.</summary>
internal sealed record MethodIl(MetadataReader Metadata, ImmutableArray<IlInstruction> Instructions);
