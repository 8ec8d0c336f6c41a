using ArtGallery.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Detail.Tests;

/// <summary>The cascade computes only what its crop reads; these pin that it still makes the picture the full cascade makes.</summary>
[Collection("Sequential")]
public sealed class CascadeRegionTests(TinyDetail tiny) : IClassFixture<TinyDetail>
{
    [Theory]
    [InlineData(12, 5, 3, 20, 30)]
    [InlineData(1000, 0, 0, 48, 48)]
    [InlineData(7, 30, 11, 3, 2)]
    public void Upscale_Part_EqualsTheWholePassCroppedThere(int tileSize, int x, int y, int w, int h)
    {
        using var model = DetailModelTests.Reload(tiny.Model, tileSize);
        using var image = PlanarRgb.ToImage(TestImages.Painting(3, 48), 48, 48);
        using var whole = model.Upscale(image);
        using var part = model.Upscale(image, new Rectangle(x, y, w, h));
        using var expected = whole.Clone(c => c.Crop(new Rectangle(4 * x, 4 * y, 4 * w, 4 * h)));
        Assert.True(MaxDifference(part, expected) <= 1, $"part differs by {MaxDifference(part, expected)}/255");
    }

    [Fact]
    public void Upscale_PartOutsideTheImage_ClearError()
    {
        using var image = PlanarRgb.ToImage(TestImages.Painting(3, 16), 16, 16);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => tiny.Model.Upscale(image, new Rectangle(10, 0, 8, 8)));
        Assert.Contains("inside the 16x16 image", error.Message);
    }

    [Theory]
    [InlineData(200, 250, 0.5, 16)]  // 2 passes, a portrait crop of a square sample
    [InlineData(330, 200, 0.2, 9)]   // 3 passes, landscape, off-centre, many tiles per level
    [InlineData(60, 60, 0.5, 1000)]  // 1 pass, no crop
    [InlineData(16, 10, 1.0, 16)]    // 0 passes: crop and resize only
    public void Render_OnlyWhatTheCropReads_SamePrintAsTheFullCascade(int width, int height, double position, int tileSize)
    {
        using var model = DetailModelTests.Reload(tiny.Model, tileSize);
        using var sample = PlanarRgb.ToImage(TestImages.Painting(5, 16), 16, 16);
        using var print = DetailCascade.Render(model, sample, width, height, position);
        using var full = FullCascade(model, sample, width, height, position);
        Assert.Equal((width, height), (print.Width, print.Height));
        Assert.True(MaxDifference(print, full) <= 1, $"print differs from the full cascade by {MaxDifference(print, full)}/255");
    }

    // The cascade as it was before it learned to skip: every pass over the whole image, then crop and resize.
    private static Image<Rgb24> FullCascade(DetailModel model, Image<Rgb24> source, int width, int height, double position)
    {
        var crop = PrintRenderer.CropFor(source.Width, source.Height, width, height, position);
        var current = source.Clone();
        for (int i = 0; i < DetailCascade.PassesFor(crop.Width, crop.Height, width, height); i++)
        {
            var next = model.Upscale(current);
            current.Dispose();
            current = next;
        }
        int f = current.Width / source.Width;
        current.Mutate(x => x.Crop(new Rectangle(crop.X * f, crop.Y * f, crop.Width * f, crop.Height * f)));
        if (current.Width != width || current.Height != height) current.Mutate(x => x.Resize(width, height, KnownResamplers.Lanczos3));
        return current;
    }

    private static int MaxDifference(Image<Rgb24> a, Image<Rgb24> b)
    {
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        int worst = 0;
        for (int y = 0; y < a.Height; y++)
            for (int x = 0; x < a.Width; x++)
            {
                Rgb24 p = a[x, y], q = b[x, y];
                worst = Math.Max(worst, Math.Max(Math.Abs(p.R - q.R), Math.Max(Math.Abs(p.G - q.G), Math.Abs(p.B - q.B))));
            }
        return worst;
    }
}
