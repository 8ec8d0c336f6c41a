using ArtGallery.Imaging;

namespace ArtGallery.Gan.Conditioning;

/// <summary>A collection described for conditioning: one descriptor and one thumbnail per picture, and each picture's
/// nearest neighbours (itself first; in descriptor space, or with the composition too), from which D's real examples are drawn.</summary>
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

    /// <summary>Conditions, one per picture: its descriptor (<see cref="ConditionDescriptor.Size"/> values), then any
    /// composition part (<see cref="CompositionCondition"/>).</summary>
    public float[][] Descriptors { get; }

    /// <summary>Values in each condition.</summary>
    public int ConditionSize => Descriptors[0].Length;

    /// <summary>Thumbnails, planar RGB bytes (3 x 32 x 32), one per picture.</summary>
    public byte[][] Thumbnails { get; }

    /// <summary>For each picture, the indices of its k nearest pictures, itself first.</summary>
    public int[][] Neighbours { get; }

    /// <summary>Number of pictures.</summary>
    public int Count => Descriptors.Length;

    /// <summary>Pictures whose descriptors were computed to build this set: 0 when they came from a cache.</summary>
    public int Described { get; }

    /// <summary>Reads every picture at 32 px and describes it, with a composition part of <paramref name="compositionSize"/>
    /// values, without a cache (deterministic: same dataset, same set).</summary>
    public static ConditionSet Describe(IImageDataset dataset, int neighbours, Recipes.Conditioned.NeighbourSpace space = default, int compositionSize = 0) =>
        DescriptorCache.Load(dataset, neighbours, null, space, compositionSize);

    internal static byte[] ToBytes(float[] chw) => [.. chw.Select(v => (byte)Math.Clamp(Math.Round((v + 1) * 127.5), 0, 255))];

    // Brute force: a collection is hundreds to a few thousand pictures (a few hundred ms at 3,000).
    internal static int[][] NearestNeighbours(float[][] descriptors, int k) =>
        NearestNeighbours(descriptors.Length, k, (i, j) => ConditionDescriptor.Distance(descriptors[i], descriptors[j]));

    /// <summary>For each of <paramref name="count"/> pictures, its <paramref name="k"/> nearest by <paramref name="distance"/>, itself first.</summary>
    internal static int[][] NearestNeighbours(int count, int k, Func<int, int, float> distance)
    {
        k = Math.Min(k, count);
        var result = new int[count][];
        var distances = new float[count];
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < count; j++)
            {
                distances[j] = j == i ? -1 : distance(i, j);
                order[j] = j;
            }
            Array.Sort(distances, order);
            result[i] = order[..k];
        }
        return result;
    }
}
