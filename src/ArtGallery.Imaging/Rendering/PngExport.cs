using System.Buffers.Binary;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging;

/// <summary>
/// PNG for downloads and prints: 8-bit RGB, sRGB declared (sRGB perceptual + matching gAMA/cHRM for older readers),
/// physical size in pHYs, and text in tEXt (Latin-1) or iTXt (UTF-8). ImageSharp 2.1 writes none of sRGB and
/// only some of the rest, so the chunks are inserted after IHDR by hand, with their CRCs.
/// </summary>
public static class PngExport
{
    private static readonly HashSet<string> Replaced = ["sRGB", "gAMA", "cHRM", "iCCP", "pHYs", "tEXt", "zTXt", "iTXt", "tIME", "eXIf"];

    /// <summary>Encodes <paramref name="image"/>; <paramref name="dpi"/> (if given) becomes pHYs in pixels per metre.</summary>
    public static byte[] Encode(Image<Rgb24> image, double? dpi = null, IReadOnlyDictionary<string, string>? text = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (dpi is { } d && (!double.IsFinite(d) || d <= 0 || d > 100_000))
            throw new ArgumentOutOfRangeException(nameof(dpi), dpi, "DPI must be a positive finite number up to 100000.");
        var encoded = new MemoryStream();
        image.Save(encoded, new PngEncoder { ColorType = PngColorType.Rgb, BitDepth = PngBitDepth.Bit8 });
        var png = encoded.ToArray();
        var chunks = PngChunks.Walk(png, out bool complete);
        if (!complete || chunks[0].Type != "IHDR") throw new InvalidOperationException("The PNG encoder produced an incomplete file.");

        var output = new MemoryStream(png.Length + 512);
        output.Write(PngChunks.Signature);
        output.Write(png, chunks[0].Offset, chunks[0].TotalLength);
        PngChunks.Write(output, "sRGB", [0]); // rendering intent 0 = perceptual
        PngChunks.Write(output, "gAMA", BigEndian(45455));
        PngChunks.Write(output, "cHRM", BigEndian(31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000));
        if (dpi is { } value)
        {
            var phys = new byte[9];
            uint ppm = (uint)Math.Round(value / 0.0254);
            BinaryPrimitives.WriteUInt32BigEndian(phys, ppm);
            BinaryPrimitives.WriteUInt32BigEndian(phys.AsSpan(4), ppm);
            phys[8] = 1; // unit: metre
            PngChunks.Write(output, "pHYs", phys);
        }
        foreach (var (key, val) in text ?? new Dictionary<string, string>()) WriteText(output, key, val);
        foreach (var c in chunks.Skip(1).Where(c => !Replaced.Contains(c.Type))) output.Write(png, c.Offset, c.TotalLength);
        return output.ToArray();
    }

    private static void WriteText(Stream output, string key, string value)
    {
        if (key.Length is < 1 or > 79 || key.Any(ch => ch < 32 || ch > 126) || key.StartsWith(' ') || key.EndsWith(' ') || key.Contains("  "))
            throw new ArgumentException($"PNG text key '{key}' must be 1-79 printable ASCII characters without leading, trailing or double spaces.", nameof(key));
        value ??= "";
        var latin1 = Encoding.Latin1;
        bool isLatin1 = value.All(ch => ch is >= ' ' and <= '~' or '\n' or >= '\u00A0' and <= '\u00FF');
        var keyBytes = latin1.GetBytes(key);
        if (isLatin1)
        {
            PngChunks.Write(output, "tEXt", [.. keyBytes, 0, .. latin1.GetBytes(value)]);
            return;
        }
        // iTXt: keyword, 0, compression flag 0, method 0, empty language tag, 0, empty translated keyword, 0, UTF-8 text.
        PngChunks.Write(output, "iTXt", [.. keyBytes, 0, 0, 0, 0, 0, .. Encoding.UTF8.GetBytes(value)]);
    }

    private static byte[] BigEndian(params uint[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }
}
