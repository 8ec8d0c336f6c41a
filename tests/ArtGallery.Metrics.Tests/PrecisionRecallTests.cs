namespace ArtGallery.Metrics.Tests;

public class PrecisionRecallTests
{
    [Fact]
    public void Compute_IdenticalSets_PrecisionAndRecallOne()
    {
        var x = TestData.Features(200);
        var result = PrecisionRecall.Compute(x, x);
        Assert.Equal(1.0, result.Precision);
        Assert.Equal(1.0, result.Recall);
    }

    [Fact]
    public void Compute_CollapsedToFourImages_RecallLowPrecisionHigh()
    {
        var real = TestData.Features(200);
        var result = PrecisionRecall.Compute(real, TestData.Collapsed(real, 200));
        Assert.True(result.Recall < 0.1, $"recall {result.Recall}");
        Assert.Equal(1.0, result.Precision); // the 4 copies are real images: realistic, just not varied
    }

    [Fact]
    public void Compute_TwoSamplesOfSameDistribution_BothHigh()
    {
        var all = TestData.Features(400);
        var result = PrecisionRecall.Compute(all[..200], all[200..]);
        Assert.True(result.Precision > 0.6 && result.Recall > 0.6, $"{result}");
    }

    [Fact]
    public void Compute_FakesFarFromReal_PrecisionZero()
    {
        var real = TestData.Features(100);
        var fake = real.Select(f => f.Select(v => v + 100f).ToArray()).ToList();
        var result = PrecisionRecall.Compute(real, fake);
        Assert.Equal(0.0, result.Precision);
        Assert.Equal(0.0, result.Recall);
    }

    [Fact]
    public void Compute_SetNoLargerThanK_ThrowsMetricsException()
    {
        var real = TestData.Features(20);
        Assert.Throws<MetricsException>(() => PrecisionRecall.Compute(real, real[..3], k: 3));
    }
}
