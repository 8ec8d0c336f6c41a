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

    /// <summary>
    /// The one parser of "builtin:abstract[?count=N&amp;seed=S]" (API, pages and CLI): false with a user-facing
    /// <paramref name="error"/> for anything else (unknown options, count outside 1..MaxImages, non-integers).
    /// <paramref name="canonical"/> is the spec with every option written out, as runs record it.
    /// </summary>
    public static bool TryParseBuiltin(string spec, DatasetLimits? limits, out int count, out int seed, out string canonical, out string? error)
    {
        limits ??= DatasetLimits.Default;
        (count, seed, canonical, error) = (DefaultBuiltinCount, 0, "", null);
        if (!spec.StartsWith(BuiltinAbstractDataset.SpecName, StringComparison.OrdinalIgnoreCase))
        {
            error = $"unknown built-in dataset '{spec}': use builtin:abstract";
            return false;
        }
        string rest = spec[BuiltinAbstractDataset.SpecName.Length..];
        if (rest.Length > 0 && rest[0] != '?') { error = $"unknown built-in dataset '{spec}': use builtin:abstract"; return false; }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in rest.Length > 0 ? rest[1..].Split('&', StringSplitOptions.RemoveEmptyEntries) : [])
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
                || kv[0] is not ("count" or "seed") || !seen.Add(kv[0]) || kv[0] == "count" && (value < 1 || value > limits.MaxImages))
            {
                error = $"bad option '{part}' in '{spec}': use count=1..{limits.MaxImages} and seed=<integer>, each at most once";
                return false;
            }
            if (kv[0] == "count") count = value;
            else seed = value;
        }
        canonical = string.Create(CultureInfo.InvariantCulture, $"{BuiltinAbstractDataset.SpecName}?count={count}&seed={seed}");
        return true;
    }

    private static (IImageDataset, DatasetReport) OpenBuiltin(string spec, DatasetLimits limits)
    {
        if (!TryParseBuiltin(spec, limits, out int count, out int seed, out _, out string? error)) throw new DatasetException(error!);
        var ds = new BuiltinAbstractDataset(count, seed, limits.CacheBytes);
        return (ds, new DatasetReport(BuiltinAbstractDataset.SpecName, count, []));
    }

    private static (IImageDataset, DatasetReport) Finish(string spec, (List<UserImageDataset.ImageItem> Items, List<RefusedFile> Refused) found, DatasetLimits limits)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(spec)));
        var report = new DatasetReport(name, found.Items.Count, found.Refused)
        {
            Warnings = [.. found.Items.Where(i => i.Warning is not null).Select(i => new FileWarning(i.Name, i.Warning!))],
        };
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
