using ArtGallery.Imaging;

namespace ArtGallery.Metrics.Tests;

/// <summary>Normalised feature sets shared by the metric tests.</summary>
internal static class TestData
{
    public const int Resolution = 32;

    /// <summary>Normalised features of <paramref name="count"/> built-in images (normaliser fitted on them).</summary>
    public static float[][] Features(int count, int seed = 0)
    {
        var raw = FeatureExtractor.Default.Extract(new BuiltinAbstractDataset(count, seed).ReadAll(Resolution), Resolution);
        return FeatureNormalizer.Fit(raw).Apply(raw);
    }

    /// <summary>A collapsed set: the first 4 items repeated until <paramref name="count"/>.</summary>
    public static List<T> Collapsed<T>(IReadOnlyList<T> source, int count, int distinct = 4)
        => [.. Enumerable.Range(0, count).Select(i => source[i % distinct])];
}
