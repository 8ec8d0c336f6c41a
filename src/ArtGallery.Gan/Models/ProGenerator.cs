using ArtGallery.Gan.Layers;
using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Models;

/// <summary>Progressive GAN generator (Karras et al. 2018): pixel norm, equalized LR, toRGB per resolution.</summary>
public sealed class ProGenerator : GanGenerator
{
    private readonly EqualizedLinear dense;
    private readonly EqualizedConv2d conv4;
    private readonly ModuleList<EqualizedConv2d> convs = new();
    private readonly ModuleList<EqualizedConv2d> toRgb = new();
    private readonly int[] widths;
    private readonly int latentSize;

    /// <summary>Builds every block up to <paramref name="maxResolution"/>; widths[i] is the width at 4*2^i.</summary>
    public ProGenerator(int latentSize, int maxResolution, IReadOnlyList<int> widths) : base(nameof(ProGenerator))
    {
        this.latentSize = latentSize;
        this.widths = widths.ToArray();
        MaxResolution = maxResolution;
        int c4 = this.widths[0];
        // ProGAN's first layer is a dense "4x4 conv-transpose" with gain sqrt(2)/4.
        dense = new EqualizedLinear(latentSize, c4 * 16, Math.Sqrt(2) / 4);
        conv4 = new EqualizedConv2d(c4, c4, 3);
        toRgb.Add(new EqualizedConv2d(c4, 3, 1, gain: 1));
        for (int i = 1; i < Stages; i++)
        {
            convs.Add(new EqualizedConv2d(this.widths[i - 1], this.widths[i], 3));
            convs.Add(new EqualizedConv2d(this.widths[i], this.widths[i], 3));
            toRgb.Add(new EqualizedConv2d(this.widths[i], 3, 1, gain: 1));
        }
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override int LatentSize => latentSize;

    /// <inheritdoc/>
    public override int CodeSize => widths[0] * 16;

    /// <inheritdoc/>
    public override int MaxResolution { get; }

    private int Stages => (int)Math.Log2(MaxResolution) - 1;

    /// <summary>The code is the 4x4 block's output (after its conv), flattened: z is pixel-normed, so only here does scaling mean something.</summary>
    public override Tensor Code(Tensor latents)
    {
        using var scope = NewDisposeScope();
        var x = dense.forward(PixelNorm.Apply(latents)).reshape(-1, widths[0], 4, 4);
        x = PixelNorm.Apply(x.leaky_relu(Scalars.LeakySlope));
        x = PixelNorm.Apply(conv4.forward(x).leaky_relu(Scalars.LeakySlope));
        return x.flatten(1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor Synthesize(Tensor codes)
    {
        using var scope = NewDisposeScope();
        int stage = (int)Math.Log2(Resolution) - 2;
        var x = codes.reshape(-1, widths[0], 4, 4);
        Tensor? previous = null;
        for (int i = 1; i <= stage; i++)
        {
            previous = x;
            x = F.interpolate(x, scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Nearest);
            x = PixelNorm.Apply(convs[2 * i - 2].forward(x).leaky_relu(Scalars.LeakySlope));
            x = PixelNorm.Apply(convs[2 * i - 1].forward(x).leaky_relu(Scalars.LeakySlope));
        }
        var rgb = toRgb[stage].forward(x);
        if (previous is not null && Alpha < 1)
        {
            // Fade-in: the old toRGB path upsampled, blended towards the new block by alpha.
            var old = F.interpolate(toRgb[stage - 1].forward(previous), scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Nearest);
            using var alpha = Alpha.ToScalar();
            rgb = old.add(rgb - old, alpha); // old + alpha (rgb - old)
        }
        return rgb.MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override double ForwardFlops(int resolution)
    {
        int stage = (int)Math.Log2(resolution) - 2;
        double flops = dense.Flops + conv4.Flops(4);
        for (int i = 1; i <= stage; i++)
            flops += convs[2 * i - 2].Flops(4 << i) + convs[2 * i - 1].Flops(4 << i);
        return flops + toRgb[stage].Flops(resolution);
    }
}
