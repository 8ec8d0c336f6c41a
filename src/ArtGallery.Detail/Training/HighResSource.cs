using ArtGallery.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Detail.Training;

/// <summary>A high-resolution training image: planar RGB in [-1, 1].</summary>
public sealed record HighResImage(float[] Chw, int Width, int Height);

/// <summary>Where detail training gets its high-resolution images.</summary>
public interface IHighResSource
{
    /// <summary>What the model is trained on (stored in the model file).</summary>
    string Name { get; }

    /// <summary>Image number <paramref name="index"/> (any non-negative number; sources wrap or paint fresh).</summary>
    HighResImage Get(int index, Random rng);

    /// <summary>Image <paramref name="index"/> as a centred square of side <paramref name="side"/> (planar RGB), for calibration.</summary>
    float[] Square(int index, int side);
}

/// <summary>
/// builtin:abstract painted at a random size per image (256..1024 px by default): the painter draws the same scene at
/// any resolution, so crops of big renders hold the real edges a 64 px sample only hints at.
/// </summary>
public sealed class BuiltinHighResSource(int datasetSeed = 11, int minSide = 256, int maxSide = 1024) : IHighResSource
{
    private readonly BuiltinAbstractDataset paintings = new(10_000_000, datasetSeed, cacheBytes: 0);

    /// <inheritdoc />
    public string Name => $"{BuiltinAbstractDataset.SpecName} (seed {datasetSeed}, {minSide}-{maxSide} px)";

    /// <inheritdoc />
    public HighResImage Get(int index, Random rng)
    {
        int side = rng.Next(minSide / 4, maxSide / 4 + 1) * 4;
        var chw = new float[3 * side * side];
        paintings.Read(index % paintings.Count, side, chw);
        return new HighResImage(chw, side, side);
    }

    /// <inheritdoc />
    public float[] Square(int index, int side)
    {
        var chw = new float[3 * side * side];
        paintings.Read(index % paintings.Count, side, chw);
        return chw;
    }
}

/// <summary>A folder of images (a dataset's originals, or any folder): each decoded with the import limits, long side capped.</summary>
public sealed class FolderHighResSource : IHighResSource
{
    /// <summary>Largest side kept.</summary>
    public const int MaxSide = 2048;

    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff"];
    private readonly string[] files;

    /// <summary>Lists the images in <paramref name="folder"/> (its originals/ subfolder when it has one).</summary>
    public FolderHighResSource(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder} is not a folder.");
        var originals = DatasetOriginals.FolderOf(folder);
        var root = Directory.Exists(originals) ? originals : folder;
        files = Directory.EnumerateFiles(root).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new InvalidDataException($"{root} holds no images to learn detail from.");
        Name = root;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public HighResImage Get(int index, Random rng)
    {
        using var image = Decode(index);
        double shrink = Math.Min(1, (double)MaxSide / Math.Max(image.Width, image.Height));
        int w = Math.Max(4, (int)(image.Width * shrink) / 4 * 4), h = Math.Max(4, (int)(image.Height * shrink) / 4 * 4);
        if (w != image.Width || h != image.Height) image.Mutate(x => x.Resize(w, h, KnownResamplers.Lanczos3));
        var chw = new float[3 * w * h];
        PlanarRgb.FromImage(image, chw);
        return new HighResImage(chw, w, h);
    }

    /// <inheritdoc />
    public float[] Square(int index, int side)
    {
        using var image = Decode(index);
        int crop = Math.Min(image.Width, image.Height);
        image.Mutate(x => x.Crop(new Rectangle((image.Width - crop) / 2, (image.Height - crop) / 2, crop, crop)).Resize(side, side, KnownResamplers.Lanczos3));
        var chw = new float[3 * side * side];
        PlanarRgb.FromImage(image, chw);
        return chw;
    }

    private Image<Rgb24> Decode(int index)
    {
        var path = files[index % files.Length];
        return SafeImageDecoder.TryDecode(File.ReadAllBytes(path), DatasetLimits.Default, out var reason)
            ?? throw new InvalidDataException($"{Path.GetFileName(path)}: {reason}");
    }
}
