namespace ArtGallery.Imaging.Tests;

public class DecoderRefusalTests
{
    public static TheoryData<string, string> BadFiles => new()
    {
        { "truncated-png", "truncated PNG" },
        { "truncated-jpeg", "truncated JPEG" },
        { "huge-header", "100000x100000 is 10,000,000,000 pixels: decoding it needs" },
        { "huge-jpeg", "60000x50000 is 3,000,000,000 pixels: decoding it needs 11.2 GB, over the 256 MB decode limit" },
        { "bomb", "pixels: decoding it needs 309 MB, over the 256 MB decode limit (67.1 megapixels)" },
        { "elongated", "1x8192 is too elongated (8192:1, over the 8:1 limit)" },
        { "text", "not an image: PNG or JPEG only" },
        { "gif", "GIF is not accepted: PNG or JPEG only" },
        { "webp", "WebP is not accepted: PNG or JPEG only" },
        { "tiff", "TIFF is not accepted: PNG or JPEG only" },
        { "empty", "empty file (0 bytes)" },
        { "bad-crc", "bad checksum" },
        { "zip", "an archive (zip, gzip, 7z or rar), not an image" },
        { "many-text", "PNG refused: more than 256 metadata chunks" },
        { "png-text-bytes", "PNG refused: 5 MB of metadata chunks, over the 4 MB limit" },
        { "jpeg-many-com", "JPEG refused: more than 256 metadata APPn/COM segments" },
        { "jpeg-app-bytes", "JPEG refused: 5 MB of metadata APPn/COM segments, over the 4 MB limit" },
        { "jpeg-app-past-end", "truncated JPEG (ends inside its headers)" },
        { "unknown-critical", "corrupt PNG (unknown critical chunk 'ABCD')" },
    };

    internal static byte[] Make(string kind) => kind switch
    {
        "truncated-png" => TestImages.Truncated(TestImages.Png(64, 64)),
        "truncated-jpeg" => TestImages.Truncated(TestImages.Jpeg(64, 64)),
        "huge-header" => TestImages.PngClaiming(100_000, 100_000),
        "huge-jpeg" => JpegClaiming(60000, 50000),
        "bomb" => TestImages.BombPng(9000),
        "text" => "just some text, renamed to .png\n"u8.ToArray(),
        "gif" => TestImages.Gif(),
        "webp" => TestImages.WebP(),
        "tiff" => TestImages.Tiff(),
        "empty" => [],
        "bad-crc" => CorruptCrc(TestImages.Png()),
        "zip" => TestImages.Zip(("a.png", TestImages.Png())),
        "elongated" => TestImages.PngClaiming(1, 8192),
        "unknown-critical" => HostileImages.WithChunks(("ABCD", [1, 2, 3])),
        _ => HostileImages.Make(kind),
    };

    /// <summary>A real JPEG whose frame header (SOF0) is patched to claim width x height.</summary>
    private static byte[] JpegClaiming(ushort width, ushort height)
    {
        var jpeg = TestImages.Jpeg(16, 16);
        int sof = jpeg.AsSpan().IndexOf(new byte[] { 0xFF, 0xC0 });
        Assert.True(sof > 0, "baseline JPEG expected");
        jpeg[sof + 5] = (byte)(height >> 8);
        jpeg[sof + 6] = (byte)height;
        jpeg[sof + 7] = (byte)(width >> 8);
        jpeg[sof + 8] = (byte)width;
        return jpeg;
    }

    private static byte[] CorruptCrc(byte[] png)
    {
        png[^20] ^= 0x55; // inside the last IDAT's data or CRC
        return png;
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void TryDecode_BadFile_RefusedWithClearReason(string kind, string expected)
    {
        using var image = SafeImageDecoder.TryDecode(Make(kind), DatasetLimits.Default, out string reason);
        Assert.Null(image);
        Assert.Contains(expected, reason);
    }

    [Fact]
    public void TryDecode_DecompressionBomb_RefusedBeforeDecoding()
    {
        var bomb = TestImages.BombPng(9000); // 81 MP: 324 MB to decode, about 10 KB on disk
        Assert.True(bomb.Length < 64 * 1024);
        long before = GC.GetAllocatedBytesForCurrentThread();
        using var image = SafeImageDecoder.TryDecode(bomb, DatasetLimits.Default, out string reason);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Null(image);
        Assert.Equal("9000x9000 is 81,000,000 pixels: decoding it needs 309 MB, over the 256 MB decode limit (67.1 megapixels)", reason);
        Assert.True(allocated < 4 * 1024 * 1024, $"allocated {allocated} bytes refusing a bomb");
    }

    [Fact]
    public void TryDecode_BombWithinSideLimitsButOverMemoryCap_RefusedNotCrashed()
    {
        // Passes the size checks but needs a 48 MB pixel buffer against a 16 MB allocation cap.
        var limits = new DatasetLimits { AllocationLimitMegabytes = 16 };
        using var image = SafeImageDecoder.TryDecode(TestImages.BombPng(4000), limits, out string reason);
        Assert.Null(image);
        Assert.Contains("16 MB decode limit", reason);
    }

    [Fact]
    public void TryDecode_GoodPngAndJpeg_Decoded()
    {
        using var png = SafeImageDecoder.TryDecode(TestImages.Png(48, 40), DatasetLimits.Default, out _);
        using var jpeg = SafeImageDecoder.TryDecode(TestImages.Jpeg(48, 40), DatasetLimits.Default, out _);
        Assert.Equal((48, 40), (png!.Width, png.Height));
        Assert.Equal((48, 40), (jpeg!.Width, jpeg.Height));
    }
}
