namespace ArtGallery.Imaging;

/// <summary>Finds and validates the images of a folder or zip (each decoded once, here).</summary>
internal static class UserSources
{
    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        // Links are not followed: a dataset folder cannot pull in files from elsewhere.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
    };

    public static (List<UserImageDataset.ImageItem>, List<RefusedFile>) FromFolder(string folder, DatasetLimits limits)
    {
        // A dataset's originals/ are the detail model's, not the GAN's: the squared training copies are enough here.
        var files = Directory.EnumerateFiles(folder, "*", Walk).Where(f => !DatasetOriginals.Holds(folder, f)).Order(StringComparer.Ordinal).ToList();
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
        return Collect(results, limits);
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
        using var image = SafeImageDecoder.TryDecode(data, limits, out string reason);
        if (image is null) return (null, new RefusedFile(name, reason));
        ImageOps.CenterSquare(image, limits.MasterSize);
        long bytes = 3L * image.Width * image.Height;
        var master = budget.TryTake(bytes) ? DatasetSource.Pixels(image) : null;
        return (new UserImageDataset.ImageItem(name, load, master, image.Width), null);
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
        private long _left = bytes;

        public bool TryTake(long n)
        {
            if (Interlocked.Add(ref _left, -n) >= 0) return true;
            Interlocked.Add(ref _left, n);
            return false;
        }
    }
}
