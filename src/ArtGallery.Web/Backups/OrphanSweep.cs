using ArtGallery.Data;
using ArtGallery.Web.Infrastructure;

namespace ArtGallery.Web.Backups;

/// <summary>
/// What a killed import leaves behind, and only that: upload spools (<c>uploads/*</c>: an upload only lives while its
/// request does), staging folders (<c>datasets/.staging-*</c>) and committed folders that still carry the import's
/// <see cref="DataPaths.PendingImportMarker"/> with no record. A dataset folder without the marker is never deleted,
/// whatever the records say (a folder moved in by hand, or records that point elsewhere): the proof is the marker.
/// Removed at start-up, before any upload can begin; back-ups skip them too.
/// </summary>
public static class OrphanSweep
{
    /// <summary>Dataset folders (full paths) that provably belong to an interrupted import.</summary>
    public static IReadOnlyList<string> OrphanDatasetFolders(DataPaths paths, ArtGalleryDatabase db)
    {
        var recorded = RecordedDatasetFolders(db);
        var ids = db.AllDatasets().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return [.. Directory.EnumerateDirectories(paths.Datasets).Where(d =>
        {
            string name = Path.GetFileName(d);
            if (recorded.Contains(Path.GetFullPath(d)) || ids.Contains(name)) return false;
            return name.StartsWith(DataPaths.StagingPrefix, StringComparison.Ordinal) || File.Exists(Path.Combine(d, DataPaths.PendingImportMarker));
        })];
    }

    /// <summary>Full paths of the dataset folders that records point to.</summary>
    public static HashSet<string> RecordedDatasetFolders(ArtGalleryDatabase db) =>
        db.AllDatasets().Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d.Folder))).ToHashSet(StringComparer.Ordinal);

    /// <summary>Deletes interrupted imports' folders and every upload spool; returns how many folders went.</summary>
    public static int Sweep(DataPaths paths, ArtGalleryDatabase db)
    {
        var doomed = OrphanDatasetFolders(paths, db).ToList();
        if (Directory.Exists(paths.Uploads)) doomed.AddRange(Directory.EnumerateDirectories(paths.Uploads));
        int deleted = 0;
        foreach (var folder in doomed)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
                deleted++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* left for the next start */ }
        }
        // Killed between the record and the marker's removal: the record owns the folder, only the marker goes.
        foreach (var folder in RecordedDatasetFolders(db)) File.Delete(Path.Combine(folder, DataPaths.PendingImportMarker));
        return deleted;
    }
}
