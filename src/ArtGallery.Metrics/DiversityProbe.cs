namespace ArtGallery.Metrics;

/// <summary>One reading of the live diversity signal.</summary>
/// <param name="RelativeSpread">Mean pairwise feature distance of the generated batch / that of the real batch (about 1 when healthy).</param>
/// <param name="RelativeNearest">Mean distance from each image to its nearest neighbour in the batch, generated / real (about 1 when healthy).</param>
/// <param name="DuplicateRate">Share of generated images with a near-duplicate in the batch (see <see cref="NearDuplicates"/>).</param>
/// <param name="CollapseWarning">True when spread or duplicates cross the probe's thresholds.</param>
public sealed record DiversitySignal(double RelativeSpread, double RelativeNearest, double DuplicateRate, bool CollapseWarning);

/// <summary>
/// Cheap live mode-collapse alarm: features of a fixed real batch are computed once; each call measures a
/// generated batch (64 images take well under a second). A collapsing generator repeats itself, so copies
/// appear (duplicates rise) and every image finds a close sibling (nearest-neighbour distance falls). The
/// nearest-neighbour ratio is the sensitive one: with 4 modes three quarters of all pairs still differ, so
/// mean pairwise spread only drops to about 0.75, while nearest distances drop to the jitter within a mode.
/// Batches must be of equal size (nearest distances shrink as a batch grows). Early in
/// training blurry samples also have low spread: callers should arm the warning only after the first phase.
/// </summary>
public sealed class DiversityProbe
{
    private readonly FeatureNormalizer normalizer;
    private readonly double realSpread;
    private readonly double realNearest;
    private readonly int batchSize;
    private readonly double duplicateThreshold;

    /// <summary>Builds the probe from a real batch (at least 8 images) at <paramref name="resolution"/>.</summary>
    public DiversityProbe(IReadOnlyList<float[]> realBatch, int resolution)
    {
        if (realBatch.Count < 8) throw new MetricsException($"The diversity probe needs at least 8 real images, got {realBatch.Count}.");
        var raw = FeatureExtractor.Default.Extract(realBatch, resolution);
        normalizer = FeatureNormalizer.Fit(raw);
        var real = normalizer.Apply(raw);
        realSpread = Neighbours.MeanPairwiseDistance(real);
        realNearest = Neighbours.KthDistances(real, 1).Average();
        batchSize = realBatch.Count;
        // On a small batch the 1st percentile is just the minimum; it still marks "closer than any real pair".
        duplicateThreshold = NearDuplicates.Threshold(real);
    }

    /// <summary>Spread below this warns (default 0.5: generated images half as varied as real ones).</summary>
    public double MinRelativeSpread { get; init; } = 0.5;

    /// <summary>Nearest-neighbour ratio below this warns (default 0.5).</summary>
    public double MinRelativeNearest { get; init; } = 0.5;

    /// <summary>Duplicate rate above this warns (default 0.1).</summary>
    public double MaxDuplicateRate { get; init; } = 0.1;

    /// <summary>Measures a generated batch of the same size as the real batch at <paramref name="resolution"/>.</summary>
    public DiversitySignal Measure(IReadOnlyList<float[]> fakeBatch, int resolution)
    {
        if (fakeBatch.Count != batchSize)
            throw new MetricsException($"The diversity probe compares batches of equal size: expected {batchSize} generated images, got {fakeBatch.Count}.");
        var fake = normalizer.Apply(FeatureExtractor.Default.Extract(fakeBatch, resolution));
        double spread = realSpread > 0 ? Neighbours.MeanPairwiseDistance(fake) / realSpread : 1;
        double nearest = realNearest > 0 ? Neighbours.KthDistances(fake, 1).Average() / realNearest : 1;
        double duplicates = NearDuplicates.Rate(fake, duplicateThreshold);
        bool warn = spread < MinRelativeSpread || nearest < MinRelativeNearest || duplicates > MaxDuplicateRate;
        return new DiversitySignal(spread, nearest, duplicates, warn);
    }
}
