using System.Numerics.Tensors;

namespace ArtGallery.Metrics;

/// <summary>Brute-force nearest-neighbour queries in feature space (exact; sets here are at most a few thousand).</summary>
internal static class Neighbours
{
    /// <summary>Distance from each point to its k-th nearest other point of the same set (self excluded).</summary>
    public static float[] KthDistances(IReadOnlyList<float[]> points, int k)
    {
        if (points.Count <= k) throw new MetricsException($"Need more than k = {k} images in a set, got {points.Count}.");
        var result = new float[points.Count];
        Parallel.For(0, points.Count, i =>
        {
            // The k smallest squared distances seen so far, ascending; k is tiny so insertion is cheapest.
            Span<float> best = stackalloc float[k];
            best.Fill(float.PositiveInfinity);
            for (int j = 0; j < points.Count; j++)
            {
                if (j == i) continue;
                float d = VectorMath.SquaredDistance(points[i], points[j]);
                if (d >= best[k - 1]) continue;
                int p = k - 1;
                while (p > 0 && best[p - 1] > d)
                {
                    best[p] = best[p - 1];
                    p--;
                }
                best[p] = d;
            }
            result[i] = MathF.Sqrt(best[k - 1]);
        });
        return result;
    }

    /// <summary>For each query: is it inside at least one ball (centre <paramref name="centres"/>[j], radius <paramref name="radii"/>[j])?</summary>
    public static bool[] InsideAnyBall(IReadOnlyList<float[]> queries, IReadOnlyList<float[]> centres, float[] radii)
    {
        var squared = radii.Select(r => r * r).ToArray();
        var result = new bool[queries.Count];
        Parallel.For(0, queries.Count, i =>
        {
            for (int j = 0; j < centres.Count; j++)
                if (VectorMath.SquaredDistance(queries[i], centres[j]) <= squared[j])
                {
                    result[i] = true;
                    return;
                }
        });
        return result;
    }

    /// <summary>Index of the nearest centre for each point.</summary>
    public static int[] Nearest(IReadOnlyList<float[]> points, IReadOnlyList<float[]> centres)
    {
        var result = new int[points.Count];
        Parallel.For(0, points.Count, i =>
        {
            float best = float.PositiveInfinity;
            for (int j = 0; j < centres.Count; j++)
            {
                float d = VectorMath.SquaredDistance(points[i], centres[j]);
                if (d < best)
                {
                    best = d;
                    result[i] = j;
                }
            }
        });
        return result;
    }

    /// <summary>Mean Euclidean distance over all unordered pairs of a set.</summary>
    public static double MeanPairwiseDistance(IReadOnlyList<float[]> points)
    {
        if (points.Count < 2) throw new MetricsException("Need at least 2 images for a pairwise distance.");
        var rowSums = new double[points.Count];
        Parallel.For(0, points.Count, i =>
        {
            double s = 0;
            for (int j = i + 1; j < points.Count; j++) s += TensorPrimitives.Distance<float>(points[i], points[j]);
            rowSums[i] = s;
        });
        return rowSums.Sum() / (points.Count * (points.Count - 1) / 2.0);
    }
}
