namespace ArtGallery.Gan.Checkpoints;

/// <summary>The checkpoints folder of a run: naming, listing, pruning, and loading with fallback.</summary>
public static class CheckpointStore
{
    /// <summary>&lt;run&gt;/checkpoints.</summary>
    public static string Folder(string runDir) => new Training.RunFolder(runDir).Checkpoints;

    /// <summary>File name for a position: kimg then step, zero-padded so names sort by age.</summary>
    public static string NameFor(long imagesSeen, long step) => $"ckpt-{imagesSeen / 1000:D6}-{step:D8}.agck";

    /// <summary>Finished checkpoints, newest first (temp files are never listed).</summary>
    public static IReadOnlyList<string> List(string runDir)
    {
        var dir = Folder(runDir);
        if (!Directory.Exists(dir)) return [];
        return Directory.GetFiles(dir, "ckpt-*.agck").Where(f => !Path.GetFileName(f).StartsWith('.'))
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();
    }

    /// <summary>Loads the newest readable checkpoint, skipping damaged ones; null when the run has none.</summary>
    public static CheckpointData? LoadLatest(string runDir, ICollection<string>? skipped = null)
    {
        foreach (var path in List(runDir))
        {
            try
            {
                return CheckpointFile.Read(path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or System.Text.Json.JsonException)
            {
                skipped?.Add($"{path}: {e.Message}");
            }
        }
        return null;
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> checkpoints.</summary>
    public static void Prune(string runDir, int keep)
    {
        foreach (var old in List(runDir).Skip(Math.Max(1, keep)))
        {
            try { File.Delete(old); }
            catch (IOException) { /* a reader may hold it; the next prune retries */ }
        }
    }
}
