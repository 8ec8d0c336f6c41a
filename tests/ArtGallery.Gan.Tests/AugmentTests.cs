using ArtGallery.Gan.Training;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Tests;

[Collection("Sequential")]
public sealed class AugmentTests
{
    private static readonly string[] All = ["color", "translation", "cutout"];

    [Fact]
    public void Apply_AllOps_GradientsFlowToInput()
    {
        using var scope = NewDisposeScope();
        using var gen = new Generator(5);
        var x = randn(4, 3, 16, 16).requires_grad_(true);
        var y = DiffAugment.Apply(x, All, 1, gen);
        y.square().sum().backward();
        Assert.NotNull(x.grad);
        Assert.True(x.grad!.abs().sum().item<float>() > 0);
        Assert.False(allclose(y.detach(), x.detach()));
    }

    [Fact]
    public void Apply_ProbabilityZero_Identity()
    {
        using var scope = NewDisposeScope();
        using var gen = new Generator(5);
        var x = randn(4, 3, 8, 8);
        Assert.True(allclose(DiffAugment.Apply(x, All, 0, gen), x, 0, 0));
    }

    [Fact]
    public void Apply_Cutout_ZeroesAQuarterOfPixels()
    {
        using var scope = NewDisposeScope();
        using var gen = new Generator(6);
        var y = DiffAugment.Apply(ones(16, 3, 16, 16), ["cutout"], 1, gen);
        double zeroFraction = (y == 0).to(float32).mean().item<float>();
        // A centred 8x8 hole is a quarter; holes clipped at the border are smaller.
        Assert.InRange(zeroFraction, 0.1, 0.26);
    }

    [Fact]
    public void Apply_Translation_KeepsValuesAndPadsWithZeros()
    {
        using var scope = NewDisposeScope();
        using var gen = new Generator(7);
        var y = DiffAugment.Apply(ones(32, 3, 16, 16), ["translation"], 1, gen);
        var values = y.unique().Item1;
        Assert.True(values.shape[0] <= 2);
        Assert.True((y == 0).any().item<bool>());
        Assert.Equal(1f, y.max().item<float>());
    }
}
