namespace ArtGallery.Imaging;

/// <summary>Finds and validates the images of a folder or zip (each decoded once, here).</summary>
internal static class UserSources
{
    private static readonly EnumerationOptions OneLevel = new() { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };

    public static (List<UserImageDataset.ImageItem>, List<RefusedFile>) FromFolder(string folder, DatasetLimits limits)
    {
        var (found, skipped) = Walk(folder);
        // A dataset's originals/ are the detail model's, not the GAN's: the squared training copies are enough here.
        var files = found.Where(f => !DatasetOriginals.Holds(folder, f)).Order(StringComparer.Ordinal).ToList();
        var results = new (UserImageDataset.ImageItem? Item, RefusedFile? Refused)[files.Count];
        var budget = new MasterBudget(limits.CacheBytes / 2);
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            string path = files[i], name = Path.GetRelativePath(folder, path);
            long length = new FileInfo(path).Length;
            if (length == 0)
            {
                // Never opened: a FIFO also reports 0 bytes and opening it would block forever.
                results[i] = (null, new RefusedFile(name, "empty file (0 bytes)"));
                return;
            }
            if (length > limits.MaxFileBytes)
            {
                results[i] = (null, new RefusedFile(name, $"{SafeZip.Mb(length)} file exceeds the {SafeZip.Mb(limits.MaxFileBytes)} limit"));
                return;
            }
            byte[] Load() => ReadFile(path, limits);
            results[i] = Validate(name, Load(), Load, limits, budget);
        });
        var (items, refused) = Collect(results, limits);
        return (items, [.. skipped, .. refused]);
    }

    /// <summary>Files under <paramref name="folder"/>; links and dot-names are not followed but reported, one line each.</summary>
    private static (List<string> Files, List<RefusedFile> Skipped) Walk(string folder)
    {
        var files = new List<string>();
        var skipped = new List<RefusedFile>();
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var dir))
        {
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", OneLevel))
            {
                string name = Path.GetRelativePath(folder, entry.FullName);
                // Links are not followed: a dataset folder cannot pull in files from elsewhere.
                if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
                    skipped.Add(new RefusedFile(name, "symbolic link, not followed"));
                else if (entry.Name.StartsWith('.') || entry.Attributes.HasFlag(FileAttributes.Hidden))
                    skipped.Add(new RefusedFile(name, "hidden (name starts with '.'), skipped"));
                else if (entry is DirectoryInfo sub) pending.Push(sub.FullName);
                else files.Add(entry.FullName);
            }
        }
        skipped.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        return (files, skipped);
    }

    public static (List<UserImageDataset.ImageItem>, List<RefusedFile>) FromZip(Stream zip, Func<Stream> reopen, DatasetLimits limits)
    {
        var results = new List<(UserImageDataset.ImageItem?, RefusedFile?)>();
        var budget = new MasterBudget(limits.CacheBytes / 2);
        foreach (var entry in SafeZip.Read(zip, limits))
        {
            string name = entry.Name;
            if (entry.Data is null) { results.Add((null, new RefusedFile(name, entry.Refusal!))); continue; }
            results.Add(Validate(name, entry.Data, () => ReadEntry(reopen, name, limits), limits, budget));
        }
        return Collect([.. results], limits);
    }

    private static (UserImageDataset.ImageItem?, RefusedFile?) Validate(string name, byte[] data, Func<byte[]> load, DatasetLimits limits, MasterBudget budget)
    {
        using var image = SafeImageDecoder.TryDecode(data, limits, out string reason, out string? note);
        if (image is null) return (null, new RefusedFile(name, reason));
        string? warning = DatasetImporter.Join(ImageOps.UniformWarning(image), note);
        int square = Math.Min(Math.Min(image.Width, image.Height), limits.MasterSize);
        ImageOps.CenterSquare(image, Math.Min(square, limits.MasterKeepSize));
        long bytes = 3L * image.Width * image.Height;
        var master = budget.TryTake(bytes) ? DatasetSource.Pixels(image) : null;
        return (new UserImageDataset.ImageItem(name, load, master, image.Width) { Warning = warning, SquareSide = square }, null);
    }

    private static (List<UserImageDataset.ImageItem>, List<RefusedFile>) Collect((UserImageDataset.ImageItem? Item, RefusedFile? Refused)[] results, DatasetLimits limits)
    {
        var items = new List<UserImageDataset.ImageItem>();
        var refused = new List<RefusedFile>();
        foreach (var (item, no) in results)
        {
            if (no is not null) refused.Add(no);
            else if (items.Count >= limits.MaxImages) refused.Add(new RefusedFile(item!.Name, $"over the {limits.MaxImages}-image dataset limit"));
            else items.Add(item!);
        }
        return (items, refused);
    }

    private static byte[] ReadFile(string path, DatasetLimits limits)
    {
        using var s = File.OpenRead(path);
        if (s.Length > limits.MaxFileBytes) throw new DatasetException($"{path} grew past the {SafeZip.Mb(limits.MaxFileBytes)} limit");
        var data = new byte[s.Length];
        s.ReadExactly(data);
        return data;
    }

    private static byte[] ReadEntry(Func<Stream> reopen, string name, DatasetLimits limits)
    {
        using var zip = reopen();
        return SafeZip.ReadOne(zip, name, limits);
    }

    /// <summary>First come, first kept: bounded memory for master copies, shared by parallel validators.</summary>
    private sealed class MasterBudget(long bytes)
    {
        private long left = bytes;

        public bool TryTake(long n)
        {
            if (Interlocked.Add(ref left, -n) >= 0) return true;
            Interlocked.Add(ref left, n);
            return false;
        }
    }
}
