using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Imaging.Tests;

public class PainterTests
{
    private static byte[] Bytes(Image<Rgb24> image)
    {
        var px = new Rgb24[image.Width * image.Height];
        image.CopyPixelDataTo(px);
        return px.SelectMany(p => new[] { p.R, p.G, p.B }).ToArray();
    }

    private static double MeanAbsDiff(byte[] a, byte[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Average() / 255.0;

    [Fact]
    public void Paint_SameSeed_SameBytes()
    {
        using var a = AbstractPainter.Paint(1234, 48).Image;
        using var b = AbstractPainter.Paint(1234, 48).Image;
        Assert.Equal(Bytes(a), Bytes(b));
    }

    [Fact]
    public void Paint_DifferentSeeds_DifferentPictures()
    {
        using var a = AbstractPainter.Paint(1, 32, ArtFamily.Stripes);
        using var b = AbstractPainter.Paint(2, 32, ArtFamily.Stripes);
        Assert.True(MeanAbsDiff(Bytes(a), Bytes(b)) > 0.05);
    }

    [Fact]
    public void Paint_EachFamily_ClearlyDistinct()
    {
        var images = Enum.GetValues<ArtFamily>().Select(f => { using var i = AbstractPainter.Paint(7, 32, f); return Bytes(i); }).ToArray();
        for (int i = 0; i < images.Length; i++)
            for (int j = i + 1; j < images.Length; j++)
                Assert.True(MeanAbsDiff(images[i], images[j]) > 0.04, $"{(ArtFamily)i} vs {(ArtFamily)j} too similar");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(64)]
    [InlineData(257)]
    [InlineData(512)]
    public void Paint_AnyResolution_ExactSizeAndNotFlat(int resolution)
    {
        var (image, family) = AbstractPainter.Paint(99, resolution);
        using (image)
        {
            Assert.Equal((resolution, resolution), (image.Width, image.Height));
            Assert.Equal(AbstractPainter.FamilyOf(99), family);
            Assert.True(Bytes(image).Distinct().Count() > 8, "a painting is not a flat colour");
        }
    }

    [Fact]
    public void Paint_LowAndHighResolution_SamePicture()
    {
        for (int seed = 0; seed < 8; seed++)
        {
            var family = (ArtFamily)seed;
            using var high = AbstractPainter.Paint(seed, 256, family);
            high.Mutate(x => x.Resize(32, 32, KnownResamplers.Box));
            using var low = AbstractPainter.Paint(seed, 32, family);
            using var other = AbstractPainter.Paint(seed + 100, 32, family);
            double same = MeanAbsDiff(Bytes(high), Bytes(low)), different = MeanAbsDiff(Bytes(other), Bytes(low));
            Assert.True(same < 0.05, $"{family}: 256 px downscaled differs from 32 px by {same:0.000}");
            Assert.True(same < different, $"{family}: {same:0.000} vs another seed {different:0.000}");
        }
    }

    [Fact]
    public void FamilyOf_ManySeeds_CoversEveryFamily()
    {
        var counts = Enumerable.Range(0, 800).GroupBy(AbstractPainter.FamilyOf).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(8, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 50, 150));
    }

    [Fact]
    public void PaintPlanar_BadResolution_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AbstractPainter.PaintPlanar(1, 0, ArtFamily.Waves, new byte[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbstractPainter.PaintPlanar(1, AbstractPainter.MaxResolution + 1, ArtFamily.Waves, new byte[3]));
    }
}
