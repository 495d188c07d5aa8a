using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Infrastructure
{
    /// <summary>
    /// Framework types the rules recognize, resolved once per compilation (never per node). A type
    /// the target framework lacks is null, and the rules that need it stay quiet.
    /// </summary>
    internal sealed class WellKnownTypes
    {
        public WellKnownTypes(Compilation compilation)
        {
            GC = compilation.GetTypeByMetadataName("System.GC");
            Array = compilation.GetTypeByMetadataName("System.Array");
            Buffer = compilation.GetTypeByMetadataName("System.Buffer");
            Span = compilation.GetTypeByMetadataName("System.Span`1");
            ReadOnlySpan = compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");
            Memory = compilation.GetTypeByMetadataName("System.Memory`1");
            ReadOnlyMemory = compilation.GetTypeByMetadataName("System.ReadOnlyMemory`1");
            ArraySegment = compilation.GetTypeByMetadataName("System.ArraySegment`1");
            ArrayPool = compilation.GetTypeByMetadataName("System.Buffers.ArrayPool`1");
            List = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
            Queue = compilation.GetTypeByMetadataName("System.Collections.Generic.Queue`1");
            Stack = compilation.GetTypeByMetadataName("System.Collections.Generic.Stack`1");
            HashSet = compilation.GetTypeByMetadataName("System.Collections.Generic.HashSet`1");
            Dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2");
            MemoryStream = compilation.GetTypeByMetadataName("System.IO.MemoryStream");
            StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
            Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
            Random = compilation.GetTypeByMetadataName("System.Random");
            RandomNumberGenerator = compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");
            Marshal = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.Marshal");
            NativeMemory = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.NativeMemory");
            Unsafe = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.Unsafe");
            SkipLocalsInitAttribute = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.SkipLocalsInitAttribute");
            DllImportAttribute = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.DllImportAttribute");
            LibraryImportAttribute = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.LibraryImportAttribute");
            StructLayoutAttribute = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.StructLayoutAttribute");
            HasAllocateUninitializedArray = GC != null && !GC.GetMembers("AllocateUninitializedArray").IsEmpty;
        }

        public INamedTypeSymbol? GC { get; }
        public INamedTypeSymbol? Array { get; }
        public INamedTypeSymbol? Buffer { get; }
        public INamedTypeSymbol? Span { get; }
        public INamedTypeSymbol? ReadOnlySpan { get; }
        public INamedTypeSymbol? Memory { get; }
        public INamedTypeSymbol? ReadOnlyMemory { get; }
        public INamedTypeSymbol? ArraySegment { get; }
        public INamedTypeSymbol? ArrayPool { get; }
        public INamedTypeSymbol? List { get; }
        public INamedTypeSymbol? Queue { get; }
        public INamedTypeSymbol? Stack { get; }
        public INamedTypeSymbol? HashSet { get; }
        public INamedTypeSymbol? Dictionary { get; }
        public INamedTypeSymbol? MemoryStream { get; }
        public INamedTypeSymbol? StringBuilder { get; }
        public INamedTypeSymbol? Stream { get; }
        public INamedTypeSymbol? Random { get; }
        public INamedTypeSymbol? RandomNumberGenerator { get; }
        public INamedTypeSymbol? Marshal { get; }
        public INamedTypeSymbol? NativeMemory { get; }
        public INamedTypeSymbol? Unsafe { get; }
        public INamedTypeSymbol? SkipLocalsInitAttribute { get; }
        public INamedTypeSymbol? DllImportAttribute { get; }
        public INamedTypeSymbol? LibraryImportAttribute { get; }
        public INamedTypeSymbol? StructLayoutAttribute { get; }

        /// <summary>True on .NET 5 and later, where GC.AllocateUninitializedArray exists.</summary>
        public bool HasAllocateUninitializedArray { get; }

        /// <summary>True when <paramref name="type"/> is the constructed or original form of <paramref name="definition"/>.</summary>
        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? definition) =>
            type != null && definition != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, definition);
    }
}
