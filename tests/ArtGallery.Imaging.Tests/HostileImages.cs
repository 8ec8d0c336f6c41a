using System.IO.Compression;
using System.Text;

namespace ArtGallery.Imaging.Tests;

/// <summary>Metadata bombs: small files whose text, profile or comment parts are huge once inflated or counted.</summary>
internal static class HostileImages
{
    /// <summary>Inflated size of the big bombs: past the 256 MB decode cap, as the outside test's 256 MiB zTXt was.</summary>
    public const long BigInflated = 320L << 20;

    private static readonly Lazy<byte[]> BigZeros = new(() => ZlibZeros(BigInflated));

    /// <summary>Kinds that decode (their metadata is dropped unread), with the pixels of <see cref="Plain"/>.</summary>
    public static readonly string[] Stripped = ["ztxt-bomb", "itxt-bomb", "iccp-bomb", "jpeg-com-app"];

    /// <summary>Every hostile kind of the memory test.</summary>
    public static readonly string[] All = [.. Stripped, "many-text", "jpeg-many-com", "jpeg-app-bytes"];

    public static byte[] Plain(bool jpeg = false) => jpeg ? TestImages.Jpeg(64, 64) : TestImages.Png(64, 64);

    public static byte[] Make(string kind, bool big = true)
    {
        var zeros = big ? BigZeros.Value : ZlibZeros(4 << 20);
        return kind switch
        {
            "ztxt-bomb" => WithChunks(("zTXt", [.. "Comment"u8, 0, 0, .. zeros])),
            "itxt-bomb" => WithChunks(("iTXt", [.. "XML:com.adobe.xmp"u8, 0, 1, 0, 0, 0, .. zeros])),
            "iccp-bomb" => WithChunks(("iCCP", [.. "ICC profile"u8, 0, 0, .. zeros])),
            "many-text" => WithChunks([.. Enumerable.Range(0, 200_000).Select(i => ("tEXt", Encoding.Latin1.GetBytes($"k\0{i}")))]),
            "png-text-bytes" => WithChunks(("tEXt", [.. "Comment"u8, 0, .. new byte[5 << 20]])),
            "jpeg-com-app" => JpegWith((0xFE, 65533, 3), (0xE2, 65533, 3), (0xED, 1000, 1)),
            "jpeg-many-com" => JpegWith((0xFE, 4, 300)),
            "jpeg-app-bytes" => JpegWith((0xE2, 65533, 80)),
            "jpeg-app-past-end" => [.. Plain(true)[..2], 0xFF, 0xE1, 0xFF, 0xFF, .. "Exif\0\0"u8],
            _ => throw new ArgumentException(kind),
        };
    }

    /// <summary>The plain 64x64 PNG with <paramref name="chunks"/> inserted after IHDR.</summary>
    public static byte[] WithChunks(params (string Type, byte[] Data)[] chunks)
    {
        var png = Plain();
        var ms = new MemoryStream();
        ms.Write(png, 0, 33); // signature + IHDR
        foreach (var (type, data) in chunks) PngChunks.Write(ms, type, data);
        ms.Write(png, 33, png.Length - 33);
        return ms.ToArray();
    }

    /// <summary>The plain JPEG with (marker, data bytes, count) segments inserted after SOI.</summary>
    public static byte[] JpegWith(params (byte Marker, int Bytes, int Count)[] segments)
    {
        var jpeg = Plain(jpeg: true);
        var ms = new MemoryStream();
        ms.Write(jpeg, 0, 2);
        foreach (var (marker, bytes, count) in segments)
            for (int i = 0; i < count; i++)
            {
                int length = bytes + 2;
                ms.Write([0xFF, marker, (byte)(length >> 8), (byte)length]);
                ms.Write(new byte[bytes]);
            }
        ms.Write(jpeg, 2, jpeg.Length - 2);
        return ms.ToArray();
    }

    private static byte[] ZlibZeros(long bytes)
    {
        var ms = new MemoryStream();
        var block = new byte[1 << 20];
        using (var z = new ZLibStream(ms, CompressionLevel.SmallestSize, leaveOpen: true))
            for (long left = bytes; left > 0; left -= block.Length) z.Write(block, 0, (int)Math.Min(block.Length, left));
        return ms.ToArray();
    }
}
