using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging.Tests;

public class PlanarRgbTests
{
    [Fact]
    public void FromImage_ToImage_RoundTripsEveryPixel()
    {
        using var image = TestImages.Pattern(19, 11);
        var chw = new float[3 * 19 * 11];
        PlanarRgb.FromImage(image, chw);
        using var back = PlanarRgb.ToImage(chw, 19, 11);
        for (int y = 0; y < 11; y++)
            for (int x = 0; x < 19; x++)
                Assert.Equal(image[x, y], back[x, y]);
        Assert.Equal(image[3, 2].G / 127.5f - 1f, chw[19 * 11 + 2 * 19 + 3]);
    }

    [Fact]
    public void ToImage_OutOfRange_Clamps()
    {
        using var image = PlanarRgb.ToImage(new float[] { -5, 5, 0 }, 1, 1);
        Assert.Equal(new Rgb24(0, 255, 128), image[0, 0]);
    }
}
