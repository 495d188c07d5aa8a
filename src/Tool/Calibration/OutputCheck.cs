namespace AllocAnalyzers.Tool.Calibration;

/// <summary>Whether a file can be written, found out before a long measurement rather than after it.</summary>
public static class OutputCheck
{
    /// <summary>Null when <paramref name="path"/> can be written (its directory is created), else why not.</summary>
    public static string? Problem(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full)) return "it is a directory";
            var directory = Path.GetDirectoryName(full);
            if (directory != null) Directory.CreateDirectory(directory);

            // Open for writing without truncating an existing profile; delete it again if it is new.
            bool existed = File.Exists(full);
            using (new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write))
            {
            }

            if (!existed) File.Delete(full);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e.Message;
        }
    }
}
