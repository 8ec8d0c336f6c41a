namespace ArtGallery.Detail.Quality;

/// <summary>Full-reference quality of planar RGB images in [-1, 1]: PSNR and SSIM on the [0, 1] scale.</summary>
public static class ImageQuality
{
    /// <summary>Peak signal-to-noise ratio in dB over all channels (values mapped to 0..1).</summary>
    public static double Psnr(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length == 0) throw new ArgumentException("Images must have the same, non-zero size.");
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = (Math.Clamp(a[i], -1f, 1f) - Math.Clamp(b[i], -1f, 1f)) * 0.5;
            sum += d * d;
        }
        double mse = sum / a.Length;
        return mse <= 1e-12 ? 120 : 10 * Math.Log10(1 / mse);
    }

    /// <summary>Mean SSIM of the luma (Gaussian window 11, sigma 1.5, Wang et al. 2004 constants).</summary>
    public static double Ssim(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int width, int height)
    {
        var x = Metrics.Luma.Plane(a, width, height);
        var y = Metrics.Luma.Plane(b, width, height);
        var xy = new float[x.Length];
        var xx = new float[x.Length];
        var yy = new float[x.Length];
        for (int i = 0; i < x.Length; i++) { xy[i] = x[i] * y[i]; xx[i] = x[i] * x[i]; yy[i] = y[i] * y[i]; }
        var (mx, my, sxy, sxx, syy) = (Smooth(x, width, height), Smooth(y, width, height), Smooth(xy, width, height), Smooth(xx, width, height), Smooth(yy, width, height));
        const double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double vx = sxx[i] - mx[i] * mx[i], vy = syy[i] - my[i] * my[i], cov = sxy[i] - mx[i] * my[i];
            total += (2 * mx[i] * my[i] + c1) * (2 * cov + c2) / ((mx[i] * mx[i] + my[i] * my[i] + c1) * (vx + vy + c2));
        }
        return total / x.Length;
    }

    private static readonly float[] Window = MakeWindow();

    private static float[] MakeWindow()
    {
        var w = new float[11];
        double sum = 0;
        for (int i = 0; i < 11; i++) sum += w[i] = (float)Math.Exp(-(i - 5) * (i - 5) / (2 * 1.5 * 1.5));
        for (int i = 0; i < 11; i++) w[i] = (float)(w[i] / sum);
        return w;
    }

    // Separable Gaussian with clamped borders.
    private static float[] Smooth(float[] image, int width, int height)
    {
        var rows = new float[image.Length];
        var result = new float[image.Length];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                float s = 0;
                for (int k = 0; k < 11; k++) s += Window[k] * image[y * width + Math.Clamp(x + k - 5, 0, width - 1)];
                rows[y * width + x] = s;
            }
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                float s = 0;
                for (int k = 0; k < 11; k++) s += Window[k] * rows[Math.Clamp(y + k - 5, 0, height - 1) * width + x];
                result[y * width + x] = s;
            }
        return result;
    }
}
