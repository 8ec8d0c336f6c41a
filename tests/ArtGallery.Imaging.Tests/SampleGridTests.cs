using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging.Tests;

public class SampleGridTests
{
    private static float[] Solid(int res, float r, float g, float b) =>
        [.. Enumerable.Repeat(r, res * res), .. Enumerable.Repeat(g, res * res), .. Enumerable.Repeat(b, res * res)];

    [Fact]
    public void Compose_FiveImagesThreeColumns_LayoutAndPixels()
    {
        var images = Enumerable.Range(0, 5).Select(i => Solid(4, i == 4 ? 1 : -1, -1, i == 4 ? -1 : 1)).ToList();
        using var grid = SampleGrid.Compose(images, 4, 3, padding: 2);
        Assert.Equal((3 * 4 + 4 * 2, 2 * 4 + 3 * 2), (grid.Width, grid.Height));
        Assert.Equal(new Rgb24(0, 0, 255), grid[2, 2]);            // first image
        Assert.Equal(new Rgb24(255, 0, 0), grid[2 + 6, 2 + 6]);    // fifth image: row 1, column 1
        Assert.NotEqual(new Rgb24(0, 0, 255), grid[0, 0]);         // padding
    }

    [Fact]
    public void Compose_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => SampleGrid.Compose([], 4, 2));
        Assert.Throws<ArgumentException>(() => SampleGrid.Compose([new float[3]], 4, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleGrid.Compose([Solid(4, 0, 0, 0)], 4, 0));
    }
}
