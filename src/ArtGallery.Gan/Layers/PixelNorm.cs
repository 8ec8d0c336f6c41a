using static TorchSharp.torch;

namespace ArtGallery.Gan.Layers;

/// <summary>ProGAN pixel-wise feature normalisation (each pixel's feature vector to unit RMS).</summary>
public sealed class PixelNorm : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer (no parameters).</summary>
    public PixelNorm() : base(nameof(PixelNorm)) { }

    /// <summary>Normalises over dimension 1 (channels or latent features).</summary>
    public static Tensor Apply(Tensor x)
    {
        using var scope = NewDisposeScope();
        return (x * x.pow(Scalars.Two).mean(new long[] { 1 }, keepdim: true).add(Scalars.Epsilon, Scalars.One).rsqrt()).MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor input) => Apply(input);
}
