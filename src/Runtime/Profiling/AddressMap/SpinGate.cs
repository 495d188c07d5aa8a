using System.Threading;

namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// The map's lock: one compare-and-swap to enter, one store to leave. The map holds it for a
    /// few dozen instructions (no allocation except a new region or entry chunk, no blocking), so
    /// spinning beats Monitor, whose uncontended enter and exit cost about twice as much and made
    /// the lock most of a set's time (docs/profiler.md, benchmark). Under contention it backs off
    /// through SpinWait, which yields and then sleeps, so a preempted holder is not starved.
    /// A mutable struct: keep it in a non-readonly field and call it in place.
    /// </summary>
    internal struct SpinGate
    {
        private int _taken;

        public void Enter()
        {
            if (Interlocked.CompareExchange(ref _taken, 1, 0) != 0) EnterContended();
        }

        public void Exit() => Volatile.Write(ref _taken, 0);

        private void EnterContended()
        {
            var spin = new SpinWait();
            do
            {
                spin.SpinOnce();
            }
            while (Volatile.Read(ref _taken) != 0 || Interlocked.CompareExchange(ref _taken, 1, 0) != 0);
        }
    }
}
