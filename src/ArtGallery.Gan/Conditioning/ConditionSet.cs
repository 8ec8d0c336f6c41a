using ArtGallery.Imaging;

namespace ArtGallery.Gan.Conditioning;

/// <summary>A collection described for conditioning: one descriptor and one thumbnail per picture, and each picture's
/// nearest neighbours in descriptor space (itself first), from which D's real examples are drawn.</summary>
public sealed class ConditionSet
{
    /// <summary>Side of the thumbnails a model carries (its collection view and "draw around this one").</summary>
    public const int ThumbnailSide = 32;

    internal ConditionSet(float[][] descriptors, byte[][] thumbnails, int[][] neighbours, int described)
    {
        Descriptors = descriptors;
        Thumbnails = thumbnails;
        Neighbours = neighbours;
        Described = described;
    }

    /// <summary>Descriptors (<see cref="ConditionDescriptor.Size"/> each), one per picture.</summary>
    public float[][] Descriptors { get; }

    /// <summary>Thumbnails, planar RGB bytes (3 x 32 x 32), one per picture.</summary>
    public byte[][] Thumbnails { get; }

    /// <summary>For each picture, the indices of its k nearest pictures, itself first.</summary>
    public int[][] Neighbours { get; }

    /// <summary>Number of pictures.</summary>
    public int Count => Descriptors.Length;

    /// <summary>Pictures whose descriptors were computed to build this set: 0 when they came from a cache.</summary>
    public int Described { get; }

    /// <summary>Reads every picture at 32 px and describes it (deterministic: same dataset, same set), without a cache.</summary>
    public static ConditionSet Describe(IImageDataset dataset, int neighbours) => DescriptorCache.Load(dataset, neighbours, null);

    internal static byte[] ToBytes(float[] chw) => [.. chw.Select(v => (byte)Math.Clamp(Math.Round((v + 1) * 127.5), 0, 255))];

    // Brute force: a collection is hundreds to a few thousand pictures (a few hundred ms at 3,000).
    internal static int[][] NearestNeighbours(float[][] descriptors, int k)
    {
        k = Math.Min(k, descriptors.Length);
        var result = new int[descriptors.Length][];
        var distances = new float[descriptors.Length];
        var order = new int[descriptors.Length];
        for (int i = 0; i < descriptors.Length; i++)
        {
            for (int j = 0; j < descriptors.Length; j++)
            {
                distances[j] = j == i ? -1 : ConditionDescriptor.Distance(descriptors[i], descriptors[j]);
                order[j] = j;
            }
            Array.Sort((float[])distances.Clone(), order);
            result[i] = order[..k];
        }
        return result;
    }
}
