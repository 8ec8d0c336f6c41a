using ArtGallery.Gan;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ArtGallery.Detail.Network;

/// <summary>
/// The x4 detail network: a 3x3 head, residual blocks at the input resolution, two pixel-shuffle x2 steps that
/// narrow the features as the resolution grows (so the high-resolution layers stay cheap), and a bicubic skip, so
/// the net only learns the residual over bicubic. Input and output are NCHW RGB in [-1, 1]; a conditioned net
/// (<see cref="Conditions"/> = 2) reads two more constant planes after RGB: how degraded the input is (<see cref="ConditionOf"/>).
/// </summary>
public sealed class DetailNet : Module<Tensor, Tensor>
{
    /// <summary>Upscaling factor of one pass.</summary>
    public const int Scale = 4;

    /// <summary>Widest and deepest net built (training and loading alike): 256 x 64 is ~75 M weights.</summary>
    public const int MaxChannels = 256, MaxBlocks = 64;

    private static readonly double[] BicubicFactor = [Scale, Scale];
    private readonly Conv2d head, bodyTail, up1, up2, tail;
    private readonly ModuleList<ResidualBlock> blocks = new();

    /// <summary>Condition planes of a degradation-aware net: blur sigma and noise of the picture the cascade started from.</summary>
    public const int ConditionCount = 2;

    /// <summary>Builds the net with <paramref name="channels"/> features, <paramref name="blockCount"/> residual blocks and
    /// <paramref name="conditions"/> condition planes (0: RGB only, as in format-1 files; <see cref="ConditionCount"/>).</summary>
    public DetailNet(int channels, int blockCount, int conditions = 0) : base(nameof(DetailNet))
    {
        if (conditions is not (0 or ConditionCount))
            throw new ArgumentOutOfRangeException(nameof(conditions), conditions, $"Condition planes must be 0 or {ConditionCount}.");
        if (channels is < 4 or > MaxChannels || channels % 4 != 0)
            throw new ArgumentOutOfRangeException(nameof(channels), channels, $"Channels must be a multiple of 4 in 4..{MaxChannels}.");
        if (blockCount is < 1 or > MaxBlocks) throw new ArgumentOutOfRangeException(nameof(blockCount), blockCount, $"Blocks must be 1..{MaxBlocks}.");
        (Channels, Blocks, Conditions) = (channels, blockCount, conditions);
        head = Conv2d(3 + conditions, channels, 3, padding: 1);
        for (int i = 0; i < blockCount; i++) blocks.Add(new ResidualBlock(channels));
        bodyTail = Conv2d(channels, channels, 3, padding: 1);
        up1 = Conv2d(channels, 4 * (channels * 2 / 3), 3, padding: 1);
        up2 = Conv2d(channels * 2 / 3, 4 * (channels / 3), 3, padding: 1);
        tail = Conv2d(channels / 3, 3, 3, padding: 1);
        RegisterComponents();
        // A zero tail makes the untrained net exactly bicubic: training starts from the baseline, not below it.
        ResetResidual();
    }

    /// <summary>Feature width.</summary>
    public int Channels { get; }

    /// <summary>Residual blocks.</summary>
    public int Blocks { get; }

    /// <summary>Condition planes read after RGB (0 or <see cref="ConditionCount"/>).</summary>
    public int Conditions { get; }

    /// <summary>The condition planes' values for a cascade started from a picture degraded by <paramref name="profile"/>
    /// (scaled so the calibrated range lands near 0..1).</summary>
    public static float[] ConditionOf(Training.DegradationProfile profile) => [(float)(profile.BlurSigma / 2), (float)(profile.Noise * 16)];

    /// <summary>RGB (N, 3, H, W) with this net's condition planes appended (<paramref name="conditions"/>: N x 2 values); RGB alone when unconditioned.</summary>
    public Tensor WithConditions(Tensor rgb, Tensor conditions)
    {
        if (Conditions == 0) return rgb.alias();
        using var scope = NewDisposeScope();
        var planes = conditions.to(rgb.device).reshape(rgb.shape[0], Conditions, 1, 1).expand(rgb.shape[0], Conditions, rgb.shape[2], rgb.shape[3]);
        return cat([rgb, planes], 1).MoveToOuterDisposeScope();
    }

    /// <summary>Copies the weights of <paramref name="other"/> (same width and depth); condition planes it lacks start at zero weight,
    /// so the copy upscales exactly as <paramref name="other"/> until it trains.</summary>
    public void CopyFrom(DetailNet other)
    {
        if (other.Channels != Channels || other.Blocks != Blocks || other.Conditions > Conditions)
            throw new ArgumentException($"Cannot start a {Channels}x{Blocks} net from a {other.Channels}x{other.Blocks} one.", nameof(other));
        using var noGrad = no_grad();
        var source = other.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in named_parameters())
        {
            var from = source[name].to(parameter.device);
            if (from.shape.SequenceEqual(parameter.shape)) parameter.copy_(from);
            else { parameter.zero_(); parameter.narrow(1, 0, from.shape[1]).copy_(from); } // the head: RGB weights kept, condition weights zero
        }
    }
    /// <summary>Input pixels each side that can influence an output pixel: head, 2 per block, body tail, the two upsampling convs and tail (rounded up), bicubic taps.</summary>
    public int ReceptiveRadius => Blocks * 2 + 7;

    /// <summary>Learned weights.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>The convolution weights of a net of this shape (biases left out): a lower bound of what its file must hold.</summary>
    public static long WeightsAtLeast(int channels, int blockCount, int conditions = 0)
    {
        long c = channels, c2 = channels * 2 / 3, c3 = channels / 3;
        return 9 * ((3 + conditions) * c + 2 * blockCount * c * c + c * c + c * 4 * c2 + c2 * 4 * c3 + c3 * 3);
    }

    /// <summary>Multiply-adds per input pixel of one pass (convolutions only; the 2x stage runs on 4 pixels per input pixel, the 4x tail on 16).</summary>
    public long MultiplyAddsPerInputPixel
    {
        get
        {
            long c = Channels, c2 = Channels * 2 / 3, c3 = Channels / 3;
            return 9 * ((3 + Conditions) * c + 2 * Blocks * c * c + c * c + c * 4 * c2 + 4 * (c2 * 4 * c3) + 16 * (c3 * 3));
        }
    }

    /// <summary>Zeroes the tail, so the net is exactly bicubic again but keeps its features: a later pass starts from the
    /// previous pass's features without first unlearning its sharpening (which overshoots on an already sharp input).</summary>
    public void ResetResidual()
    {
        using var noGrad = no_grad();
        tail.weight!.zero_();
        tail.bias!.zero_();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var features = head.forward(x);
        var body = features;
        foreach (var block in blocks) body = block.forward(body);
        body = bodyTail.forward(body).add(features, Scalars.One);
        var up = functional.pixel_shuffle(up1.forward(body), 2).relu_();
        up = functional.pixel_shuffle(up2.forward(up), 2).relu_();
        var rgb = Conditions == 0 ? x : x.narrow(1, 0, 3);
        var bicubic = functional.interpolate(rgb, scale_factor: BicubicFactor, mode: InterpolationMode.Bicubic, align_corners: false);
        return tail.forward(up).add(bicubic, Scalars.One).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            head.Dispose(); bodyTail.Dispose(); up1.Dispose(); up2.Dispose(); tail.Dispose();
            foreach (var b in blocks) b.Dispose();
        }
        base.Dispose(disposing);
    }
}
