namespace ArtGallery.Metrics.Tests;

public class BinCoverageTests
{
    [Fact]
    public void Compute_IdenticalSets_FullCoverageNoDifferentBins()
    {
        var x = TestData.Features(300);
        var result = BinCoverage.Compute(x, x, bins: 20);
        Assert.Equal(1.0, result.Coverage);
        Assert.Equal(0, result.StatisticallyDifferent);
        Assert.Equal(1.0, result.Occupied);
        Assert.Equal(1.0, result.RealShares.Sum(), 6);
    }

    [Fact]
    public void Compute_CollapsedToFourImages_LowCoverageManyDifferentBins()
    {
        var real = TestData.Features(300);
        var result = BinCoverage.Compute(real, TestData.Collapsed(real, 300), bins: 20);
        Assert.True(result.Occupied <= 4 / 20.0, $"occupied {result.Occupied}");
        Assert.True(result.Coverage <= 0.25, $"coverage {result.Coverage}");
        Assert.True(result.StatisticallyDifferent >= 15, $"NDB {result.StatisticallyDifferent}");
    }

    [Fact]
    public void Compute_SameSeed_SameBins()
    {
        var all = TestData.Features(300);
        var a = BinCoverage.Compute(all[..150], all[150..], bins: 10, seed: 3);
        var b = BinCoverage.Compute(all[..150], all[150..], bins: 10, seed: 3);
        Assert.Equal(a.FakeShares, b.FakeShares);
        Assert.True(a.Coverage >= 0.8, $"real-vs-real coverage {a.Coverage}");
    }

    [Fact]
    public void Fit_FewerImagesThanBins_ThrowsMetricsException()
        => Assert.Throws<MetricsException>(() => BinCoverage.Fit(TestData.Features(10), bins: 20));
}
