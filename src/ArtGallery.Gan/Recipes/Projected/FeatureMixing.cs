using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Recipes.Projected;

/// <summary>
/// Projected GAN's frozen random projections: cross-channel mixing (a random 1x1 conv per tap) and cross-scale
/// mixing (top-down fusion: add the coarser fused map, upsample 2x bilinearly, random 1x1 conv that halves the
/// channels except at the finest level). Weights are buffers, never parameters: no optimiser sees them and
/// they cannot change, but checkpoints carry them. Output sizes are twice the tap sizes; channels
/// [c, c, 2c, 4c] for mixing width c, as the paper's expand=True.
/// </summary>
public sealed class FeatureMixing : nn.Module<Tensor[], Tensor[]>
{
    private readonly List<(Tensor W, Tensor B)> channelMix = [];
    private readonly List<(Tensor W, Tensor B)> scaleMix = [];

    public FeatureMixing(IReadOnlyList<int> tapChannels, int width) : base(nameof(FeatureMixing))
    {
        int[] mixed = [width, width * 2, width * 4, width * 8];
        OutputChannels = [width, width, width * 2, width * 4];
        for (int i = 0; i < 4; i++)
        {
            channelMix.Add(RandomConv($"ccm{i}", tapChannels[i], mixed[i]));
            scaleMix.Add(RandomConv($"csm{i}", mixed[i], i == 0 ? mixed[0] : mixed[i] / 2));
        }
    }

    /// <summary>Channels of the four mixed maps, finest first.</summary>
    public int[] OutputChannels { get; }

    /// <summary>Taps (finest first) -> mixed maps (finest first), each at twice its tap's size.</summary>
    public override Tensor[] forward(Tensor[] taps)
    {
        var ccm = taps.Select((t, i) => F.conv2d(t, channelMix[i].W, channelMix[i].B)).ToArray();
        var outputs = new Tensor[4];
        Tensor? coarser = null;
        for (int i = 3; i >= 0; i--)
        {
            var x = coarser is null ? ccm[i] : ccm[i].add(coarser, Scalars.One);
            x = F.interpolate(x, scale_factor: [2.0, 2.0], mode: InterpolationMode.Bilinear, align_corners: true);
            outputs[i] = coarser = F.conv2d(x, scaleMix[i].W, scaleMix[i].B);
        }
        return outputs;
    }

    // torch's default Conv2d init, drawn once from the run seed and then frozen.
    private (Tensor, Tensor) RandomConv(string name, int inChannels, int outChannels)
    {
        double bound = 1 / Math.Sqrt(inChannels);
        var w = empty(outChannels, inChannels, 1, 1).uniform_(-bound, bound).DetachFromDisposeScope();
        var b = empty(outChannels).uniform_(-bound, bound).DetachFromDisposeScope();
        register_buffer(name + "_w", w);
        register_buffer(name + "_b", b);
        return (w, b);
    }

    /// <summary>FLOPs of one forward for taps of the given sizes (finest first).</summary>
    public double Flops(IReadOnlyList<int> tapSizes) => Enumerable.Range(0, 4).Sum(i =>
        2.0 * channelMix[i].W.numel() * tapSizes[i] * tapSizes[i] + 2.0 * scaleMix[i].W.numel() * 4 * tapSizes[i] * tapSizes[i]);
}
