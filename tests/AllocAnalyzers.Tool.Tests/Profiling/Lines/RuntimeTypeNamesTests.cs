using AllocAnalyzers.Tool.Profiling.Lines;

namespace AllocAnalyzers.Tool.Tests.Profiling.Lines;

/// <summary>
/// The runtime's type names in allocation events, against the names built from metadata. The
/// expected names were read from a real trace (.NET 10, AllocationSampled) of these very methods,
/// compiled and run in Release: nested types are named alone at the top and in full
/// (Outer+Inner) inside generic arguments, which carry no assembly names.
/// </summary>
public sealed class RuntimeTypeNamesTests(RuntimeTypeNamesTests.Methods methods) : IClassFixture<RuntimeTypeNamesTests.Methods>
{
    private const string Source = """
        namespace Ns
        {
            public class Outer { public class Inner { } public class Gen<T> { } }
            public class Outer<T> { public class Inner { } public class Inner2<U> { } }
            public class A { public class B { public class C { } } }
            public struct S { public long a; }
            public enum E { A, B }
        }

        public static class P
        {
            public static object ArrayOfGeneric() => new System.Collections.Generic.List<int>[16];
            public static object ArrayOfArrays() => new int[8][];
            public static object ArrayOfArraysOfArrays() => new string[3][][];
            public static object TwoDimensions() => new int[4, 4];
            public static object Nested() => new Ns.Outer.Inner();
            public static object DoublyNested() => new Ns.A.B.C();
            public static object NestedInGeneric() => new Ns.Outer<string>.Inner();
            public static object GenericNestedInGeneric() => new Ns.Outer<int>.Inner2<string>();
            public static object GenericNested() => new Ns.Outer.Gen<int[]>();
            public static object ArrayOfNestedInGeneric() => new Ns.Outer<int>.Inner[2];
            public static object GenericOfGeneric() => new System.Collections.Generic.Dictionary<string, System.Collections.Generic.List<int>>();
            public static object GenericOfNested() => new System.Tuple<int, Ns.Outer.Inner>(1, null);
            public static object GenericOfDoublyNested() => new System.Collections.Generic.List<Ns.A.B.C>[3];
            public static object GenericOfNestedInGeneric() => new System.Collections.Generic.List<Ns.Outer<int>.Inner>();
            public static object GenericOfGenericNested() => new System.Collections.Generic.List<Ns.Outer.Gen<string>>();
            public static object ArrayOfStructs() => new Ns.S[5];
            public static object ArrayOfNullables() => new int?[3];
            public static unsafe object ArrayOfPointers() => new int*[6];
            public static object BoxedStruct(int i) => new Ns.S { a = i };
            public static object BoxedEnum(int i) => (Ns.E)(i & 1);
            public static object BoxedLong(int i) => (long)i;
            public static object BoxedNullable(int i) => (int?)i;
            public static object PlainObject() => new object();
            public static object OfT<T>(int n) => new T[n];
        }
        """;

    private readonly CompiledModule _module = methods.Module;

    [Theory]
    [InlineData("ArrayOfGeneric", "System.Collections.Generic.List`1[System.Int32][]")]
    [InlineData("ArrayOfArrays", "System.Int32[][]")]
    [InlineData("ArrayOfArraysOfArrays", "System.String[][][]")]
    [InlineData("TwoDimensions", "System.Int32[,]")]
    [InlineData("Nested", "Inner")]
    [InlineData("DoublyNested", "C")]
    [InlineData("NestedInGeneric", "Inner[System.String]")]
    [InlineData("GenericNestedInGeneric", "Inner2`1[System.Int32,System.String]")]
    [InlineData("GenericNested", "Gen`1[System.Int32[]]")]
    [InlineData("ArrayOfNestedInGeneric", "Inner[System.Int32][]")]
    [InlineData("GenericOfGeneric", "System.Collections.Generic.Dictionary`2[System.String,System.Collections.Generic.List`1[System.Int32]]")]
    [InlineData("GenericOfNested", "System.Tuple`2[System.Int32,Ns.Outer+Inner]")]
    [InlineData("GenericOfDoublyNested", "System.Collections.Generic.List`1[Ns.A+B+C][]")]
    [InlineData("GenericOfNestedInGeneric", "System.Collections.Generic.List`1[Ns.Outer`1+Inner[System.Int32]]")]
    [InlineData("GenericOfGenericNested", "System.Collections.Generic.List`1[Ns.Outer+Gen`1[System.String]]")]
    [InlineData("ArrayOfStructs", "Ns.S[]")]
    [InlineData("ArrayOfNullables", "System.Nullable`1[System.Int32][]")]
    [InlineData("ArrayOfPointers", "System.Int32*[]")]
    [InlineData("BoxedStruct", "Ns.S")]
    [InlineData("BoxedEnum", "Ns.E")]
    [InlineData("BoxedLong", "System.Int64")]
    [InlineData("BoxedNullable", "System.Int32")] // boxing an int? allocates a boxed int
    [InlineData("PlainObject", "System.Object")]
    public void The_allocating_instruction_is_found_by_the_name_the_runtime_gives(string method, string eventTypeName)
    {
        var found = AllocationInstructionFinder.Allocating(_module.Method(method), eventTypeName);

        Assert.Single(found.Offsets);
        Assert.False(found.Unsure);
    }

    [Theory]
    [InlineData("Nested", "Ns.Outer+Inner")] // the full form belongs inside generic arguments only
    [InlineData("Nested", "Ns.Outer.Inner")]
    [InlineData("NestedInGeneric", "Inner")] // the instantiation is part of the name
    [InlineData("ArrayOfArrays", "System.Int32[]")]
    [InlineData("ArrayOfGeneric", "System.Collections.Generic.List`1[System.Int32]")]
    [InlineData("BoxedNullable", "System.Nullable`1[System.Int32]")]
    [InlineData("GenericOfNested", "System.Tuple`2[System.Int32,Inner]")]
    public void Near_names_do_not_match(string method, string eventTypeName)
    {
        Assert.Empty(AllocationInstructionFinder.Allocating(_module.Method(method), eventTypeName).Offsets);
    }

    [Fact]
    public void An_array_of_a_generic_parameter_is_unsure_not_a_mismatch()
    {
        // new T[n] in shared code may be a System.Byte[]: the search cannot rule it out.
        var found = AllocationInstructionFinder.Allocating(_module.Method("OfT"), "System.Byte[]");

        Assert.Empty(found.Offsets);
        Assert.True(found.Unsure);
    }

    /// <summary>The methods above, compiled once for the class.</summary>
    public sealed class Methods : IDisposable
    {
        internal CompiledModule Module { get; } = new(Source);

        public void Dispose() => Module.Dispose();
    }
}
