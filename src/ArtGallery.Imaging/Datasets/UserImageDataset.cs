using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging;

/// <summary>
/// Images from a folder or zip, already validated. Square master copies (at most MasterSize px) are kept while
/// they fit in half the cache budget; the rest are re-read from the source on a cache miss.
/// </summary>
internal sealed class UserImageDataset : IImageDataset
{
    private readonly IReadOnlyList<ImageItem> _items;
    private readonly DatasetLimits _limits;
    private readonly PlaneCache _cache;

    /// <summary>One accepted image: where it came from, and its master copy when kept.</summary>
    internal sealed record ImageItem(string Name, Func<byte[]> Load, Rgb24[]? Master, int MasterSide);

    public UserImageDataset(string name, IReadOnlyList<ImageItem> items, DatasetLimits limits)
    {
        Name = name;
        _items = items;
        _limits = limits;
        _cache = new PlaneCache(items.Count, limits.CacheBytes / 2, Produce);
    }

    public string Name { get; }

    public int Count => _items.Count;

    /// <summary>Source names in index order (file paths relative to the folder, or zip entry names).</summary>
    public IReadOnlyList<string> Sources => _items.Select(i => i.Name).ToArray();

    public void Read(int index, int resolution, Span<float> destination)
    {
        if (resolution > AbstractPainter.MaxResolution)
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"Resolution must be 1..{AbstractPainter.MaxResolution}.");
        _cache.Read(index, resolution, destination);
    }

    private byte[] Produce(int index, int resolution)
    {
        var item = _items[index];
        if (item.Master is { } master)
        {
            using var square = Image.LoadPixelData<Rgb24>(master, item.MasterSide, item.MasterSide);
            return ImageOps.ToPlanar(square, resolution);
        }
        using var image = SafeImageDecoder.TryDecode(item.Load(), _limits, out string reason)
            ?? throw new DatasetException($"{item.Name} can no longer be read ({reason}); reopen the dataset");
        ImageOps.CenterSquare(image, _limits.MasterSize);
        return ImageOps.ToPlanar(image, resolution);
    }
}
