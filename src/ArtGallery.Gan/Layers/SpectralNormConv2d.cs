using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Layers;

/// <summary>
/// Conv2d with spectral normalisation (Miyato et al. 2018): the weight is divided by its largest singular value,
/// estimated with one power iteration per training forward (as torch.nn.utils.spectral_norm). The estimate u is a
/// buffer, so checkpoints carry it and a resumed run continues bit for bit.
/// </summary>
public sealed class SpectralNormConv2d : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Tensor u;
    private readonly long stride, padding;

    public SpectralNormConv2d(int inChannels, int outChannels, int kernel, int stride, int padding) : base(nameof(SpectralNormConv2d))
    {
        (this.stride, this.padding) = (stride, padding);
        double bound = 1 / Math.Sqrt(inChannels * kernel * kernel); // torch's default conv init
        weight = new Parameter(empty(outChannels, inChannels, kernel, kernel).uniform_(-bound, bound).DetachFromDisposeScope());
        u = Normalize(randn(outChannels)).DetachFromDisposeScope();
        register_parameter("weight", weight);
        register_buffer("u", u);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        if (training)
        {
            using var noGrad = no_grad();
            var matrix = weight.flatten(1);
            var v = Normalize(matrix.t().mv(u));
            u.copy_(Normalize(matrix.mv(v)));
        }
        return F.conv2d(input, NormalizedWeight(), strides: [stride, stride], padding: [padding, padding]).MoveToOuterDisposeScope();
    }

    /// <summary>The weight the forward convolves with: weight / sigma, sigma the largest singular value estimated from u
    /// (no power iteration here; gradients flow through sigma as in torch's spectral_norm).</summary>
    public Tensor NormalizedWeight()
    {
        using var scope = NewDisposeScope();
        var matrix = weight.flatten(1);
        // Clones, as torch's spectral_norm: a second forward before backward updates u in place.
        Tensor uFixed, vFixed;
        using (no_grad()) (uFixed, vFixed) = (u.clone(), Normalize(matrix.t().mv(u)));
        var sigma = uFixed.dot(matrix.mv(vFixed));
        return (weight / sigma).MoveToOuterDisposeScope();
    }

    // F.normalize clamps with a number (an implicit Scalar inside TorchSharp): divide by the held-epsilon norm instead.
    private static Tensor Normalize(Tensor v) => v.div(v.dot(v).sqrt().add(Scalars.TinyEpsilon, Scalars.One));

    /// <summary>FLOPs of one forward for one output map of size <paramref name="outSize"/>^2.</summary>
    public double Flops(int outSize) => 2.0 * weight.numel() * outSize * outSize;
}
