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

    /// <summary><paramref name="layerWidths"/>: channels of each modulated layer, in forward order.</summary>
    public ConditionModulation(int conditionSize, int embeddingSize, IReadOnlyList<int> layerWidths) : base(nameof(ConditionModulation))
    {
        widths = [.. layerWidths];
        offsets = new int[widths.Length];
        for (int i = 1; i < widths.Length; i++) offsets[i] = offsets[i - 1] + 2 * widths[i - 1];
        EmbeddingSize = embeddingSize;
        embed1 = new EqualizedLinear(conditionSize, embeddingSize);
        embed2 = new EqualizedLinear(embeddingSize, embeddingSize);
        styles = new EqualizedLinear(embeddingSize, 2 * widths.Sum(), StyleGain);
        colour = new EqualizedLinear(embeddingSize, 3, 1);
        RegisterComponents();
    }

    /// <summary>Length of the embedding carried in the generator's code.</summary>
    public int EmbeddingSize { get; }

    /// <summary>Conditions (N, C) -> embeddings (N, E).</summary>
    public Tensor Embed(Tensor conditions) =>
        embed2.forward(embed1.forward(conditions).leaky_relu(Scalars.LeakySlope)).leaky_relu(Scalars.LeakySlope);

    /// <summary>Every layer's scales and shifts from embeddings: (N, 2 * sum of widths).</summary>
    public Tensor Styles(Tensor embeddings) => styles.forward(embeddings);

    /// <summary>x (N, C, H, W) of modulated layer <paramref name="layer"/>: x (1 + scale) + shift.</summary>
    public Tensor Modulate(Tensor x, Tensor allStyles, int layer)
    {
        int w = widths[layer];
        var scale = allStyles.narrow(1, offsets[layer], w).contiguous().view(-1, w, 1, 1);
        var shift = allStyles.narrow(1, offsets[layer] + w, w).contiguous().view(-1, w, 1, 1);
        return x.mul(scale.add(Scalars.One, Scalars.One)).add(shift, Scalars.One);
    }

    /// <summary>A per-image colour offset for the RGB output: (N, 3, 1, 1).</summary>
    public Tensor ColourBias(Tensor embeddings) => colour.forward(embeddings).view(-1, 3, 1, 1);

    /// <summary>FLOPs per image of the embedding and style layers.</summary>
    public double Flops => embed1.Flops + embed2.Flops + styles.Flops + colour.Flops;
}
