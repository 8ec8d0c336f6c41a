using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging;

/// <summary>
/// Images from a folder or zip, already validated. Small square master copies (at most MasterKeepSize px) are kept
/// while they fit in half the cache budget and serve every resolution up to their size; larger resolutions and
/// images without a master are re-read from the source on a cache miss.
/// </summary>
internal sealed class UserImageDataset : IImageDataset
{
    private readonly IReadOnlyList<ImageItem> items;
    private readonly DatasetLimits limits;
    private readonly PlaneCache cache;

    /// <summary>One accepted image: where it came from, and its master copy when kept.</summary>
    internal sealed record ImageItem(string Name, Func<byte[]> Load, Rgb24[]? Master, int MasterSide)
    {
        /// <summary>What a person should know of how it was read (downscaled, nearly uniform), or null.</summary>
        public string? Warning { get; init; }

        /// <summary>Side of the full square (at most MasterSize): a master this large serves every resolution.</summary>
        public int SquareSide { get; init; }

        /// <summary>True when the master can make <paramref name="resolution"/> as well as the source could.</summary>
        public bool MasterServes(int resolution) => Master is not null && (resolution <= MasterSide || MasterSide >= SquareSide);
    }

    public UserImageDataset(string name, IReadOnlyList<ImageItem> items, DatasetLimits limits)
    {
        Name = name;
        this.items = items;
        this.limits = limits;
        this.cache = new PlaneCache(items.Count, limits.CacheBytes / 2, Produce);
    }

    public string Name { get; }

    public int Count => this.items.Count;

    /// <summary>Bytes of master copies held in memory.</summary>
    internal long MasterBytes => this.items.Sum(i => 3L * (i.Master?.Length ?? 0));

    public void Read(int index, int resolution, Span<float> destination)
    {
        if (resolution > AbstractPainter.MaxResolution)
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"Resolution must be 1..{AbstractPainter.MaxResolution}.");
        this.cache.Read(index, resolution, destination);
    }

    private byte[] Produce(int index, int resolution)
    {
        var item = this.items[index];
        if (item.MasterServes(resolution) && item.Master is { } master)
        {
            using var square = Image.LoadPixelData<Rgb24>(master, item.MasterSide, item.MasterSide);
            return ImageOps.ToPlanar(square, resolution);
        }
        using var image = SafeImageDecoder.TryDecode(item.Load(), this.limits, out string reason)
            ?? throw new DatasetException($"{item.Name} can no longer be read ({reason}); reopen the dataset");
        ImageOps.CenterSquare(image, this.limits.MasterSize);
        return ImageOps.ToPlanar(image, resolution);
    }
}
