using static TorchSharp.torch;

namespace ArtGallery.Detail.Training;

/// <summary>
/// Pairs for pass k >= 2, made the way a print meets them (issue 22): a painting at the generator's side x 4^k is the
/// target; its area-downsampled, degraded generator-size copy goes through passes 1..k-1 of an existing model (told its
/// degradation), 8-bit between passes as in a print, and that output is the input. Crops of the pool are aligned on both levels.
/// </summary>
internal sealed class CascadePairSampler : IPairSampler
{
    /// <summary>Pool memory cap: a pass-3 entry (4096 px target) is ~50 MB as bytes, so its pool holds ~10.</summary>
    private const long MaxPoolBytes = 512L << 20;

    private readonly DetailTrainingOptions options;
    private readonly IHighResSource source;
    private readonly DetailModel previous;
    private readonly Random random;
    private readonly List<Entry> pool = [];
    private readonly int side;
    private int nextImage;

    private sealed record Entry(byte[] Input, byte[] Target, float[] Condition);

    public CascadePairSampler(DetailTrainingOptions options, IHighResSource source, DetailModel previous, CancellationToken cancel = default)
    {
        (this.options, this.source, this.previous) = (options, source, previous);
        random = new Random(options.Seed);
        side = options.GeneratorResolution * (int)Math.Pow(Network.DetailNet.Scale, options.Pass);
        if (side > Imaging.AbstractPainter.MaxResolution)
            throw new ArgumentOutOfRangeException(nameof(options), $"Pass {options.Pass} of a {options.GeneratorResolution} px generator needs {side} px targets; " +
                $"at most {Imaging.AbstractPainter.MaxResolution} px can be painted.");
        long entryBytes = 3L * side * side * 17 / 16;
        int count = (int)Math.Clamp(MaxPoolBytes / entryBytes, 2, options.PoolSize);
        for (int i = 0; i < count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            pool.Add(Fetch());
        }
    }

    public (Tensor Input, Tensor Target, Tensor Conditions) Next(int step, Generator rng, Device device)
    {
        if (step > 0 && step % options.RefreshEvery == 0) pool[random.Next(pool.Count)] = Fetch();
        const int s = Network.DetailNet.Scale;
        int n = options.Batch, crop = Math.Min(options.CropSize, side), small = crop / s, low = side / s;
        var input = new float[n * 3 * small * small];
        var target = new float[n * 3 * crop * crop];
        var conditions = new float[n * Network.DetailNet.ConditionCount];
        for (int b = 0; b < n; b++)
        {
            var e = pool[random.Next(pool.Count)];
            int x0 = random.Next(low - small + 1), y0 = random.Next(low - small + 1);
            CopyCrop(e.Input, low, x0, y0, small, input.AsSpan(b * 3 * small * small));
            CopyCrop(e.Target, side, x0 * s, y0 * s, crop, target.AsSpan(b * 3 * crop * crop));
            e.Condition.CopyTo(conditions, b * Network.DetailNet.ConditionCount);
        }
        var x = tensor(input, [n, 3, small, small]);
        var y = tensor(target, [n, 3, crop, crop]);
        // The same flip / transpose on input and target: the painter's scenes have no preferred orientation.
        if (random.Next(2) == 1) (x, y) = (x.flip(3), y.flip(3));
        if (random.Next(2) == 1) (x, y) = (x.transpose(2, 3), y.transpose(2, 3));
        return (x.contiguous().to(device), y.contiguous().to(device), tensor(conditions, [n, Network.DetailNet.ConditionCount]).to(device));
    }

    private Entry Fetch()
    {
        var truth = source.Square(nextImage++, side);
        var profile = PairSampler.Jitter(options, random);
        int level = options.GeneratorResolution;
        float[] current;
        using (var scope = NewDisposeScope())
        {
            var t = tensor(truth, [1, 3, side, side]);
            for (int k = 0; k < options.Pass; k++) t = Degradation.AreaDown(t);
            using var rng = new Generator((ulong)random.Next());
            current = Degradation.Degrade(t, profile, rng).data<float>().ToArray();
        }
        for (int k = 1; k < options.Pass; k++, level *= Network.DetailNet.Scale)
            current = previous.Upscale(current, level, level, k, profile);
        return new Entry(ToBytes(current), ToBytes(truth), Network.DetailNet.ConditionOf(profile));
    }

    private static byte[] ToBytes(float[] chw)
    {
        var bytes = new byte[chw.Length];
        for (int i = 0; i < chw.Length; i++) bytes[i] = (byte)Math.Clamp((int)MathF.Round((chw[i] + 1f) * 127.5f), 0, 255);
        return bytes;
    }

    private static void CopyCrop(byte[] image, int imageSide, int x0, int y0, int crop, Span<float> destination)
    {
        int plane = imageSide * imageSide;
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < crop; y++)
            {
                int from = c * plane + (y0 + y) * imageSide + x0, to = (c * crop + y) * crop;
                for (int x = 0; x < crop; x++) destination[to + x] = image[from + x] / 127.5f - 1f;
            }
    }
}
