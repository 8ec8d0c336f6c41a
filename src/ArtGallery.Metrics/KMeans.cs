namespace ArtGallery.Metrics;

/// <summary>Lloyd's k-means with k-means++ seeding (Arthur &amp; Vassilvitskii 2007), deterministic for a seed.</summary>
public static class KMeans
{
    /// <summary>Centroids of <paramref name="clusters"/> clusters; the best of <paramref name="restarts"/> seedings by inertia.</summary>
    public static float[][] Fit(IReadOnlyList<float[]> points, int clusters, int seed = 0, int restarts = 3, int maxIterations = 100)
    {
        if (clusters < 1) throw new ArgumentOutOfRangeException(nameof(clusters), "Need at least one cluster.");
        if (points.Count < clusters) throw new MetricsException($"Need at least {clusters} images for {clusters} bins, got {points.Count}.");
        var rng = new SeededRandom((ulong)seed * 2654435761UL + 17);
        float[][]? best = null;
        double bestInertia = double.PositiveInfinity;
        for (int r = 0; r < restarts; r++)
        {
            var centres = Lloyd(points, PlusPlus(points, clusters, rng), maxIterations, out double inertia);
            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                best = centres;
            }
        }
        return best!;
    }

    private static float[][] PlusPlus(IReadOnlyList<float[]> points, int clusters, SeededRandom rng)
    {
        var centres = new List<float[]> { (float[])points[rng.NextInt(points.Count)].Clone() };
        var nearest = points.Select(p => (double)VectorMath.SquaredDistance(p, centres[0])).ToArray();
        while (centres.Count < clusters)
        {
            double total = nearest.Sum(), target = rng.NextDouble() * total;
            int pick = 0;
            // Sample proportional to squared distance; with all-zero distances fall back to any point.
            for (double acc = 0; pick < points.Count - 1; pick++)
                if ((acc += nearest[pick]) > target && nearest[pick] > 0) break;
            centres.Add((float[])points[pick].Clone());
            for (int i = 0; i < points.Count; i++)
                nearest[i] = Math.Min(nearest[i], VectorMath.SquaredDistance(points[i], centres[^1]));
        }
        return [.. centres];
    }

    private static float[][] Lloyd(IReadOnlyList<float[]> points, float[][] centres, int maxIterations, out double inertia)
    {
        int dims = points[0].Length;
        int[] assignment = Neighbours.Nearest(points, centres);
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            var sums = new double[centres.Length, dims];
            var counts = new int[centres.Length];
            for (int i = 0; i < points.Count; i++)
            {
                counts[assignment[i]]++;
                for (int d = 0; d < dims; d++) sums[assignment[i], d] += points[i][d];
            }
            for (int c = 0; c < centres.Length; c++)
                if (counts[c] > 0) // an emptied cluster keeps its old centre
                    for (int d = 0; d < dims; d++) centres[c][d] = (float)(sums[c, d] / counts[c]);
            var next = Neighbours.Nearest(points, centres);
            bool changed = !next.AsSpan().SequenceEqual(assignment);
            assignment = next;
            if (!changed) break;
        }
        inertia = 0;
        for (int i = 0; i < points.Count; i++) inertia += VectorMath.SquaredDistance(points[i], centres[assignment[i]]);
        return centres;
    }
}
