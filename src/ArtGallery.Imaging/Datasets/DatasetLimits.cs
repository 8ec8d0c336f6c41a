namespace ArtGallery.Imaging;

/// <summary>Bounds applied to untrusted images and archives; defaults suit a self-hosted server.</summary>
public sealed record DatasetLimits
{
    /// <summary>Defaults.</summary>
    public static DatasetLimits Default { get; } = new();

    /// <summary>Largest accepted width or height.</summary>
    public int MaxSide { get; init; } = 8192;

    /// <summary>Largest accepted width x height (40 MP: a full-frame camera photo).</summary>
    public long MaxPixels { get; init; } = 40_000_000;

    /// <summary>Largest accepted file, or zip entry counting the bytes actually decompressed.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest total of decompressed bytes read from one zip; past it the whole zip is refused.</summary>
    public long MaxZipTotalBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Most entries a zip may list; more and the whole zip is refused.</summary>
    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>Most images in one dataset.</summary>
    public int MaxImages { get; init; } = 100_000;

    /// <summary>Cap on any single ImageSharp buffer while decoding.</summary>
    public int AllocationLimitMegabytes { get; init; } = 256;

    /// <summary>Most metadata chunks (PNG ancillary) or segments (JPEG APPn/COM) in one image; they are never inflated, only dropped.</summary>
    public int MaxMetadataSegments { get; init; } = 256;

    /// <summary>Most bytes of metadata chunks or segments in one image (as stored, never inflated).</summary>
    public long MaxMetadataBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Most a side may exceed the other: a 1x8192 strip would otherwise be cropped to a 1x1 training image.</summary>
    public double MaxAspectRatio { get; init; } = 8;

    /// <summary>Longest side kept of a decoded image (imports are stored as square crops at most this size).</summary>
    public int MasterSize { get; init; } = 1024;

    /// <summary>Memory budget of the per-resolution training cache.</summary>
    public long CacheBytes { get; init; } = 1024L * 1024 * 1024;
}
