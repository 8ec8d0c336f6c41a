using ArtGallery.Gan.Models;
using ArtGallery.Gan.Conditioning;
using ArtGallery.Gan.Layers;
using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Recipes.ProGan;

/// <summary>Progressive GAN generator (Karras et al. 2018): pixel norm, equalized LR, toRGB per resolution. Conditioned
/// (the conditioned recipe), its latent is z followed by a condition, every layer is FiLM-modulated by the condition's
/// embedding, the code carries that embedding after the 4x4 block, and it carries its collection.</summary>
public sealed class ProGenerator : GanGenerator, IWidenable
{
    private readonly EqualizedLinear dense;
    private readonly EqualizedConv2d conv4;
    private readonly ModuleList<EqualizedConv2d> convs = new();
    private readonly ModuleList<EqualizedConv2d> toRgb = new();
    private readonly int[] widths;
    private readonly int latentSize;
    private readonly ConditionModulation? modulation;
    private readonly ConditionCollection? collection;

    /// <summary>Builds every block up to <paramref name="maxResolution"/>; widths[i] is the width at 4*2^i. With a
    /// <paramref name="condition"/> (embedding size, collection size, how seeds pick pictures and the condition's length) it
    /// is the conditioned recipe's generator.</summary>
    public ProGenerator(int latentSize, int maxResolution, IReadOnlyList<int> widths, (int Embedding, int Collection, CollectionSeedOrder Order, int Size)? condition = null)
        : base(nameof(ProGenerator))
    {
        this.latentSize = latentSize;
        this.widths = widths.ToArray();
        MaxResolution = maxResolution;
        int c4 = this.widths[0];
        if (condition is var (embedding, collectionSize, order, conditionSize))
        {
            // Modulated layers: conv4, then both convs of every stage.
            int[] layerWidths = [c4, .. this.widths.Skip(1).Take(Stages - 1).SelectMany(w => new[] { w, w })];
            modulation = new ConditionModulation(conditionSize, embedding, layerWidths);
            collection = new ConditionCollection(collectionSize, order, conditionSize);
        }
        // ProGAN's first layer is a dense "4x4 conv-transpose" with gain sqrt(2)/4.
        dense = new EqualizedLinear(latentSize + (modulation?.EmbeddingSize ?? 0), c4 * 16, Math.Sqrt(2) / 4);
        conv4 = new EqualizedConv2d(c4, c4, 3);
        toRgb.Add(new EqualizedConv2d(c4, 3, 1, gain: 1));
        for (int i = 1; i < Stages; i++)
        {
            convs.Add(new EqualizedConv2d(this.widths[i - 1], this.widths[i], 3));
            convs.Add(new EqualizedConv2d(this.widths[i], this.widths[i], 3));
            toRgb.Add(new EqualizedConv2d(this.widths[i], 3, 1, gain: 1));
        }
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override int LatentSize => latentSize + ConditionSize;

    /// <inheritdoc/>
    public override int ConditionSize => modulation?.ConditionSize ?? 0;

    /// <inheritdoc/>
    public override int CodeSize => widths[0] * 16 + (modulation?.EmbeddingSize ?? 0);

    /// <inheritdoc/>
    public override int EditableCodeSize => widths[0] * 16;

    /// <inheritdoc/>
    public override ConditionCollection? Collection => collection;

    /// <inheritdoc/>
    public override float[] LatentFor(long seed, int? like = null)
    {
        if (Collection is null) return base.LatentFor(seed, like);
        // The picture's own descriptor, also under a requested palette: a changed palette half changed the layout too
        // (docs/lab/2026-12-07-palette-on-request.md), so colours are put on afterwards (PaletteTransfer).
        return [.. Sampling.Rendering.Latent(seed, latentSize), .. Collection.Descriptor(like ?? Collection.IndexFor(seed))];
    }

    /// <inheritdoc/>
    public override int MaxResolution { get; }

    private int Stages => (int)Math.Log2(MaxResolution) - 1;

    /// <summary>The code is the 4x4 block's output (after its conv), flattened: z is pixel-normed, so only here does scaling mean something.</summary>
    public override Tensor Code(Tensor latents)
    {
        using var scope = NewDisposeScope();
        if (modulation is null) return Block4(PixelNorm.Apply(latents), null).flatten(1).MoveToOuterDisposeScope();
        // Contiguous copies: BLAS results on strided views depend on their alignment, which would break bit-exact resume.
        var embedding = modulation.Embed(latents.narrow(1, latentSize, ConditionSize).contiguous());
        var z = PixelNorm.Apply(latents.narrow(1, 0, latentSize).contiguous());
        var x = Block4(cat([z, embedding], 1), modulation.Factors(embedding, layers: 1)[0]);
        return cat([x.flatten(1), embedding], 1).MoveToOuterDisposeScope();
    }

    private Tensor Block4(Tensor input, (Tensor Scale, Tensor Shift)? factors)
    {
        var x = dense.forward(input).reshape(-1, widths[0], 4, 4);
        x = PixelNorm.Apply(x.leaky_relu(Scalars.LeakySlope));
        x = PixelNorm.Apply(conv4.forward(x).leaky_relu(Scalars.LeakySlope));
        return factors is { } f ? ConditionModulation.Modulate(x, f) : x;
    }

    /// <inheritdoc/>
    public override Tensor Synthesize(Tensor codes)
    {
        using var scope = NewDisposeScope();
        int stage = (int)Math.Log2(Resolution) - 2;
        int blockSize = widths[0] * 16;
        var x = codes.narrow(1, 0, blockSize).reshape(-1, widths[0], 4, 4);
        var embedding = modulation is null ? null : codes.narrow(1, blockSize, modulation.EmbeddingSize).contiguous();
        var factors = embedding is null ? null : modulation!.Factors(embedding);
        Tensor? previous = null;
        for (int i = 1; i <= stage; i++)
        {
            previous = x;
            x = F.interpolate(x, scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Nearest);
            x = Modulated(PixelNorm.Apply(convs[2 * i - 2].forward(x).leaky_relu(Scalars.LeakySlope)), factors, 2 * i - 1);
            x = Modulated(PixelNorm.Apply(convs[2 * i - 1].forward(x).leaky_relu(Scalars.LeakySlope)), factors, 2 * i);
        }
        var rgb = toRgb[stage].forward(x);
        if (previous is not null && Alpha < 1)
        {
            // Fade-in: the old toRGB path upsampled, blended towards the new block by alpha.
            var old = F.interpolate(toRgb[stage - 1].forward(previous), scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Nearest);
            using var alpha = Alpha.ToScalar();
            rgb = old.add(rgb - old, alpha); // old + alpha (rgb - old)
        }
        if (embedding is not null) rgb = rgb.add(modulation!.ColourBias(embedding), Scalars.One);
        return rgb.MoveToOuterDisposeScope();
    }

    private static Tensor Modulated(Tensor x, (Tensor Scale, Tensor Shift)[]? factors, int layer) =>
        factors is null ? x : ConditionModulation.Modulate(x, factors[layer]);

    /// <summary>Takes over a generator that differs only in the widths of its stages after 4 px and in a longer condition
    /// (a composition part added; the latent's noise and the collection stay): it draws the same pictures
    /// (<see cref="ChannelWidening"/>; the new condition values start unread).</summary>
    public void LoadWidened(nn.Module narrowModule, Training.GanRandom random)
    {
        if (narrowModule is not ProGenerator narrow || narrow.latentSize != latentSize || narrow.widths.Length != widths.Length
            || narrow.widths[0] != widths[0] || (narrow.modulation is null) != (modulation is null) || narrow.collection?.Count != collection?.Count
            || narrow.ConditionSize > ConditionSize)
            throw new ArgumentException("Widening keeps the latent, the 4 px width, the stages and the condition; only later stages' widths and the condition's length may grow.");
        var maps = widths.Select((w, i) => ChannelMap.Of(narrow.widths[i], w)).ToArray();
        var rgb = ChannelMap.Identity(3);
        dense.LoadCopy(narrow.dense, random);
        conv4.LoadCopy(narrow.conv4, random);
        for (int i = 0; i < widths.Length; i++) toRgb[i].LoadWidened(narrow.toRgb[i], rgb, maps[i], random);
        for (int i = 1; i < widths.Length; i++)
        {
            convs[2 * i - 2].LoadWidened(narrow.convs[2 * i - 2], maps[i], maps[i - 1], random);
            convs[2 * i - 1].LoadWidened(narrow.convs[2 * i - 1], maps[i], maps[i], random);
        }
        modulation?.LoadWidened(narrow.modulation!, [maps[0], .. maps.Skip(1).SelectMany(m => new[] { m, m })],
            ChannelMap.Extended(narrow.ConditionSize, ConditionSize - narrow.ConditionSize), random);
        collection?.CopyFrom(narrow.collection!);
    }

    /// <inheritdoc/>
    public override double ForwardFlops(int resolution)
    {
        int stage = (int)Math.Log2(resolution) - 2;
        double flops = dense.Flops + conv4.Flops(4);
        for (int i = 1; i <= stage; i++)
            flops += convs[2 * i - 2].Flops(4 << i) + convs[2 * i - 1].Flops(4 << i);
        return flops + toRgb[stage].Flops(resolution) + (modulation?.Flops ?? 0);
    }
}
