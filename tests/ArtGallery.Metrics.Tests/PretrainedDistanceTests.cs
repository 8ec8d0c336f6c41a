namespace ArtGallery.Metrics.Tests;

public sealed class PretrainedDistanceTests
{
    private static float[][] Gaussian(int n, int d, int seed, double shift = 0, double scale = 1)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(k =>
            (float)(shift + scale * (k % 3 + 1) * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()))).ToArray())];
    }

    [Fact]
    public void Frechet_IdenticalSets_Zero()
    {
        var a = Gaussian(60, 16, 1);
        Assert.Equal(0, FrechetDistance.Compute(a, a), 6);
    }

    [Fact]
    public void Frechet_SetShiftedByC_IsDTimesCSquared()
    {
        // Same covariance, means apart by c in every one of d dimensions: FD = d c^2 exactly.
        var a = Gaussian(80, 16, 2);
        var b = a.Select(v => v.Select(x => x + 0.5f).ToArray()).ToArray();
        Assert.Equal(16 * 0.25, FrechetDistance.Compute(a, b), 3);
    }

    [Fact]
    public void Frechet_MatchesClosedFormForScaledCovariance()
    {
        // b = 2a (centred): S_b = 4 S_a, so Tr(S_a) + Tr(S_b) - 2 Tr((S_a S_b)^1/2) = Tr(S_a) (1 + 4 - 4) = Tr(S_a).
        var a = Gaussian(50, 8, 3);
        var b = a.Select(v => v.Select(x => 2 * x).ToArray()).ToArray();
        double mean = Enumerable.Range(0, 8).Sum(k => Math.Pow(a.Average(v => (double)v[k]), 2)); // |mu_a - 2 mu_a|^2
        double trace = Enumerable.Range(0, 8).Sum(k => { double m = a.Average(v => (double)v[k]); return a.Sum(v => Math.Pow(v[k] - m, 2)) / 49; });
        Assert.Equal(mean + trace, FrechetDistance.Compute(a, b), 4);
    }

    [Fact]
    public void Kid_SameDistribution_NearZeroAndShiftedSetLarger()
    {
        // (KID of a set with itself is slightly negative, -O(1/n): the cross term keeps the diagonal the within terms drop.)
        var a = Gaussian(100, 16, 4);
        var same = KernelDistance.Compute(a, Gaussian(100, 16, 40));
        var shifted = KernelDistance.Compute(a, Gaussian(100, 16, 5, shift: 1));
        Assert.True(Math.Abs(same.Value) < 0.05 * shifted.Value, $"same {same.Value}, shifted {shifted.Value}");
        Assert.True(shifted.Value > 3 * shifted.StandardError, $"shifted {shifted.Value} ± {shifted.StandardError}");
        Assert.True(FrechetDistance.Compute(a, Gaussian(100, 16, 5, shift: 1)) > FrechetDistance.Compute(a, Gaussian(100, 16, 6)));
    }

    [Fact]
    public void Kid_TwoSamplesOfOneDistribution_AverageZeroUnlikeTheBiasedEstimate()
    {
        // Unbiased: over many independent pairs the mean is 0 within its standard error (single values go negative);
        // the biased V-statistic (diagonals kept) would sit clearly above 0 at this small n.
        var values = Enumerable.Range(0, 200).Select(i => KernelDistance.Compute(Gaussian(20, 4, 100 + i), Gaussian(20, 4, 1000 + i)).Value).ToArray();
        double mean = values.Average();
        double se = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) / values.Length);
        Assert.True(Math.Abs(mean) < 3 * se, $"mean {mean} ± {se}");
        Assert.Contains(values, v => v < 0);
        double biasedGap = BiasedMinusUnbiased(Gaussian(20, 4, 7), Gaussian(20, 4, 8));
        Assert.True(biasedGap > 10 * se, $"biased - unbiased {biasedGap}, se {se}");
    }

    // V-statistic minus U-statistic for within-set terms: (mean with diagonal) - (mean without), summed over both sets.
    private static double BiasedMinusUnbiased(float[][] x, float[][] y)
    {
        double Gap(float[][] s)
        {
            int n = s.Length, d = s[0].Length;
            double K(float[] p, float[] q) => Math.Pow(p.Zip(q, (u, v) => (double)u * v).Sum() / d + 1, 3);
            double all = 0, off = 0;
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) { double k = K(s[i], s[j]); all += k; if (i != j) off += k; }
            return all / (n * n) - off / (n * (n - 1.0));
        }
        return Gap(x) + Gap(y);
    }

    [Fact]
    public void Kid_TooFewVectors_ClearError()
    {
        var e = Assert.Throws<MetricsException>(() => KernelDistance.Compute(Gaussian(5, 4, 1), Gaussian(5, 4, 2)));
        Assert.Contains("at least 20", e.Message);
    }
}
