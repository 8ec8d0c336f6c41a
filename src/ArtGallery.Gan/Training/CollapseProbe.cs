using ArtGallery.Gan.Models;
using ArtGallery.Gan.Sampling;
using ArtGallery.Imaging;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Training;

/// <summary>Cheap live mode-collapse signal: pairwise spread of 64 fixed EMA samples at 16x16 relative to real images.</summary>
internal sealed class CollapseProbe
{
    private const int Count = 64;
    private readonly float[][] latents;
    private readonly IImageDataset dataset;
    private readonly Dictionary<int, double> realSpread = new();

    public CollapseProbe(long seed, GanGenerator g, IImageDataset dataset)
    {
        this.dataset = dataset;
        latents = Enumerable.Range(0, Count).Select(i => g.LatentFor(seed * 1000 + 500 + i)).ToArray();
    }

    /// <summary>Diversity = fake mean pairwise distance / real; near-duplicate rate = fake pairs closer than 10% of real's mean.</summary>
    public (double Diversity, double NearDuplicates) Measure(GanGenerator ema, Device device)
    {
        int res = ema.Resolution;
        if (!realSpread.TryGetValue(res, out double real))
        {
            int n = Math.Min(Count, dataset.Count);
            var reals = new float[n][];
            for (int i = 0; i < n; i++)
            {
                reals[i] = new float[3 * res * res];
                dataset.Read((int)((long)i * dataset.Count / n), res, reals[i]);
            }
            real = realSpread[res] = Spread(reals, res, 0).Mean;
        }
        var fakes = Rendering.Images(ema, latents, device);
        var (mean, close) = Spread(fakes, res, real * 0.1);
        return (real > 0 ? mean / real : 1, close);
    }

    private static readonly TorchSharp.Scalar MinusTwo = (-2).ToScalar(), Zero = 0.ToScalar();

    private static (double Mean, double CloseRate) Spread(float[][] images, int res, double closeBelow)
    {
        if (images.Length < 2) return (0, 0);
        using var scope = NewDisposeScope();
        var x = tensor(images.SelectMany(a => a).ToArray(), new long[] { images.Length, 3, res, res });
        if (res > 16) x = F.adaptive_avg_pool2d(x, new long[] { 16, 16 });
        x = x.flatten(1).to(float64);
        var sq = x.pow(Scalars.Two).sum(1);
        // |a|^2 + |b|^2 - 2 a.b, clamped at 0 against rounding.
        var d = sq.unsqueeze(1).add(sq.unsqueeze(0), Scalars.One).add(x.matmul(x.T), MinusTwo).clamp_min(Zero).sqrt();
        long n = images.Length, pairs = n * (n - 1);
        double mean = d.sum().item<double>() / pairs;
        using var threshold = closeBelow.ToScalar();
        double close = (d.lt(threshold).sum().item<long>() - n) / (double)pairs;
        return (mean, close);
    }
}
