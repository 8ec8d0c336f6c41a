using ArtGallery.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Layers;

/// <summary>
/// Which narrow channel each channel of a widened layer copies (Net2WiderNet: Chen et al. 2016). Every narrow channel
/// is copied the same number of times, so a pixel norm over channels (its mean of squares) is unchanged.
/// </summary>
public sealed class ChannelMap
{
    private ChannelMap(int[] source, int[] copies) => (Source, Copies) = (source, copies);

    /// <summary>For each wide channel, the narrow channel it copies (-1: a new channel, see <see cref="Extended"/>).</summary>
    public int[] Source { get; }

    /// <summary>For each wide channel, how many wide channels copy its source.</summary>
    public int[] Copies { get; }

    /// <summary>Narrow width.</summary>
    public int NarrowWidth => Copies.Length == 0 ? 0 : Source.Max() + 1;

    /// <summary>Channel j of the wide layer copies channel j mod <paramref name="narrow"/>; <paramref name="wide"/> must be a multiple of it.</summary>
    public static ChannelMap Of(int narrow, int wide)
    {
        if (narrow < 1 || wide < narrow || wide % narrow != 0)
            throw new ArgumentException($"A width of {narrow} can only widen to a multiple of itself, not {wide}.");
        return new([.. Enumerable.Range(0, wide).Select(j => j % narrow)], [.. Enumerable.Repeat(wide / narrow, wide)]);
    }

    /// <summary>Maps laid end to end (a layer whose outputs are several blocks of channels, such as FiLM's scales and shifts).</summary>
    public static ChannelMap Concat(IEnumerable<ChannelMap> parts)
    {
        var source = new List<int>();
        var copies = new List<int>();
        int offset = 0;
        foreach (var part in parts)
        {
            source.AddRange(part.Source.Select(s => s + offset));
            copies.AddRange(part.Copies);
            offset += part.NarrowWidth;
        }
        return new([.. source], [.. copies]);
    }

    /// <summary>The <paramref name="narrow"/> channels kept, then <paramref name="added"/> new ones whose weights start at zero: a
    /// layer that reads new inputs (a longer condition) still computes what it did.</summary>
    public static ChannelMap Extended(int narrow, int added)
    {
        if (narrow < 1 || added < 0) throw new ArgumentException($"Cannot extend {narrow} channels by {added}.");
        return new([.. Enumerable.Range(0, narrow), .. Enumerable.Repeat(-1, added)], [.. Enumerable.Repeat(1, narrow), .. Enumerable.Repeat(0, added)]);
    }

    /// <summary>Every channel kept as it is.</summary>
    public static ChannelMap Identity(long width) => Of((int)width, (int)width);
}

/// <summary>
/// Copies a narrow layer's weights into a wider one so that the wide network computes the same function: an output
/// channel's filter is copied to each of its copies; an input channel's weights are split among its copies in random
/// shares that sum to 1 (per weight), so the copies get different gradients and grow apart, and rescaled by the ratio
/// of the two layers' equalized-LR constants.
/// </summary>
internal static class ChannelWidening
{
    /// <summary>How far a share may stray from an even split (0.5 with two copies: shares between 0.25 and 0.75).</summary>
    private const double Jitter = 0.5;

    /// <summary>The wide weight (shape <paramref name="wideShape"/>: out, in, then kernel dims) from the narrow one.</summary>
    public static float[] Weight(Tensor narrow, long[] wideShape, ChannelMap outputs, ChannelMap inputs, double scaleRatio, GanRandom random)
    {
        long[] narrowShape = narrow.shape;
        if (narrowShape[0] != outputs.NarrowWidth || narrowShape[1] != inputs.NarrowWidth || wideShape[0] != outputs.Source.Length || wideShape[1] != inputs.Source.Length)
            throw new ArgumentException($"Cannot widen a weight of shape [{string.Join(", ", narrowShape)}] to [{string.Join(", ", wideShape)}] with these channel maps.");
        var from = Values(narrow);
        int kernel = (int)narrowShape.Skip(2).Aggregate(1L, (a, b) => a * b);
        int narrowIn = (int)narrowShape[1], wideOut = (int)wideShape[0], wideIn = (int)wideShape[1];
        var to = new float[wideOut * wideIn * kernel];
        var shares = new double[wideIn];
        var sums = new double[narrowIn];
        for (int o = 0; o < wideOut; o++)
            for (int k = 0; k < kernel; k++)
            {
                // Random shares per narrow input channel, centred so each channel's copies sum to exactly 1.
                Array.Clear(sums);
                for (int i = 0; i < wideIn; i++)
                    if (inputs.Source[i] >= 0) sums[inputs.Source[i]] += shares[i] = Jitter * (2 * random.NextDouble() - 1);
                for (int i = 0; i < wideIn; i++)
                {
                    int copies = inputs.Copies[i];
                    if (copies == 0) continue; // a new input: zero weight
                    double share = copies == 1 ? 1 : (1.0 + shares[i] - sums[inputs.Source[i]] / copies) / copies;
                    double w = from[(outputs.Source[o] * narrowIn + inputs.Source[i]) * kernel + k];
                    to[(o * wideIn + i) * kernel + k] = (float)(w * share * scaleRatio);
                }
            }
        return to;
    }

    /// <summary>The wide bias: each output channel's copy of its source's.</summary>
    public static float[] Bias(Tensor narrow, ChannelMap outputs)
    {
        var from = Values(narrow);
        return [.. outputs.Source.Select(s => from[s])];
    }

    /// <summary>A parameter's values, read on the CPU (the copies it takes are freed here).</summary>
    private static float[] Values(Tensor parameter)
    {
        using var scope = NewDisposeScope();
        return parameter.detach().cpu().contiguous().data<float>().ToArray();
    }

    /// <summary>Writes <paramref name="values"/> into <paramref name="parameter"/> (on any device).</summary>
    public static void Assign(Tensor parameter, float[] values)
    {
        using var noGrad = no_grad();
        using var source = tensor(values, parameter.shape);
        parameter.copy_(source);
    }
}
