using System.Buffers.Binary;
using System.Text;

namespace ArtGallery.E2E.Tests.Infrastructure;

/// <summary>What the tests check in a PNG: pixel size (IHDR), DPI (pHYs), sRGB and tEXt chunks.</summary>
public sealed record PngInfo(int Width, int Height, double? DpiX, double? DpiY, bool HasSrgb, IReadOnlyDictionary<string, string> Text)
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Parses the chunk headers of a PNG file (pixel data is not decoded).</summary>
    public static PngInfo Parse(ReadOnlySpan<byte> png)
    {
        if (png.Length < 33 || !png[..8].SequenceEqual(Signature)) throw new FormatException("Not a PNG file.");
        int width = 0, height = 0;
        double? dpiX = null, dpiY = null;
        var srgb = false;
        var text = new Dictionary<string, string>();
        for (var pos = 8; pos + 8 <= png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png[pos..]);
            var type = Encoding.ASCII.GetString(png.Slice(pos + 4, 4));
            var data = png.Slice(pos + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                    height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                    break;
                case "pHYs" when data[8] == 1: // unit 1 = pixels per metre
                    dpiX = BinaryPrimitives.ReadUInt32BigEndian(data) * 0.0254;
                    dpiY = BinaryPrimitives.ReadUInt32BigEndian(data[4..]) * 0.0254;
                    break;
                case "sRGB":
                    srgb = true;
                    break;
                case "tEXt":
                    var zero = data.IndexOf((byte)0);
                    if (zero > 0) text[Encoding.Latin1.GetString(data[..zero])] = Encoding.Latin1.GetString(data[(zero + 1)..]);
                    break;
                case "IEND":
                    return new PngInfo(width, height, dpiX, dpiY, srgb, text);
            }
            pos += 12 + length; // length + type + data + CRC
        }
        throw new FormatException("PNG has no IEND chunk.");
    }
}
