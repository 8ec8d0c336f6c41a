namespace ArtGallery.Gan.Conditioning;

/// <summary>
/// What a generator is conditioned on: a picture's <b>palette</b> (a soft 4x4x4 RGB histogram, square-rooted so its
/// length is 1) and its colour-free <b>composition</b> (the luminance area-averaged to 8x8, standardised, length about 1).
/// Both halves weigh the same in nearest-neighbour distances.
/// </summary>
public static class ConditionDescriptor
{
    /// <summary>Histogram bins per channel.</summary>
    public const int Bins = 4;

    /// <summary>Length of the palette half.</summary>
    public const int PaletteSize = Bins * Bins * Bins;

    /// <summary>Side of the composition grid.</summary>
    public const int LayoutSide = 8;

    /// <summary>Length of a descriptor.</summary>
    public const int Size = PaletteSize + LayoutSide * LayoutSide;

    /// <summary>The resolution collection pictures are read at to describe them.</summary>
    public const int Resolution = 32;

    /// <summary>Describes a planar RGB picture (CHW in [-1, 1], side a multiple of 8).</summary>
    public static float[] Describe(ReadOnlySpan<float> chw, int side)
    {
        if (chw.Length != 3 * side * side || side % LayoutSide != 0) throw new ArgumentException($"Expected 3x{side}x{side} values with a side divisible by {LayoutSide}.");
        var descriptor = new float[Size];
        int plane = side * side;
        var histogram = new double[PaletteSize];
        for (int p = 0; p < plane; p++)
            AddSoft(histogram, ToUnit(chw[p]), ToUnit(chw[plane + p]), ToUnit(chw[2 * plane + p]), 1);
        WriteRootNormalised(histogram, descriptor);
        WriteLayout(chw, side, descriptor.AsSpan(PaletteSize));
        return descriptor;
    }

    /// <summary>Squared Euclidean distance of two descriptors.</summary>
    public static float Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float sum = 0;
        for (int i = 0; i < a.Length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return sum;
    }

    private static float ToUnit(float v) => Math.Clamp((v + 1) / 2, 0, 1);

    // Trilinear vote between the bin centres, so a colour near a bin edge does not jump between bins.
    private static void AddSoft(double[] histogram, float r, float g, float b, double weight)
    {
        Span<int> lo = stackalloc int[3];
        Span<double> frac = stackalloc double[3];
        Span<float> rgb = [r, g, b];
        for (int c = 0; c < 3; c++)
        {
            double position = Math.Clamp(rgb[c] * Bins - 0.5, 0, Bins - 1);
            lo[c] = Math.Min((int)position, Bins - 2);
            frac[c] = position - lo[c];
        }
        for (int corner = 0; corner < 8; corner++)
        {
            double w = weight;
            int index = 0;
            for (int c = 0; c < 3; c++)
            {
                int up = (corner >> c) & 1;
                w *= up == 1 ? frac[c] : 1 - frac[c];
                index = index * Bins + lo[c] + up;
            }
            histogram[index] += w;
        }
    }

    private static void WriteRootNormalised(double[] histogram, Span<float> destination)
    {
        double total = histogram.Sum();
        for (int i = 0; i < histogram.Length; i++) destination[i] = total > 0 ? (float)Math.Sqrt(histogram[i] / total) : 0;
    }

    // Luminance area-averaged to 8x8, minus its mean, over its spread (+0.1 so a flat picture stays near zero), / 8.
    private static void WriteLayout(ReadOnlySpan<float> chw, int side, Span<float> destination)
    {
        int plane = side * side, cell = side / LayoutSide;
        var grid = new double[LayoutSide * LayoutSide];
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++)
            {
                int p = y * side + x;
                double luma = 0.299 * ToUnit(chw[p]) + 0.587 * ToUnit(chw[plane + p]) + 0.114 * ToUnit(chw[2 * plane + p]);
                grid[y / cell * LayoutSide + x / cell] += luma / (cell * cell);
            }
        double mean = grid.Average(), spread = Math.Sqrt(grid.Sum(v => (v - mean) * (v - mean)) / grid.Length);
        for (int i = 0; i < grid.Length; i++) destination[i] = (float)((grid[i] - mean) / (spread + 0.1) / LayoutSide);
    }
}
