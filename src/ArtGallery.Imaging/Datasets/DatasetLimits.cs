namespace ArtGallery.Imaging;

/// <summary>Bounds applied to untrusted images and archives; defaults suit a self-hosted server.</summary>
public sealed record DatasetLimits
{
    /// <summary>Defaults.</summary>
    public static DatasetLimits Default { get; } = new();

    /// <summary>Longest side of a decoded image: a larger one is downscaled to it while it is decoded, not refused.</summary>
    public int MaxSide { get; init; } = 8192;

    /// <summary>Pixel budget of a decoded image (40 MP: a full-frame camera photo): a larger one is downscaled to it.</summary>
    public long MaxPixels { get; init; } = 40_000_000;

    /// <summary>Most scans a JPEG may have: libjpeg's own encoder writes at most 100, and each one re-walks every block.</summary>
    public int MaxJpegScans { get; init; } = 100;

    /// <summary>How transparent pixels are shown: composited over this colour (white, as a browser shows clip art).</summary>
    public SixLabors.ImageSharp.PixelFormats.Rgb24 Ground { get; init; } = new(255, 255, 255);

    /// <summary>Largest accepted file, or zip entry counting the bytes actually decompressed.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest total of decompressed bytes read from one zip; past it the whole zip is refused.</summary>
    public long MaxZipTotalBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Most entries a zip may list; more and the whole zip is refused.</summary>
    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>Most images in one dataset.</summary>
    public int MaxImages { get; init; } = 100_000;

    /// <summary>
    /// Cap on the decode buffer (4 bytes a pixel: 256 MB is 67 MP) and on any single ImageSharp buffer: a larger image
    /// is refused before it is decoded.
    /// </summary>
    public int AllocationLimitMegabytes { get; init; } = 256;

    /// <summary>Most metadata chunks (PNG ancillary) or segments (JPEG APPn/COM) in one image; they are never inflated, only dropped.</summary>
    public int MaxMetadataSegments { get; init; } = 256;

    /// <summary>Most bytes of metadata chunks or segments in one image (as stored, never inflated).</summary>
    public long MaxMetadataBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Most a side may exceed the other: a 1x8192 strip would otherwise be cropped to a 1x1 training image.</summary>
    public double MaxAspectRatio { get; init; } = 8;

    /// <summary>Longest side kept of a decoded image (imports are stored as square crops at most this size).</summary>
    public int MasterSize { get; init; } = 1024;

    /// <summary>
    /// Side of the square copy a folder or zip dataset keeps of each image in memory (49 KB at 128 px): training up to
    /// this size never re-reads a file; a larger resolution re-decodes each file once (then the plane cache holds it).
    /// </summary>
    public int MasterKeepSize { get; init; } = 128;

    /// <summary>Memory budget of the per-resolution training cache.</summary>
    public long CacheBytes { get; init; } = 1024L * 1024 * 1024;
}
