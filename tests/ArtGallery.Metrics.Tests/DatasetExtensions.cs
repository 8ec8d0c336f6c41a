using ArtGallery.Imaging;

namespace ArtGallery.Metrics.Tests;

/// <summary>Reads dataset images into CHW arrays for tests.</summary>
internal static class DatasetExtensions
{
    public static List<float[]> ReadAll(this IImageDataset data, int resolution, int start = 0, int? take = null)
    {
        int n = take ?? data.Count - start;
        var result = new float[n][];
        Parallel.For(0, n, i =>
        {
            result[i] = new float[3 * resolution * resolution];
            data.Read(start + i, resolution, result[i]);
        });
        return [.. result];
    }
}
