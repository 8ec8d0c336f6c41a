using System.Buffers.Binary;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging.Tests;

public class PngExportTests
{
    private static readonly Dictionary<string, string> Text = new() { ["Title"] = "Seed 42", ["Software"] = "ArtGallery" };

    [Fact]
    public void Encode_WithDpi_WritesPhysInPixelsPerMetre()
    {
        var chunks = TestImages.Chunks(PngExport.Encode(TestImages.Pattern(10, 8), 300, Text));
        var phys = Assert.Single(chunks, c => c.Type == "pHYs");
        Assert.True(phys.CrcOk);
        Assert.Equal(11811u, BinaryPrimitives.ReadUInt32BigEndian(phys.Data)); // round(300 / 0.0254)
        Assert.Equal(11811u, BinaryPrimitives.ReadUInt32BigEndian(phys.Data.AsSpan(4)));
        Assert.Equal(1, phys.Data[8]); // unit: metre
    }

    [Fact]
    public void Encode_Always_DeclaresSrgbPerceptualBeforeImageData()
    {
        var chunks = TestImages.Chunks(PngExport.Encode(TestImages.Pattern(10, 8), null, null));
        Assert.Equal("IHDR", chunks[0].Type);
        var srgb = Assert.Single(chunks, c => c.Type == "sRGB");
        Assert.Equal([0], srgb.Data);
        Assert.True(chunks.FindIndex(c => c.Type == "sRGB") < chunks.FindIndex(c => c.Type == "IDAT"));
        Assert.DoesNotContain(chunks, c => c.Type == "pHYs");
        Assert.All(chunks, c => Assert.True(c.CrcOk, $"bad CRC in {c.Type}"));
        Assert.Equal("IEND", chunks[^1].Type);
    }

    [Fact]
    public void Encode_Text_WritesTextChunks()
    {
        var chunks = TestImages.Chunks(PngExport.Encode(TestImages.Pattern(10, 8), 150, Text));
        var texts = chunks.Where(c => c.Type == "tEXt").Select(c => Encoding.Latin1.GetString(c.Data)).ToArray();
        Assert.Contains("Title\0Seed 42", texts);
        Assert.Contains("Software\0ArtGallery", texts);
    }

    [Fact]
    public void Encode_Pixels_DecodeBackUnchanged()
    {
        using var image = TestImages.Pattern(13, 7);
        using var back = Image.Load<Rgb24>(PngExport.Encode(image, 300, Text));
        for (int y = 0; y < 7; y++)
            for (int x = 0; x < 13; x++)
                Assert.Equal(image[x, y], back[x, y]);
    }

    [Fact]
    public void Inspector_ReadsWhatEncodeWrote_IncludingUnicodeText()
    {
        var text = new Dictionary<string, string>(Text) { ["Comment"] = "Ölbild – 油画" };
        var info = PngInspector.Read(PngExport.Encode(TestImages.Pattern(10, 8), 300, text));
        Assert.Equal((10, 8, 300.0, true), (info.Width, info.Height, info.Dpi, info.HasSrgb));
        Assert.Equal(text, info.Text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Encode_BadDpi_Throws(double dpi) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PngExport.Encode(TestImages.Pattern(2, 2), dpi, null));

    [Fact]
    public void Encode_BadTextKey_Throws() =>
        Assert.Throws<ArgumentException>(() => PngExport.Encode(TestImages.Pattern(2, 2), null, new Dictionary<string, string> { [""] = "x" }));

    [Fact]
    public void Inspector_TruncatedPng_FormatException() =>
        Assert.Throws<FormatException>(() => PngInspector.Read(TestImages.Truncated(PngExport.Encode(TestImages.Pattern(8, 8), 72, null))));
}
