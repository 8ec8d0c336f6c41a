using ArtGallery.Web.Infrastructure;

namespace ArtGallery.Web.Backups;

/// <summary>
/// The app's temp files (<c>.name.PID.tmp</c> from <see cref="Imaging.AtomicFile"/>, exports, imports, back-ups): never
/// listed as real files, never backed up, and swept at start-up after a crash.
/// </summary>
public sealed partial class TempFiles(DataPaths paths, ArtGallery.Data.ArtGalleryDatabase db, ILogger<TempFiles> logger) : IHostedService
{
    /// <summary>True for a temp file name.</summary>
    public static bool IsTemp(string fileName) => fileName.EndsWith(".tmp", StringComparison.Ordinal);

    /// <summary>Deletes temp files left under the data folder by a process that no longer runs; returns how many.</summary>
    public static int Sweep(string root)
    {
        int deleted = 0;
        foreach (var folder in new[] { "runs", "models", "datasets", "backups" }.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories))
            {
                if (WriterAlive(Path.GetFileName(file))) continue;
                try
                {
                    File.Delete(file);
                    deleted++;
                }
                catch (IOException) { /* held open: left for the next start */ }
            }
        }
        return deleted;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        int n = Sweep(paths.Root);
        if (n > 0) LogSwept(logger, n, paths.Root);
        int orphans = OrphanSweep.Sweep(paths, db);
        if (orphans > 0) LogOrphans(logger, orphans, paths.Root);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // ".ckpt-000001-00000010.agck.1234.tmp": a writer that still runs (say, the CLI training into this folder) keeps its file.
    private static bool WriterAlive(string name)
    {
        var parts = name.Split('.');
        if (parts.Length < 3 || !int.TryParse(parts[^2], out int pid) || pid == Environment.ProcessId) return false;
        if (OperatingSystem.IsLinux()) return LinuxProcessRuns(pid);
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // A killed training worker whose parent died too stays a zombie until something reaps it (a container's PID 1 may
    // never): it writes nothing any more, so its temp files are leftovers. /proc/PID/stat's state after the ")" says so.
    private static bool LinuxProcessRuns(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            int end = stat.LastIndexOf(')');
            return end > 0 && end + 2 < stat.Length && stat[end + 2] is not ('Z' or 'X');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} folder(s) left under {Root} by an interrupted import or upload")]
    private static partial void LogOrphans(ILogger logger, int count, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} temp file(s) left under {Root} by an interrupted write")]
    private static partial void LogSwept(ILogger logger, int count, string root);
}
