using ArtGallery.Gan.Recipes.Dcgan;
using ArtGallery.Gan.Recipes.ProGan;
using ArtGallery.Gan.Models;
using ArtGallery.Gan.Training;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Tests;

[Collection("Sequential")]
public sealed class ModelTests
{
    private static readonly int[] Widths = [16, 16, 8, 8];

    [Theory]
    [InlineData(4, 1.0)]
    [InlineData(8, 0.0)]
    [InlineData(8, 0.5)]
    [InlineData(16, 0.3)]
    [InlineData(32, 1.0)]
    public void ProGan_EveryResolutionAndAlpha_ShapesMatch(int resolution, double alpha)
    {
        using var scope = NewDisposeScope();
        using var g = new ProGenerator(16, 32, Widths) { Resolution = resolution, Alpha = alpha };
        using var d = new ProDiscriminator(32, Widths) { Resolution = resolution, Alpha = alpha };
        var images = g.forward(randn(4, 16));
        Assert.Equal(new long[] { 4, 3, resolution, resolution }, images.shape);
        Assert.Equal(new long[] { 4, 1 }, d.forward(images).shape);
        Assert.Equal(new long[] { 4, g.CodeSize }, g.Code(randn(4, 16)).shape);
    }

    [Fact]
    public void ProGenerator_AlphaZero_EqualsPreviousResolutionUpsampled()
    {
        manual_seed(3);
        using var scope = NewDisposeScope();
        using var g = new ProGenerator(16, 16, Widths);
        var z = randn(3, 16);
        g.Resolution = 8; g.Alpha = 1;
        var previous = F.interpolate(g.forward(z), scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Nearest);
        g.Resolution = 16; g.Alpha = 0;
        var faded = g.forward(z);
        Assert.True(allclose(faded, previous, 1e-5, 1e-5));
        g.Alpha = 1;
        Assert.False(allclose(g.forward(z), previous, 1e-3, 1e-3));
    }

    [Fact]
    public void ProDiscriminator_AlphaZero_EqualsPreviousResolutionOnDownsampled()
    {
        manual_seed(4);
        using var scope = NewDisposeScope();
        using var d = new ProDiscriminator(16, Widths);
        var x = randn(4, 3, 16, 16);
        d.Resolution = 8; d.Alpha = 1;
        var previous = d.forward(F.avg_pool2d(x, 2));
        d.Resolution = 16; d.Alpha = 0;
        Assert.True(allclose(d.forward(x), previous, 1e-5, 1e-5));
    }

    [Theory]
    [InlineData(16, 3)]
    [InlineData(32, 4)]
    [InlineData(64, 5)]
    public void Seed_Resolution_LayerCountAndShapesAsPublished(int resolution, int layers)
    {
        using var scope = NewDisposeScope();
        using var g = new DcganGenerator(resolution, 100, 8);
        using var d = new DcganDiscriminator(resolution, 8);
        Assert.Equal(layers, g.named_parameters().Count(p => p.name.StartsWith("layers.")));
        Assert.Equal(layers, d.named_parameters().Count(p => p.name.StartsWith("layers.")));
        var images = g.forward(randn(4, 100));
        Assert.Equal(new long[] { 4, 3, resolution, resolution }, images.shape);
        Assert.True(images.abs().max().item<float>() <= 1f);
        var p = d.forward(images);
        Assert.Equal(new long[] { 4, 1 }, p.shape);
        Assert.True(p.min().item<float>() >= 0 && p.max().item<float>() <= 1);
    }

    [Fact]
    public void ModelFactory_DefaultWidths_FlopsGrowWithResolution()
    {
        var options = new TrainingOptions { MaxResolution = 64 };
        using var g = ModelFactory.CreateGenerator(options);
        using var d = ModelFactory.CreateDiscriminator(options);
        Assert.True(g.ForwardFlops(64) > g.ForwardFlops(32));
        Assert.True(d.ForwardFlops(64) > d.ForwardFlops(32));
        Assert.Equal(64, g.LatentSize);
    }
}
