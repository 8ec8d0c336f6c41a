using ArtGallery.Features;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Conditioning;

/// <summary>
/// Neighbours by palette, layout and composition: the squared descriptor distance over its median, plus the squared
/// distance between ResNet-18 pool features of the greyscale pictures (at 64 px) over theirs. On builtin:abstract a
/// picture's nearest other picture is of its own kind 91 % of the time this way, 42 % by descriptor alone (a grid's
/// nearest was a dot field: both are a light field with dark marks), while its palette stays near (mean squared palette
/// distance 0.32, against 0.20 by descriptor alone): docs/lab/2026-12-07-condition-neighbours.md.
/// </summary>
internal static class CompositionNeighbours
{
    /// <summary>Side the pictures are read at and fed to the network.</summary>
    public const int Side = 64;

    /// <summary>One 512-d composition vector per picture of <paramref name="dataset"/>.</summary>
    public static float[][] Features(IImageDataset dataset)
    {
        using var net = ResNet18Features.Load();
        var extractor = new PoolFeatureExtractor(net, Side);
        var features = new List<float[]>(dataset.Count);
        foreach (var chunk in Enumerable.Range(0, dataset.Count).Chunk(64))
            features.AddRange(extractor.Extract([.. chunk.Select(i => Grey(dataset, i))], Side));
        return [.. features];
    }

    /// <summary>For each picture, its <paramref name="k"/> nearest (itself first) by the sum of both normalised distances.</summary>
    public static int[][] Nearest(float[][] descriptors, float[][] composition, int k)
    {
        double descriptorScale = 1 / MedianPairDistance(descriptors), compositionScale = 1 / MedianPairDistance(composition);
        return ConditionSet.NearestNeighbours(descriptors.Length, k,
            (i, j) => (float)(descriptorScale * ConditionDescriptor.Distance(descriptors[i], descriptors[j]) + compositionScale * ConditionDescriptor.Distance(composition[i], composition[j])));
    }

    private static float[] Grey(IImageDataset dataset, int index)
    {
        var chw = new float[3 * Side * Side];
        dataset.Read(index, Side, chw);
        int plane = Side * Side;
        for (int p = 0; p < plane; p++)
            chw[p] = chw[plane + p] = chw[2 * plane + p] = 0.299f * chw[p] + 0.587f * chw[plane + p] + 0.114f * chw[2 * plane + p];
        return chw;
    }

    // Over a fixed, spread set of pairs: deterministic, and enough to set a scale.
    private static double MedianPairDistance(float[][] points)
    {
        int n = points.Length;
        var distances = Enumerable.Range(0, n).Select(i => (i, j: (int)((i * 7919L + n / 2 + 1) % n))).Where(p => p.i != p.j)
            .Select(p => (double)ConditionDescriptor.Distance(points[p.i], points[p.j])).Order().ToArray();
        return distances.Length == 0 || distances[distances.Length / 2] <= 0 ? 1 : distances[distances.Length / 2];
    }
}
