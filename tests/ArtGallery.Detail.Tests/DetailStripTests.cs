using ArtGallery.Detail.Training;

namespace ArtGallery.Detail.Tests;

/// <summary>The LR | output | HR strips the admin page shows while a detail model trains. Sequential: two trainings must
/// start from the same weights, and torch's global generator is shared with any test building a net in parallel.</summary>
[Collection("Sequential")]
public sealed class DetailStripTests
{
    [Fact]
    public void SampleEvery_ReportsCarryStripsThreeCropsWide_AndSamplingDoesNotChangeTheModel()
    {
        var reports = new List<DetailProgress>();
        using var sampled = DetailTrainer.Train(TinyDetail.Options(steps: 6) with { SampleEvery = 3 }, TinyDetail.Source, new Collect(reports));
        using var plain = DetailTrainer.Train(TinyDetail.Options(steps: 6), TinyDetail.Source);

        var strips = reports.Where(r => r.Strip is not null).ToList();
        Assert.Equal([0, 3], strips.Select(r => r.Step));
        var strip = strips[0].Strip!;
        Assert.Equal((3 * 32, 32), (strip.Width, strip.Height));
        Assert.Equal(3 * strip.Width * strip.Height, strip.Chw.Length);
        // Left third: the input enlarged with nearest neighbours, so each 4x4 block is one colour.
        Assert.Equal(strip.Chw[0], strip.Chw[3]);
        Assert.Equal(strip.Chw[0], strip.Chw[3 * strip.Width + 3]);
        // The untrained net is bicubic, so its output differs from the blocky input but stays close to the target (right third).
        Assert.NotEqual(strip.Chw[1], strip.Chw[32 + 1]);
        var input = TestImages.Painting(4, 20);
        Assert.Equal(plain.Upscale(input, 20, 20), sampled.Upscale(input, 20, 20));
        Assert.Equal(6, reports[^1].Step);
        Assert.Equal(0, reports[^1].EtaSeconds);
    }

    [Fact]
    public void SampleEvery_Zero_ClearError()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => (TinyDetail.Options() with { SampleEvery = 0 }).Validated());
        Assert.Contains("Sample interval", e.Message);
    }

    private sealed class Collect(List<DetailProgress> into) : IProgress<DetailProgress>
    {
        public void Report(DetailProgress value) => into.Add(value);
    }
}
