using ArtGallery.Gan.Models;
using ArtGallery.Gan.Layers;
using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Recipes.ProGan;

/// <summary>Progressive GAN discriminator: fromRGB per resolution, minibatch stddev in the 4x4 block, raw logits out.
/// Conditioned, it is a projection discriminator (Miyato and Koyama 2018): <see cref="Score"/> adds the inner product of
/// the condition's embedding with the image features to the unconditional logit.</summary>
public sealed class ProDiscriminator : GanDiscriminator, IWidenable
{
    private readonly ModuleList<EqualizedConv2d> fromRgb = new();
    private readonly ModuleList<EqualizedConv2d> convs = new();
    private readonly MinibatchStdDev stddev = new();
    private readonly EqualizedConv2d conv4;
    private readonly EqualizedLinear dense4;
    private readonly EqualizedLinear output;
    private readonly int[] widths;
    private readonly EqualizedLinear? embed1, embed2;

    /// <summary>Builds every block up to <paramref name="maxResolution"/>; widths[i] is the width at 4*2^i. With a
    /// <paramref name="condition"/> (embedding size, condition length) it scores (image, condition) pairs through <see cref="Score"/>.</summary>
    public ProDiscriminator(int maxResolution, IReadOnlyList<int> widths, (int Embedding, int Size)? condition = null) : base(nameof(ProDiscriminator))
    {
        this.widths = widths.ToArray();
        int stages = (int)Math.Log2(maxResolution) - 1, c4 = this.widths[0];
        fromRgb.Add(new EqualizedConv2d(3, c4, 1));
        for (int i = 1; i < stages; i++)
        {
            fromRgb.Add(new EqualizedConv2d(3, this.widths[i], 1));
            convs.Add(new EqualizedConv2d(this.widths[i], this.widths[i], 3));
            convs.Add(new EqualizedConv2d(this.widths[i], this.widths[i - 1], 3));
        }
        conv4 = new EqualizedConv2d(c4 + 1, c4, 3);
        dense4 = new EqualizedLinear(c4 * 16, c4);
        output = new EqualizedLinear(c4, 1, gain: 1);
        if (condition is var (e, conditionSize))
        {
            embed1 = new EqualizedLinear(conditionSize, e);
            embed2 = new EqualizedLinear(e, c4, gain: 1);
        }
        RegisterComponents();
    }

    /// <summary>Images (N, 3, Resolution, Resolution) -> logits (N, 1) (conditioned: the unconditional part only).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return output.forward(Features(input)).MoveToOuterDisposeScope();
    }

    /// <summary>Images and their conditions (N, condition length) -> logits (N, 1).</summary>
    public Tensor Score(Tensor images, Tensor conditions)
    {
        if (embed1 is null) throw new InvalidOperationException("This discriminator was built without conditions.");
        using var scope = NewDisposeScope();
        var features = Features(images);
        var embedding = embed2!.forward(embed1.forward(conditions).leaky_relu(Scalars.LeakySlope));
        var projection = embedding.mul(features).sum(1, keepdim: true);
        return output.forward(features).add(projection, Scalars.One).MoveToOuterDisposeScope();
    }

    private Tensor Features(Tensor input)
    {
        int stage = (int)Math.Log2(Resolution) - 2;
        using var alpha = Alpha.ToScalar();
        var x = fromRgb[stage].forward(input).leaky_relu(Scalars.LeakySlope);
        for (int i = stage; i >= 1; i--)
        {
            x = convs[2 * i - 2].forward(x).leaky_relu(Scalars.LeakySlope);
            x = F.avg_pool2d(convs[2 * i - 1].forward(x).leaky_relu(Scalars.LeakySlope), 2);
            if (i == stage && Alpha < 1)
            {
                // Fade-in: the old fromRGB path on the half-size image, blended towards the new block.
                var skip = fromRgb[stage - 1].forward(F.avg_pool2d(input, 2)).leaky_relu(Scalars.LeakySlope);
                x = skip.add(x - skip, alpha); // skip + alpha (x - skip)
            }
        }
        x = conv4.forward(stddev.forward(x)).leaky_relu(Scalars.LeakySlope);
        return dense4.forward(x.flatten(1)).leaky_relu(Scalars.LeakySlope);
    }

    /// <summary>Takes over a discriminator that differs only in the widths of its stages after 4 px and in a longer
    /// condition: the same scores (<see cref="ChannelWidening"/>; the new condition values start unread).</summary>
    public void LoadWidened(nn.Module narrowModule, Training.GanRandom random)
    {
        if (narrowModule is not ProDiscriminator narrow || narrow.widths.Length != widths.Length || narrow.widths[0] != widths[0] || (narrow.embed1 is null) != (embed1 is null)
            || narrow.embed1?.InFeatures > embed1?.InFeatures)
            throw new ArgumentException("Widening keeps the 4 px width, the stages and the condition; only later stages' widths and the condition's length may grow.");
        var maps = widths.Select((w, i) => ChannelMap.Of(narrow.widths[i], w)).ToArray();
        var rgb = ChannelMap.Identity(3);
        for (int i = 0; i < widths.Length; i++) fromRgb[i].LoadWidened(narrow.fromRgb[i], maps[i], rgb, random);
        for (int i = 1; i < widths.Length; i++)
        {
            convs[2 * i - 2].LoadWidened(narrow.convs[2 * i - 2], maps[i], maps[i], random);
            convs[2 * i - 1].LoadWidened(narrow.convs[2 * i - 1], maps[i - 1], maps[i], random);
        }
        conv4.LoadCopy(narrow.conv4, random);
        dense4.LoadCopy(narrow.dense4, random);
        output.LoadCopy(narrow.output, random);
        if (embed1 is not null)
            embed1.LoadWidened(narrow.embed1!, ChannelMap.Identity(embed1.OutFeatures), ChannelMap.Extended((int)narrow.embed1!.InFeatures, (int)(embed1.InFeatures - narrow.embed1.InFeatures)), random);
        embed2?.LoadCopy(narrow.embed2!, random);
    }

    /// <inheritdoc/>
    public override double ForwardFlops(int resolution)
    {
        int stage = (int)Math.Log2(resolution) - 2;
        double flops = fromRgb[stage].Flops(resolution) + conv4.Flops(4) + dense4.Flops + output.Flops + (embed1?.Flops + embed2?.Flops ?? 0);
        for (int i = 1; i <= stage; i++)
            flops += convs[2 * i - 2].Flops(4 << i) + convs[2 * i - 1].Flops(4 << i);
        return flops;
    }
}
