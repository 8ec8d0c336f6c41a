using System.Buffers.Binary;
using System.IO.Compression;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging.Tests;

/// <summary>Builds good and hostile image bytes for tests (PNG chunks written by the library's one chunk writer).</summary>
internal static class TestImages
{
    public static Image<Rgb24> Pattern(int width, int height, int seed = 1)
    {
        var image = new Image<Rgb24>(width, height);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                image[x, y] = new Rgb24((byte)(x * 7 + seed * 31), (byte)(y * 5 + seed * 17), (byte)((x + y) * 3));
        return image;
    }

    public static byte[] Png(int width = 48, int height = 40, int seed = 1) => Encode(Pattern(width, height, seed), new PngEncoder());

    public static byte[] Jpeg(int width = 48, int height = 40, int seed = 1) => Encode(Pattern(width, height, seed), new JpegEncoder { Quality = 90 });

    public static byte[] Gif() => Encode(Pattern(16, 16), new GifEncoder());

    public static byte[] Tiff() => Encode(Pattern(16, 16), new TiffEncoder());

    public static byte[] WebP() => Encode(Pattern(16, 16), new WebpEncoder());

    public static byte[] Encode(Image<Rgb24> image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using (image)
        {
            var ms = new MemoryStream();
            image.Save(ms, encoder);
            return ms.ToArray();
        }
    }

    public static byte[] Truncated(byte[] data, double keep = 0.6) => data[..(int)(data.Length * keep)];

    /// <summary>A structurally valid PNG whose IHDR claims <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static byte[] PngClaiming(uint width, uint height, byte bitDepth = 8, byte colorType = 2, byte[]? idat = null)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = bitDepth;
        ihdr[9] = colorType;
        var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(ms, "IHDR", ihdr);
        WriteChunk(ms, "IDAT", idat ?? Zlib(new byte[64]));
        WriteChunk(ms, "IEND", []);
        return ms.ToArray();
    }

    /// <summary>A real decompression bomb: a 1-bit all-black PNG of side x side, tiny on disk, huge once decoded to RGB.</summary>
    public static byte[] BombPng(int side)
    {
        int row = 1 + (side + 7) / 8;
        return PngClaiming((uint)side, (uint)side, bitDepth: 1, colorType: 0, idat: Zlib(new byte[(long)row * side]));
    }

    public static byte[] Zlib(byte[] raw)
    {
        var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(raw);
        return ms.ToArray();
    }

    public static void WriteChunk(Stream s, string type, byte[] data) => PngChunks.Write(s, type, data);

    /// <summary>(type, data, crc ok) of every chunk, by the library's one chunk walker.</summary>
    public static List<(string Type, byte[] Data, bool CrcOk)> Chunks(byte[] png) =>
        [.. PngChunks.Walk(png, out _).Select(c => (c.Type, c.Data(png).ToArray(), c.CrcOk))];

    /// <summary>A zip built from (name, bytes) pairs; names are written verbatim, hostile ones included.</summary>
    public static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(data);
            }
        }
        return ms.ToArray();
    }
}
