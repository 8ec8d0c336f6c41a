using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging.Tests;

/// <summary>Damaged images of the kinds that hung or hogged a decoder (issue 24): interlaced PNGs short of data, scan floods.</summary>
internal static class DamagedImages
{
    /// <summary>69 bytes: a 64x64 RGB Adam7 PNG whose IDAT holds 4 bytes where 12,000 are needed (every CRC right).</summary>
    public static byte[] TinyInterlaced() => Png(64, 64, interlaced: true, TestImages.Zlib(new byte[4]));

    /// <summary>A real Adam7 PNG (photo-like noise) whose zlib stream lost its last <paramref name="drop"/> bytes, re-chunked with good CRCs.</summary>
    public static byte[] InterlacedMissingTail(int drop, int width = 96, int height = 80) =>
        Png(width, height, interlaced: true, IdatStream(InterlacedPng(width, height))[..^drop]);

    /// <summary>The intact Adam7 PNG the damaged one was cut from.</summary>
    public static byte[] InterlacedPng(int width = 96, int height = 80)
    {
        var noise = new byte[width * height * 3];
        new Random(7).NextBytes(noise);
        using var image = Image.LoadPixelData<Rgb24>(noise, width, height);
        var ms = new MemoryStream();
        image.Save(ms, new PngEncoder { InterlaceMethod = PngInterlaceMode.Adam7, ColorType = PngColorType.Rgb });
        return ms.ToArray();
    }

    /// <summary>A 64x48 progressive JPEG from libjpeg-turbo's cjpeg (10 scans).</summary>
    public static byte[] Progressive() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Resources", "progressive-64x48.jpg"));

    /// <summary>The progressive JPEG with its last scan repeated <paramref name="extra"/> more times before EOI.</summary>
    public static byte[] ScanFlood(int extra)
    {
        var jpeg = Progressive();
        int lastScan = jpeg.AsSpan().LastIndexOf(new byte[] { 0xFF, 0xDA });
        var scan = jpeg[lastScan..^2];
        var ms = new MemoryStream();
        ms.Write(jpeg, 0, jpeg.Length - 2);
        for (int i = 0; i < extra; i++) ms.Write(scan);
        ms.Write([0xFF, 0xD9]);
        return ms.ToArray();
    }

    /// <summary>Number of SOS markers.</summary>
    public static int Scans(byte[] jpeg)
    {
        int n = 0;
        for (int i = 0; i + 1 < jpeg.Length; i++) if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xDA) n++;
        return n;
    }

    private static byte[] IdatStream(byte[] png)
    {
        var ms = new MemoryStream();
        foreach (var c in PngChunks.Walk(png, out _).Where(c => c.Type == "IDAT")) ms.Write(c.Data(png));
        return ms.ToArray();
    }

    private static byte[] Png(int width, int height, bool interlaced, byte[] idat)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        (ihdr[8], ihdr[9], ihdr[12]) = (8, 2, (byte)(interlaced ? 1 : 0));
        var ms = new MemoryStream();
        ms.Write(PngChunks.Signature);
        PngChunks.Write(ms, "IHDR", ihdr);
        PngChunks.Write(ms, "IDAT", idat);
        PngChunks.Write(ms, "IEND", []);
        return ms.ToArray();
    }
}
