using System.Buffers.Binary;
using System.Text;

namespace ArtGallery.Imaging;

/// <summary>What <see cref="PngInspector"/> found in a PNG (Dpi from pHYs in metres, rounded to 0.1).</summary>
public sealed record PngInfo(int Width, int Height, double? Dpi, bool HasSrgb, IReadOnlyDictionary<string, string> Text);

/// <summary>Reads size, DPI, sRGB and text chunks straight from PNG bytes (no decoding), e.g. to check downloads.</summary>
public static class PngInspector
{
    /// <summary>Parses <paramref name="png"/>; throws <see cref="FormatException"/> if it is not a complete PNG.</summary>
    public static PngInfo Read(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (!PngChunks.HasSignature(png)) throw new FormatException("Not a PNG (bad signature).");
        var chunks = PngChunks.Walk(png, out bool complete);
        if (!complete || PngChunks.HeaderSize(png, chunks) is not (var width, var height)) throw new FormatException("Incomplete or corrupt PNG.");
        if (chunks.FirstOrDefault(c => !c.CrcOk) is { Type: not null } bad) throw new FormatException($"Bad CRC in {bad.Type} chunk.");
        var span = png.AsSpan();
        double? dpi = null;
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in chunks)
        {
            var data = span.Slice(c.Offset + 8, c.Length);
            if (c.Type == "pHYs" && c.Length == 9 && data[8] == 1)
                dpi = Math.Round(BinaryPrimitives.ReadUInt32BigEndian(data) * 0.0254, 1); // pixels per metre are whole numbers
            else if (c.Type == "tEXt" && data.IndexOf((byte)0) is int z and > 0)
                text[Encoding.Latin1.GetString(data[..z])] = Encoding.Latin1.GetString(data[(z + 1)..]);
            else if (c.Type == "iTXt" && ReadItxt(data) is { } entry)
                text[entry.Key] = entry.Value;
        }
        return new PngInfo((int)width, (int)height, dpi, chunks.Any(c => c.Type == "sRGB"), text);
    }

    private static KeyValuePair<string, string>? ReadItxt(ReadOnlySpan<byte> data)
    {
        int z = data.IndexOf((byte)0);
        if (z <= 0 || data.Length < z + 3 || data[z + 1] != 0) return null; // compressed iTXt is not needed here
        var rest = data[(z + 3)..];
        int lang = rest.IndexOf((byte)0);
        if (lang < 0) return null;
        rest = rest[(lang + 1)..];
        int translated = rest.IndexOf((byte)0);
        if (translated < 0) return null;
        return new(Encoding.Latin1.GetString(data[..z]), Encoding.UTF8.GetString(rest[(translated + 1)..]));
    }
}
