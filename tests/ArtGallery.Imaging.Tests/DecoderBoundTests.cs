using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging.Tests;

/// <summary>Issue 24, class 1: no image can hang or hog the decoder; class 8: pictures come out as a person sees them.</summary>
public class DecoderBoundTests
{
    // Generous for a 2-core box under load: a refusal takes milliseconds; the old decoder never returned at all.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static (Image<Rgb24>? Image, string Reason) DecodeWithin(byte[] data, DatasetLimits? limits = null)
    {
        var decode = Task.Factory.StartNew(() =>
        {
            var image = SafeImageDecoder.TryDecode(data, limits ?? DatasetLimits.Default, out string reason);
            return (image, reason);
        }, TaskCreationOptions.LongRunning);
        Assert.True(decode.Wait(Bound), $"the decoder was still busy after {Bound.TotalSeconds} s");
        return decode.Result;
    }

    [Fact]
    public void TinyDamagedInterlacedPng_RefusedQuickly()
    {
        var png = DamagedImages.TinyInterlaced();
        Assert.Equal(69, png.Length);
        var (image, reason) = DecodeWithin(png);
        Assert.Null(image);
        Assert.Equal("truncated PNG (its image data ends early)", reason);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(1)]
    [InlineData(400)]
    public void RealInterlacedPng_MissingIdatTail_RefusedQuickly(int drop)
    {
        var (image, reason) = DecodeWithin(DamagedImages.InterlacedMissingTail(drop));
        Assert.Null(image);
        Assert.Matches("^(truncated|corrupt) PNG", reason);
    }

    [Fact]
    public void IntactInterlacedPng_DecodesToItsPixels()
    {
        var png = DamagedImages.InterlacedPng();
        var (image, reason) = DecodeWithin(png);
        using var expected = Image.Load<Rgb24>(png);
        Assert.True(image is not null, reason);
        using (image) Assert.Equal(Pixels(expected), Pixels(image));
    }

    [Fact]
    public void ProgressiveJpeg_WithinScanLimit_Decodes_ScanFlood_RefusedBeforeDecoding()
    {
        var (plain, reason) = DecodeWithin(DamagedImages.Progressive());
        Assert.True(plain is not null, reason);
        using (plain) Assert.Equal((64, 48), (plain.Width, plain.Height));

        var flood = DamagedImages.ScanFlood(extra: 150);
        Assert.Equal(160, DamagedImages.Scans(flood));
        var (image, refusal) = DecodeWithin(flood);
        Assert.Null(image);
        Assert.Equal("JPEG refused: 160 scans, over the 100-scan limit", refusal);
    }

