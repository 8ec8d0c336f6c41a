using TorchSharp;
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
        using var probability = p.ToScalar();
        foreach (var op in ops)
        {
            var augmented = op switch
            {
                "color" => Color(x, generator),
                "translation" => Translation(x, generator),
                "cutout" => Cutout(x, generator),
                _ => throw new ArgumentException($"Unknown augmentation '{op}'."),
            };
            x = p >= 1 ? augmented : x.add((augmented - x) * Chosen(x, probability, generator), Scalars.One);
        }
        return x.MoveToOuterDisposeScope();
    }

    private static Tensor Chosen(Tensor x, Scalar p, Generator g) =>
        Rand(g, x, x.shape[0], 1, 1, 1).lt(p).to(x.dtype);

    private static readonly Scalar Zero = 0.ToScalar();

    private static Tensor Rand(Generator g, Tensor like, params long[] shape) => rand(shape, generator: g).to(like.device);

    private static Tensor Color(Tensor x, Generator g)
    {
        long n = x.shape[0];
        x = x.add(Rand(g, x, n, 1, 1, 1).sub(Scalars.Half), Scalars.One); // brightness: + U(-0.5, 0.5)
        var mean = x.mean(new long[] { 1 }, keepdim: true);
        x = ((x - mean) * Rand(g, x, n, 1, 1, 1).mul(Scalars.Two)).add(mean, Scalars.One); // saturation: x U(0, 2)
        mean = x.mean(new long[] { 1, 2, 3 }, keepdim: true);
        return ((x - mean) * Rand(g, x, n, 1, 1, 1).add(Scalars.Half, Scalars.One)).add(mean, Scalars.One); // contrast: x U(0.5, 1.5)
    }

    private static Tensor Translation(Tensor x, Generator g)
    {
        long n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        long shift = (long)(h * 0.125 + 0.5);
        // Integer Scalars keep the index tensors int64 (all held: see Scalars).
        using Scalar height = h.ToScalar(), width = w.ToScalar(), rowStride = (h + 2).ToScalar(), colStride = (w + 2).ToScalar(),
            lastRow = (h + 1).ToScalar(), lastCol = (w + 1).ToScalar(), batchSize = n.ToScalar();
        var tx = randint(-shift, shift + 1, new long[] { n, 1, 1 }, generator: g).to(x.device);
        var ty = randint(-shift, shift + 1, new long[] { n, 1, 1 }, generator: g).to(x.device);
        var b = arange(Zero, batchSize, Scalars.One, device: x.device).view(n, 1, 1);
        var yy = arange(Zero, height, Scalars.One, device: x.device).view(1, h, 1).add(ty, Scalars.One).add(Scalars.One, Scalars.One).clamp(Zero, lastRow);
        var xx = arange(Zero, width, Scalars.One, device: x.device).view(1, 1, w).add(tx, Scalars.One).add(Scalars.One, Scalars.One).clamp(Zero, lastCol);
        // Pixels shifted in from outside read the zero border of the padded image.
        var padded = nn.functional.pad(x, new long[] { 1, 1, 1, 1 }).permute(0, 2, 3, 1).reshape(-1, c);
        var index = b.mul(rowStride).add(yy, Scalars.One).mul(colStride).add(xx, Scalars.One).flatten();
        return padded.index_select(0, index).reshape(n, h, w, c).permute(0, 3, 1, 2).contiguous();
    }

    private static Tensor Cutout(Tensor x, Generator g)
    {
        long n = x.shape[0], h = x.shape[2], w = x.shape[3];
        long ch = (long)(h * 0.5 + 0.5), cw = (long)(w * 0.5 + 0.5);
        using Scalar height = h.ToScalar(), width = w.ToScalar(), cutHeight = ch.ToScalar(), cutWidth = cw.ToScalar(),
            halfHeight = (ch / 2).ToScalar(), halfWidth = (cw / 2).ToScalar();
        var oy = randint(0, h + (1 - ch % 2), new long[] { n, 1, 1 }, generator: g).to(x.device).sub(halfHeight);
        var ox = randint(0, w + (1 - cw % 2), new long[] { n, 1, 1 }, generator: g).to(x.device).sub(halfWidth);
        var rows = arange(Zero, height, Scalars.One, device: x.device).view(1, h, 1);
        var cols = arange(Zero, width, Scalars.One, device: x.device).view(1, 1, w);
        var inside = (rows >= oy) & (rows < oy.add(cutHeight, Scalars.One)) & (cols >= ox) & (cols < ox.add(cutWidth, Scalars.One));
        return x * (~inside).unsqueeze(1).to(x.dtype);
    }
}
