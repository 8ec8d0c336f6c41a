namespace ArtGallery.Imaging;

/// <summary>Simple perceptual attributes of an image, each a plain formula on RGB in [0, 1].</summary>
/// <param name="Brightness">Mean Rec.601 luma Y = 0.299R + 0.587G + 0.114B; 0 (black) .. 1 (white).</param>
/// <param name="Warmth">Mean of R - B; -1 (pure blue) .. +1 (pure red), 0 for greys.</param>
/// <param name="Contrast">Standard deviation of luma; 0 (flat) .. 0.5 (half black, half white).</param>
/// <param name="Complexity">Mean luma gradient magnitude sqrt(dx^2 + dy^2) with forward differences per pixel; 0 for
/// flat images. Higher for busy images; at a fixed resolution only.</param>
public readonly record struct ImageAttributeValues(double Brightness, double Warmth, double Contrast, double Complexity);

/// <summary>Measures <see cref="ImageAttributeValues"/> of CHW images (the GAN's [-1, 1] layout).</summary>
public static class ImageAttributes
{
    /// <summary>Measures a CHW [-1, 1] image of <paramref name="resolution"/> x <paramref name="resolution"/>.</summary>
    public static ImageAttributeValues Measure(ReadOnlySpan<float> chw, int resolution)
    {
        if (resolution < 1) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Resolution must be positive.");
        int plane = resolution * resolution;
        if (chw.Length < 3 * plane) throw new ArgumentException($"Need 3x{resolution}x{resolution} values.", nameof(chw));
        var luma = new double[plane];
        double sumY = 0, sumWarm = 0;
        for (int i = 0; i < plane; i++)
        {
            double r = (chw[i] + 1) / 2, g = (chw[plane + i] + 1) / 2, b = (chw[2 * plane + i] + 1) / 2;
            double y = 0.299 * r + 0.587 * g + 0.114 * b;
            luma[i] = y;
            sumY += y;
            sumWarm += r - b;
        }
        double mean = sumY / plane, variance = 0, gradient = 0;
        for (int y = 0; y < resolution; y++)
        {
            for (int x = 0; x < resolution; x++)
            {
                int i = y * resolution + x;
                variance += (luma[i] - mean) * (luma[i] - mean);
                // Forward differences; the last row/column has no forward neighbour and contributes 0 on that axis.
                double dx = x + 1 < resolution ? luma[i + 1] - luma[i] : 0;
                double dy = y + 1 < resolution ? luma[i + resolution] - luma[i] : 0;
                gradient += Math.Sqrt(dx * dx + dy * dy);
            }
        }
        return new ImageAttributeValues(mean, sumWarm / plane, Math.Sqrt(variance / plane), gradient / plane);
    }
}
