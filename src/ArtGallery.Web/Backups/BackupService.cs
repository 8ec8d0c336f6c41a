using System.IO.Compression;
using System.Text.Json;
using ArtGallery.Data;
using ArtGallery.Imaging;
using ArtGallery.Web.Hosting;

namespace ArtGallery.Web.Backups;

/// <summary>
/// Makes a consistent back-up of the data folder while the app runs: LiteDB's file copied under the database's write
/// gate (checkpoint, then copy), plus finished checkpoints, samples, models, datasets and sign-in keys (temp files never),
/// zipped to <c>backups/artgallery-*.zip</c> under a temp name and renamed when complete.
/// </summary>
public sealed partial class BackupService(ArtGalleryDatabase db, DataPaths paths, ILogger<BackupService> logger)
{
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
        Directory.GetFiles(paths.Backups, "artgallery-*.zip").Select(f => Dto(new FileInfo(f))).OrderByDescending(b => b.Name, StringComparer.Ordinal).ToList();

    /// <summary>The full path of a back-up by its file name; null for anything that is not one of ours.</summary>
    public string? PathOf(string name)
    {
        if (!SafeName.IsValid(name) || !name.StartsWith("artgallery-", StringComparison.Ordinal) || !name.EndsWith(".zip", StringComparison.Ordinal)) return null;
        var path = Path.Combine(paths.Backups, name);
        return File.Exists(path) ? path : null;
    }

    private BackupDto Create()
    {
        var name = TimestampedId.New("artgallery", hexDigits: 4) + ".zip";
        var final = Path.Combine(paths.Backups, name);
        var tmp = AtomicFile.TempPathFor(final);
        var dbCopy = AtomicFile.NewTempPathIn(paths.Backups, "db");
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
            return Dto(new FileInfo(final));
        }
        finally
        {
            File.Delete(tmp);
            File.Delete(dbCopy);
        }
    }

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

    private static BackupDto Dto(FileInfo f) => new(f.Name, f.Length, f.CreationTimeUtc, $"/api/admin/backups/{f.Name}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Back-up written to {Path}: {Files} files, {Bytes} bytes")]
    private static partial void LogCreated(ILogger logger, string path, int files, long bytes);
}
