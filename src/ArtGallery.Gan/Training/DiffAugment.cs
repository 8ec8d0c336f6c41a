using static TorchSharp.torch;

namespace ArtGallery.Gan.Training;

/// <summary>Differentiable augmentation (Zhao et al. 2020): colour, translation 1/8 zero-padded, cutout 1/2.</summary>
public static class DiffAugment
{
    /// <summary>Augments a batch (N,3,H,W); each op hits each sample with probability p. Gradients flow to the input.</summary>
    public static Tensor Apply(Tensor x, IReadOnlyList<string> ops, double p, Generator generator)
    {
        if (ops.Count == 0 || p <= 0) return x.alias();
        using var scope = NewDisposeScope();
        foreach (var op in ops)
        {
            var augmented = op switch
            {
                "color" => Color(x, generator),
                "translation" => Translation(x, generator),
                "cutout" => Cutout(x, generator),
                _ => throw new ArgumentException($"Unknown augmentation '{op}'."),
            };
            x = p >= 1 ? augmented : x + (augmented - x) * Chosen(x, p, generator);
        }
        return x.MoveToOuterDisposeScope();
    }

    private static Tensor Chosen(Tensor x, double p, Generator g) =>
        (Rand(g, x, x.shape[0], 1, 1, 1) < p).to(x.dtype);

    private static Tensor Rand(Generator g, Tensor like, params long[] shape) => rand(shape, generator: g).to(like.device);

    private static Tensor Color(Tensor x, Generator g)
    {
        long n = x.shape[0];
        x = x + (Rand(g, x, n, 1, 1, 1) - 0.5);
        var mean = x.mean(new long[] { 1 }, keepdim: true);
        x = (x - mean) * (Rand(g, x, n, 1, 1, 1) * 2) + mean;
        mean = x.mean(new long[] { 1, 2, 3 }, keepdim: true);
        return (x - mean) * (Rand(g, x, n, 1, 1, 1) + 0.5) + mean;
    }

    private static Tensor Translation(Tensor x, Generator g)
    {
        long n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        long shift = (long)(h * 0.125 + 0.5);
        var tx = randint(-shift, shift + 1, new long[] { n, 1, 1 }, generator: g).to(x.device);
        var ty = randint(-shift, shift + 1, new long[] { n, 1, 1 }, generator: g).to(x.device);
        var b = arange(n, device: x.device).view(n, 1, 1);
        var yy = clamp(arange(h, device: x.device).view(1, h, 1) + ty + 1, 0, h + 1);
        var xx = clamp(arange(w, device: x.device).view(1, 1, w) + tx + 1, 0, w + 1);
        // Pixels shifted in from outside read the zero border of the padded image.
        var padded = nn.functional.pad(x, new long[] { 1, 1, 1, 1 }).permute(0, 2, 3, 1).reshape(-1, c);
        var index = ((b * (h + 2) + yy) * (w + 2) + xx).flatten();
        return padded.index_select(0, index).reshape(n, h, w, c).permute(0, 3, 1, 2).contiguous();
    }

    private static Tensor Cutout(Tensor x, Generator g)
    {
        long n = x.shape[0], h = x.shape[2], w = x.shape[3];
        long ch = (long)(h * 0.5 + 0.5), cw = (long)(w * 0.5 + 0.5);
        var oy = randint(0, h + (1 - ch % 2), new long[] { n, 1, 1 }, generator: g).to(x.device) - ch / 2;
        var ox = randint(0, w + (1 - cw % 2), new long[] { n, 1, 1 }, generator: g).to(x.device) - cw / 2;
        var rows = arange(h, device: x.device).view(1, h, 1);
        var cols = arange(w, device: x.device).view(1, 1, w);
        var inside = (rows >= oy) & (rows < oy + ch) & (cols >= ox) & (cols < ox + cw);
        return x * (~inside).unsqueeze(1).to(x.dtype);
    }
}
