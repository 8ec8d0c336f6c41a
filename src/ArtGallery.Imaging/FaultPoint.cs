namespace ArtGallery.Imaging;

/// <summary>
/// Test-only fault injection, so crash tests kill a process at a named moment instead of racing the scheduler.
/// With <c>ARTGALLERY_FAULT_PAUSE_AT=NAME</c> (or <c>NAME:N</c>: the N-th time this process gets there) the process stops at
/// that point: it writes the marker file <c>ARTGALLERY_FAULT_MARKER</c> (its pid on the first line, what it was doing on the
/// second) and then waits forever, for the test to kill it. The marker is created once: a later process with the same
/// environment (the worker of a resumed run) passes the point. Without the variable (always, outside tests) a point costs a
/// string comparison.
/// </summary>
public static class FaultPoint
{
    /// <summary>The switch and the marker file's path.</summary>
    public const string PauseAtVariable = "ARTGALLERY_FAULT_PAUSE_AT", MarkerVariable = "ARTGALLERY_FAULT_MARKER";

    /// <summary>A checkpoint's temp file is complete and flushed; it is not yet renamed into place (detail: the temp path).</summary>
    public const string CheckpointTempWritten = "checkpoint-temp-written";

    /// <summary>A checkpoint was renamed into place (detail: its path).</summary>
    public const string CheckpointWritten = "checkpoint-written";

    /// <summary>A detail training job reported progress (detail: the step).</summary>
    public const string DetailProgress = "detail-progress";

    /// <summary>A print holds its print slot and is about to render.</summary>
    public const string PrintRendering = "print-rendering";

    private static readonly (string Name, int Nth)? Target = Parse(Environment.GetEnvironmentVariable(PauseAtVariable));
    private static int reached;

    /// <summary>Stops here for good when this is the configured point (see the class summary); returns at once otherwise.</summary>
    public static void Reach(string name, string detail = "")
    {
        if (Target is not { } target || target.Name != name || Interlocked.Increment(ref reached) != target.Nth) return;
        var marker = Environment.GetEnvironmentVariable(MarkerVariable)
            ?? throw new InvalidOperationException($"{PauseAtVariable} is set but {MarkerVariable} is not.");
        if (!Mark(marker, $"{Environment.ProcessId}\n{detail}\n")) return;
        Thread.Sleep(Timeout.Infinite);
    }

    /// <summary>NAME or NAME:N (N >= 1) as (name, n); null when unset or malformed.</summary>
    public static (string Name, int Nth)? Parse(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting)) return null;
        var parts = setting.Trim().Split(':');
        if (parts.Length == 1) return (parts[0], 1);
        return parts.Length == 2 && int.TryParse(parts[1], out int n) && n >= 1 ? (parts[0], n) : null;
    }

    // Written whole under a temp name, then moved without overwriting: a reader never sees half a marker, and only the
    // first process to get here pauses.
    private static bool Mark(string marker, string text)
    {
        var temp = AtomicFile.TempPathFor(marker);
        File.WriteAllText(temp, text);
        try
        {
            File.Move(temp, marker, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(marker))
        {
            File.Delete(temp);
            return false;
        }
    }
}
