using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Sampling;

/// <summary>A unit direction in code space, the codes' standard deviation along it, and (for attributes) its correlation.</summary>
public sealed record LatentDirection(float[] Vector, double StdDev, double Correlation = double.NaN);

/// <summary>Finds meaningful edit directions in the code space (GANSpace PCA, attribute regression).</summary>
public static class DirectionFinder
{
    private const long SeedBase = 1_000_000;

    /// <summary>The top <paramref name="count"/> principal directions of the codes of <paramref name="samples"/> fixed seeds, in the
    /// editable part of the code: a conditioned model's embedding varies most between seeds (each draws another collection
    /// picture), so its components would be "turn into another picture", which pulled stacked sliders' seeds together.</summary>
    public static IReadOnlyList<LatentDirection> Principal(ArtGenerator g, int count, int samples)
    {
        if (samples < 2 || count < 1) throw new ArgumentException("Need at least 2 samples and 1 direction.");
        var codes = g.CodesFor(Latents(g, samples));
        using var scope = NewDisposeScope();
        var x = Centered(codes, g.EditableCodeSize);
        var (_, s, vh) = linalg.svd(x, false);
        int k = (int)Math.Min(count, vh.shape[0]);
        var result = new List<LatentDirection>(k);
        for (int i = 0; i < k; i++)
            result.Add(new LatentDirection(vh[i].to(float32).data<float>().ToArray(), s[i].item<double>() / Math.Sqrt(samples - 1)));
        return result;
    }

    /// <summary>Ridge regression of an image attribute on the code: unit direction that raises it, code std along it, correlation.</summary>
    public static LatentDirection ForAttribute(ArtGenerator g, int samples, Func<float[], double> attribute)
    {
        if (samples < 3) throw new ArgumentException("Need at least 3 samples.");
        var latents = Latents(g, samples);
        var codes = g.CodesFor(latents);
        var images = g.RenderBatch(latents);
        var y = images.Select(attribute).ToArray();
        using var scope = NewDisposeScope();
        var x = Centered(codes, codes[0].Length);
        var yt = tensor(y).to(float64);
        yt = yt - yt.mean();
        // Dual form (n < d): w = X^T (X X^T + lambda I)^-1 y.
        var gram = x.matmul(x.T);
        using var lambda = (0.1 * gram.diagonal().mean().item<double>() + 1e-9).ToScalar();
        var alpha = linalg.solve(gram.add(eye(samples, dtype: float64), lambda), yt.unsqueeze(1)); // gram + lambda I
        var w = x.T.matmul(alpha).squeeze(1);
        var dir = w / w.norm().add(Scalars.TinyEpsilon, Scalars.One);
        var proj = x.matmul(dir);
        double std = proj.std().item<double>();
        double corr = (proj * yt).sum().item<double>() / Math.Max(proj.norm().item<double>() * yt.norm().item<double>(), 1e-12);
        return new LatentDirection(dir.to(float32).data<float>().ToArray(), std, corr);
    }

    private static float[][] Latents(ArtGenerator g, int samples) =>
        Enumerable.Range(0, samples).Select(i => g.LatentFor(SeedBase + i)).ToArray();

    // Columns past the editable part are zeroed, so every direction found leaves them alone.
    private static Tensor Centered(float[][] rows, int editable)
    {
        var x = tensor(rows.SelectMany(r => r).ToArray(), new long[] { rows.Length, rows[0].Length }).to(float64);
        x = x - x.mean(new long[] { 0 }, keepdim: true);
        if (editable < x.shape[1]) x[TensorIndex.Colon, TensorIndex.Slice(editable)] = zeros(1, dtype: float64);
        return x;
    }
}
