using System.IO.Compression;
using System.Text.Json;
using ArtGallery.Data;

namespace ArtGallery.Web.Backups;

/// <summary>What a restore did.</summary>
public sealed record RestoreReport(string DataDirectory, int Files, long Bytes, int PathsRebased);

/// <summary>
/// Unpacks a back-up into a new, empty data folder: only the entries a back-up holds, each checked to land inside the
/// folder (no "..", absolute or drive paths, no links), then the database's stored paths are moved to the new folder.
/// </summary>
public static class BackupRestore
{
    private static readonly string[] TopLevel = [BackupManifest.EntryName, BackupManifest.DatabaseEntry, .. BackupManifest.Folders];

    /// <summary>Restores <paramref name="zipPath"/> into <paramref name="targetDirectory"/> (created; must be absent or empty).</summary>
    public static RestoreReport Restore(string zipPath, string targetDirectory)
    {
        var target = Path.GetFullPath(targetDirectory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new IOException($"{target} is not empty: restore into a new folder, then point ArtGallery__DataDirectory at it.");
        using var zip = ZipFile.OpenRead(zipPath);
        var manifest = ReadManifest(zip, zipPath);
        foreach (var entry in zip.Entries) Check(entry.FullName, target);

        Directory.CreateDirectory(target);
        int files = 0;
        long bytes = 0;
        try
        {
            foreach (var entry in zip.Entries)
            {
                var destination = Check(entry.FullName, target);
                if (entry.FullName.EndsWith('/')) { Directory.CreateDirectory(destination); continue; }
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                using (var source = entry.Open())
                using (var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    source.CopyTo(output);
                    bytes += output.Length;
                    output.Flush(flushToDisk: true);
                }
                files++;
            }
            var database = Path.Combine(target, BackupManifest.DatabaseEntry);
            int rebased = File.Exists(database) ? Rebase(database, manifest.DataDirectory, target, zipPath) : 0;
            return new RestoreReport(target, files, bytes, rebased);
        }
        catch
        {
            // Half a data folder is worse than none.
            Directory.Delete(target, recursive: true);
            throw;
        }
    }

    // Opening the restored database is its check: LiteDB refuses a damaged file with its own exceptions (LiteException, and
    // others for pages it cannot parse), which become one message in words instead of an unhandled crash.
    private static int Rebase(string database, string oldRoot, string newRoot, string zipPath)
    {
        try
        {
            using var db = new ArtGalleryDatabase(database);
            return db.RebasePaths(oldRoot, newRoot);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or IOException))
        {
            throw new InvalidDataException($"{zipPath}: its {BackupManifest.DatabaseEntry} is damaged and cannot be opened ({e.Message}); nothing was restored.", e);
        }
    }

    /// <summary>The full destination of an entry; throws <see cref="InvalidDataException"/> for any name that could escape or is not ours.</summary>
    public static string Check(string entryName, string target)
    {
        var segments = entryName.Split('/');
        if (entryName.Length == 0 || entryName.Length > 1024 || entryName.Contains('\\') || entryName.Contains(':') || entryName.Contains('\0')
            || entryName.StartsWith('/') || segments.Any(s => s is ".." or ".") || segments[..^1].Any(s => s.Length == 0)
            || !TopLevel.Contains(segments[0]) || (segments.Length == 1 && Array.IndexOf(BackupManifest.Folders, segments[0]) >= 0))
            throw new InvalidDataException($"Back-up entry '{Printable(entryName)}' is not a data-folder path; nothing was restored.");
        var full = Path.GetFullPath(Path.Combine(target, entryName));
        if (!full.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidDataException($"Back-up entry '{Printable(entryName)}' points outside the data folder; nothing was restored.");
        return full;
    }

    private static BackupManifest ReadManifest(ZipArchive zip, string zipPath)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName) ?? throw new InvalidDataException($"{zipPath} has no {BackupManifest.EntryName}: not an ArtGallery back-up.");
        using var stream = entry.Open();
        var manifest = JsonSerializer.Deserialize<BackupManifest>(stream)
            ?? throw new InvalidDataException($"{zipPath}: empty {BackupManifest.EntryName}.");
        if (manifest.Format != BackupManifest.CurrentFormat)
            throw new InvalidDataException($"{zipPath} is back-up format {manifest.Format}; this version reads format {BackupManifest.CurrentFormat}.");
        return manifest;
    }

    private static string Printable(string s) => new(s.Take(120).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
