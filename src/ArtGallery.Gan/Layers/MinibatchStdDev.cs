using static TorchSharp.torch;

namespace ArtGallery.Gan.Layers;

/// <summary>Appends one feature map holding the mean standard deviation across groups of samples (ProGAN).</summary>
public sealed class MinibatchStdDev : nn.Module<Tensor, Tensor>
{
    private readonly int groupSize;

    /// <summary>Creates the layer; ProGAN uses groups of 4.</summary>
    public MinibatchStdDev(int groupSize = 4) : base(nameof(MinibatchStdDev)) => this.groupSize = groupSize;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        long n = input.shape[0], c = input.shape[1], h = input.shape[2], w = input.shape[3];
        // The group must divide the batch; fall back to the largest divisor not above the configured size.
        long g = Math.Min(groupSize, n);
        while (n % g != 0) g--;
        var y = input.reshape(g, -1, c, h, w);
        y = y - y.mean(new long[] { 0 }, keepdim: true);
        y = y.pow(Scalars.Two).mean(new long[] { 0 }).add(Scalars.Epsilon, Scalars.One).sqrt();
        y = y.mean(new long[] { 1, 2, 3 }).reshape(-1, 1, 1, 1).repeat(g, 1, h, w);
        return cat(new[] { input, y }, 1).MoveToOuterDisposeScope();
    }
}
