using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// Code that runs repeatedly by contract rather than by a loop the compilation can see:
    /// overrides of members that every consumer calls in a loop (a stream's reads and writes — the
    /// loops of <c>Stream.CopyTo</c> and every read loop; an enumerator's <c>MoveNext</c>; a hash's
    /// <c>HashCore</c>, called per block), and delegates handed to APIs that run them once per item
    /// (<c>Parallel.For/ForEach</c>, LINQ operators, <c>List&lt;T&gt;.ForEach</c>). The types are
    /// resolved once per compilation; one the target framework lacks is simply absent.
    /// </summary>
    internal sealed class RepeatingContracts
    {
        /// <summary>Members whose overrides or implementations callers run in loops, by declaring type.</summary>
        private static readonly (string Type, string[] Members)[] RepeatedMembers =
        {
            ("System.IO.Stream", new[] { "Read", "ReadAsync", "ReadByte", "Write", "WriteAsync", "WriteByte" }),
            ("System.IO.TextReader", new[] { "Read", "ReadAsync", "ReadLine", "ReadLineAsync" }),
            ("System.IO.TextWriter", new[] { "Write", "WriteAsync", "WriteLine", "WriteLineAsync" }),
            ("System.Collections.IEnumerator", new[] { "MoveNext" }),
            ("System.Collections.Generic.IAsyncEnumerator`1", new[] { "MoveNextAsync" }),
            ("System.Security.Cryptography.HashAlgorithm", new[] { "HashCore" }),
        };

        /// <summary>Types whose delegate-taking methods run the delegate once per item (every such method of these types).</summary>
        private static readonly string[] PerItemTypes =
        {
            "System.Threading.Tasks.Parallel",
            "System.Linq.Enumerable",
            "System.Linq.ParallelEnumerable",
            "System.Linq.Queryable",
        };

        /// <summary>Delegate-taking methods of collection types that run the delegate once per element.</summary>
        private static readonly (string Type, string[] Members)[] PerItemMembers =
        {
            ("System.Collections.Generic.List`1", new[] { "ForEach", "ConvertAll", "FindAll", "RemoveAll", "Exists", "TrueForAll", "Find", "FindIndex", "FindLast", "FindLastIndex" }),
            ("System.Array", new[] { "ForEach", "ConvertAll", "FindAll", "Exists", "TrueForAll", "Find", "FindIndex", "FindLast", "FindLastIndex" }),
        };

        private readonly List<(INamedTypeSymbol Type, ImmutableHashSet<string> Members)> _repeatedMembers = new List<(INamedTypeSymbol, ImmutableHashSet<string>)>();
        private readonly HashSet<INamedTypeSymbol> _perItemTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        private readonly List<(INamedTypeSymbol Type, ImmutableHashSet<string> Members)> _perItemMembers = new List<(INamedTypeSymbol, ImmutableHashSet<string>)>();

        public RepeatingContracts(Compilation compilation)
        {
            foreach (var (name, members) in RepeatedMembers)
            {
                var type = compilation.GetTypeByMetadataName(name);
                if (type != null) _repeatedMembers.Add((type, ImmutableHashSet.Create(members)));
            }

            foreach (var name in PerItemTypes)
            {
                var type = compilation.GetTypeByMetadataName(name);
                if (type != null) _perItemTypes.Add(type);
            }

            foreach (var (name, members) in PerItemMembers)
            {
                var type = compilation.GetTypeByMetadataName(name);
                if (type != null) _perItemMembers.Add((type, ImmutableHashSet.Create(members)));
            }
        }

        /// <summary>The framework member <paramref name="method"/> overrides or implements whose callers run it in loops, or null.</summary>
        public IMethodSymbol? RepeatedMemberImplementedBy(IMethodSymbol method)
        {
            if (method.IsStatic || _repeatedMembers.Count == 0) return null;
            for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
            {
                if (IsRepeatedMember(overridden)) return overridden;
            }

            var type = method.ContainingType;
            if (type == null) return null;
            foreach (var (contract, members) in _repeatedMembers)
            {
                if (contract.TypeKind != TypeKind.Interface || !members.Contains(InterfaceMemberName(method))) continue;
                foreach (var implemented in type.AllInterfaces)
                {
                    if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, contract)) continue;
                    foreach (var member in implemented.GetMembers())
                    {
                        if (member is IMethodSymbol interfaceMethod && members.Contains(interfaceMethod.Name) &&
                            SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod), method))
                        {
                            return interfaceMethod;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>True when <paramref name="api"/> runs a delegate it is given once per item.</summary>
        public bool RunsDelegatePerItem(IMethodSymbol api)
        {
            var type = api.ContainingType?.OriginalDefinition;
            if (type == null) return false;
            if (_perItemTypes.Contains(type)) return true;
            foreach (var (owner, members) in _perItemMembers)
            {
                if (SymbolEqualityComparer.Default.Equals(type, owner) && members.Contains(api.Name)) return true;
            }

            return false;
        }

        private bool IsRepeatedMember(IMethodSymbol method)
        {
            var type = method.ContainingType?.OriginalDefinition;
            foreach (var (contract, members) in _repeatedMembers)
            {
                if (SymbolEqualityComparer.Default.Equals(type, contract) && members.Contains(method.Name)) return true;
            }

            return false;
        }

        /// <summary>An explicit implementation is named "IEnumerator.MoveNext": compare the last part.</summary>
        private static string InterfaceMemberName(IMethodSymbol method)
        {
            int dot = method.Name.LastIndexOf('.');
            return dot < 0 ? method.Name : method.Name.Substring(dot + 1);
        }
    }
}
