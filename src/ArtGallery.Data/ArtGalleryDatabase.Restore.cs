namespace ArtGallery.Data;

public sealed partial class ArtGalleryDatabase
{
    /// <summary>
    /// After a restore into another folder: rewrites the stored absolute paths (model files, dataset folders, run dataset
    /// specs) that lie under <paramref name="oldRoot"/> so they point under <paramref name="newRoot"/> (stored relative when that
    /// is this database's folder); returns how many changed.
    /// </summary>
    public int RebasePaths(string oldRoot, string newRoot) => Write(() =>
    {
        int changed = 0;
        foreach (var m in Models.FindAll().ToList())
        {
            if (Rebase(m.Path, oldRoot, newRoot) is not { } path) continue;
            m.Path = ToStored(path);
            Models.Update(m);
            changed++;
        }
        foreach (var d in Datasets.FindAll().ToList())
        {
            if (Rebase(d.Folder, oldRoot, newRoot) is not { } folder) continue;
            d.Folder = ToStored(folder);
            Datasets.Update(d);
            changed++;
        }
        foreach (var r in Runs.FindAll().ToList())
        {
            if (Rebase(r.Dataset, oldRoot, newRoot) is not { } spec) continue;
            r.Dataset = ToStored(spec);
            Runs.Update(r);
            changed++;
        }
        return changed;
    });

    /// <summary>The path moved from one root to another; null when it is not under <paramref name="oldRoot"/>.</summary>
    public static string? Rebase(string path, string oldRoot, string newRoot)
    {
        if (string.IsNullOrEmpty(path) || !Path.IsPathRooted(path)) return null;
        var relative = Path.GetRelativePath(oldRoot, path);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return null;
        return Path.Combine(newRoot, relative);
    }
}
