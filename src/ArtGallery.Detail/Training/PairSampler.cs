using static TorchSharp.torch;

namespace ArtGallery.Detail.Training;

/// <summary>Training batches of one pass: inputs (N, 3, crop/4, crop/4), targets (N, 3, crop, crop) and the condition each
/// input carries (N, <see cref="Network.DetailNet.ConditionCount"/>: <see cref="Network.DetailNet.ConditionOf"/> of its degradation).</summary>
internal interface IPairSampler
{
    (Tensor Input, Tensor Target, Tensor Conditions) Next(int step, Generator rng, Device device);
}

/// <summary>Pass 1's pairs: random crops of a rotating pool of high-resolution images, degraded into (input, target) batches.</summary>
internal sealed class PairSampler : IPairSampler
{
    private readonly DetailTrainingOptions options;
    private readonly IHighResSource source;
    private readonly Random random;
    private readonly List<HighResImage> pool = [];
    private int nextImage;

    public PairSampler(DetailTrainingOptions options, IHighResSource source, CancellationToken cancel = default)
    {
        (this.options, this.source) = (options, source);
        random = new Random(options.Seed);
        // Filling the pool paints up to 24 big images (seconds each): a stop meanwhile must not wait for all of them.
        for (int i = 0; i < options.PoolSize; i++)
        {
            cancel.ThrowIfCancellationRequested();
            pool.Add(Fetch());
        }
    }

    /// <summary>One batch: degraded inputs (N, 3, crop/4, crop/4) and targets (N, 3, crop, crop), on <paramref name="device"/>.</summary>
    public (Tensor Input, Tensor Target, Tensor Conditions) Next(int step, Generator rng, Device device)
    {
        if (step > 0 && step % options.RefreshEvery == 0) pool[random.Next(pool.Count)] = Fetch();
        int n = options.Batch, crop = options.CropSize, plane = crop * crop;
        var flat = new float[n * 3 * plane];
        for (int b = 0; b < n; b++) CopyCrop(pool[random.Next(pool.Count)], flat.AsSpan(b * 3 * plane, 3 * plane), crop);
        var target = tensor(flat, [n, 3, crop, crop]);
        var low = Degradation.AreaDown(target);
        var inputs = new Tensor[n];
        var conditions = new float[n * Network.DetailNet.ConditionCount];
        for (int b = 0; b < n; b++)
        {
            var profile = Jitter(options, random);
            inputs[b] = Degradation.Degrade(low.narrow(0, b, 1), profile, rng);
            Network.DetailNet.ConditionOf(profile).CopyTo(conditions, b * Network.DetailNet.ConditionCount);
        }
        return (cat(inputs, 0).to(device), target.to(device), tensor(conditions, [n, Network.DetailNet.ConditionCount]).to(device));
    }

    /// <summary>A training degradation: clean (area + 8 bits) with <see cref="DetailTrainingOptions.CleanFraction"/>, else
    /// jittered around the calibrated profile (sigma x0.5-1.5, noise x0-2).</summary>
    internal static DegradationProfile Jitter(DetailTrainingOptions options, Random random)
    {
        if (random.NextDouble() < options.CleanFraction) return DegradationProfile.Clean;
        var p = options.Profile;
        double sigma = p.BlurSigma > 0 ? p.BlurSigma * (0.5 + random.NextDouble()) : 0.5 * random.NextDouble();
        return new DegradationProfile(sigma, p.Noise * 2 * random.NextDouble());
    }

    private void CopyCrop(HighResImage image, Span<float> destination, int crop)
    {
        // Positions on the 4-pixel grid keep the area downsample aligned with how a painting is rendered small.
        int x0 = random.Next(Math.Max(1, (image.Width - crop) / 4 + 1)) * 4, y0 = random.Next(Math.Max(1, (image.Height - crop) / 4 + 1)) * 4;
        bool flip = random.Next(2) == 1, transpose = random.Next(2) == 1;
        int plane = image.Width * image.Height;
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < crop; y++)
                for (int x = 0; x < crop; x++)
                {
                    int sx = Math.Min(image.Width - 1, x0 + (flip ? crop - 1 - x : x)), sy = Math.Min(image.Height - 1, y0 + y);
                    if (transpose) (sx, sy) = (Math.Min(image.Width - 1, x0 + (sy - y0)), Math.Min(image.Height - 1, y0 + (sx - x0)));
                    destination[c * crop * crop + y * crop + x] = image.Chw[c * plane + sy * image.Width + sx];
                }
    }

    private HighResImage Fetch() => source.Get(nextImage++, random);
}
