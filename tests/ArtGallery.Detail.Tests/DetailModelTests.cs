using ArtGallery.Detail.Quality;
using ArtGallery.Detail.Training;

namespace ArtGallery.Detail.Tests;

[Collection("Sequential")]
public sealed class DetailModelTests(TinyDetail tiny) : IClassFixture<TinyDetail>
{
    [Theory]
    [InlineData(16, 16)]
    [InlineData(8, 5)]
    [InlineData(40, 24)]
    public void Upscale_AnySize_IsFourTimesEachSide(int width, int height)
    {
        var output = tiny.Model.Upscale(TestImages.Gradient(width, height), width, height);
        Assert.Equal(3 * 16 * width * height, output.Length);
        Assert.All(output, v => Assert.InRange(v, -1f, 1f));
    }

    [Fact]
    public void Upscale_Tiled_EqualsUntiledAwayFromBorderAndShowsNoSeam()
    {
        var input = TestImages.Painting(3, 48);
        var gradient = TestImages.Gradient(48, 48);
        using var tiled = Reload(tiny.Model, tileSize: 12);
        using var whole = Reload(tiny.Model, tileSize: 1000);
        foreach (var image in new[] { input, gradient })
        {
            var a = tiled.Upscale(image, 48, 48);
            var b = whole.Upscale(image, 48, 48);
            double worst = 0;
            for (int c = 0; c < 3; c++)
                for (int y = 8; y < 184; y++)
                    for (int x = 8; x < 184; x++)
                        worst = Math.Max(worst, Math.Abs(a[c * 192 * 192 + y * 192 + x] - b[c * 192 * 192 + y * 192 + x]));
            // 1/255 of the 0..1 range is 2/255 in [-1, 1] units.
            Assert.True(worst < 2.0 / 255, $"tiled differs from untiled by {worst * 127.5:0.00}/255");
        }
    }

    [Fact]
    public void Upscale_SameInputTwice_SameOutput()
    {
        var input = TestImages.Painting(4, 20);
        Assert.Equal(tiny.Model.Upscale(input, 20, 20), tiny.Model.Upscale(input, 20, 20));
    }

    [Trait("Category","Slow")]
    [Fact]
    public void Train_FewSteps_BeatsBicubicOnItsPaintings()
    {
        double bicubic = 0, detail = 0;
        using var untrained = DetailTrainer.Train(TinyDetail.Options(steps: 1) with { LearningRate = 1e-12 }, TinyDetail.Source);
        for (int i = 0; i < 4; i++)
        {
            var truth = TinyDetail.Source.Square(i, 64);
            var low = Degradation.Apply(Shrink(truth), 16, 16, DegradationProfile.Clean, i);
            // The input is clean, and a conditioned model is told so (the default would say "a generator sample").
            bicubic += ImageQuality.Psnr(untrained.Upscale(low, 16, 16, input: DegradationProfile.Clean), truth);
            detail += ImageQuality.Psnr(tiny.Model.Upscale(low, 16, 16, input: DegradationProfile.Clean), truth);
        }
        Assert.True(detail > bicubic + 0.3 * 4, $"detail {detail / 4:0.00} dB vs bicubic {bicubic / 4:0.00} dB");
    }

    [Trait("Category","Slow")]
    [Fact]
    public void Train_ContinueFrom_StartsFromItsWeightsAndAddsItsSteps()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ag-detail-{Guid.NewGuid():N}.agdetail");
        try
        {
            tiny.Model.Save(path);
            // A learning rate of ~0 keeps the weights: the continued model must upscale exactly as the one it started from.
            using var continued = DetailTrainer.Train(TinyDetail.Options(steps: 2) with { LearningRate = 1e-30, ContinueFrom = path }, TinyDetail.Source);
            Assert.Equal(tiny.Model.Info.Steps + 2, continued.Info.Steps);
            var input = TestImages.Painting(5, 12);
            Assert.Equal(tiny.Model.Upscale(input, 12, 12), continued.Upscale(input, 12, 12));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Train_StoppedBeforeTheFirstStep_ThrowsBeforePaintingItsImages()
    {
        // A stop while the pool is being painted (seconds per big image) must not wait for all of it.
        var source = new CountingSource();
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();
        Assert.Throws<OperationCanceledException>(() => DetailTrainer.Train(TinyDetail.Options(steps: 2), source, cancel: stopped.Token));
        Assert.Equal(0, source.Painted);
    }

    [Fact]
    public void Calibration_Stopped_ThrowsInsteadOfFinishingTheSearch()
    {
        var samples = new[] { TestImages.Painting(1, 16), TestImages.Painting(2, 16) };
        var real = new[] { TestImages.Painting(3, 64), TestImages.Painting(4, 64) };
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();
        Assert.Throws<OperationCanceledException>(() => SpectrumCalibration.Fit(samples, real, 16, cancel: stopped.Token));
        Assert.True(SpectrumCalibration.Fit(samples, real, 16).Error >= 0); // and without a stop it runs to the end
    }

    private sealed class CountingSource : IHighResSource
    {
        public int Painted { get; private set; }

        public string Name => "counting";

        public HighResImage Get(int index, Random rng)
        {
            Painted++;
            return TinyDetail.Source.Get(index, rng);
        }

        public float[] Square(int index, int side) => TinyDetail.Source.Square(index, side);
    }

    [Fact]
    public void SaveLoad_RoundTrip_SameWeightsHeaderAndId()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ag-detail-{Guid.NewGuid():N}.agdetail");
        try
        {
            tiny.Model.Save(path);
            using var loaded = DetailModel.Load(path);
            Assert.Equal(tiny.Model.Id, loaded.Id);
            Assert.Equal(tiny.Model.Info with { FinalLoss = 0 }, loaded.Info with { FinalLoss = 0 });
            Assert.Equal(16, loaded.Info.GeneratorResolution);
            var input = TestImages.Painting(2, 12);
            Assert.Equal(tiny.Model.Upscale(input, 12, 12), loaded.Upscale(input, 12, 12));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Describe_ParamsAndMultiplyAdds_MatchTheArchitecture()
    {
        using var net = new Network.DetailNet(48, 6);
        Assert.Equal(406_800, net.MultiplyAddsPerInputPixel);
        Assert.InRange(net.ParameterCount, 340_000, 350_000);
    }

    internal static DetailModel Reload(DetailModel model, int tileSize)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ag-detail-{Guid.NewGuid():N}.agdetail");
        model.Save(path);
        try { return DetailModel.Load(path, TorchSharp.torch.CPU).WithTileSize(tileSize); }
        finally { File.Delete(path); }
    }

    private static float[] Shrink(float[] chw)
    {
        // Exact 4x4 area average, as training does.
        var low = new float[3 * 16 * 16];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < 64; y++)
                for (int x = 0; x < 64; x++)
                    low[c * 256 + y / 4 * 16 + x / 4] += chw[c * 4096 + y * 64 + x] / 16;
        return low;
    }
}
