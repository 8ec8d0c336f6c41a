namespace ArtGallery.Metrics;

/// <summary>
/// How many distinct palettes a set of images uses: the number issue 12 asks for next to the data's, counted by
/// rule instead of by eye. Each image's palette is its <see cref="Colours"/> dominant colours (k-means on the
/// image area-averaged to 16 px, RGB in [0, 1]); two palettes are the same when, best matched colour to colour,
/// their mean RGB distance is under <see cref="SameDistance"/>. Images are taken in order and each starts a new
/// palette unless it matches one already seen (leader clustering), so the count is deterministic.
/// </summary>
public static class PaletteCount
{
    /// <summary>Dominant colours per image.</summary>
    public const int Colours = 3;

    /// <summary>Mean RGB distance (0..sqrt 3) under which two palettes count as one: about 38/255 per colour.</summary>
    public const double SameDistance = 0.15;

    private const int Side = 16;

    /// <summary>Distinct palettes among the first <paramref name="sample"/> CHW images in [-1, 1] of side <paramref name="resolution"/>.</summary>
    public static int Count(IReadOnlyList<float[]> images, int resolution, int sample = 64)
    {
        ArgumentNullException.ThrowIfNull(images);
        var leaders = new List<float[][]>();
        foreach (var image in images.Take(sample))
        {
            var palette = Palette(image, resolution);
            if (!leaders.Any(l => Distance(l, palette) < SameDistance)) leaders.Add(palette);
        }
        return leaders.Count;
    }

    /// <summary>The image's <paramref name="colours"/> dominant colours (RGB in [0, 1]); a flat image repeats its colour.</summary>
    public static float[][] Palette(float[] chw, int resolution, int colours = Colours)
    {
        int side = Math.Min(Side, resolution);
        var small = new float[3 * side * side];
        AreaResize.Resize(chw, resolution, small, side);
        int n = side * side;
        var pixels = Enumerable.Range(0, n)
            .Select(i => new[] { (small[i] + 1) / 2, (small[n + i] + 1) / 2, (small[2 * n + i] + 1) / 2 }).ToList();
        // A flat image has fewer distinct colours than clusters: repeat its colour.
        int distinct = pixels.Select(p => (p[0], p[1], p[2])).Distinct().Count();
        var centres = KMeans.Fit(pixels, Math.Min(colours, distinct), seed: 1, restarts: 2, maxIterations: 30);
        return [.. Enumerable.Range(0, colours).Select(i => centres[Math.Min(i, centres.Length - 1)])];
    }

    /// <summary>Mean colour distance of the best one-to-one matching of two palettes.</summary>
    public static double Distance(float[][] a, float[][] b)
    {
        double best = double.PositiveInfinity;
        foreach (var order in Permutations(Colours))
        {
            double sum = 0;
            for (int i = 0; i < Colours; i++) sum += Math.Sqrt(VectorMath.SquaredDistance(a[i], b[order[i]]));
            best = Math.Min(best, sum / Colours);
        }
        return best;
    }

    private static IEnumerable<int[]> Permutations(int n) => n == 1
        ? [[0]]
        : Permutations(n - 1).SelectMany(p => Enumerable.Range(0, n).Select(slot => p.Take(slot).Append(n - 1).Concat(p.Skip(slot)).ToArray()));
}
