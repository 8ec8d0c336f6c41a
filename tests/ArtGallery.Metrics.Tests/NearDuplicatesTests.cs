namespace ArtGallery.Metrics.Tests;

public class NearDuplicatesTests
{
    [Fact]
    public void Rate_CollapsedSet_AllDuplicates()
    {
        var real = TestData.Features(200);
        double threshold = NearDuplicates.Threshold(real);
        Assert.True(threshold > 0);
        Assert.Equal(1.0, NearDuplicates.Rate(TestData.Collapsed(real, 100), threshold));
    }

    [Trait("Category","Slow")]
    [Fact]
    public void Rate_FreshRealSample_NearZero()
    {
        var all = TestData.Features(400);
        double rate = NearDuplicates.Rate(all[200..], NearDuplicates.Threshold(all[..200]));
        Assert.True(rate <= 0.02, $"rate {rate}");
    }

    [Fact]
    public void Rate_OneExactCopyAdded_CountsBothImages()
    {
        var all = TestData.Features(100);
        var withCopy = all.Append(all[0]).ToList();
        double rate = NearDuplicates.Rate(withCopy, NearDuplicates.Threshold(all));
        Assert.True(rate >= 2.0 / withCopy.Count, $"rate {rate}");
    }
}
