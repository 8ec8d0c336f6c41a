using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Imaging;

/// <summary>
/// Decodes untrusted bytes: PNG/JPEG only, structure and size checked before any pixel is decoded, metadata
/// dropped before any decoder sees it (<see cref="MetadataGate"/>), bounded allocations, every failure turned
/// into a short reason. Never throws for bad data. The image returned carries pixels only.
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
    public static Image<Rgb24>? TryDecode(byte[] data, DatasetLimits limits, out string reason)
    {
        var kind = ImageSniffer.Detect(data);
        reason = ImageSniffer.RefusalFor(kind) ?? "";
        if (reason.Length > 0) return null;
        data = PixelsOnly(data, kind, limits, out string? refusal)!;
        reason = refusal ?? "";
        if (reason.Length > 0) return null;
        string format = kind == ImageSniffer.Kind.Png ? "PNG" : "JPEG";
        var config = CreateConfiguration(limits);
        try
        {
            var info = Image.Identify(config, new MemoryStream(data, writable: false));
            if (info is null) { reason = $"corrupt {format} (header not readable)"; return null; }
            reason = SizeRefusal(info.Width, info.Height, limits) ?? "";
            if (reason.Length > 0) return null;
            var image = Image.Load<Rgb24>(config, new MemoryStream(data, writable: false));
            image.Mutate(x => x.AutoOrient());
            ClearMetadata(image);
            return image;
        }
        catch (Exception ex) when (ex is InvalidMemoryOperationException || ex.InnerException is InvalidMemoryOperationException)
        {
            reason = $"needs more memory than the {limits.AllocationLimitMegabytes} MB decode limit";
        }
        catch (Exception ex) when (ex is InvalidImageContentException or ImageFormatException or NotSupportedException)
        {
            reason = $"corrupt {format} ({Trim(ex.Message)})";
        }
        catch (Exception ex)
        {
            // Decoders of hostile input can fail in unplanned ways; any failure is a refusal, never a crash.
            reason = $"{format} could not be decoded ({ex.GetType().Name})";
        }
        return null;
    }

    /// <summary>The refusal for a size, or null when it is within limits.</summary>
    public static string? SizeRefusal(long width, long height, DatasetLimits limits)
    {
        if (width < 1 || height < 1) return $"invalid size {width}x{height}";
        if (width > limits.MaxSide || height > limits.MaxSide) return $"{width}x{height} exceeds the {limits.MaxSide} px limit";
        if (width * height > limits.MaxPixels)
            return string.Create(CultureInfo.InvariantCulture,
                $"{width}x{height} is {width * height:N0} pixels, over the {limits.MaxPixels:N0}-pixel limit ({limits.MaxPixels / 1e6:0.#} megapixels)");
        double aspect = Math.Max(width, height) / (double)Math.Min(width, height);
        if (aspect > limits.MaxAspectRatio)
            return string.Create(CultureInfo.InvariantCulture,
                $"{width}x{height} is too elongated ({aspect:0.#}:1, limit {limits.MaxAspectRatio:0.#}:1): its square crop would keep almost nothing");
        return null;
    }

    private static void ClearMetadata(Image image)
    {
        // Stored copies and thumbnails are re-encoded from this image: nothing but pixels may travel on.
        image.Metadata.ExifProfile = null;
        image.Metadata.IccProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.GetPngMetadata().TextData.Clear();
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
        if (SizeRefusal(w, h, limits) is { } size) return size;
        if (chunks.Count(c => c.IsAncillary) > limits.MaxMetadataSegments)
            return $"PNG refused: more than {limits.MaxMetadataSegments} metadata chunks (limit {limits.MaxMetadataSegments})";
        if (chunks.Count >= PngChunks.MaxChunks) return $"corrupt PNG (more than {PngChunks.MaxChunks} chunks)";
        if (!complete) return "truncated PNG (ends before the IEND chunk)";
        if (chunks.FirstOrDefault(c => !c.CrcOk) is { Type: not null } bad) return $"corrupt PNG (bad checksum in {bad.Type} chunk)";
        if (!chunks.Any(c => c.Type == "IDAT")) return "corrupt PNG (no image data)";
        return null;
    }

    private static string Trim(string message)
    {
        message = message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
        return message.Length <= 120 ? message : message[..117] + "...";
    }
}
