namespace ArtGallery.Data;

/// <summary>
/// Paths inside the data folder are stored relative to it (the folder that holds the database file), so the folder
/// can be moved, renamed or copied: each copy resolves them to its own files. Records hand out absolute paths; paths
/// outside the data folder (the bundled model beside the app) and dataset specs ("builtin:abstract?...") stay as given.
/// </summary>
public sealed partial class ArtGalleryDatabase
{
    /// <summary>The data folder: paths stored relative are relative to it.</summary>
    public string DataRoot => Path.GetDirectoryName(FilePath)!;

    /// <summary>The stored form of <paramref name="path"/>: relative ('/'-separated) when it lies inside the data folder.</summary>
    public string ToStored(string path)
    {
        if (string.IsNullOrEmpty(path) || !Path.IsPathRooted(path)) return path;
        var relative = Path.GetRelativePath(DataRoot, Path.GetFullPath(path));
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The absolute path of a stored value (specs such as "builtin:abstract" and absolute paths unchanged).</summary>
    public string ToAbsolute(string stored) =>
        string.IsNullOrEmpty(stored) || Path.IsPathRooted(stored) || stored.Contains(':')
            ? stored : Path.GetFullPath(Path.Combine(DataRoot, stored.Replace('/', Path.DirectorySeparatorChar)));

    private DatasetRecord? Absolute(DatasetRecord? d)
    {
        if (d is not null) d.Folder = ToAbsolute(d.Folder);
        return d;
    }

    private ModelRecord? Absolute(ModelRecord? m)
    {
        if (m is not null) m.Path = ToAbsolute(m.Path);
        return m;
    }

    private TrainingRunRecord? Absolute(TrainingRunRecord? r)
    {
        if (r is not null) r.Dataset = ToAbsolute(r.Dataset);
        return r;
    }

    /// <summary>Writes <paramref name="record"/> with one path field in stored form, leaving the caller's object absolute.</summary>
    private void WithStored<T>(T record, Func<T, string> get, Action<T, string> set, Action write)
    {
        var absolute = get(record);
        set(record, ToStored(absolute));
        try { write(); }
        finally { set(record, absolute); }
    }

    /// <summary>
    /// Records written before paths were stored relative hold absolute ones. Those inside this data folder become relative;
    /// those under the folder this one was moved or copied from (found from dataset records: "OLD/datasets/ID") become
    /// relative when the same file exists here (or "OLD/datasets/ID" of a run's spec), so a copy never reads its
    /// original's files. Runs on every open; returns how many changed.
    /// </summary>
    public int MigrateAbsolutePaths() => Write(() =>
    {
        var oldRoots = Datasets.FindAll().Select(d => FormerRoot(d.Folder, "datasets", d.Id))
            .Concat(Runs.FindAll().Select(r => FormerRoot(r.Dataset, "datasets", Path.GetFileName(r.Dataset))))
            .OfType<string>().Distinct().ToList();
        string Migrate(string path)
        {
            var stored = ToStored(path);
            if (stored != path || !Path.IsPathRooted(path)) return stored;
            foreach (var root in oldRoots)
            {
                var relative = Path.GetRelativePath(root, path);
                if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) continue;
                var here = Path.Combine(DataRoot, relative);
                if (Directory.Exists(here) || File.Exists(here)) return relative.Replace(Path.DirectorySeparatorChar, '/');
            }
            return path;
        }
        int changed = 0;
        foreach (var d in Datasets.FindAll().ToList())
            if (Migrate(d.Folder) is var f && f != d.Folder) { d.Folder = f; Datasets.Update(d); changed++; }
        foreach (var m in Models.FindAll().ToList())
            if (Migrate(m.Path) is var p && p != m.Path) { m.Path = p; Models.Update(m); changed++; }
        foreach (var r in Runs.FindAll().ToList())
            if (Migrate(r.Dataset) is var s && s != r.Dataset) { r.Dataset = s; Runs.Update(r); changed++; }
        return changed;
    });

    /// <summary>"OLD" of an absolute "OLD/folder/name", or null when the path has another shape.</summary>
    private static string? FormerRoot(string path, string folder, string name)
    {
        if (!Path.IsPathRooted(path)) return null;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.GetDirectoryName(full);
        if (Path.GetFileName(full) != name || parent is null || Path.GetFileName(parent) != folder) return null;
        return Path.GetDirectoryName(parent);
    }
}
