using System.Globalization;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging;

/// <summary>Opens a dataset from a spec: "builtin:abstract[?count=N&amp;seed=S]", a folder, or a .zip file.</summary>
public static class DatasetSource
{
    /// <summary>Default size of the built-in dataset.</summary>
    public const int DefaultBuiltinCount = 1000;

    /// <summary>Opens <paramref name="spec"/>; throws <see cref="DatasetException"/> with a user-facing message when unusable.</summary>
    public static (IImageDataset Dataset, DatasetReport Report) Open(string spec, DatasetLimits? limits = null)
    {
        limits ??= DatasetLimits.Default;
        if (string.IsNullOrWhiteSpace(spec)) throw new DatasetException("no dataset given: use builtin:abstract, a folder or a .zip file");
        if (spec.StartsWith(BuiltinAbstractDataset.SpecName, StringComparison.OrdinalIgnoreCase)) return OpenBuiltin(spec, limits);
        if (Directory.Exists(spec)) return Finish(spec, UserSources.FromFolder(spec, limits), limits);
        if (File.Exists(spec))
        {
            using var zip = File.OpenRead(spec);
            Span<byte> magic = stackalloc byte[4];
            if (zip.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4 || ImageSniffer.Detect(magic) != ImageSniffer.Kind.Archive)
                throw new DatasetException($"'{Path.GetFileName(spec)}' is not a folder or a .zip file");
            zip.Position = 0;
            return Finish(spec, UserSources.FromZip(zip, () => File.OpenRead(spec), limits), limits);
        }
        throw new DatasetException($"dataset '{spec}' not found: use builtin:abstract, a folder or a .zip file");
    }

    private static (IImageDataset, DatasetReport) OpenBuiltin(string spec, DatasetLimits limits)
    {
        int count = DefaultBuiltinCount, seed = 0;
        string rest = spec[BuiltinAbstractDataset.SpecName.Length..];
        if (rest.Length > 0)
        {
            if (rest[0] != '?') throw new DatasetException($"unknown built-in dataset '{spec}': use builtin:abstract");
            foreach (var part in rest[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = part.Split('=', 2);
                if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
                    || kv[0] is not ("count" or "seed") || kv[0] == "count" && (value < 1 || value > limits.MaxImages))
                    throw new DatasetException($"bad option '{part}' in '{spec}': use count=1..{limits.MaxImages} and seed=<integer>");
                if (kv[0] == "count") count = value;
                else seed = value;
            }
        }
        var ds = new BuiltinAbstractDataset(count, seed, limits.CacheBytes);
        return (ds, new DatasetReport(BuiltinAbstractDataset.SpecName, count, []));
    }

    private static (IImageDataset, DatasetReport) Finish(string spec, (List<UserImageDataset.ImageItem> Items, List<RefusedFile> Refused) found, DatasetLimits limits)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(spec)));
        var report = new DatasetReport(name, found.Items.Count, found.Refused);
        if (found.Items.Count == 0)
        {
            string why = found.Refused.Count == 0
                ? "it contains no files"
                : $"{found.Refused.Count} files skipped, e.g. {string.Join("; ", found.Refused.Take(3))}";
            throw new DatasetException($"no images in '{name}': {why}. PNG or JPEG images are needed");
        }
        return (new UserImageDataset(name, found.Items, limits), report);
    }

    internal static Rgb24[] Pixels(SixLabors.ImageSharp.Image<Rgb24> image)
    {
        var pixels = new Rgb24[image.Width * image.Height];
        image.CopyPixelDataTo(pixels);
        return pixels;
    }
}
