namespace AllocAnalyzers.Tool.Profiling.Lines;

/// <summary>
/// Decides which instruction a frame was at when the runtime's IL-to-native map cannot be trusted
/// (optimized code keeps only some statement boundaries, so a return address often falls in the
/// range of a neighbouring statement). The map's offset is overruled only when the method itself
/// decides: every candidate instruction lies on one line, nothing else may be a candidate, and
/// the map's own line holds no call other than a candidate (a call the JIT inlined may have
/// allocated there, on the caller's behalf, and then the map may be right). Otherwise the map's
/// answer stands: in unoptimized code it is exact.
/// </summary>
internal static class AllocatingInstructionChooser
{
    /// <param name="mapOffset">The IL offset the runtime's map gave, -1 if none.</param>
    /// <param name="lineOf">The source line of an IL offset (the sequence point holding it), 0 if unknown.</param>
    /// <returns>The IL offset to take the line from, or null to keep the map's.</returns>
    public static int? Choose(MethodIl method, Candidates candidates, int mapOffset, Func<int, int> lineOf)
    {
        if (mapOffset < 0 || candidates.Unsure || candidates.Offsets.IsEmpty) return null;
        var line = lineOf(candidates.Offsets[0]);
        if (line <= 0 || candidates.Offsets.Any(o => lineOf(o) != line)) return null; // several lines: ambiguous

        var mapLine = lineOf(mapOffset);
        if (mapLine == line) return candidates.Offsets[0];
        var inlinable = method.Instructions.Any(i =>
            AllocationInstructionFinder.IsCall(i) && !candidates.Offsets.Contains(i.Offset) && lineOf(i.Offset) == mapLine);
        return inlinable ? null : candidates.Offsets[0];
    }
}
