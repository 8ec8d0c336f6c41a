using System.Diagnostics;
using Xunit.Abstractions;

namespace ArtGallery.Imaging.Tests;

[Collection("Sequential")] // timed: keep other tests off the two cores meanwhile
public class BuiltinAbstractDatasetTests(ITestOutputHelper output)
{
    [Fact]
    public void LabelOf_EveryImage_KnownAndBalanced()
    {
        var ds = new BuiltinAbstractDataset(1000, seed: 3);
        Assert.Equal(Enum.GetNames<ArtFamily>(), ds.Labels);
        var counts = Enumerable.Range(0, ds.Count).GroupBy(ds.LabelOf).Select(g => g.Count()).ToArray();
        Assert.Equal(8, counts.Length);
        Assert.All(counts, c => Assert.Equal(125, c));
        Assert.Equal("builtin:abstract", ds.Name);
    }

    [Fact]
    public void Read_Image_MatchesPainterAndFamily()
    {
        var ds = new BuiltinAbstractDataset(16, seed: 5);
        var chw = new float[3 * 24 * 24];
        ds.Read(11, 24, chw);
        using var painted = AbstractPainter.Paint(ds.PaintSeedAt(11), 24, ds.FamilyAt(11));
        var expected = new float[chw.Length];
        PlanarRgb.FromImage(painted, expected);
        Assert.Equal(expected, chw);
        Assert.Equal(ArtFamily.Stripes, ds.FamilyAt(11));
        Assert.All(chw, v => Assert.InRange(v, -1f, 1f));
    }

    [Fact]
    public void Read_SameSeedDifferentInstances_Identical_OtherSeedDiffers()
    {
        float[] Read(int seed) { var a = new float[3 * 16 * 16]; new BuiltinAbstractDataset(8, seed).Read(2, 16, a); return a; }
        Assert.Equal(Read(1), Read(1));
        Assert.NotEqual(Read(1), Read(2));
    }

    [Fact]
    public void Read_ManyThreads_SameValuesAsSequential()
    {
        var ds = new BuiltinAbstractDataset(64);
        var parallel = new float[64][];
        Parallel.For(0, 256, i => { var a = new float[3 * 16 * 16]; ds.Read(i % 64, 16, a); parallel[i % 64] = a; });
        var fresh = new BuiltinAbstractDataset(64);
        for (int i = 0; i < 64; i++)
        {
            var a = new float[3 * 16 * 16];
            fresh.Read(i, 16, a);
            Assert.Equal(a, parallel[i]);
        }
    }

    [Trait("Category","Slow")]
    [Fact]
    public void Read_1000ImagesAt64_SecondPassComesFromTheCache()
    {
        var ds = new BuiltinAbstractDataset(1000);
        var chw = new float[3 * 64 * 64];
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < ds.Count; i++) ds.Read(i, 64, chw);
        double first = sw.Elapsed.TotalSeconds;
        sw.Restart();
        for (int i = 0; i < ds.Count; i++) ds.Read(i, 64, chw);
        double second = sw.Elapsed.TotalSeconds;
        output.WriteLine($"builtin 1000 @64: paint {first:0.00} s, cached {second:0.000} s");
        // Painting speed is a benchmark's business (it depends on the machine's load); a cached pass skips painting, so it
        // is hundreds of times faster on any machine (27 s against 0.005 s at load 27).
        Assert.True(second < first / 5, $"cached pass {second:0.000} s vs {first:0.000} s");
    }

    [Fact]
    public void Cache_OverBudget_EvictsOtherResolutionsAndStaysBounded()
    {
        long budget = 3 * 32 * 32 * 20; // room for 20 images at 32 px
        var cache = new PlaneCache(100, budget, (i, r) => new byte[3 * r * r]);
        var chw = new float[3 * 32 * 32];
        for (int i = 0; i < 100; i++) cache.Read(i, 16, chw);
        for (int i = 0; i < 100; i++) cache.Read(i, 32, chw);
        Assert.InRange(cache.Bytes, 3 * 32 * 32 * 20 - 1, budget);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_NoImages_ThrowsClearMessage(int count)
    {
        var ex = Assert.Throws<DatasetException>(() => new BuiltinAbstractDataset(count));
        Assert.Contains("at least 1", ex.Message);
    }
}
