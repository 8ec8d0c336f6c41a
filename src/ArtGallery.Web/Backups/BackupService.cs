using System.IO.Compression;
using System.Text.Json;
using ArtGallery.Data;
using ArtGallery.Imaging;
using ArtGallery.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Backups;

/// <summary>Thrown when the back-up folder's disk lacks room for a new archive; nothing was written.</summary>
public sealed class BackupSpaceException(string message) : IOException(message);

/// <summary>
/// Makes a consistent back-up of the data folder while the app runs: LiteDB's file copied under the database's write
/// gate (checkpoint, then copy), plus finished checkpoints, samples, models, datasets and sign-in keys (temp files never),
/// zipped to <c>backups/artgallery-*.zip</c> under a temp name and renamed when complete. Bounded: it starts only when
/// the disk keeps <c>BackupMinFreeMegabytes</c> free after the (uncompressed) archive, and keeps the newest
/// <c>BackupRetention</c> archives.
/// </summary>
public sealed partial class BackupService(ArtGalleryDatabase db, DataPaths paths, IOptions<ArtGalleryOptions> options, ILogger<BackupService> logger)
{
    private const string Prefix = "artgallery-";
    private readonly SemaphoreSlim one = new(1, 1);

    /// <summary>Creates a back-up off the request thread; null when another back-up is being made.</summary>
    public async Task<BackupDto?> CreateAsync(CancellationToken cancel = default)
    {
        if (!await one.WaitAsync(0, cancel)) return null;
        try { return await Task.Run(Create, cancel); }
        finally { one.Release(); }
    }

    /// <summary>Back-ups, newest first.</summary>
    public IReadOnlyList<BackupDto> All() =>
        Directory.GetFiles(paths.Backups, Prefix + "*.zip").Select(f => new FileInfo(f))
            .OrderByDescending(f => f.Name[..^9], StringComparer.Ordinal).ThenByDescending(f => f.LastWriteTimeUtc) // name less its random part
            .Select(Dto).ToList();

    /// <summary>The full path of a back-up by its file name; null for anything that is not one of ours.</summary>
    public string? PathOf(string name)
    {
        if (!SafeName.IsValid(name) || !name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(".zip", StringComparison.Ordinal)) return null;
        var path = Path.Combine(paths.Backups, name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Deletes a back-up by its file name; false when there is no such back-up.</summary>
    public bool Delete(string name)
    {
        if (PathOf(name) is not { } path) return false;
        File.Delete(path);
        LogDeleted(logger, path);
        return true;
    }

    private BackupDto Create()
    {
        var name = TimestampedId.New("artgallery", hexDigits: 4) + ".zip";
        var final = Path.Combine(paths.Backups, name);
        var tmp = AtomicFile.TempPathFor(final);
        var dbCopy = AtomicFile.NewTempPathIn(paths.Backups, "db");
        EnsureSpace();
        try
        {
            db.BackupTo(dbCopy);
            int files = 1;
            long bytes = new FileInfo(dbCopy).Length;
            var skipped = new List<string>();
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    zip.CreateEntryFromFile(dbCopy, BackupManifest.DatabaseEntry, CompressionLevel.Fastest);
                    // Datasets: only folders a record points to (never a half-written import or its staging folder).
                    var datasets = OrphanSweep.RecordedDatasetFolders(db);
                    foreach (var folder in BackupManifest.Folders)
                    {
                        var root = Path.Combine(paths.Root, folder);
                        if (!Directory.Exists(root)) continue;
                        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
                        {
                            var relative = Path.GetRelativePath(paths.Root, file).Replace(Path.DirectorySeparatorChar, '/');
                            if (TempFiles.IsTemp(Path.GetFileName(file))) continue;
                            if (folder == "datasets" && !datasets.Contains(DatasetFolderOf(root, file))) continue;
                            // Finished checkpoints are renamed into place whole, so an open sees a complete file; one
                            // pruned between listing and opening is simply not in this back-up.
                            try
                            {
                                bytes += AddFile(zip, file, relative);
                                files++;
                            }
                            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
                            {
                                skipped.Add(relative);
                            }
                        }
                    }
                    var manifest = new BackupManifest(BackupManifest.CurrentFormat, DateTime.UtcNow, paths.Root, files, bytes, skipped);
                    using var entry = zip.CreateEntry(BackupManifest.EntryName).Open();
                    JsonSerializer.Serialize(entry, manifest, new JsonSerializerOptions { WriteIndented = true });
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(tmp, final);
            LogCreated(logger, final, files, bytes);
            Prune();
            return Dto(new FileInfo(final));
        }
        finally
        {
            File.Delete(tmp);
            File.Delete(dbCopy);
        }
    }

    // The archive is at most the data it holds (plus the database copy made beside it): refuse before writing anything
    // when that would leave less than BackupMinFreeMegabytes on the disk.
    private void EnsureSpace()
    {
        long data = BackupManifest.Folders.Select(f => Path.Combine(paths.Root, f)).Where(Directory.Exists)
            .SelectMany(d => new DirectoryInfo(d).EnumerateFiles("*", SearchOption.AllDirectories)).Sum(f => f.Length);
        long needed = data + 2 * new FileInfo(db.FilePath).Length;
        long keep = options.Value.BackupMinFreeMegabytes * 1024L * 1024;
        long free = new DriveInfo(paths.Backups).AvailableFreeSpace;
        if (free - needed < keep)
            throw new BackupSpaceException($"Not enough free disk space for a back-up: it needs up to {Mb(needed)} MB and {Mb(keep)} MB must stay free, " +
                $"but {Mb(free)} MB are free. Delete old back-ups or free space, then try again.");
    }

    // Keeps the newest BackupRetention archives (0: all).
    private void Prune()
    {
        int keep = options.Value.BackupRetention;
        if (keep <= 0) return;
        foreach (var old in All().Skip(keep)) Delete(old.Name);
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static long AddFile(ZipArchive zip, string file, string entryName)
    {
        using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        // PNGs and checkpoints barely compress: store them and keep the CPU for the gallery.
        var level = file.EndsWith(".png", StringComparison.Ordinal) || file.EndsWith(".agck", StringComparison.Ordinal)
            ? CompressionLevel.NoCompression : CompressionLevel.Fastest;
        var entry = zip.CreateEntry(entryName, level);
        entry.LastWriteTime = File.GetLastWriteTimeUtc(source.SafeFileHandle);
        using var target = entry.Open();
        source.CopyTo(target);
        return source.Length;
    }

    // datasets/ds-1/img-000001.png -> <data>/datasets/ds-1
    private static string DatasetFolderOf(string datasetsRoot, string file) =>
        Path.Combine(datasetsRoot, Path.GetRelativePath(datasetsRoot, file).Split(Path.DirectorySeparatorChar)[0]);

    private static BackupDto Dto(FileInfo f) => new(f.Name, f.Length, f.LastWriteTimeUtc, $"/api/admin/backups/{f.Name}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Back-up {Path} deleted")]
    private static partial void LogDeleted(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Back-up written to {Path}: {Files} files, {Bytes} bytes")]
    private static partial void LogCreated(ILogger logger, string path, int files, long bytes);
}
