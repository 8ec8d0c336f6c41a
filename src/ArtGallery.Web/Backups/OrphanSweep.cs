using ArtGallery.Data;
using ArtGallery.Web.Hosting;

namespace ArtGallery.Web.Backups;

/// <summary>
/// What a killed import leaves behind, found by what no record points to: upload spools (<c>uploads/*</c>: an upload
/// only lives while its request does) and dataset folders (<c>datasets/.staging-*</c>, or a committed folder whose
/// record was never written). Removed at start-up, before any upload can begin; back-ups skip them too.
/// </summary>
public static class OrphanSweep
{
    /// <summary>Dataset folders (full paths) that no dataset record points to.</summary>
    public static IReadOnlyList<string> OrphanDatasetFolders(DataPaths paths, ArtGalleryDatabase db)
    {
        var recorded = RecordedDatasetFolders(db);
        return [.. Directory.EnumerateDirectories(paths.Datasets).Where(d => !recorded.Contains(Path.GetFullPath(d)))];
    }

    /// <summary>Full paths of the dataset folders that records point to.</summary>
    public static HashSet<string> RecordedDatasetFolders(ArtGalleryDatabase db) =>
        db.AllDatasets().Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d.Folder))).ToHashSet(StringComparer.Ordinal);

    /// <summary>Deletes orphan dataset folders and every upload spool; returns how many folders went.</summary>
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
        return deleted;
    }
}
