using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging;

/// <summary>
/// PNG for downloads and prints: 8-bit RGB, sRGB declared (sRGB perceptual + matching gAMA/cHRM for older readers),
/// physical size in pHYs, and text in tEXt (Latin-1) or iTXt (UTF-8). ImageSharp 2.1 writes gAMA, pHYs and the
/// text chunks from the image's metadata; it has no sRGB or cHRM, so those two are inserted after IHDR by hand.
/// </summary>
public static class PngExport
{
    private const float SrgbGamma = 0.45455f; // gAMA 45455: the value the PNG spec pairs with sRGB

    /// <summary>
    /// Encodes <paramref name="image"/>; <paramref name="dpi"/> (if given) becomes pHYs in pixels per metre.
    /// The image's metadata is replaced by exactly what this export declares.
    /// </summary>
    public static byte[] Encode(Image<Rgb24> image, double? dpi = null, IReadOnlyDictionary<string, string>? text = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (dpi is { } d && (!double.IsFinite(d) || d <= 0 || d > 100_000))
            throw new ArgumentOutOfRangeException(nameof(dpi), dpi, "DPI must be a positive finite number up to 100000.");
        foreach (var key in text?.Keys ?? []) CheckKey(key);
        Declare(image.Metadata, dpi, text);
        var encoded = new MemoryStream();
        image.Save(encoded, new PngEncoder
        {
            ColorType = PngColorType.Rgb,
            BitDepth = PngBitDepth.Bit8,
            TextCompressionThreshold = int.MaxValue, // plain tEXt/iTXt, never zTXt: readers need no inflater
            ChunkFilter = dpi is null ? PngChunkFilter.ExcludePhysicalChunk : PngChunkFilter.None,
        });
        var png = encoded.ToArray();
        var chunks = PngChunks.Walk(png, out bool complete);
        if (!complete || chunks[0].Type != "IHDR") throw new InvalidOperationException("The PNG encoder produced an incomplete file.");

        var output = new MemoryStream(png.Length + 64);
        output.Write(PngChunks.Signature);
        output.Write(png, chunks[0].Offset, chunks[0].TotalLength);
        PngChunks.Write(output, "sRGB", [0]); // rendering intent 0 = perceptual
        PngChunks.Write(output, "cHRM", BigEndian(31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000));
        foreach (var c in chunks.Skip(1)) output.Write(png, c.Offset, c.TotalLength);
        return output.ToArray();
    }

    private static void Declare(ImageMetadata metadata, double? dpi, IReadOnlyDictionary<string, string>? text)
    {
        metadata.ExifProfile = null;
        metadata.IccProfile = null;
        metadata.XmpProfile = null;
        metadata.IptcProfile = null;
        if (dpi is { } value)
        {
            // Whole pixels per metre, as pHYs stores them; ImageSharp writes the metadata value as given.
            metadata.ResolutionUnits = PixelResolutionUnit.PixelsPerMeter;
            metadata.HorizontalResolution = metadata.VerticalResolution = Math.Round(value / 0.0254);
        }
        var png = metadata.GetPngMetadata();
        png.Gamma = SrgbGamma;
        png.TextData.Clear();
        // ImageSharp writes iTXt (UTF-8) for text outside Latin-1 and tEXt otherwise.
        foreach (var (key, val) in text ?? new Dictionary<string, string>()) png.TextData.Add(new PngTextData(key, val ?? "", "", ""));
    }

    private static void CheckKey(string key)
    {
        if (key.Length is < 1 or > 79 || key.Any(ch => ch < 32 || ch > 126) || key.StartsWith(' ') || key.EndsWith(' ') || key.Contains("  "))
            throw new ArgumentException($"PNG text key '{key}' must be 1-79 printable ASCII characters without leading, trailing or double spaces.", nameof(key));
    }

    private static byte[] BigEndian(params uint[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }
}
