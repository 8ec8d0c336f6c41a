using ArtGallery.Gan.Models;
using System.Collections.Concurrent;
using ArtGallery.Features;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Recipes.Projected;

/// <summary>
/// Projected GAN discriminator: images -> frozen ImageNet ResNet-18 taps (layer1..4) -> frozen random
/// cross-channel and cross-scale mixing -> four trainable heads, one per scale. The feature net is shared,
/// loaded once per device and not part of this module's state (45 MB that never changes stays out of every
/// checkpoint); the mixing weights are buffers (frozen, saved); only the heads are parameters.
/// </summary>
public sealed class ProjectedDiscriminator : GanDiscriminator
{
    private static readonly ConcurrentDictionary<string, Lazy<ResNet18Features>> FeatureNets = new();
    private readonly FeatureMixing mixing;
    private readonly ModuleList<ProjectedHead> heads = new();
    private readonly ProjectedHead? pixelHead;
    private readonly int inputScale, pack, pixelSize;

    public ProjectedDiscriminator(int resolution, ProjectedOptions options) : base(nameof(ProjectedDiscriminator))
    {
        (inputScale, pack) = (options.InputScale, options.Pack);
        Resolution = resolution;
        if (resolution * inputScale < 32) throw new ArgumentException($"The projected recipe needs a feature-net input of 32 px or more, got {resolution * inputScale}.");
        mixing = new FeatureMixing(ResNet18Features.TapChannels, options.MixChannels);
        for (int i = 0; i < 4; i++) heads.Add(new ProjectedHead(mixing.OutputChannels[i] * pack, MixedSize(i), options.HeadWidth, options.HeadBatchNorm, options.MinibatchStdDev));
        pixelSize = Math.Min(options.PixelHeadSize, resolution);
        if (pixelSize > 0) pixelHead = new ProjectedHead(3 * pack, pixelSize, options.HeadWidth, options.HeadBatchNorm, options.MinibatchStdDev);
        RegisterComponents();
    }

    /// <summary>The frozen feature net on a device (loaded on first use).</summary>
    public static ResNet18Features FeatureNet(Device device) =>
        FeatureNets.GetOrAdd(device.ToString(), _ => new Lazy<ResNet18Features>(() => ResNet18Features.Load().to(device))).Value;

    /// <summary>Side of mixed map i (finest first): the tap is input/4/2^i, the cross-scale fusion doubles it.</summary>
    public int MixedSize(int i) => Resolution * inputScale / (2 << i);

    /// <summary>The heads' logit maps, finest first, each (N / pack, 1, s, s); the pixel head's last when there is one.</summary>
    public Tensor[] HeadOutputs(Tensor images)
    {
        var x = inputScale == 1 ? images
            : F.interpolate(images, scale_factor: [inputScale, inputScale], mode: InterpolationMode.Bilinear, align_corners: false);
        var mixed = mixing.forward(FeatureNet(images.device).forward(x));
        Tensor[] outputs = [.. mixed.Select((m, i) => heads[i].forward(Pack(m)))];
        if (pixelHead is null) return outputs;
        int factor = Resolution / pixelSize;
        var pixels = factor == 1 ? images : F.avg_pool2d(images, factor);
        return [.. outputs, pixelHead.forward(Pack(pixels))];
    }

    /// <summary>Images (N, 3, R, R) -> every head's logits, flattened and concatenated: (N / pack, L).</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return cat(HeadOutputs(images).Select(o => o.flatten(1)).ToArray(), 1).MoveToOuterDisposeScope();
    }

    // PacGAN: consecutive samples side by side on channels, so a head judges a set and can see it lacks variety.
    private Tensor Pack(Tensor x) => pack == 1 ? x : x.reshape(x.shape[0] / pack, x.shape[1] * pack, x.shape[2], x.shape[3]);

    /// <inheritdoc/>
    public override double ForwardFlops(int resolution)
    {
        // ResNet-18 is 1.82 G multiply-adds (3.64 GFLOP) at 224 px and scales with the pixel count.
        double pixels = Math.Pow(resolution * inputScale / 224.0, 2);
        int[] taps = [.. Enumerable.Range(0, 4).Select(i => resolution * inputScale / (4 << i))];
        return 3.64e9 * pixels + mixing.Flops(taps) + (heads.Sum(h => h.Flops()) + (pixelHead?.Flops() ?? 0)) / pack;
    }
}
