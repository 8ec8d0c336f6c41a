using static TorchSharp.torch;

namespace ArtGallery.Detail.Training;

/// <summary>Random crops of a rotating pool of high-resolution images, degraded into (input, target) batches.</summary>
internal sealed class PairSampler
{
    private readonly DetailTrainingOptions options;
    private readonly IHighResSource source;
    private readonly Random random;
    private readonly List<HighResImage> pool = [];
    private int nextImage;

    public PairSampler(DetailTrainingOptions options, IHighResSource source)
    {
        (this.options, this.source) = (options, source);
        random = new Random(options.Seed);
        for (int i = 0; i < options.PoolSize; i++) pool.Add(Fetch());
    }

    /// <summary>One batch: degraded inputs (N, 3, crop/4, crop/4) and targets (N, 3, crop, crop), on <paramref name="device"/>.</summary>
    public (Tensor Input, Tensor Target) Next(int step, Generator rng, Device device)
    {
        if (step > 0 && step % options.RefreshEvery == 0) pool[random.Next(pool.Count)] = Fetch();
        int n = options.Batch, crop = options.CropSize, plane = crop * crop;
        int lowCrop = crop / 4, lowPlane = lowCrop * lowCrop;
        var flat = new float[n * 3 * plane];
        var painted = new float[n * 3 * lowPlane];
        var isPainted = new bool[n];
        for (int b = 0; b < n; b++)
        {
            var image = pool[random.Next(pool.Count)];
            var (x0, y0, flip, transpose) = (random.Next(Math.Max(1, (image.Width - crop) / 4 + 1)) * 4, random.Next(Math.Max(1, (image.Height - crop) / 4 + 1)) * 4,
                random.Next(2) == 1, random.Next(2) == 1);
            CopyCrop(image.Chw, image.Width, image.Height, x0, y0, crop, flip, transpose, flat.AsSpan(b * 3 * plane, 3 * plane));
            if (image.Low is { } lowImage)
            {
                // The same crop of the painter's quarter-size rendering (positions are on the 4-pixel grid).
                CopyCrop(lowImage, image.Width / 4, image.Height / 4, x0 / 4, y0 / 4, lowCrop, flip, transpose, painted.AsSpan(b * 3 * lowPlane, 3 * lowPlane));
                isPainted[b] = true;
            }
        }
        var target = tensor(flat, [n, 3, crop, crop]);
        var low = Degradation.AreaDown(target);
        if (isPainted.Any(p => p))
        {
            var mixed = low.data<float>().ToArray();
            for (int b = 0; b < n; b++)
                if (isPainted[b]) painted.AsSpan(b * 3 * lowPlane, 3 * lowPlane).CopyTo(mixed.AsSpan(b * 3 * lowPlane));
            low = tensor(mixed, [n, 3, lowCrop, lowCrop]);
        }
        var inputs = new Tensor[n];
        for (int b = 0; b < n; b++) inputs[b] = Degradation.Degrade(low.narrow(0, b, 1), Jitter(), rng);
        return (cat(inputs, 0).to(device), target.to(device));
    }

    private DegradationProfile Jitter()
    {
        if (random.NextDouble() < options.CleanFraction) return DegradationProfile.Clean;
        var p = options.Profile;
        double sigma = p.BlurSigma > 0 ? p.BlurSigma * (0.5 + random.NextDouble()) : 0.5 * random.NextDouble();
        return new DegradationProfile(sigma, p.Noise * 2 * random.NextDouble());
    }

    // Positions on the 4-pixel grid keep the area downsample aligned with how a painting is rendered small.
    private static void CopyCrop(float[] chw, int width, int height, int x0, int y0, int crop, bool flip, bool transpose, Span<float> destination)
    {
        int plane = width * height;
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < crop; y++)
                for (int x = 0; x < crop; x++)
                {
                    int sx = Math.Min(width - 1, x0 + (flip ? crop - 1 - x : x)), sy = Math.Min(height - 1, y0 + y);
                    if (transpose) (sx, sy) = (Math.Min(width - 1, x0 + (sy - y0)), Math.Min(height - 1, y0 + (sx - x0)));
                    destination[c * crop * crop + y * crop + x] = chw[c * plane + sy * width + sx];
                }
    }

    private HighResImage Fetch() => source.Get(nextImage++, random);
}
