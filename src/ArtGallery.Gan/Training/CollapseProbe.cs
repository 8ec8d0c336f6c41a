using ArtGallery.Gan.Models;
using ArtGallery.Gan.Sampling;
using ArtGallery.Imaging;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Training;

/// <summary>One reading of the live collapse probe: <see cref="Diversity"/> = the samples' mean pairwise distance over the real
/// images' (about 1 when healthy), <see cref="NearDuplicates"/> = share of sample pairs closer than a tenth of the real mean,
/// <see cref="Warning"/> = either crossed its limit.</summary>
internal sealed record CollapseReading(double Diversity, double NearDuplicates, bool Warning);

/// <summary>
/// The one mode-collapse probe (ENGINE.md, "Collapse probe"): the trainer measures 64 fixed EMA samples every
/// <c>DiversityKimg</c> and raises the live warning (TrainingProgress.CollapseWarning, the page's and the CLI's WARNING) when
/// their spread falls under <c>CollapseThreshold</c> of the real images' or more than <see cref="MaxNearDuplicates"/> of their
/// pairs are near-duplicates. Images are compared at 16x16 (cheap, and collapse shows at any size).
/// </summary>
internal sealed class CollapseProbe
{
    /// <summary>Share of near-duplicate pairs above which the probe warns, whatever the spread.</summary>
    public const double MaxNearDuplicates = 0.25;

    private const int Count = 64;
    private readonly float[][] latents;
    private readonly IImageDataset dataset;
    private readonly Dictionary<int, double> realSpread = new();

    public CollapseProbe(long seed, GanGenerator g, IImageDataset dataset)
    {
        this.dataset = dataset;
        latents = Enumerable.Range(0, Count).Select(i => g.LatentFor(seed * 1000 + 500 + i)).ToArray();
    }

    /// <summary>Measures the EMA generator's fixed samples; warns below <paramref name="minDiversity"/> (TrainingOptions.CollapseThreshold).</summary>
    public CollapseReading Measure(GanGenerator ema, Device device, double minDiversity) =>
        MeasureImages(Rendering.Images(ema, latents, device), ema.Resolution, minDiversity);

    /// <summary>The same for any images of <paramref name="res"/> px (CHW in [-1, 1]).</summary>
    public CollapseReading MeasureImages(float[][] fakes, int res, double minDiversity)
    {
        double real = RealSpread(res);
        var (mean, close) = Spread(fakes, res, real * 0.1);
        double diversity = real > 0 ? mean / real : 1;
        return new CollapseReading(diversity, close, diversity < minDiversity || close > MaxNearDuplicates);
    }

    private double RealSpread(int res)
    {
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
        return real;
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
