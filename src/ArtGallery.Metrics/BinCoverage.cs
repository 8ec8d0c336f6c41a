namespace ArtGallery.Metrics;

/// <summary>Outcome of the NDB-style bin test.</summary>
/// <param name="Bins">Number of k-means bins K.</param>
/// <param name="StatisticallyDifferent">NDB: bins whose generated share differs from the real share (two-sided z-test).</param>
/// <param name="DifferentRatio">NDB / K (0 is best).</param>
/// <param name="Coverage">Share of bins whose generated share is not significantly lower than the real share (1 is best).</param>
/// <param name="Occupied">Share of bins holding at least one generated image.</param>
/// <param name="RealShares">Share of real images per bin.</param>
/// <param name="FakeShares">Share of generated images per bin.</param>
public sealed record BinCoverageResult(
    int Bins, int StatisticallyDifferent, double DifferentRatio, double Coverage, double Occupied,
    IReadOnlyList<double> RealShares, IReadOnlyList<double> FakeShares);

/// <summary>
/// Number of statistically different bins (NDB, Richardson &amp; Weiss, NeurIPS 2018): k-means splits the
/// real features into K bins; every generated image goes to its nearest centroid; per bin a two-proportion
/// z-test compares the real share p_r and generated share p_f: z = (p_f - p_r) / sqrt(p (1 - p) (1/N_r + 1/N_f))
/// with the pooled p. NDB counts bins with two-sided p-value below alpha. Coverage, our summary of
/// "occupies the bins in proportion", counts only the failures that mean missing modes: it is the share
/// of bins where the generated share is not significantly lower than the real one.
/// </summary>
public sealed class BinCoverage
{
    /// <summary>Default number of bins: ~25 real images per bin for a 500-image reference half.</summary>
    public const int DefaultBins = 20;

    private readonly float[][] centres;
    private readonly double[] realShares;
    private readonly int realCount;

    private BinCoverage(float[][] centres, double[] realShares, int realCount)
    {
        this.centres = centres;
        this.realShares = realShares;
        this.realCount = realCount;
    }

    /// <summary>Bins fitted on <paramref name="real"/>; reuse them to test several generated sets against one real set.</summary>
    public static BinCoverage Fit(IReadOnlyList<float[]> real, int bins = DefaultBins, int seed = 0)
    {
        var centres = KMeans.Fit(real, bins, seed);
        return new BinCoverage(centres, Shares(Neighbours.Nearest(real, centres), bins), real.Count);
    }

    /// <summary>One-shot: fit bins on <paramref name="real"/> and test <paramref name="fake"/>.</summary>
    public static BinCoverageResult Compute(IReadOnlyList<float[]> real, IReadOnlyList<float[]> fake, int bins = DefaultBins, int seed = 0, double alpha = 0.05)
        => Fit(real, bins, seed).Test(fake, alpha);

    /// <summary>Tests a generated set against the fitted bins at significance <paramref name="alpha"/>.</summary>
    public BinCoverageResult Test(IReadOnlyList<float[]> fake, double alpha = 0.05)
    {
        if (fake.Count == 0) throw new MetricsException("No generated images to bin.");
        int k = this.centres.Length;
        var fakeShares = Shares(Neighbours.Nearest(fake, this.centres), k);
        int different = 0, notLower = 0, occupied = 0;
        for (int b = 0; b < k; b++)
        {
            double pr = this.realShares[b], pf = fakeShares[b];
            double pooled = (pr * this.realCount + pf * fake.Count) / (this.realCount + fake.Count);
            double se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / this.realCount + 1.0 / fake.Count));
            double z = se > 0 ? (pf - pr) / se : 0;
            bool significant = VectorMath.Erfc(Math.Abs(z) / Math.Sqrt(2)) < alpha;
            if (significant) different++;
            if (!(significant && z < 0)) notLower++;
            if (pf > 0) occupied++;
        }
        return new BinCoverageResult(k, different, different / (double)k, notLower / (double)k, occupied / (double)k, this.realShares, fakeShares);
    }

    private static double[] Shares(int[] assignment, int bins)
    {
        var shares = new double[bins];
        foreach (int a in assignment) shares[a] += 1.0 / assignment.Length;
        return shares;
    }
}
