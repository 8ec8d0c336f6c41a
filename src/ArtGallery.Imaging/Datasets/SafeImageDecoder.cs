using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging;

/// <summary>
/// Decodes untrusted bytes: PNG/JPEG only, structure, size and JPEG scans checked before any pixel is decoded,
/// metadata dropped before any decoder sees it (<see cref="MetadataGate"/>), bounded allocations, every failure
/// turned into a short reason. Never throws for bad data. The image returned carries pixels only (alpha composited).
/// </summary>
public static class SafeImageDecoder
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Configuration> Configurations = new();

    /// <summary>A configuration that knows only PNG and JPEG, with ImageSharp allocations capped (one per cap, shared: allocators pool memory).</summary>
    public static Configuration CreateConfiguration(DatasetLimits limits) =>
        Configurations.GetOrAdd(limits.AllocationLimitMegabytes, Build);

    private static Configuration Build(int allocationLimitMegabytes)
    {
        var config = new Configuration(new PngConfigurationModule(), new JpegConfigurationModule());
        // Belt and braces: the gate already removed PNG text chunks; the decoder is told to skip them too.
        config.ImageFormatsManager.SetDecoder(PngFormat.Instance, new PngDecoder { IgnoreMetadata = true });
        config.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = allocationLimitMegabytes });
        return config;
    }

    /// <summary>Validates and decodes; returns null with <paramref name="reason"/> set when the file is refused.</summary>
    public static Image<Rgb24>? TryDecode(byte[] data, DatasetLimits limits, out string reason) => TryDecode(data, limits, out reason, out _);

    /// <summary>
    /// Validates and decodes; <paramref name="note"/> says when the image was downscaled to the budget. Structure, size,
    /// scans and metadata are checked on the bytes before any decoder runs; the pixels come from <see cref="SkiaDecoder"/>.
    /// </summary>
    public static Image<Rgb24>? TryDecode(byte[] data, DatasetLimits limits, out string reason, out string? note)
    {
        note = null;
        var kind = ImageSniffer.Detect(data);
        reason = ImageSniffer.RefusalFor(kind) ?? "";
        if (reason.Length > 0) return null;
        data = PixelsOnly(data, kind, limits, out string? refusal)!;
        reason = refusal ?? "";
        if (reason.Length > 0) return null;
        string format = kind == ImageSniffer.Kind.Png ? "PNG" : "JPEG";
        try
        {
            return SkiaDecoder.Decode(data, format, limits, out reason, out note);
        }
        catch (Exception ex) when (ex is InvalidMemoryOperationException || ex.InnerException is InvalidMemoryOperationException)
        {
            reason = $"needs more memory than the {limits.AllocationLimitMegabytes} MB decode limit";
        }
        return null;
    }

    /// <summary>
    /// The refusal for a source size, or null when it can be decoded: every decoded pixel takes 4 bytes, and the buffer
    /// must fit <see cref="DatasetLimits.AllocationLimitMegabytes"/> (larger images are refused before decoding, smaller
    /// ones over the budget are downscaled); more elongated than <see cref="DatasetLimits.MaxAspectRatio"/> is refused.
    /// </summary>
    public static string? SourceRefusal(long width, long height, DatasetLimits limits)
    {
        if (width < 1 || height < 1) return $"invalid size {width}x{height}";
        long pixels = width * height, limitBytes = (long)limits.AllocationLimitMegabytes << 20;
        if (pixels > limitBytes / 4)
            return string.Create(CultureInfo.InvariantCulture,
                $"{width}x{height} is {pixels:N0} pixels: decoding it needs {SafeZip.Mb(4 * pixels)}, over the {limits.AllocationLimitMegabytes} MB decode limit ({limitBytes / 4 / 1e6:0.#} megapixels)");
        double aspect = Math.Max(width, height) / (double)Math.Min(width, height);
        if (aspect > limits.MaxAspectRatio)
            return string.Create(CultureInfo.InvariantCulture,
                $"{width}x{height} is too elongated ({Math.Ceiling(aspect * 100 - 1e-9) / 100:0.##}:1, over the {limits.MaxAspectRatio:0.##}:1 limit): its square crop would keep almost nothing");
        return null;
    }

    /// <summary>The size an image is decoded to: itself, or shrunk (aspect kept) to fit the side and pixel budget.</summary>
    public static (int Width, int Height) Fit(int width, int height, DatasetLimits limits)
    {
        double shrink = Math.Min(1, Math.Min((double)limits.MaxSide / Math.Max(width, height), Math.Sqrt(limits.MaxPixels / ((double)width * height))));
        if (shrink >= 1) return (width, height);
        return (Math.Max(1, (int)Math.Floor(width * shrink)), Math.Max(1, (int)Math.Floor(height * shrink)));
    }

    /// <summary>The bytes a decoder may see (structure checked, metadata gone), or null with <paramref name="refusal"/>.</summary>
    private static byte[]? PixelsOnly(byte[] data, ImageSniffer.Kind kind, DatasetLimits limits, out string? refusal)
    {
        if (kind == ImageSniffer.Kind.Jpeg) return MetadataGate.Jpeg(data, limits, out refusal);
        var chunks = PngChunks.Walk(data, out bool complete, limits.MaxMetadataSegments);
        refusal = Structure(data, chunks, complete, limits);
        return refusal is null ? MetadataGate.Png(data, chunks, limits, out refusal) : null;
    }

    private static string? Structure(byte[] data, List<PngChunks.Chunk> chunks, bool complete, DatasetLimits limits)
    {
        // Read the claimed size ourselves: a 100000x100000 claim is refused before any decoder sees it.
        if (PngChunks.HeaderSize(data, chunks) is not (var w, var h))
            return complete || chunks.Count > 0 ? "corrupt PNG (no IHDR header)" : "truncated PNG (ends inside its header)";
        if (SourceRefusal(w, h, limits) is { } size) return size;
        if (chunks.Count(c => c.IsAncillary) > limits.MaxMetadataSegments)
            return $"PNG refused: more than {limits.MaxMetadataSegments} metadata chunks (limit {limits.MaxMetadataSegments})";
        if (chunks.Count >= PngChunks.MaxChunks) return $"corrupt PNG (more than {PngChunks.MaxChunks} chunks)";
        if (!complete) return "truncated PNG (ends before the IEND chunk)";
        if (chunks.FirstOrDefault(c => !c.CrcOk) is { Type: not null } bad) return $"corrupt PNG (bad checksum in {bad.Type} chunk)";
        if (!chunks.Any(c => c.Type == "IDAT")) return "corrupt PNG (no image data)";
        return null;
    }
}
