using System.Numerics.Tensors;

namespace ArtGallery.Metrics;

/// <summary>
/// Palette-independent structure of an image: what kind of shapes it is made of, whatever their colours.
/// Computed on the luminance of a 64x64 rendering, standardised per image (zero mean, unit variance) so
/// a dark and a bright version of one composition agree. Three parts (62 values):
/// <list type="bullet">
/// <item>power spectrum in 5 radial x 6 angular bins, as shares of the total (30): stripes put their energy
/// at one angle, grids at two, rings and dots spread it around a radius, gradients keep it near zero;</item>
/// <item>gradient-orientation histogram, 12 bins over 180 degrees, magnitude-weighted, both as measured
/// and sorted descending (24): sorting makes "one dominant direction" readable whatever that direction is;</item>
/// <item>gradient-magnitude histogram (7 log-spaced bins) and mean magnitude (8): flat fields, soft
/// gradients and hard edges each fill different bins, whatever their direction.</item>
/// </list>
/// </summary>
internal static class StructureFeatures
{
    /// <summary>Side of the luminance image analysed.</summary>
    public const int Side = 64;

    /// <summary>Output length.</summary>
    public const int Length = RadialBins * AngularBins + 2 * OrientationBins + MagnitudeBins + 1;

    private const int RadialBins = 5;
    private const int AngularBins = 6;
    private const int OrientationBins = 12;
    private const int MagnitudeBins = 7;

    // Gradient magnitudes of the standardised luminance (a unit step edge gives 1).
    private static readonly double[] MagnitudeEdges = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0];
    private static readonly float[] Cos = [.. Enumerable.Range(0, Side).Select(k => (float)Math.Cos(2 * Math.PI * k / Side))];
    private static readonly float[] Sin = [.. Enumerable.Range(0, Side).Select(k => (float)Math.Sin(2 * Math.PI * k / Side))];

    /// <summary>Features of a CHW image of side <see cref="Side"/> into <paramref name="destination"/>.</summary>
    public static void Compute(ReadOnlySpan<float> chw64, Span<float> destination)
    {
        var lum = Luminance(chw64);
        Spectrum(lum, destination[..(RadialBins * AngularBins)]);
        Gradients(lum, destination[(RadialBins * AngularBins)..Length]);
    }

    private static float[] Luminance(ReadOnlySpan<float> chw)
    {
        const int plane = Side * Side;
        var lum = new float[plane];
        double sum = 0, sq = 0;
        for (int i = 0; i < plane; i++)
        {
            float l = 0.299f * chw[i] + 0.587f * chw[plane + i] + 0.114f * chw[2 * plane + i];
            lum[i] = l;
            sum += l;
        }
        float mean = (float)(sum / plane);
        TensorPrimitives.Subtract(lum, mean, lum);
        sq = TensorPrimitives.SumOfSquares<float>(lum);
        // A flat image has no structure to normalise; the floor keeps it at zeros rather than noise.
        float inv = 1f / MathF.Max((float)Math.Sqrt(sq / plane), 0.02f);
        TensorPrimitives.Multiply(lum, inv, lum);
        return lum;
    }

    private static void Spectrum(float[] lum, Span<float> destination)
    {
        // Separable DFT over the half spectrum (real input: the other half mirrors it). At 64x64 this is
        // ~270k multiply-adds, cheaper than setting up an FFT; Side is a power of two so "& Mask" is "mod Side".
        const int half = Side / 2 + 1, mask = Side - 1;
        var re = new float[Side * half];
        var im = new float[Side * half];
        for (int y = 0; y < Side; y++)
        {
            var row = lum.AsSpan(y * Side, Side);
            for (int k = 0; k < half; k++)
            {
                float r = 0, i = 0;
                for (int x = 0, t = 0; x < Side; x++, t = (t + k) & mask)
                {
                    r += row[x] * Cos[t];
                    i -= row[x] * Sin[t];
                }
                re[y * half + k] = r;
                im[y * half + k] = i;
            }
        }
        destination.Clear();
        double total = 0;
        Span<double> bins = stackalloc double[destination.Length];
        for (int ky = 0; ky < Side; ky++)
            for (int kx = 0; kx < half; kx++)
            {
                float r = 0, i = 0;
                for (int y = 0, t = 0; y < Side; y++, t = (t + ky) & mask)
                {
                    float a = re[y * half + kx], b = im[y * half + kx];
                    r += a * Cos[t] + b * Sin[t];
                    i += b * Cos[t] - a * Sin[t];
                }
                int fy = ky <= Side / 2 ? ky : ky - Side;
                double radius = Math.Sqrt(kx * kx + fy * fy);
                if (radius < 1) continue;
                double power = r * r + i * i;
                // Radial bins on a log scale (1-2, 2-4, 4-8, 8-16, 16-32 cycles): texture scales are multiplicative.
                int rb = Math.Min(RadialBins - 1, (int)Math.Log2(radius));
                double angle = Math.Atan2(fy, kx); // in (-pi/2, pi/2]
                int ab = Math.Min(AngularBins - 1, (int)((angle + Math.PI / 2) / Math.PI * AngularBins));
                bins[rb * AngularBins + ab] += power;
                total += power;
            }
        for (int b = 0; b < bins.Length; b++) destination[b] = total > 0 ? (float)Math.Sqrt(bins[b] / total) : 0f;
    }

    private static void Gradients(float[] lum, Span<float> destination)
    {
        Span<double> hist = stackalloc double[OrientationBins];
        double magnitudeSum = 0;
        Span<int> magnitudes = stackalloc int[MagnitudeBins];
        int count = 0;
        for (int y = 1; y < Side - 1; y++)
            for (int x = 1; x < Side - 1; x++)
            {
                float gx = lum[y * Side + x + 1] - lum[y * Side + x - 1];
                float gy = lum[(y + 1) * Side + x] - lum[(y - 1) * Side + x];
                double m = Math.Sqrt(gx * gx + gy * gy);
                double angle = Math.Atan2(gy, gx);
                if (angle < 0) angle += Math.PI;
                hist[Math.Min(OrientationBins - 1, (int)(angle / Math.PI * OrientationBins))] += m;
                magnitudeSum += m;
                int mb = 0;
                while (mb < MagnitudeEdges.Length && m >= MagnitudeEdges[mb]) mb++;
                magnitudes[mb]++;
                count++;
            }
        var sorted = new double[OrientationBins];
        for (int b = 0; b < OrientationBins; b++) sorted[b] = hist[b] = magnitudeSum > 0 ? hist[b] / magnitudeSum : 0;
        Array.Sort(sorted, (a, b) => b.CompareTo(a));
        for (int b = 0; b < OrientationBins; b++)
        {
            destination[b] = (float)Math.Sqrt(hist[b]);
            destination[OrientationBins + b] = (float)Math.Sqrt(sorted[b]);
        }
        for (int b = 0; b < magnitudes.Length; b++) destination[2 * OrientationBins + b] = MathF.Sqrt(magnitudes[b] / (float)count);
        destination[2 * OrientationBins + magnitudes.Length] = (float)(magnitudeSum / count);
    }
}
