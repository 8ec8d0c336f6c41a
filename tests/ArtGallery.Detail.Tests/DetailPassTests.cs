using ArtGallery.Detail.Network;
using ArtGallery.Detail.Quality;
using ArtGallery.Detail.Training;

namespace ArtGallery.Detail.Tests;

/// <summary>Issue 22: one net per pass in a format-2 .agdetail, trained on the passes before it; condition planes; format-1 files still load.</summary>
[Collection("Sequential")]
public sealed class DetailPassTests(TinyDetail tiny) : IClassFixture<TinyDetail>, IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("ag-detail-pass-").FullName;

    /// <summary>The bundled model as issue 11 shipped it (the same blob as git's history of wwwroot-assets/models/default.agdetail).</summary>
    private static string FormatOneFile => Path.Combine(AppContext.BaseDirectory, "Fixtures", "format1-d2d4749c3484.agdetail");

    [Fact]
    public void FormatOneFile_StillLoads_AsOneUnconditionedNetForEveryPass_AndResavesByteForByte()
    {
        using var old = DetailModel.Load(FormatOneFile, TorchSharp.torch.CPU);
        Assert.Equal("d2d4749c3484", old.Id);
        Assert.Equal(DetailModelInfo.SinglePassFormat, old.Info.Format);
        Assert.Equal(new DetailPassInfo(48, 6, 0, old.Info.Steps, old.Info.Minutes, old.Info.FinalLoss, "l1"), Assert.Single(old.Info.Nets));
        var input = TestImages.Painting(6, 12);
        var first = old.Upscale(input, 12, 12);
        Assert.Equal(first, old.Upscale(input, 12, 12, pass: 3, input: DegradationProfile.Clean)); // same net, condition ignored
        var path = Path.Combine(dir, "resaved.agdetail");
        old.Save(path);
        Assert.Equal(File.ReadAllBytes(FormatOneFile), File.ReadAllBytes(path));
    }

    [Fact]
    public void PassTwoModel_HoldsPassOneAndTheNewNet_EveryPassIsFourTimesEachSide_AndRoundTrips()
    {
        using var cascade = TrainPassTwo(steps: 4);
        Assert.Equal(DetailModelInfo.CurrentFormat, cascade.Info.Format);
        Assert.Equal(2, cascade.Info.Nets.Count);
        Assert.Equal(tiny.Model.Info.Nets[0], cascade.Info.Nets[0]);
        var input = TestImages.Painting(7, 10);
        Assert.Equal(tiny.Model.Upscale(input, 10, 10), cascade.Upscale(input, 10, 10, pass: 1)); // pass 1 is copied unchanged
        var level = input;
        for (int pass = 1, side = 10; pass <= 3; pass++, side *= 4)
        {
            level = cascade.Upscale(level, side, side, pass);
            Assert.Equal(3 * 16 * side * side, level.Length);
        }
        var mid = cascade.Upscale(input, 10, 10, pass: 2);
        Assert.Equal(mid, cascade.Upscale(input, 10, 10, pass: 3)); // a file with two nets runs its last for pass 3
        Assert.NotEqual(cascade.Upscale(input, 10, 10, pass: 1), mid);
        var path = Path.Combine(dir, "two.agdetail");
        cascade.Save(path);
        using var loaded = DetailModel.Load(path, TorchSharp.torch.CPU);
        Assert.Equal(cascade.Id, loaded.Id);
        Assert.Equal(cascade.Info, loaded.Info);
        Assert.Equal(mid, loaded.Upscale(input, 10, 10, pass: 2));
    }

    [Fact]
    public void PassOne_RetrainedFromACascade_KeepsTheCascadesLaterNet()
    {
        using var cascade = TrainPassTwo(steps: 4);
        var path = Path.Combine(dir, "cascade.agdetail");
        cascade.Save(path);
        using var retrained = DetailTrainer.Train(TinyDetail.Options(steps: 3) with { ContinueFrom = path }, TinyDetail.Source);
        Assert.Equal(2, retrained.Info.Nets.Count);
        Assert.Equal(cascade.Info.Nets[1], retrained.Info.Nets[1]);
        Assert.Equal(cascade.Info.Nets[0].Steps + 3, retrained.Info.Nets[0].Steps);
        var input = TestImages.Painting(4, 10);
        Assert.Equal(cascade.Upscale(input, 10, 10, pass: 2), retrained.Upscale(input, 10, 10, pass: 2)); // pass 2's net copied
        Assert.NotEqual(cascade.Upscale(input, 10, 10, pass: 1), retrained.Upscale(input, 10, 10, pass: 1)); // pass 1's trained on
    }

    [Fact]
    public void ConditionedLaterPass_TiledEqualsUntiled()
    {
        using var cascade = TrainPassTwo(steps: 4);
        var path = Path.Combine(dir, "tiles.agdetail");
        cascade.Save(path);
        using var tiled = DetailModel.Load(path, TorchSharp.torch.CPU).WithTileSize(12);
        using var whole = DetailModel.Load(path, TorchSharp.torch.CPU).WithTileSize(1000);
        var input = TestImages.Painting(8, 40);
        var a = tiled.Upscale(input, 40, 40, pass: 2, input: new DegradationProfile(0.6, 0.02));
        var b = whole.Upscale(input, 40, 40, pass: 2, input: new DegradationProfile(0.6, 0.02));
        Assert.True(a.Zip(b).Max(p => Math.Abs(p.First - p.Second)) < 2.0 / 255, "tiled differs from untiled");
    }

    [Fact]
    public void ConditionedNet_StartedFromAFormatOneNet_UpscalesExactlyAsItUntilItTrains()
    {
        using var old = DetailModel.Load(FormatOneFile, TorchSharp.torch.CPU);
        var from = old.NetFor(1);
        using var conditioned = new DetailNet(from.Channels, from.Blocks, DetailNet.ConditionCount);
        conditioned.CopyFrom(from);
        using var noGrad = TorchSharp.torch.no_grad();
        using var rgb = TorchSharp.torch.tensor(TestImages.Painting(9, 12), [1, 3, 12, 12]);
        using var condition = TorchSharp.torch.tensor(DetailNet.ConditionOf(new DegradationProfile(0.48, 0.032)), [1, 2]);
        using var withPlanes = conditioned.WithConditions(rgb, condition);
        using var expected = from.forward(rgb);
        using var actual = conditioned.forward(withPlanes);
        Assert.Equal(0, actual.sub(expected).abs().max().item<float>());
    }

    [Fact]
    public void Condition_ChangesWhatATrainedConditionedNetDraws()
    {
        Assert.Equal(DetailNet.ConditionCount, tiny.Model.Info.Nets[0].Conditions);
        var input = TestImages.Painting(3, 16);
        var clean = tiny.Model.Upscale(input, 16, 16, input: DegradationProfile.Clean);
        var blurred = tiny.Model.Upscale(input, 16, 16, input: new DegradationProfile(1.0, 0.02));
        Assert.True(clean.Zip(blurred).Max(p => Math.Abs(p.First - p.Second)) > 1.0 / 255, "the condition planes changed nothing");
    }

    [Fact]
    public void PassTwo_WithoutPreviousOrWithTooFewPasses_ClearError()
    {
        var noPrevious = Assert.Throws<ArgumentException>(() => DetailTrainer.Train(TinyDetail.Options(steps: 1) with { Pass = 2 }, TinyDetail.Source));
        Assert.Contains("passes 1..1", noPrevious.Message);
        var path = Path.Combine(dir, "one.agdetail");
        tiny.Model.Save(path);
        var tooFew = Assert.Throws<InvalidDataException>(() =>
            DetailTrainer.Train(TinyDetail.Options(steps: 1) with { Pass = 3, Previous = path }, TinyDetail.Source));
        Assert.Contains("holds 1 pass net(s); pass 3 needs passes 1..2", tooFew.Message);
    }

    [Fact]
    public void PassTwo_FewSteps_BeatsBicubicAndPassOnesNetRunAgainOnItsOwnOutput()
    {
        using var before = TrainPassTwo(steps: 1, learningRate: 1e-12); // a pass-2 net starts as bicubic (pass 1's features, zero tail)
        using var after = TrainPassTwo(steps: 60);
        double bicubic = 0, old = 0, trained = 0;
        for (int i = 0; i < 4; i++)
        {
            var truth = TinyDetail.Source.Square(i, 256);
            var low = Degradation.Apply(AreaDown(truth, 256, 16), 16, 16, DegradationProfile.Clean, i);
            var level1 = before.Upscale(low, 16, 16, pass: 1, input: DegradationProfile.Clean);
            bicubic += ImageQuality.Psnr(before.Upscale(level1, 64, 64, pass: 2, input: DegradationProfile.Clean), truth);
            old += ImageQuality.Psnr(tiny.Model.Upscale(level1, 64, 64, pass: 2, input: DegradationProfile.Clean), truth); // a one-net file
            trained += ImageQuality.Psnr(after.Upscale(level1, 64, 64, pass: 2, input: DegradationProfile.Clean), truth);
        }
        Assert.True(trained > bicubic && trained > old,
            $"pass 2 trained on pass 1's output {trained / 4:0.00} dB vs bicubic {bicubic / 4:0.00} dB, pass 1's net again {old / 4:0.00} dB");
    }

    [Fact]
    public void FftLoss_FewSteps_BeatsBicubic_AndIsZeroOnlyForMatchingSpectra()
    {
        using var x = TorchSharp.torch.rand(2, 3, 16, 16);
        Assert.Equal(0, DetailTrainer.FftMagnitudeLoss(x, x).item<float>());
        Assert.Equal(0, DetailTrainer.FftMagnitudeLoss(x, x.roll(3, 3)).item<float>(), 5); // a circular shift keeps the magnitudes
        using var y = TorchSharp.torch.rand(2, 3, 16, 16);
        Assert.True(DetailTrainer.FftMagnitudeLoss(x, y).item<float>() > 0.01);
        using var fft = DetailTrainer.Train(TinyDetail.Options(steps: 80) with { FftWeight = 0.5 }, TinyDetail.Source);
        Assert.Equal("l1+0.5*fft", fft.Info.Nets[0].Loss);
        var (detail, bicubic) = MeanPsnrAgainstBicubic(fft);
        Assert.True(detail > bicubic, $"L1 + FFT {detail:0.00} dB vs bicubic {bicubic:0.00} dB");
    }

    [Fact]
    public void FeatureLoss_FewSteps_BeatsBicubic_AndIsZeroOnlyForTheSamePicture()
    {
        using (var term = new FeatureLoss(TorchSharp.torch.CPU))
        {
            using var x = TorchSharp.torch.rand(2, 3, 32, 32).mul(2).sub(1);
            using var y = TorchSharp.torch.rand(2, 3, 32, 32).mul(2).sub(1);
            Assert.Equal(0, term.Loss(x, x).item<float>(), 6);
            Assert.True(term.Loss(x, y).item<float>() > 0.1);
        }
        using var trained = DetailTrainer.Train(TinyDetail.Options(steps: 80) with { FeatureWeight = 0.05 }, TinyDetail.Source);
        Assert.Equal("l1+0.05*feature", trained.Info.Nets[0].Loss);
        var (detail, bicubic) = MeanPsnrAgainstBicubic(trained);
        Assert.True(detail > bicubic, $"L1 + feature {detail:0.00} dB vs bicubic {bicubic:0.00} dB");
    }

    // Mean x4 PSNR on 4 clean tiny paintings: the model's, and an untrained net's (exactly bicubic).
    internal static (double Detail, double Bicubic) MeanPsnrAgainstBicubic(DetailModel model)
    {
        using var untrained = DetailTrainer.Train(TinyDetail.Options(steps: 1) with { LearningRate = 1e-12 }, TinyDetail.Source);
        double bicubic = 0, detail = 0;
        for (int i = 0; i < 4; i++)
        {
            var truth = TinyDetail.Source.Square(i, 64);
            var low = Degradation.Apply(AreaDown(truth, 64, 4), 16, 16, DegradationProfile.Clean, i);
            bicubic += ImageQuality.Psnr(untrained.Upscale(low, 16, 16, input: DegradationProfile.Clean), truth);
            detail += ImageQuality.Psnr(model.Upscale(low, 16, 16, input: DegradationProfile.Clean), truth);
        }
        return (detail / 4, bicubic / 4);
    }

    [Theory]
    [InlineData(3, "[]", "detail model format 3; this build reads formats 1 and 2")]
    [InlineData(2, "[]", "a format-2 header must list 1..3 passes")]
    [InlineData(2, "[{\"Channels\":12,\"Blocks\":1,\"Conditions\":2},{\"Channels\":8192,\"Blocks\":64,\"Conditions\":2}]", "8192 channels")]
    [InlineData(2, "[{\"Channels\":12,\"Blocks\":1,\"Conditions\":5}]", "5 condition planes")]
    [InlineData(1, "[{\"Channels\":12,\"Blocks\":1,\"Conditions\":0}]", "a format-1 header cannot list passes")]
    public void BadFormatTwoHeader_DamagedModelFile(int format, string passes, string words)
    {
        string header = $$"""{"GeneratorResolution":16,"Channels":12,"Blocks":1,"Profile":{"BlurSigma":0.5,"Noise":0},"TrainedOn":"x","Steps":1,"Minutes":1,"FinalLoss":0,"Format":{{format}},"Passes":{{passes}}}""";
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true)) { w.Write(header); w.Write(new byte[64]); }
        var path = Path.Combine(dir, "bad.agdetail");
        var bytes = payload.ToArray();
        using (var file = new BinaryWriter(File.Create(path)))
        {
            file.Write("AGDT0001"u8);
            file.Write((long)bytes.Length);
            file.Write(System.Security.Cryptography.SHA256.HashData(bytes));
            file.Write(bytes);
        }
        var error = Assert.Throws<InvalidDataException>(() => DetailModel.Load(path));
        Assert.StartsWith($"damaged model file: {path}: ", error.Message);
        Assert.Contains(words, error.Message);
    }

    private DetailModel TrainPassTwo(int steps, double learningRate = 2e-3)
    {
        var previous = Path.Combine(dir, $"previous-{Guid.NewGuid():N}.agdetail");
        tiny.Model.Save(previous);
        return DetailTrainer.Train(TinyDetail.Options(steps) with { Pass = 2, Previous = previous, LearningRate = learningRate }, TinyDetail.Source);
    }

    private static float[] AreaDown(float[] chw, int side, int factor)
    {
        int small = side / factor;
        var result = new float[3 * small * small];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < side; y++)
                for (int x = 0; x < side; x++)
                    result[c * small * small + y / factor * small + x / factor] += chw[c * side * side + y * side + x] / (factor * factor);
        return result;
    }

    public void Dispose()
    {
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }
}
