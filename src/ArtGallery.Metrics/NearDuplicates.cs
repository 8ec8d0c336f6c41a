namespace ArtGallery.Metrics;

/// <summary>
/// Near-duplicate rate among generated images: the share whose nearest other generated image lies closer
/// than a threshold taken from the real data - by default half the 1st percentile of real-to-real
/// nearest-neighbour distances. Real images almost never come that close to each other, so a pair that
/// does is a copy, not a coincidence; the factor 0.5 keeps the real-vs-real ceiling near 0 rather than
/// at the 1% a bare percentile would give by construction. Compare sets of equal size: nearest-neighbour
/// distances shrink as a set grows.
/// </summary>
public static class NearDuplicates
{
    /// <summary>Default percentile of real nearest-neighbour distances.</summary>
    public const double DefaultPercentile = 1.0;

    /// <summary>Default factor applied to that percentile.</summary>
    public const double DefaultFactor = 0.5;

    /// <summary>Distance threshold: <paramref name="factor"/> x the <paramref name="percentile"/>-th percentile of real NN distances.</summary>
    public static double Threshold(IReadOnlyList<float[]> real, double percentile = DefaultPercentile, double factor = DefaultFactor)
    {
        if (percentile is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(percentile), "Percentile must be in [0, 100].");
        var nn = Neighbours.KthDistances(real, 1);
        Array.Sort(nn);
        double position = percentile / 100.0 * (nn.Length - 1);
        int lo = (int)Math.Floor(position), hi = Math.Min(lo + 1, nn.Length - 1);
        double value = nn[lo] + (position - lo) * (nn[hi] - nn[lo]);
        return factor * value;
    }

    /// <summary>Share of <paramref name="fake"/> whose nearest other fake is closer than <paramref name="threshold"/>.</summary>
    public static double Rate(IReadOnlyList<float[]> fake, double threshold)
    {
        var nn = Neighbours.KthDistances(fake, 1);
        return nn.Count(d => d < threshold) / (double)nn.Length;
    }
}
