namespace ArtGallery.Imaging;

/// <summary>The one atomic-write helper: write a temp file beside the target, flush it to disk, rename over the target. A crash
/// leaves the old file or the new one, never half of one. The temp name <c>.NAME.PID.tmp</c> is dot-prefixed (never matched by a
/// loader's pattern) and carries the writer's process id, so the web app's start-up sweep keeps files a live writer still owns.</summary>
public static class AtomicFile
{
    /// <summary>The temp file used for <paramref name="path"/> by this process.</summary>
    public static string TempPathFor(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
    }

    /// <summary>A fresh temp file in <paramref name="folder"/> (<c>.TAG-GUID.PID.tmp</c>) for a write whose final name is not
    /// known yet (an import's number, an export named by its content hash) or that is never renamed (a spool).</summary>
    public static string NewTempPathIn(string folder, string tag) =>
        Path.Combine(folder, $".{tag}-{Guid.NewGuid():N}.{Environment.ProcessId}.tmp");

    /// <summary>Writes through <paramref name="write"/> and renames into place; the folder is created when missing.
    /// <paramref name="pauseAt"/>: the <see cref="FaultPoint"/> reached between the complete temp file and the rename.</summary>
    public static void Write(string path, Action<Stream> write, string? pauseAt = null)
    {
        var tmp = TempPathFor(path);
        Directory.CreateDirectory(Path.GetDirectoryName(tmp)!);
        try
        {
            using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            if (pauseAt is not null) FaultPoint.Reach(pauseAt, tmp);
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>Writes text (UTF-8) atomically.</summary>
    public static void WriteAllText(string path, string text) => Write(path, s =>
    {
        using var writer = new StreamWriter(s, leaveOpen: true);
        writer.Write(text);
    });
}
