using ArtGallery.Detail.Training;
using static TorchSharp.torch;

namespace ArtGallery.Detail.Tests;

/// <summary>Issue 22's adversarial texture term: Real-ESRGAN's spectral-norm U-Net discriminator beside the detail net.</summary>
[Collection("Sequential")]
public sealed class AdversarialTests
{
    [Theory]
    [InlineData(32, 32)]
    [InlineData(20, 28)] // not multiples of 8: each up step meets its skip's own size
    public void Discriminator_GivesOneLogitPerPixel(int height, int width)
    {
        using var critic = new UNetDiscriminator(width: 4);
        using var noGrad = no_grad();
        using var images = rand(2, 3, height, width);
        using var logits = critic.forward(images);
        Assert.Equal(new long[] { 2, 1, height, width }, logits.shape);
    }

    [Fact]
    public void SpectralNorm_KeepsEveryWrappedWeightsLargestSingularValueNearOne_WhileTheDiscriminatorTrains()
    {
        manual_seed(3);
        using var adversary = new AdversarialLoss(CPU, width: 4);
        var layers = adversary.Discriminator.NormalizedLayers.ToList();
        Assert.Equal(8, layers.Count); // Real-ESRGAN's conv1..conv8
        for (int i = 0; i < 30; i++)
        {
            using var scope = NewDisposeScope();
            Assert.True(adversary.TrainDiscriminator(rand(2, 3, 16, 16), rand(2, 3, 16, 16).mul(2)), $"step {i} dropped");
        }
        using var noGrad = no_grad();
        foreach (var layer in layers)
        {
            using var scope = NewDisposeScope();
            var weight = layer.NormalizedWeight();
            double sigma = linalg.svdvals(weight.flatten(1)).max().item<float>();
            Assert.InRange(sigma, 0.9, 1.1);
        }
    }

    [Fact]
    public void GeneratorTerm_ReachesTheImage_ButNotTheDiscriminatorsWeights()
    {
        using var adversary = new AdversarialLoss(CPU, width: 4);
        using var image = rand(1, 3, 16, 16).requires_grad_(true);
        using var loss = adversary.GeneratorLoss(image);
        loss.backward();
        Assert.True(image.grad is { } g && g.abs().sum().item<float>() > 0, "no gradient reached the image");
        Assert.All(adversary.Discriminator.parameters(), p => Assert.True(p.grad is null, "a discriminator weight got a gradient"));
        Assert.All(adversary.Discriminator.parameters(), p => Assert.True(p.requires_grad));
    }

    [Fact]
    public void AdversarialTerm_FewSteps_BeatsBicubic_AndIsNamedInThePassInfo()
    {
        using var trained = DetailTrainer.Train(TinyDetail.Options(steps: 80) with { AdversarialWeight = 0.01 }, TinyDetail.Source);
        Assert.Equal("l1+0.01*adv", trained.Info.Nets[0].Loss);
        var (detail, bicubic) = DetailPassTests.MeanPsnrAgainstBicubic(trained);
        Assert.True(detail > bicubic, $"L1 + adversarial {detail:0.00} dB vs bicubic {bicubic:0.00} dB");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(101.0)]
    public void AdversarialWeight_OutOfRange_ClearError(double weight)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => (TinyDetail.Options(steps: 1) with { AdversarialWeight = weight }).Validated());
        Assert.Equal(nameof(DetailTrainingOptions.AdversarialWeight), error.ParamName);
        Assert.Contains("Adversarial weight must be 0..100", error.Message);
    }
}
