using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// What one operation tree (a member body, a field initializer) says about its locals and
    /// parameters, built in ONE walk and shared by every rule and every candidate in it: the
    /// references of each local and parameter, each local's declarator, and which locals are used
    /// by a function other than the one declaring them (captured by a lambda or local function).
    /// <para>
    /// Every question "where else is this local used or written?" is a lookup here instead of a walk
    /// of the whole member, which is what keeps the analysis of a method linear in its size: the
    /// rules ask such questions per candidate, and a long method has many candidates. Built once per
    /// tree (the compiler hands every analyzer the same tree), kept as long as the tree lives.
    /// </para>
    /// </summary>
    internal sealed class OperationIndex
    {
        private static readonly ConditionalWeakTable<IOperation, OperationIndex> Cache = new ConditionalWeakTable<IOperation, OperationIndex>();
        private static readonly IReadOnlyList<ILocalReferenceOperation> NoLocalReferences = new ILocalReferenceOperation[0];
        private static readonly IReadOnlyList<IParameterReferenceOperation> NoParameterReferences = new IParameterReferenceOperation[0];

        private readonly Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> _localReferences = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IParameterSymbol, List<IParameterReferenceOperation>> _parameterReferences = new Dictionary<IParameterSymbol, List<IParameterReferenceOperation>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, IVariableDeclaratorOperation> _declarators = new Dictionary<ILocalSymbol, IVariableDeclaratorOperation>(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _captured = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        private OperationIndex(IOperation root, CancellationToken cancellationToken)
        {
            // Declaring function of each local: the function whose body holds its declarator. A local
            // with no declarator in the tree (pattern and out variables declare through references)
            // belongs to the function of its declaring reference.
            var declaringFunction = new Dictionary<ILocalSymbol, IOperation?>(SymbolEqualityComparer.Default);
            var usingFunctions = new Dictionary<ILocalSymbol, HashSet<IOperation?>>(SymbolEqualityComparer.Default);
            var children = new List<IOperation>();
            var functionStack = new Stack<(IOperation Operation, IOperation? Function)>();
            functionStack.Push((root, null));
            int visited = 0;
            while (functionStack.Count > 0)
            {
                if ((++visited & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
                var (operation, function) = functionStack.Pop();
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        Add(_localReferences, local.Local, local);
                        if (!usingFunctions.TryGetValue(local.Local, out var functions)) usingFunctions[local.Local] = functions = new HashSet<IOperation?>();
                        functions.Add(function);
                        if (local.IsDeclaration && !declaringFunction.ContainsKey(local.Local)) declaringFunction[local.Local] = function;
                        break;
                    case IParameterReferenceOperation parameter:
                        Add(_parameterReferences, parameter.Parameter, parameter);
                        break;
                    case IVariableDeclaratorOperation declarator:
                        _declarators[declarator.Symbol] = declarator;
                        declaringFunction[declarator.Symbol] = function;
                        break;
                }

                var inner = operation is IAnonymousFunctionOperation || operation is ILocalFunctionOperation ? operation : function;
                // Pushed in reverse so that references come out in tree order, as a walk would give them.
                children.Clear();
                children.AddRange(operation.ChildOperations);
                for (int i = children.Count - 1; i >= 0; i--) functionStack.Push((children[i], inner));
            }

            foreach (var entry in usingFunctions)
            {
                declaringFunction.TryGetValue(entry.Key, out var home);
                if (entry.Value.Count > 1 || !entry.Value.Contains(home)) _captured.Add(entry.Key);
            }
        }

        /// <summary>The index of the tree that holds <paramref name="operation"/>.</summary>
        public static OperationIndex For(IOperation operation, CancellationToken cancellationToken = default) =>
            Cache.GetValue(operation.Root(), root => new OperationIndex(root, cancellationToken));

        /// <summary>Every reference to <paramref name="local"/> in the tree, in tree order (declarations included).</summary>
        public IReadOnlyList<ILocalReferenceOperation> References(ILocalSymbol local) =>
            _localReferences.TryGetValue(local, out var list) ? list : NoLocalReferences;

        /// <summary>Every reference to <paramref name="parameter"/> in the tree.</summary>
        public IReadOnlyList<IParameterReferenceOperation> References(IParameterSymbol parameter) =>
            _parameterReferences.TryGetValue(parameter, out var list) ? list : NoParameterReferences;

        /// <summary>The declarator of <paramref name="local"/>, or null (pattern, out and foreach variables have none).</summary>
        public IVariableDeclaratorOperation? Declarator(ILocalSymbol local) =>
            _declarators.TryGetValue(local, out var declarator) ? declarator : null;

        /// <summary>The initializer of <paramref name="local"/> when nothing else in the tree writes it (its only value), else null.</summary>
        public IOperation? InitializerIfNeverWritten(ILocalSymbol local)
        {
            var initializer = Declarator(local)?.Initializer?.Value;
            if (initializer == null) return null;
            foreach (var reference in References(local))
            {
                if (LocalWrites.IsWrite(reference)) return null;
            }

            return initializer;
        }

        /// <summary>True when a lambda or local function other than the declaring one uses <paramref name="local"/>.</summary>
        public bool IsCaptured(ILocalSymbol local) => _captured.Contains(local);

        private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = new List<TValue>();
            list.Add(value);
        }
    }
}
