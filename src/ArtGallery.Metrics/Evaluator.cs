using System.Diagnostics;
using ArtGallery.Imaging;

namespace ArtGallery.Metrics;

/// <summary>
/// Runs every metric on generated images against a real dataset. The real images (up to
/// <see cref="EvaluationOptions.MaxRealImages"/>) are split into two disjoint halves A and B of equal size n;
/// A is the reference (features normalised on it, k-means bins and duplicate threshold fitted on it);
/// n generated images and, as the ceiling, B are each measured against A. Equal sizes matter: k-NN radii,
/// bin tests and nearest-neighbour distances all depend on set size.
/// </summary>
public static class Evaluator
{
    /// <summary>How many generated images <see cref="Evaluate(IImageDataset, Func{int, IReadOnlyList{float[]}}, int, EvaluationOptions?)"/> asks for.</summary>
    public static int GeneratedCountFor(IImageDataset real, EvaluationOptions? options = null)
        => Math.Min(real.Count, (options ?? new EvaluationOptions()).MaxRealImages) / 2;

    /// <summary>Evaluates images produced by <paramref name="generate"/>(count), count = <see cref="GeneratedCountFor"/>.</summary>
    public static EvaluationReport Evaluate(IImageDataset real, Func<int, IReadOnlyList<float[]>> generate, int resolution, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(generate);
        options ??= new EvaluationOptions();
        Validate(real, options);
        return Evaluate(real, generate(GeneratedCountFor(real, options)), resolution, options);
    }

    /// <summary>Evaluates CHW images in [-1, 1] at <paramref name="resolution"/> (ideally <see cref="GeneratedCountFor"/> of them).</summary>
    public static EvaluationReport Evaluate(IImageDataset real, IReadOnlyList<float[]> fake, int resolution, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fake);
        options ??= new EvaluationOptions();
        Validate(real, options);
        if (fake.Count <= options.K) throw new MetricsException($"Need more than {options.K} generated images, got {fake.Count}.");
        var clock = Stopwatch.StartNew();
        var rawFake = FeatureExtractor.Default.Extract(fake, resolution); // first: a wrong size fails before real images are read

        var order = Enumerable.Range(0, real.Count).ToList();
        new SeededRandom((ulong)options.Seed + 7).Shuffle(order);
        int half = Math.Min(real.Count, options.MaxRealImages) / 2;
        var extractor = FeatureExtractor.Default;
        var rawA = extractor.Extract(real, order.GetRange(0, half), resolution);
        var rawB = extractor.Extract(real, order.GetRange(half, half), resolution);

        var normalizer = FeatureNormalizer.Fit(rawA, options.BlockWeights);
        var a = normalizer.Apply(rawA);
        var bins = BinCoverage.Fit(a, options.Bins, options.Seed);
        double threshold = NearDuplicates.Threshold(a, options.DuplicatePercentile, options.DuplicateFactor);
        int[]? familiesA = options.FamilyClassifier is { } c ? [.. rawA.Select(f => c.PredictFeatures(f))] : null;

        MetricSet Measure(float[][] raw)
        {
            var x = normalizer.Apply(raw);
            var pr = PrecisionRecall.Compute(a, x, options.K);
            FamilyCoverageResult? families = options.FamilyClassifier is { } fc
                ? FamilyCoverage.Compute(familiesA!, [.. raw.Select(f => fc.PredictFeatures(f))], fc.Labels)
                : null;
            return new MetricSet(pr.Precision, pr.Recall, bins.Test(x, options.Alpha), NearDuplicates.Rate(x, threshold), families);
        }

        var generated = Measure(rawFake);
        var ceiling = Measure(rawB);
        // The ceiling half's pixels, read once for the image-level measures below.
        var imagesB = ReadImages(real, order.GetRange(half, half), resolution);
        var pretrained = options.PretrainedFeatures is { } pf
            ? PretrainedDistances.Measure(pf, ReadImages(real, order.GetRange(0, half), resolution), imagesB, fake, resolution)
            : null;
        return new EvaluationReport(real.Name, resolution, half, fake.Count, options.K, options.Alpha, threshold, generated, ceiling, clock.Elapsed)
        {
            ClassifierAccuracy = options.FamilyClassifier?.HeldOutAccuracy,
            Pretrained = pretrained,
            Palettes = new PaletteCounts(PaletteCount.Count(fake, resolution, PaletteCounts.Sample),
                PaletteCount.Count(imagesB, resolution, PaletteCounts.Sample),
                Math.Min(PaletteCounts.Sample, Math.Min(fake.Count, half))),
            Edges = new EdgeWidths(EdgeWidth.SelfMeanOver(fake, resolution), EdgeWidth.SelfMeanOver(imagesB, resolution)),
        };
    }

    private static List<float[]> ReadImages(IImageDataset real, List<int> indices, int resolution) => [.. indices.Select(i =>
    {
        var image = new float[3 * resolution * resolution];
        real.Read(i, resolution, image);
        return image;
    })];

    private static void Validate(IImageDataset real, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(real);
        if (options.K < 1) throw new ArgumentOutOfRangeException(nameof(options), "K must be at least 1.");
        if (options.Bins < 2) throw new ArgumentOutOfRangeException(nameof(options), "At least 2 bins are needed.");
        if (real.Count == 0) throw new MetricsException($"Dataset '{real.Name}' is empty: there are no real images to evaluate against.");
        // Each half must hold a k-NN radius per point and at least one real image per k-means bin.
        int needed = 2 * Math.Max(options.Bins, options.K + 1);
        int usable = Math.Min(real.Count, options.MaxRealImages);
        if (usable < needed)
            throw new MetricsException($"Dataset '{real.Name}' has {usable} usable images; evaluation with {options.Bins} bins and k = {options.K} needs at least {needed}.");
    }
}
