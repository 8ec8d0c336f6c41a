using System.Numerics.Tensors;

namespace ArtGallery.Metrics;

/// <summary>KID: an estimate with its standard error.</summary>
public readonly record struct KernelDistanceResult(double Value, double StandardError);

/// <summary>
/// Kernel Inception Distance (Bińkowski et al. 2018) on any features: the unbiased estimate of the squared MMD
/// with the cubic polynomial kernel k(x, y) = (x.y / d + 1)^3, over the whole sets; its standard error by a
/// delete-one-block jackknife over 10 blocks (both sets split alike). Unbiased: two samples of one distribution
/// average 0, so single values can be negative.
/// </summary>
public static class KernelDistance
{
    private const int Blocks = 10;

    public static KernelDistanceResult Compute(IReadOnlyList<float[]> x, IReadOnlyList<float[]> y)
    {
        if (x.Count < 2 * Blocks || y.Count < 2 * Blocks) throw new MetricsException($"KID needs at least {2 * Blocks} feature vectors per set.");
        int d = x[0].Length;
        var kxx = Kernel(x, x, d);
        var kyy = Kernel(y, y, d);
        var kxy = Kernel(x, y, d);
        int[] bx = [.. Enumerable.Range(0, x.Count).Select(i => i * Blocks / x.Count)];
        int[] by = [.. Enumerable.Range(0, y.Count).Select(i => i * Blocks / y.Count)];
        double full = Mmd(kxx, kyy, kxy, bx, by, -1);
        var leaveOut = Enumerable.Range(0, Blocks).Select(b => Mmd(kxx, kyy, kxy, bx, by, b)).ToArray();
        double mean = leaveOut.Average();
        double se = Math.Sqrt((Blocks - 1.0) / Blocks * leaveOut.Sum(v => (v - mean) * (v - mean)));
        return new KernelDistanceResult(full, se);
    }

    // Unbiased MMD^2 of the points outside block `skip` (-1: all): off-diagonal means within sets, full mean across.
    private static double Mmd(double[,] kxx, double[,] kyy, double[,] kxy, int[] bx, int[] by, int skip)
    {
        double WithinMean(double[,] k, int[] blocks)
        {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < blocks.Length; i++)
            {
                if (blocks[i] == skip) continue;
                n++;
                for (int j = 0; j < blocks.Length; j++) if (j != i && blocks[j] != skip) sum += k[i, j];
            }
            return sum / (n * (n - 1.0));
        }
        double cross = 0;
        long pairs = 0;
        for (int i = 0; i < bx.Length; i++)
        {
            if (bx[i] == skip) continue;
            for (int j = 0; j < by.Length; j++) if (by[j] != skip) { cross += kxy[i, j]; pairs++; }
        }
        return WithinMean(kxx, bx) + WithinMean(kyy, by) - 2 * cross / pairs;
    }

    private static double[,] Kernel(IReadOnlyList<float[]> a, IReadOnlyList<float[]> b, int d)
    {
        var k = new double[a.Count, b.Count];
        Parallel.For(0, a.Count, i =>
        {
            for (int j = 0; j < b.Count; j++)
            {
                double dot = TensorPrimitives.Dot<float>(a[i], b[j]);
                double v = dot / d + 1;
                k[i, j] = v * v * v;
            }
        });
        return k;
    }
}
