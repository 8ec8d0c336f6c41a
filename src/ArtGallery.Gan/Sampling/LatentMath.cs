namespace ArtGallery.Gan.Sampling;

/// <summary>Interpolation in latent space.</summary>
public static class LatentMath
{
    /// <summary>Spherical interpolation between a and b (t in [0,1]); falls back to linear for nearly parallel vectors.</summary>
    public static float[] Slerp(float[] a, float[] b, double t)
    {
        if (a.Length != b.Length) throw new ArgumentException("Vectors differ in length.");
        double na = Norm(a), nb = Norm(b), dot = 0;
        for (int i = 0; i < a.Length; i++) dot += a[i] * (double)b[i];
        double cos = Math.Clamp(dot / Math.Max(na * nb, 1e-12), -1, 1), omega = Math.Acos(cos), sin = Math.Sin(omega);
        double wa = sin < 1e-6 ? 1 - t : Math.Sin((1 - t) * omega) / sin, wb = sin < 1e-6 ? t : Math.Sin(t * omega) / sin;
        var result = new float[a.Length];
        for (int i = 0; i < a.Length; i++) result[i] = (float)(wa * a[i] + wb * b[i]);
        return result;
    }

    /// <summary>Euclidean norm.</summary>
    public static double Norm(float[] v)
    {
        double s = 0;
        foreach (var x in v) s += x * (double)x;
        return Math.Sqrt(s);
    }
}
