using ArtGallery.Metrics;

namespace ArtGallery.Gan.Conditioning;

/// <summary>
/// Puts a rendered picture into the colours a person asked for while keeping its composition (issue 21, "palette on
/// request"). The picture's colours are grouped into as many groups as requested colours (k-means on the picture
/// area-averaged to 16 px, <see cref="PaletteCount.Palette"/>); groups and requested colours are matched dark to light,
/// so the light/dark layout stays; each pixel moves by its group's offset, keeping <see cref="Shading"/> of its
/// difference from the group's colour. A pixel between two groups blends their moves over the middle of the way
/// (<see cref="Softness"/>), so soft edges stay soft instead of posterised. Plain managed arithmetic, no randomness:
/// the same picture gives the same bytes. Runs on the model's own picture, before any enlarging, so prints follow.
/// Why this and not a palette-changed condition: docs/lab/2026-12-07-palette-on-request.md.
/// </summary>
public static class PaletteTransfer
{
    /// <summary>Share of each pixel's difference from its group's colour that survives: its shading and texture.</summary>
    public const double Shading = 0.6;

    /// <summary>Blend width between a pixel's two nearest groups, relative to their squared distance: scale-free, so a
    /// picture of nearly one colour is still split cleanly instead of averaged to the palette's middle.</summary>
    public const double Softness = 0.15;

    /// <summary>Largest root-mean-square distance a group's pixels keep from their requested colour (RGB 0..1).</summary>
    public const double MaxSpread = 0.05;

    /// <summary>A recoloured copy of <paramref name="chw"/> (planar RGB in [-1, 1], <paramref name="side"/> square) in
    /// <paramref name="palette"/> (RGB in 0..1).</summary>
    public static float[] Apply(float[] chw, int side, IReadOnlyList<(float R, float G, float B)> palette)
    {
        int plane = side * side, k = palette.Count;
        if (chw.Length != 3 * plane) throw new ArgumentException($"Expected 3x{side}x{side} values, got {chw.Length}.", nameof(chw));
        if (k == 0) throw new ArgumentException("A palette needs at least one colour.", nameof(palette));
        var groups = PaletteCount.Palette(chw, side, k);
        var targets = Matched(groups, palette);
        var weights = new double[plane * k];
        var shading = Shadings(chw, plane, groups, weights);
        var result = new float[chw.Length];
        for (int p = 0; p < plane; p++)
            for (int c = 0; c < 3; c++)
            {
                double pixel = (chw[c * plane + p] + 1) / 2.0, value = 0;
                for (int g = 0; g < k; g++)
                {
                    double w = weights[p * k + g];
                    if (w > 0) value += w * (targets[g][c] + shading[g] * (pixel - groups[g][c]));
                }
                result[c * plane + p] = (float)(Math.Clamp(value, 0, 1) * 2 - 1);
            }
        return result;
    }

    // Fills each pixel's group weights; returns each group's shading: Shading, less where the group is so spread
    // (a noisy picture) that Shading of its spread would leave its pixels further than MaxSpread from their colour.
    private static double[] Shadings(float[] chw, int plane, float[][] groups, double[] weights)
    {
        int k = groups.Length;
        var spread = new double[k];
        var mass = new double[k];
        Span<double> pixel = stackalloc double[3];
        Span<double> distance = stackalloc double[k];
        for (int p = 0; p < plane; p++)
        {
            for (int c = 0; c < 3; c++) pixel[c] = (chw[c * plane + p] + 1) / 2.0;
            var weight = weights.AsSpan(p * k, k);
            Weights(pixel, groups, distance, weight);
            for (int g = 0; g < k; g++)
            {
                spread[g] += weight[g] * distance[g];
                mass[g] += weight[g];
            }
        }
        var shading = new double[k];
        for (int g = 0; g < k; g++)
        {
            double rms = mass[g] > 0 ? Math.Sqrt(spread[g] / mass[g]) : 0;
            shading[g] = rms * Shading > MaxSpread ? MaxSpread / rms : Shading;
        }
        return shading;
    }

    // targets[g] = the requested colour group g becomes: the i-th darkest group takes the i-th darkest colour.
    private static double[][] Matched(float[][] groups, IReadOnlyList<(float R, float G, float B)> palette)
    {
        var groupOrder = Enumerable.Range(0, groups.Length).OrderBy(g => Luma(groups[g][0], groups[g][1], groups[g][2])).ToArray();
        var colourOrder = Enumerable.Range(0, palette.Count).OrderBy(i => Luma(palette[i].R, palette[i].G, palette[i].B)).ToArray();
        var targets = new double[groups.Length][];
        for (int i = 0; i < groups.Length; i++)
        {
            var (r, g, b) = palette[colourOrder[i]];
            targets[groupOrder[i]] = [r, g, b];
        }
        return targets;
    }

    // Softmax of -(d_g - d_nearest) / (Softness x squared distance of the two nearest groups); one group when they coincide.
    private static void Weights(ReadOnlySpan<double> pixel, float[][] groups, Span<double> distance, Span<double> weight)
    {
        int nearest = 0, second = -1;
        for (int g = 0; g < groups.Length; g++)
        {
            distance[g] = Squared(pixel, groups[g]);
            if (distance[g] < distance[nearest]) (second, nearest) = (nearest, g);
            else if (g != nearest && (second < 0 || distance[g] < distance[second])) second = g;
        }
        double width = second < 0 ? 0 : Softness * Squared(groups[nearest], groups[second]);
        weight.Clear();
        if (width <= 1e-12)
        {
            weight[nearest] = 1;
            return;
        }
        double total = 0;
        for (int g = 0; g < groups.Length; g++) total += weight[g] = Math.Exp(-(distance[g] - distance[nearest]) / width);
        for (int g = 0; g < groups.Length; g++) weight[g] /= total;
    }

    private static double Squared(ReadOnlySpan<double> a, float[] b) =>
        (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]);

    private static double Squared(float[] a, float[] b) =>
        (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]);

    private static double Luma(double r, double g, double b) => 0.299 * r + 0.587 * g + 0.114 * b;
}
