using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// Method summaries for one compilation, shared by every rule: who calls a method and whether it
    /// runs repeatedly (<see cref="RepetitionSearch"/>), what buffer it returns
    /// what buffer it returns (<see cref="ReturnedBuffer"/>) and what it clears (<see cref="HelperClear"/>). Each is computed
    /// the first time a rule asks and then kept, so a method is summarized once however many rules
    /// and call sites ask. Everything is computed on demand — nothing runs for a compilation with no
    /// candidate — and from the compilation itself, so per-document analysis in an editor sees what
    /// the build sees.
    /// </summary>
    internal sealed class CompilationSummaries
    {
        private static readonly ConditionalWeakTable<Compilation, CompilationSummaries> ByCompilation = new ConditionalWeakTable<Compilation, CompilationSummaries>();

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<CallSite>> _callers = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<CallSite>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, RepeatedBy?> _repetition = new ConcurrentDictionary<IMethodSymbol, RepeatedBy?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ReturnedBuffer?> _returned = new ConcurrentDictionary<IMethodSymbol, ReturnedBuffer?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, HelperClear?> _clears = new ConcurrentDictionary<IMethodSymbol, HelperClear?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableHashSet<int>> _elementUpdates = new ConcurrentDictionary<IMethodSymbol, ImmutableHashSet<int>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private CallSiteIndex? _callSites;

        private CompilationSummaries(Compilation compilation)
        {
            _compilation = compilation;
            Contracts = new RepeatingContracts(compilation);
        }

        public static CompilationSummaries For(Compilation compilation) => ByCompilation.GetValue(compilation, c => new CompilationSummaries(c));

        public RepeatingContracts Contracts { get; }

        /// <summary>The call-site index, built by the first rule that needs it (a cancelled build is not kept).</summary>
        public CallSiteIndex CallSites(CancellationToken cancellationToken)
        {
            var index = Volatile.Read(ref _callSites);
            if (index != null) return index;
            index = CallSiteIndex.Build(_compilation, cancellationToken);
            return Interlocked.CompareExchange(ref _callSites, index, null) ?? index;
        }

        public ImmutableArray<CallSite> CallersOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (_callers.TryGetValue(method, out var sites)) return sites;
            return _callers.GetOrAdd(method, CallerSearch.Find(method, this, cancellationToken));
        }

        /// <summary>Why <paramref name="method"/> runs repeatedly, or null (see <see cref="RepetitionSearch"/>).</summary>
        public RepeatedBy? RepetitionOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (_repetition.TryGetValue(method, out var repeated)) return repeated;
            return _repetition.GetOrAdd(method, RepetitionSearch.Search(method, this, cancellationToken));
        }

        /// <summary>The fresh buffer <paramref name="method"/> returns when it is an allocation wrapper (<see cref="ReturnedBuffer"/>), or null.</summary>
        public ReturnedBuffer? ReturnedBufferOf(IMethodSymbol method, Infrastructure.WellKnownTypes types)
        {
            method = method.OriginalDefinition;
            if (_returned.TryGetValue(method, out var returned)) return returned;
            // One method body, bound once: not worth a cancellation point of its own.
            return _returned.GetOrAdd(method, ReturnedBuffer.Of(method, this, types, CancellationToken.None));
        }

        /// <summary>What <paramref name="method"/> clears first thing, when it is a clearing helper (<see cref="HelperClear"/>), or null.</summary>
        public HelperClear? HelperClearOf(IMethodSymbol method, Infrastructure.WellKnownTypes types)
        {
            method = method.OriginalDefinition;
            if (_clears.TryGetValue(method, out var clear)) return clear;
            return _clears.GetOrAdd(method, HelperClear.Of(method, this, types, CancellationToken.None));
        }

        /// <summary>True when <paramref name="method"/> updates elements of its parameter <paramref name="ordinal"/> in place (<see cref="ElementUpdates"/>).</summary>
        public bool UpdatesElementsOf(IMethodSymbol method, int ordinal)
        {
            method = method.OriginalDefinition;
            if (!_elementUpdates.TryGetValue(method, out var ordinals)) ordinals = _elementUpdates.GetOrAdd(method, ElementUpdates.Of(method, this, CancellationToken.None));
            return ordinals.Contains(ordinal);
        }

        /// <summary>
        /// One semantic model per tree for binding call sites. The analyzer driver gives the
        /// compilation a caching model provider, so these share the binding the compiler already did.
        /// </summary>
#pragma warning disable RS1030 // Binding call sites in other trees is the point of a cross-method summary; see the class comment.
        public SemanticModel ModelFor(SyntaxTree tree) => _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030
    }
}
