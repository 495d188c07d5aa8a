using System.Reflection;
using Microsoft.Diagnostics.NETCore.Client;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// Asks the target for its runtime version, to turn on only the event it has: AllocationSampled
/// from .NET 10, GCAllocationTick before. Listening for both costs more: GCAllocationTick comes
/// with the whole GC keyword, a dozen events with stacks per collection.
/// </summary>
/// <remarks>
/// DiagnosticsClient.GetProcessInfo (the ProcessInfo IPC command) is internal in
/// Microsoft.Diagnostics.NETCore.Client, so it is reached by reflection; if that ever fails, the
/// version is unknown and <see cref="AllocationEventSource.Auto"/> listens for both events.
/// </remarks>
internal static class RuntimeVersionProbe
{
    public const int FirstWithAllocationSampled = 10;

    public static AllocationEventSource Resolve(AllocationEventSource requested, DiagnosticsClient client)
    {
        if (requested != AllocationEventSource.Auto) return requested;
        return TryGetMajorVersion(client) switch
        {
            int major when major >= FirstWithAllocationSampled => AllocationEventSource.Sampled,
            int => AllocationEventSource.Tick,
            null => AllocationEventSource.Auto,
        };
    }

    public static int? TryGetMajorVersion(DiagnosticsClient client)
    {
        try
        {
            var info = typeof(DiagnosticsClient)
                .GetMethod("GetProcessInfo", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, null, Type.EmptyTypes, null)?
                .Invoke(client, null);
            var version = info?.GetType().GetProperty("ClrProductVersionString")?.GetValue(info) as string;
            var major = version?.Split('.', '-', '+')[0];
            return int.TryParse(major, out var value) ? value : null;
        }
        catch (Exception e) when (e is TargetInvocationException or MemberAccessException or InvalidCastException)
        {
            return null;
        }
    }
}
