using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging;

/// <summary>
/// Images from a folder or zip, already validated. Square master copies (at most MasterSize px) are kept while
/// they fit in half the cache budget; the rest are re-read from the source on a cache miss.
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

    /// <summary>Source names in index order (file paths relative to the folder, or zip entry names).</summary>
    public IReadOnlyList<string> Sources => this.items.Select(i => i.Name).ToArray();

    public void Read(int index, int resolution, Span<float> destination)
    {
        if (resolution > AbstractPainter.MaxResolution)
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"Resolution must be 1..{AbstractPainter.MaxResolution}.");
        this.cache.Read(index, resolution, destination);
    }

    private byte[] Produce(int index, int resolution)
    {
        var item = this.items[index];
        if (item.Master is { } master)
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
