using ArtGallery.Gan;
using ArtGallery.Gan.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ArtGallery.Detail.Training;

/// <summary>
/// Real-ESRGAN's U-Net discriminator with spectral norm (UNetDiscriminatorSN), narrowed for CPU: a plain 3x3 head,
/// three spectral-norm 4x4 stride-2 convs down (width x2 each), three spectral-norm 3x3 convs back up (bilinear x2 before
/// each) with the matching down level added as a skip, two more spectral-norm 3x3 convs, and a plain 3x3 conv to one
/// channel: a realness logit per pixel, so it judges local texture rather than the whole picture. Leaky ReLU 0.2 throughout.
/// Only the detail trainer uses it; it is not saved with the model.
/// </summary>
internal sealed class UNetDiscriminator : Module<Tensor, Tensor>
{
    private readonly Conv2d head, logits;
    private readonly ModuleList<SpectralNormConv2d> down = new(), up = new(), extra = new();

    /// <summary>Builds it with <paramref name="width"/> features at full resolution (Real-ESRGAN: 64; at 16 it costs ~25 K
    /// multiply-adds per pixel, as the default 48x6 detail net does per output pixel).</summary>
    public UNetDiscriminator(int width = 16) : base(nameof(UNetDiscriminator))
    {
        if (width is < 1 or > 256) throw new ArgumentOutOfRangeException(nameof(width), width, "Discriminator width must be 1..256.");
        head = Conv2d(3, width, 3, padding: 1);
        for (int i = 0; i < 3; i++) down.Add(new SpectralNormConv2d(width << i, width << (i + 1), 4, 2, 1));
        for (int i = 3; i > 0; i--) up.Add(new SpectralNormConv2d(width << i, width << (i - 1), 3, 1, 1));
        for (int i = 0; i < 2; i++) extra.Add(new SpectralNormConv2d(width, width, 3, 1, 1));
        logits = Conv2d(width, 1, 3, padding: 1);
        RegisterComponents();
    }

    /// <summary>The spectral-norm layers (all but the head and the logit conv, as in Real-ESRGAN).</summary>
    public IEnumerable<SpectralNormConv2d> NormalizedLayers => down.Concat(up).Concat(extra);

    /// <summary>Images in [-1, 1] (N, 3, H, W) -> realness logits (N, 1, H, W).</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var levels = new List<Tensor> { head.forward(x).leaky_relu(Scalars.LeakySlope) };
        foreach (var conv in down) levels.Add(conv.forward(levels[^1]).leaky_relu(Scalars.LeakySlope));
        var y = levels[^1];
        for (int i = 0; i < up.Count; i++)
        {
            var skip = levels[levels.Count - 2 - i];
            // Up to the skip's own size (not x2): any input side works, not just multiples of 8.
            y = functional.interpolate(y, size: [skip.shape[2], skip.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false);
            y = up[i].forward(y).leaky_relu(Scalars.LeakySlope).add(skip, Scalars.One);
        }
        foreach (var conv in extra) y = conv.forward(y).leaky_relu(Scalars.LeakySlope);
        return logits.forward(y).MoveToOuterDisposeScope();
    }
}
