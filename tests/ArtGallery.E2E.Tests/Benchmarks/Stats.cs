namespace ArtGallery.E2E.Tests.Benchmarks;

/// <summary>Median and percentiles of measured samples.</summary>
public static class Stats
{
    /// <summary>The p-th percentile (0..100), nearest-rank.</summary>
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        if (samples.Count == 0) throw new ArgumentException("No samples.", nameof(samples));
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