    [Fact]
    public void HugePng_RefusedBeforeAnyPixelIsDecoded()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        using var image = SafeImageDecoder.TryDecode(TestImages.PngClaiming(20000, 20000), DatasetLimits.Default, out string reason);
        Assert.Null(image);
        Assert.StartsWith("20000x20000 is 400,000,000 pixels: decoding it needs 1.5 GB, over the 256 MB decode limit", reason);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
    }

    [Fact]
    public void OverBudgetScan_DownscaledAtDecode_NotRefused()
    {
        // The collection's 4940x8240 scan: over the 8192 px side and the 40 MP budget, within the decode limit.
        using var source = new Image<Rgb24>(4940, 8240, new Rgb24(30, 90, 150));
        var ms = new MemoryStream();
        source.Save(ms, new PngEncoder());
        using var image = SafeImageDecoder.TryDecode(ms.ToArray(), DatasetLimits.Default, out string reason, out string? note);
        Assert.True(image is not null, reason);
        Assert.True(image.Height <= 8192 && (long)image.Width * image.Height <= 40_000_000, $"{image.Width}x{image.Height}");
        Assert.InRange(image.Width / (double)image.Height, 4940 / 8240.0 - 0.002, 4940 / 8240.0 + 0.002);
        Assert.Equal(new Rgb24(30, 90, 150), image[image.Width / 2, image.Height / 2]);
        Assert.StartsWith($"downscaled from 4940x8240 to {image.Width}x{image.Height}", note);
    }

    [Fact]
    public void OverBudgetJpeg_DecodedSmallerByDct_ThenFitted()
    {
        var limits = new DatasetLimits { MaxPixels = 100_000, MaxSide = 8192 };
        using var image = SafeImageDecoder.TryDecode(TestImages.Jpeg(1200, 800), limits, out string reason, out string? note);
        Assert.True(image is not null, reason);
        Assert.Equal(SafeImageDecoder.Fit(1200, 800, limits), (image.Width, image.Height));
        Assert.True((long)image.Width * image.Height <= 100_000);
        Assert.NotNull(note);
    }

    public static TheoryData<string> TransparentKinds => new() { "rgba", "palette", "grey-alpha" };

    [Theory]
    [MemberData(nameof(TransparentKinds))]
    public void Transparency_CompositedOverGround(string kind)
    {
        var png = Transparent(kind);
        using var white = SafeImageDecoder.TryDecode(png, DatasetLimits.Default, out string reason);
        Assert.True(white is not null, reason);
        Assert.Equal(new Rgb24(255, 255, 255), white[1, 1]);     // fully transparent: the ground
        Assert.Equal(new Rgb24(0, 0, 0), white[12, 12]);        // opaque black ink stays black
        var ground = new Rgb24(10, 20, 30);
        using var dark = SafeImageDecoder.TryDecode(png, DatasetLimits.Default with { Ground = ground }, out _);
        Assert.Equal(ground, dark![1, 1]);
    }

    [Fact]
    public void HalfTransparentPixel_IsBlendedNotDropped()
    {
        using var source = new Image<Rgba32>(4, 4, new Rgba32(0, 0, 255, 128));
        var ms = new MemoryStream();
        source.Save(ms, new PngEncoder { ColorType = PngColorType.RgbWithAlpha });
        using var image = SafeImageDecoder.TryDecode(ms.ToArray(), DatasetLimits.Default, out _);
        Assert.Equal(new Rgb24(127, 127, 255), image![0, 0]);
    }

    [Theory]
    [InlineData(801, 100, "801x100 is too elongated (8.01:1, over the 8:1 limit)")]
    [InlineData(100, 8001, "100x8001 is too elongated (80.01:1, over the 8:1 limit)")]
    [InlineData(8001, 1000, "8001x1000 is too elongated (8.01:1, over the 8:1 limit)")]
    public void Elongated_RefusalNamesARatioOverTheLimit(int width, int height, string expected)
    {
        Assert.StartsWith(expected, SafeImageDecoder.SourceRefusal(width, height, DatasetLimits.Default));
        Assert.Null(SafeImageDecoder.SourceRefusal(800, 100, DatasetLimits.Default));
    }

    /// <summary>Clip art as Debian's openclipart-png ships it: a transparent ground, a black square of ink at 8..15.</summary>
    private static byte[] Transparent(string kind)
    {
        using var image = new Image<Rgba32>(24, 24, new Rgba32(0, 0, 0, 0));
        for (int y = 8; y < 16; y++) for (int x = 8; x < 16; x++) image[x, y] = new Rgba32(0, 0, 0, 255);
        var encoder = kind switch
        {
            "palette" => new PngEncoder { ColorType = PngColorType.Palette },
            "grey-alpha" => new PngEncoder { ColorType = PngColorType.GrayscaleWithAlpha },
            _ => new PngEncoder { ColorType = PngColorType.RgbWithAlpha },
        };
        var ms = new MemoryStream();
        image.Save(ms, encoder);
        var png = ms.ToArray();
        if (kind == "palette") Assert.Contains(TestImages.Chunks(png), c => c.Type == "tRNS");
        return png;
    }

    private static Rgb24[] Pixels(Image<Rgb24> image)
    {
        var pixels = new Rgb24[image.Width * image.Height];
        image.CopyPixelDataTo(pixels);
        return pixels;
    }
}
