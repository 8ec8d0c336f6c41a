using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging.Tests;

public class PrintTests
{
    [Theory]
    [InlineData("12x15", "portrait", 300, 3600, 4500)]
    [InlineData("15x12", "portrait", 300, 3600, 4500)]
    [InlineData("12x15", "landscape", 300, 4500, 3600)]
    [InlineData("8.5 x 11", "", 200, 1700, 2200)]
    [InlineData("10×10in", "LANDSCAPE", 72, 720, 720)]
    public void Create_ValidSize_ExactPixels(string size, string orientation, int dpi, int width, int height)
    {
        var spec = PrintSpec.Create(size, orientation, dpi);
        Assert.Equal((width, height), (spec.PixelWidth, spec.PixelHeight));
    }

    [Theory]
    [InlineData("12x15", "portrait", 0, "DPI must be 1..1200")]
    [InlineData("12x15", "portrait", 100000, "DPI must be 1..1200")]
    [InlineData("40x60", "portrait", 1200, "exceeds the 100 megapixel print budget")]
    [InlineData("12by15", "portrait", 300, "must look like 12x15")]
    [InlineData("-12x15", "portrait", 300, "must look like 12x15")]
    [InlineData("12x15", "diagonal", 300, "portrait or landscape")]
    public void TryCreate_Invalid_ClearError(string size, string orientation, int dpi, string expected)
    {
        Assert.False(PrintSpec.TryCreate(size, orientation, dpi, out var spec, out var error));
        Assert.Null(spec);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Render_64pxTo12x15At300_ExactSize()
    {
        using var source = AbstractPainter.Paint(3, 64, ArtFamily.Concentric);
        using var print = PrintRenderer.Render(source, PrintSpec.Create("12x15", PrintOrientation.Portrait, 300));
        Assert.Equal((3600, 4500), (print.Width, print.Height));
    }

    [Fact]
    public void Render_Landscape_ExactSize()
    {
        using var source = AbstractPainter.Paint(3, 32, ArtFamily.Waves);
        using var print = PrintRenderer.Render(source, PrintSpec.Create("4x6", PrintOrientation.Landscape, 100));
        Assert.Equal((600, 400), (print.Width, print.Height));
    }

    [Fact]
    public void Render_CropPosition_ChoosesWhichSideIsKept()
    {
        // Left half red, right half blue; a portrait crop of a square keeps 80% of the width.
        using var source = new Image<Rgb24>(64, 64);
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 64; x++)
                source[x, y] = x < 32 ? new Rgb24(255, 0, 0) : new Rgb24(0, 0, 255);
        var spec = PrintSpec.Create("4x5", PrintOrientation.Portrait, 50);
        using var left = PrintRenderer.Render(source, spec, 0);
        using var right = PrintRenderer.Render(source, spec, 1);
        Assert.True(RedShare(left) > 0.6, $"left crop red share {RedShare(left):0.00}");
        Assert.True(RedShare(right) < 0.4, $"right crop red share {RedShare(right):0.00}");
        Assert.Equal(new Rectangle(0, 0, 51, 64), PrintRenderer.CropFor(64, 64, 200, 250, 0));
        Assert.Equal(new Rectangle(13, 0, 51, 64), PrintRenderer.CropFor(64, 64, 200, 250, 1));
    }

    private static double RedShare(Image<Rgb24> image)
    {
        int red = 0;
        for (int x = 0; x < image.Width; x++) if (image[x, image.Height / 2].R > 128) red++;
        return red / (double)image.Width;
    }
}
