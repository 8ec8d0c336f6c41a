using ArtGallery.Imaging;

namespace ArtGallery.Metrics.Tests;

public class PaletteCountTests
{
    private const int Side = 32;

    // Vertical bands of the given colours (RGB in [0, 1]) plus a little pixel noise, as CHW in [-1, 1].
    private static float[] Bands(float[][] colours, int seed)
    {
        var rng = new Random(seed);
        var image = new float[3 * Side * Side];
        for (int y = 0; y < Side; y++)
            for (int x = 0; x < Side; x++)
            {
                var c = colours[x * colours.Length / Side];
                for (int ch = 0; ch < 3; ch++)
                    image[ch * Side * Side + y * Side + x] = Math.Clamp(c[ch] + (float)(rng.NextDouble() - 0.5) * 0.04f, 0, 1) * 2 - 1;
            }
        return image;
    }

    private static readonly float[][] Warm = [[0.9f, 0.3f, 0.1f], [0.5f, 0.1f, 0.1f], [1f, 0.8f, 0.3f]];
    private static readonly float[][] Cold = [[0.1f, 0.2f, 0.6f], [0.6f, 0.8f, 0.9f], [0.1f, 0.5f, 0.5f]];

    [Fact]
    public void Count_OnePaletteInManyLayouts_IsOne()
    {
        // Same three colours, bands in different orders: one palette however they are arranged.
        var images = Enumerable.Range(0, 20).Select(i => Bands([.. Warm.Skip(i % 3).Concat(Warm.Take(i % 3))], i)).ToList();
        Assert.Equal(1, PaletteCount.Count(images, Side));
    }

    [Fact]
    public void Count_TwoPalettes_IsTwo()
    {
        var images = Enumerable.Range(0, 20).Select(i => Bands(i % 2 == 0 ? Warm : Cold, i)).ToList();
        Assert.Equal(2, PaletteCount.Count(images, Side));
    }

    [Fact]
    public void Count_TakesOnlyTheSample()
    {
        var images = Enumerable.Range(0, 20).Select(i => Bands(i < 10 ? Warm : Cold, i)).ToList();
        Assert.Equal(1, PaletteCount.Count(images, Side, sample: 10));
    }

    [Fact]
    public void Count_FlatImage_ItsOneColourRepeated()
    {
        var flat = Enumerable.Repeat(0.2f, 3 * Side * Side).ToArray();
        Assert.Equal(1, PaletteCount.Count([flat, flat], Side));
        Assert.Equal(3, PaletteCount.Palette(flat, Side).Length);
    }

    [Fact]
    public void Count_BuiltinPaintings_Many()
    {
        // 20 curated palettes, each image a jittered subset in its own scene: far from the 1-3 of a collapsed G.
        var real = new BuiltinAbstractDataset(64).ReadAll(Side);
        int count = PaletteCount.Count(real, Side);
        Assert.InRange(count, 15, 64);
    }
}
