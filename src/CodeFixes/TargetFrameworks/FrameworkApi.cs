using System;

namespace AllocAnalyzers.CodeFixes.TargetFrameworks
{
    /// <summary>
    /// An API a code fix inserts that some target frameworks lack, with the preprocessor condition
    /// that holds exactly where the framework has it (the SDK defines <c>NETn_0_OR_GREATER</c>,
    /// <c>NETSTANDARDn_m_OR_GREATER</c> and <c>NETCOREAPPn_m_OR_GREATER</c> per target framework).
    /// </summary>
    internal sealed class FrameworkApi
    {
        /// <summary><c>GC.AllocateUninitializedArray</c>: .NET 5.</summary>
        public static readonly FrameworkApi UninitializedArray = new FrameworkApi("NET5_0_OR_GREATER", m => m.IsAtLeast(FrameworkFamily.NetCore, 5, 0));

        /// <summary><c>System.Runtime.InteropServices.NativeMemory</c>: .NET 6.</summary>
        public static readonly FrameworkApi NativeMemory = new FrameworkApi("NET6_0_OR_GREATER", m => m.IsAtLeast(FrameworkFamily.NetCore, 6, 0));

        /// <summary><c>SkipLocalsInitAttribute</c>: .NET 5 (or a polyfill declared in the project, checked by the fix).</summary>
        public static readonly FrameworkApi SkipLocalsInit = new FrameworkApi("NET5_0_OR_GREATER", m => m.IsAtLeast(FrameworkFamily.NetCore, 5, 0));

        /// <summary>
        /// <c>System.Buffers.ArrayPool&lt;T&gt;</c> in the framework itself: .NET Core 2.1, .NET Standard 2.1.
        /// Older frameworks get it from the System.Buffers package, which a fix cannot see from another build.
        /// </summary>
        public static readonly FrameworkApi ArrayPool = new FrameworkApi(
            "NETSTANDARD2_1_OR_GREATER || NETCOREAPP2_1_OR_GREATER",
            m => m.IsAtLeast(FrameworkFamily.NetCore, 2, 1) || m.IsAtLeast(FrameworkFamily.NetStandard, 2, 1));

        private readonly Func<TargetFrameworkMoniker, bool> _availableIn;

        private FrameworkApi(string condition, Func<TargetFrameworkMoniker, bool> availableIn)
        {
            Condition = condition;
            _availableIn = availableIn;
        }

        /// <summary>The <c>#if</c> condition under which the API exists.</summary>
        public string Condition { get; }

        public bool IsAvailableIn(TargetFrameworkMoniker moniker) => _availableIn(moniker);
    }
}
