namespace ArtGallery.Imaging.Tests;

public class ImageAttributesTests
{
    private static float[] Solid(int res, float r, float g, float b) =>
        [.. Enumerable.Repeat(r, res * res), .. Enumerable.Repeat(g, res * res), .. Enumerable.Repeat(b, res * res)];

    [Fact]
    public void Measure_White_BrightFlatNeutral()
    {
        var a = ImageAttributes.Measure(Solid(8, 1, 1, 1), 8);
        Assert.Equal(1, a.Brightness, 6);
        Assert.Equal(0, a.Warmth, 6);
        Assert.Equal(0, a.Contrast, 6);
        Assert.Equal(0, a.Complexity, 6);
    }

    [Fact]
    public void Measure_RedVersusBlue_WarmthSign()
    {
        Assert.Equal(1, ImageAttributes.Measure(Solid(4, 1, -1, -1), 4).Warmth, 6);
        Assert.Equal(-1, ImageAttributes.Measure(Solid(4, -1, -1, 1), 4).Warmth, 6);
    }

    [Fact]
    public void Measure_Checkerboard_HighContrastAndComplexity()
    {
        int res = 8;
        var chw = new float[3 * res * res];
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < res * res; i++)
                chw[c * res * res + i] = (i / res + i % res) % 2 == 0 ? 1 : -1;
        var a = ImageAttributes.Measure(chw, res);
        Assert.Equal(0.5, a.Brightness, 6);
        Assert.Equal(0.5, a.Contrast, 6);
        Assert.True(a.Complexity > 1.0, $"complexity {a.Complexity}");
        var smooth = ImageAttributes.Measure(Gradient(res), res);
        Assert.True(smooth.Complexity < a.Complexity / 5);
    }

    private static float[] Gradient(int res)
    {
        var chw = new float[3 * res * res];
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < res * res; i++)
                chw[c * res * res + i] = (i % res) / (float)res * 2 - 1;
        return chw;
    }
}
