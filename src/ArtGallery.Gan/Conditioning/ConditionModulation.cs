using ArtGallery.Gan.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Conditioning;

/// <summary>
/// How a condition steers the generator: a small embedding MLP, then per-layer FiLM (a scale and a shift per channel
/// after each conv's pixel norm: Perez et al. 2018, as IC-GAN's BigGAN backbone does with conditional batch norm) and
/// a colour bias on the output. Pixel norm comes first so the scale is not normalised away.
/// </summary>
public sealed class ConditionModulation : nn.Module
{
    // FiLM starts close to identity (half an equalized layer's spread); the colour bias at full gain, because colour is
    // what a condition changes first (a quarter gain took ~4x the steps to follow a two-colour condition).
    private const double StyleGain = 0.5;
    private readonly EqualizedLinear embed1, embed2, styles, colour;
    private readonly int[] widths, offsets;
    private readonly long[] sliceSizes;
    // 1 where the style layer's output is a scale, 0 where it is a shift: added once, it turns every scale into 1 + scale.
    private readonly float[] onePlusScale;

    /// <summary><paramref name="layerWidths"/>: channels of each modulated layer, in forward order.</summary>
    public ConditionModulation(int conditionSize, int embeddingSize, IReadOnlyList<int> layerWidths) : base(nameof(ConditionModulation))
    {
        widths = [.. layerWidths];
        offsets = new int[widths.Length];
        for (int i = 1; i < widths.Length; i++) offsets[i] = offsets[i - 1] + 2 * widths[i - 1];
        sliceSizes = [.. widths.SelectMany(w => new long[] { w, w })];
        onePlusScale = new float[2 * widths.Sum()];
        for (int layer = 0; layer < widths.Length; layer++) Array.Fill(onePlusScale, 1f, offsets[layer], widths[layer]);
        EmbeddingSize = embeddingSize;
        ConditionSize = conditionSize;
        embed1 = new EqualizedLinear(conditionSize, embeddingSize);
        embed2 = new EqualizedLinear(embeddingSize, embeddingSize);
        styles = new EqualizedLinear(embeddingSize, 2 * widths.Sum(), StyleGain);
        colour = new EqualizedLinear(embeddingSize, 3, 1);
        RegisterComponents();
    }

    /// <summary>Length of the condition it reads.</summary>
    public int ConditionSize { get; }

    /// <summary>Length of the embedding carried in the generator's code.</summary>
    public int EmbeddingSize { get; }

    /// <summary>Conditions (N, C) -> embeddings (N, E).</summary>
    public Tensor Embed(Tensor conditions) =>
        embed2.forward(embed1.forward(conditions).leaky_relu(Scalars.LeakySlope)).leaky_relu(Scalars.LeakySlope);

    /// <summary>The first <paramref name="layers"/> modulated layers' FiLM factors from embeddings: per layer (1 + scale, shift), each (N, width, 1, 1).
    /// One add and one split over the style layer's output, rather than slicing, copying and adding per layer: a render
    /// of a conditioned model is mostly small ops, so their count sets its cost. The values are those of per-layer slicing.</summary>
    public (Tensor Scale, Tensor Shift)[] Factors(Tensor embeddings, int layers = int.MaxValue)
    {
        var all = styles.forward(embeddings).add(tensor(onePlusScale, device: embeddings.device), Scalars.One);
        var parts = all.split(sliceSizes, 1);
        var factors = new (Tensor, Tensor)[Math.Min(layers, widths.Length)];
        for (int layer = 0; layer < factors.Length; layer++)
            factors[layer] = (parts[2 * layer].reshape(-1, widths[layer], 1, 1), parts[2 * layer + 1].reshape(-1, widths[layer], 1, 1));
        return factors;
    }

    /// <summary>x (N, C, H, W) of one modulated layer: x (1 + scale) + shift.</summary>
    public static Tensor Modulate(Tensor x, (Tensor Scale, Tensor Shift) factors) => x.mul(factors.Scale).add(factors.Shift, Scalars.One);

    /// <summary>A per-image colour offset for the RGB output: (N, 3, 1, 1).</summary>
    public Tensor ColourBias(Tensor embeddings) => colour.forward(embeddings).view(-1, 3, 1, 1);

    /// <summary>Loads a narrower modulation: each layer's scales and shifts follow <paramref name="layerMaps"/> (its channels'
    /// map), the embedding reads the condition through <paramref name="conditionMap"/> (new condition values start unread),
    /// the rest is copied.</summary>
    internal void LoadWidened(ConditionModulation narrow, IReadOnlyList<ChannelMap> layerMaps, ChannelMap conditionMap, Training.GanRandom random)
    {
        if (layerMaps.Count != widths.Length || narrow.EmbeddingSize != EmbeddingSize) throw new ArgumentException("Widening keeps the modulated layers and the embedding.");
        embed1.LoadWidened(narrow.embed1, ChannelMap.Identity(EmbeddingSize), conditionMap, random);
        embed2.LoadCopy(narrow.embed2, random);
        styles.LoadWidened(narrow.styles, ChannelMap.Concat(layerMaps.SelectMany(m => new[] { m, m })), ChannelMap.Identity(EmbeddingSize), random);
        colour.LoadCopy(narrow.colour, random);
    }

    /// <summary>FLOPs per image of the embedding and style layers.</summary>
    public double Flops => embed1.Flops + embed2.Flops + styles.Flops + colour.Flops;
}
