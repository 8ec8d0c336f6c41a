namespace ArtGallery.Metrics;

/// <summary>
/// Mean 10-90% rise distance, in pixels, of step edges: edges are found in a reference image (a sharp step along a
/// row or column with flat plateaus either side), and the test image's profile across the same place is measured
/// between its own 10% and 90% levels. With no reference (a generator's print) the test image is its own reference,
/// and its steepest steps are measured.
/// </summary>
public static class EdgeWidth
{
    /// <summary>Mean self-measured width (<see cref="SelfMean"/>) over the images that have edges; NaN when none has.
    /// <paramref name="images"/> are CHW in [-1, 1], <paramref name="side"/> px square.</summary>
    public static double SelfMeanOver(IEnumerable<float[]> images, int side)
    {
        var widths = images.Select(i => SelfMean(i, side, side)).Where(double.IsFinite).ToList();
        return widths.Count == 0 ? double.NaN : widths.Average();
    }

    /// <summary>Mean width over up to <paramref name="maxEdges"/> edges; NaN when the reference has none.</summary>
    public static double Mean(ReadOnlySpan<float> testChw, ReadOnlySpan<float> referenceChw, int width, int height, int maxEdges = 400)
    {
        var test = Luma.Plane(testChw, width, height);
        var reference = Luma.Plane(referenceChw, width, height);
        int half = Math.Max(4, Math.Max(width, height) / 16);
        var widths = new List<double>();
        // Rows then columns, on a sparse grid so big images stay cheap.
        int stride = Math.Max(1, height / 64);
        for (int pass = 0; pass < 2 && widths.Count < maxEdges; pass++)
        {
            int lines = pass == 0 ? height : width, length = pass == 0 ? width : height;
            for (int line = stride / 2; line < lines && widths.Count < maxEdges; line += stride)
            {
                float At(float[] img, int i) => pass == 0 ? img[line * width + i] : img[i * width + line];
                for (int i = half; i < length - half - 1 && widths.Count < maxEdges; i++)
                {
                    float step = At(reference, i + 1) - At(reference, i);
                    if (Math.Abs(step) < 0.12f) continue;
                    // Plateaus: the reference is nearly flat a little away from the step on both sides.
                    float left = At(reference, i - half / 2), right = At(reference, i + 1 + half / 2);
                    if (Math.Abs(right - left) < 0.2f || Math.Abs(At(reference, i - half) - left) > 0.03f || Math.Abs(At(reference, i + 1 + half) - right) > 0.03f) continue;
                    var profile = new float[2 * half + 2];
                    for (int k = 0; k < profile.Length; k++) profile[k] = At(test, i - half + k);
                    if (RiseWidth(profile, left, right) is double w) widths.Add(w);
                    i += half;
                }
            }
        }
        return widths.Count == 0 ? double.NaN : widths.Average();
    }

    /// <summary>Distance between the first crossings of 10% and 90% of the way from <paramref name="low"/> to <paramref name="high"/>.</summary>
    internal static double? RiseWidth(float[] profile, float low, float high)
    {
        double span = high - low;
        if (Math.Abs(span) < 1e-6) return null;
        var t = profile.Select(v => (v - low) / span).ToArray();
        double? Crossing(double level)
        {
            int centre = t.Length / 2;
            // Search outwards from the middle so ringing far away does not count.
            for (int d = 0; d < centre; d++)
                foreach (int i in new[] { centre - 1 - d, centre - 1 + d })
                    if (i >= 0 && i + 1 < t.Length && (t[i] - level) * (t[i + 1] - level) <= 0 && t[i] != t[i + 1])
                        return i + (level - t[i]) / (t[i + 1] - t[i]);
            return null;
        }
        return Crossing(0.1) is double a && Crossing(0.9) is double b ? Math.Abs(b - a) : null;
    }

    /// <summary>
    /// Without a reference (a generator's print): on a sparse grid of rows and columns, every window of side/16 px whose
    /// ends differ by at least a quarter of the range is an edge; its width is the 10-90% rise between the window's end levels.
    /// </summary>
    public static double SelfMean(ReadOnlySpan<float> chw, int width, int height, int maxEdges = 400)
    {
        var luma = Luma.Plane(chw, width, height);
        int half = Math.Max(4, Math.Max(width, height) / 32);
        var widths = new List<double>();
        for (int pass = 0; pass < 2 && widths.Count < maxEdges; pass++)
        {
            int lines = pass == 0 ? height : width, length = pass == 0 ? width : height;
            int stride = Math.Max(1, lines / 64);
            for (int line = stride / 2; line < lines && widths.Count < maxEdges; line += stride)
            {
                float At(int i) => pass == 0 ? luma[line * width + i] : luma[i * width + line];
                for (int i = half; i < length - half && widths.Count < maxEdges; i++)
                {
                    float low = At(i - half), high = At(i + half);
                    if (Math.Abs(high - low) < 0.25f) continue;
                    // Centre the window on the steepest point before measuring.
                    int steepest = i;
                    for (int k = i - half / 2; k < i + half / 2; k++)
                        if (Math.Abs(At(k + 1) - At(k)) > Math.Abs(At(steepest + 1) - At(steepest))) steepest = k;
                    if (steepest - half < 0 || steepest + half + 1 >= length) { i += half; continue; }
                    var profile = new float[2 * half + 2];
                    for (int k = 0; k < profile.Length; k++) profile[k] = At(steepest - half + k);
                    if (RiseWidth(profile, profile[0], profile[^1]) is double w) widths.Add(w);
                    i = steepest + half;
                }
            }
        }
        return widths.Count == 0 ? double.NaN : widths.Average();
    }
}
