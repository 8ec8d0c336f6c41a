using ArtGallery.Gan.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Recipes.Projected;

/// <summary>
/// One trainable head of the projected discriminator (the paper's SingleDisc): down blocks (spectral-norm conv
/// 4x4 stride 2, batch norm, leaky ReLU 0.2) from the map's size to 8 px, then a spectral-norm 4x4 valid conv
/// to a logit map (5x5 from 8 px, 1x1 from a 4 px map; a 2 px map, the coarsest at 32 px, gets a 2x2 conv).
/// Optionally ProGAN's minibatch standard deviation as one more channel before that conv: a batch of near-copies
/// shows as a near-zero map, so the head can score a lack of variety directly.
/// </summary>
public sealed class ProjectedHead : nn.Module<Tensor, Tensor>
{

    private readonly ModuleList<SpectralNormConv2d> convs = new();
    private readonly ModuleList<HeldBatchNorm2d> norms = new();
    private readonly bool batchNorm;
    private readonly MinibatchStdDev? stddev;
    private readonly SpectralNormConv2d output;
    private readonly int size;

    public ProjectedHead(int inChannels, int size, int width, bool batchNorm = true, bool minibatchStdDev = false) : base(nameof(ProjectedHead))
    {
        (this.size, this.batchNorm) = (size, batchNorm);
        if (minibatchStdDev) stddev = new MinibatchStdDev();
        for (int s = size, c = inChannels; s > 8; s /= 2, c = width)
        {
            convs.Add(new SpectralNormConv2d(c, width, 4, 2, 1));
            if (batchNorm) norms.Add(new HeldBatchNorm2d(width));
        }
        output = new SpectralNormConv2d((convs.Count > 0 ? width : inChannels) + (minibatchStdDev ? 1 : 0), 1, OutputKernel, 1, 0);
        RegisterComponents();
    }

    /// <summary>Side of the logit map this head produces.</summary>
    public int LogitSize => Math.Min(size, 8) - OutputKernel + 1;

    private int OutputKernel => Math.Min(4, size);

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        for (int i = 0; i < convs.Count; i++)
        {
            x = convs[i].forward(x);
            if (batchNorm) x = norms[i].forward(x);
            x = x.leaky_relu(Scalars.LeakySlope);
        }
        if (stddev is not null) x = stddev.forward(x);
        return output.forward(x).MoveToOuterDisposeScope();
    }

    /// <summary>FLOPs of one forward for one sample.</summary>
    public double Flops()
    {
        double total = 0;
        int s = size;
        foreach (var c in convs) total += c.Flops(s /= 2);
        return total + output.Flops(LogitSize);
    }
}
