using ArtGallery.Imaging;

namespace ArtGallery.Metrics.Tests;

public class DiversityProbeTests
{
    [Fact]
    public void Measure_CollapsedBatch_WarnsWithDuplicates()
    {
        var images = new BuiltinAbstractDataset(64).ReadAll(32);
        var probe = new DiversityProbe(images, 32);
        var signal = probe.Measure(TestData.Collapsed(images, 64), 32);
        Assert.True(signal.CollapseWarning);
        Assert.Equal(1.0, signal.DuplicateRate);
    }

    [Fact]
    public void Measure_FreshRealBatch_NoWarningRatiosNearOne()
    {
        var probe = new DiversityProbe(new BuiltinAbstractDataset(64).ReadAll(32), 32);
        var signal = probe.Measure(new BuiltinAbstractDataset(64, seed: 1).ReadAll(32), 32);
        Assert.False(signal.CollapseWarning, $"{signal}");
        Assert.InRange(signal.RelativeSpread, 0.8, 1.25);
        Assert.InRange(signal.RelativeNearest, 0.7, 1.4);
    }

    [Fact]
    public void Measure_FourModesWithSlightVariations_NearestDistanceCollapsesAndWarns()
    {
        // A generator stuck on 4 pictures rarely repeats them bit for bit: each copy is a little brighter or darker.
        var images = new BuiltinAbstractDataset(128, seed: 2).ReadAll(32);
        var probe = new DiversityProbe(images[..64], 32);
        var rng = new Random(1);
        var jittered = Enumerable.Range(0, 64).Select(i =>
        {
            float shift = (float)(rng.NextDouble() - 0.5) * 0.1f;
            return images[64 + i % 4].Select(v => Math.Clamp(v + shift, -1f, 1f)).ToArray();
        }).ToList();
        var signal = probe.Measure(jittered, 32);
        Assert.True(signal.RelativeNearest < 0.3 && signal.CollapseWarning, $"{signal}");
        Assert.InRange(signal.RelativeSpread, 0.4, 0.95); // spread alone barely notices 4 modes
    }

    [Fact]
    public void Measure_BatchOfOtherSize_ThrowsMetricsException()
    {
        var images = new BuiltinAbstractDataset(40).ReadAll(32);
        var probe = new DiversityProbe(images[..16], 32);
        var ex = Assert.Throws<MetricsException>(() => probe.Measure(images[16..], 32));
        Assert.Contains("expected 16", ex.Message);
    }
}
