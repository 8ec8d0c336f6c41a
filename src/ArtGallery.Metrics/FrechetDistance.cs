using System.Numerics.Tensors;

namespace ArtGallery.Metrics;

/// <summary>
/// Fréchet distance between Gaussians fitted to two feature sets (FID's formula):
/// |mu1 - mu2|^2 + Tr(S1) + Tr(S2) - 2 Tr((S1 S2)^1/2). The last trace is the nuclear norm of
/// X1c X2c^T / (n - 1) (centred data), i.e. the sum of square roots of the eigenvalues of an n x n matrix, so no
/// d x d matrix square root is needed and sets smaller than the feature length are handled exactly.
/// </summary>
public static class FrechetDistance
{
    /// <summary>FD between feature sets <paramref name="a"/> and <paramref name="b"/> (same length; 2+ vectors each).</summary>
    public static double Compute(IReadOnlyList<float[]> a, IReadOnlyList<float[]> b)
    {
        if (a.Count < 2 || b.Count < 2) throw new MetricsException("Fréchet distance needs at least 2 feature vectors per set.");
        int d = a[0].Length;
        if (a.Concat(b).Any(v => v.Length != d)) throw new MetricsException("Fréchet distance: feature vectors differ in length.");
        var (ma, ca) = Centre(a, d);
        var (mb, cb) = Centre(b, d);
        double meanDistance = TensorPrimitives.Distance<double>(ma, mb), meanTerm = meanDistance * meanDistance;
        double traceA = ca.Sum(r => TensorPrimitives.SumOfSquares<double>(r)) / (a.Count - 1);
        double traceB = cb.Sum(r => TensorPrimitives.SumOfSquares<double>(r)) / (b.Count - 1);
        // M = Xa Xb^T / sqrt((na-1)(nb-1)); Tr((Sa Sb)^1/2) = sum of singular values of M = sum sqrt(eig(M M^T)).
        int na = a.Count, nb = b.Count;
        double scale = 1 / Math.Sqrt((na - 1.0) * (nb - 1.0));
        var m = new double[na * nb];
        Parallel.For(0, na, i => { for (int j = 0; j < nb; j++) m[i * nb + j] = Dot(ca[i], cb[j]) * scale; });
        var mmt = new double[na * na];
        Parallel.For(0, na, i => { for (int j = i; j < na; j++) mmt[i * na + j] = mmt[j * na + i] = Dot(m, i * nb, m, j * nb, nb); });
        double nuclear = SymmetricEigen.Values(mmt, na).Sum(v => Math.Sqrt(Math.Max(v, 0)));
        return Math.Max(0, meanTerm + traceA + traceB - 2 * nuclear);
    }

    private static (double[] Mean, double[][] Centred) Centre(IReadOnlyList<float[]> x, int d)
    {
        var mean = new double[d];
        foreach (var v in x) for (int k = 0; k < d; k++) mean[k] += v[k];
        for (int k = 0; k < d; k++) mean[k] /= x.Count;
        return (mean, [.. x.Select(v => Enumerable.Range(0, d).Select(k => v[k] - mean[k]).ToArray())]);
    }

    private static double Dot(double[] a, double[] b) => TensorPrimitives.Dot<double>(a, b);

    private static double Dot(double[] a, int ia, double[] b, int ib, int n) => TensorPrimitives.Dot<double>(a.AsSpan(ia, n), b.AsSpan(ib, n));
}
