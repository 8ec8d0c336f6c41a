namespace ArtGallery.Gan.Recipes.Projected;

/// <summary>
/// Settings of the projected recipe (Sauer et al. 2021): a frozen ImageNet ResNet-18, frozen random mixing and
/// small trainable heads. CPU defaults: mixing width 32 (the paper's 64) and heads 64 wide; minibatch spread and a
/// 16 px pixel head on (the paper has neither: without them every 10-minute A/B run drew one image, BENCHMARKS.md).
/// </summary>
public sealed record ProjectedOptions
{
    /// <summary>Cross-channel mixing width of the finest tap (coarser taps get 2x, 4x, 8x), as the paper's cout.</summary>
    public int MixChannels { get; init; } = 32;

    /// <summary>Width of every head's down blocks.</summary>
    public int HeadWidth { get; init; } = 64;

    /// <summary>Factor the input is interpolated up by before the feature net (larger feature maps; the paper goes to 224).</summary>
    public int InputScale { get; init; } = 1;

    /// <summary>PacGAN packing: the heads score this many samples at once (features concatenated on channels).</summary>
    public int Pack { get; init; } = 1;

    /// <summary>Weight of the mode-seeking term (Mao et al. 2019) on G: weight / (|G(z1)-G(z2)| / |z1-z2|).</summary>
    public double ModeSeekingWeight { get; init; }

    /// <summary>Batch norm in the heads' down blocks (the paper's). With real and fake scored in separate batches it
    /// hides each batch's mean and spread from the first layer, the very cues of a batch of one palette.</summary>
    public bool HeadBatchNorm { get; init; } = true;

    /// <summary>Side of a pixel-space head (the image area-averaged to this size, scored by a head like the others)
    /// that sees colours directly, where ImageNet features barely do; 0: none.</summary>
    public int PixelHeadSize { get; init; } = 16;

    /// <summary>ProGAN's minibatch standard deviation in every head, just before its logit conv.</summary>
    public bool MinibatchStdDev { get; init; } = true;
}
