namespace ArtGallery.Metrics;

/// <summary>Eigenvalues of a symmetric matrix by cyclic Jacobi rotations (double precision; n up to ~1,000).</summary>
internal static class SymmetricEigen
{
    /// <summary>Eigenvalues of the symmetric n x n matrix <paramref name="a"/> (row-major; overwritten).</summary>
    public static double[] Values(double[] a, int n)
    {
        for (int sweep = 0; sweep < 60; sweep++)
        {
            double off = 0, diag = 0;
            for (int i = 0; i < n; i++)
            {
                diag += a[i * n + i] * a[i * n + i];
                for (int j = i + 1; j < n; j++) off += a[i * n + j] * a[i * n + j];
            }
            if (off <= 1e-22 * diag || off == 0) break;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                    if (Math.Abs(a[p * n + q]) > 1e-300) Rotate(a, n, p, q);
        }
        return [.. Enumerable.Range(0, n).Select(i => a[i * n + i])];
    }

    // One Jacobi rotation zeroing a[p,q] (Golub & Van Loan 8.4): A <- J^T A J on rows/columns p and q.
    private static void Rotate(double[] a, int n, int p, int q)
    {
        double app = a[p * n + p], aqq = a[q * n + q], apq = a[p * n + q];
        double theta = (aqq - app) / (2 * apq);
        double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[k * n + p], akq = a[k * n + q];
            a[k * n + p] = c * akp - s * akq;
            a[k * n + q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++)
        {
            double apk = a[p * n + k], aqk = a[q * n + k];
            a[p * n + k] = c * apk - s * aqk;
            a[q * n + k] = s * apk + c * aqk;
        }
    }
}
