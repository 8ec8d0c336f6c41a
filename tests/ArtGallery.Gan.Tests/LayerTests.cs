using ArtGallery.Gan.Layers;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Tests;

[Collection("Sequential")]
public sealed class LayerTests
{
    [Fact]
    public void EqualizedConv2d_UnitInput_WeightsUnitStdAndOutputHeScale()
    {
        manual_seed(1);
        using var scope = NewDisposeScope();
        using var conv = new EqualizedConv2d(64, 64, 3);
        var weight = conv.parameters().First(p => p.dim() == 4);
        Assert.InRange(weight.std().item<float>(), 0.95, 1.05);
        Assert.Equal(Math.Sqrt(2.0 / (64 * 9)), conv.Scale, 9);
        var output = conv.forward(randn(8, 64, 16, 16));
        // He init keeps the second moment at gain^2 = 2 (std sqrt 2) for unit-variance inputs.
        Assert.InRange(output.std().item<float>(), 1.41 * 0.9, 1.41 * 1.1);
    }

    [Fact]
    public void EqualizedLinear_UnitInput_OutputScaleMatchesGain()
    {
        manual_seed(2);
        using var scope = NewDisposeScope();
        using var linear = new EqualizedLinear(256, 256, gain: 1);
        var output = linear.forward(randn(512, 256));
        Assert.InRange(output.std().item<float>(), 0.9, 1.1);
    }

    [Fact]
    public void PixelNorm_AnyScale_UnitRmsPerPixel()
    {
        using var scope = NewDisposeScope();
        var x = randn(4, 32, 5, 5) * 7;
        var rms = PixelNorm.Apply(x).square().mean(new long[] { 1 }).sqrt();
        Assert.True(allclose(rms, ones_like(rms), 1e-4, 1e-4));
    }

    [Fact]
    public void MinibatchStdDev_Batch_AddsOneChannelZeroForIdenticalSamples()
    {
        using var scope = NewDisposeScope();
        using var layer = new MinibatchStdDev();
        var same = randn(1, 6, 4, 4).repeat(8, 1, 1, 1);
        var output = layer.forward(same);
        Assert.Equal(new long[] { 8, 7, 4, 4 }, output.shape);
        Assert.True(output[.., 6].abs().max().item<float>() < 1e-3f);
        Assert.True(layer.forward(randn(6, 6, 4, 4))[.., 6].mean().item<float>() > 0.5f);
    }
}
