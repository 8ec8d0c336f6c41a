using ArtGallery.Imaging;

namespace ArtGallery.Metrics;

/// <summary>
/// The fixed feature space every metric works in (no pretrained network can be downloaded here).
/// The image, at any resolution, is first area-averaged to 32x32; then three blocks are concatenated:
/// <list type="bullet">
/// <item>"pixels" (192): the 8x8 RGB thumbnail - layout, composition and where colours sit;</item>
/// <item>"colour" (64): a soft 4x4x4 joint RGB histogram, square-rooted - palette regardless of layout;</item>
/// <item>"texture" (128): global mean and max of a seeded random 3-layer conv net - edges, stripes,
/// noise and other local structure the thumbnail blurs away.</item>
/// </list>
/// Together they separate what "3 or 4 types of images" collapse looks like (same layout, palette and
/// texture over and over) while staying cheap and deterministic. Raw features are not comparable across
/// blocks; <see cref="FeatureNormalizer"/> scales each block to equal weight on a reference set.
/// </summary>
public sealed class FeatureExtractor
{
    /// <summary>Bumped whenever the features change; saved models record it and refuse a mismatch.</summary>
    public const int Version = 1;

    /// <summary>Length of a feature vector.</summary>
    public const int Dimensions = PixelLength + ColourHistogram.Length + RandomConvNet.Length;

    private const int Side = RandomConvNet.InputSide;
    private const int Thumb = 8;
    private const int PixelLength = 3 * Thumb * Thumb;
    private const ulong NetworkSeed = 0x4172_7447_616C_6C79; // fixed forever: changing it changes every metric

    private readonly RandomConvNet _network = new(NetworkSeed);

    /// <summary>The shared instance (the extractor is immutable and thread-safe).</summary>
    public static FeatureExtractor Default { get; } = new();

    /// <summary>The blocks of the feature vector, in order.</summary>
    public static IReadOnlyList<FeatureBlock> Blocks { get; } =
    [
        new("pixels", 0, PixelLength),
        new("colour", PixelLength, ColourHistogram.Length),
        new("texture", PixelLength + ColourHistogram.Length, RandomConvNet.Length),
    ];

    /// <summary>Raw features of one CHW image in [-1, 1] of side <paramref name="resolution"/>.</summary>
    public float[] Extract(ReadOnlySpan<float> chw, int resolution)
    {
        if (resolution < 1) throw new ArgumentOutOfRangeException(nameof(resolution), "Resolution must be positive.");
        if (chw.Length != 3 * resolution * resolution)
            throw new ArgumentException($"Expected a CHW image of {3 * resolution * resolution} floats at {resolution} px, got {chw.Length}.", nameof(chw));
        var small = new float[3 * Side * Side];
        AreaResize.Resize(chw, resolution, small, Side);
        var features = new float[Dimensions];
        AreaResize.Resize(small, Side, features.AsSpan(0, PixelLength), Thumb);
        ColourHistogram.Compute(small, Side, features.AsSpan(PixelLength, ColourHistogram.Length));
        _network.Compute(small, features.AsSpan(PixelLength + ColourHistogram.Length, RandomConvNet.Length));
        return features;
    }

    /// <summary>Raw features of many images, in parallel.</summary>
    public float[][] Extract(IReadOnlyList<float[]> images, int resolution)
    {
        var result = new float[images.Count][];
        Parallel.For(0, images.Count, i => result[i] = Extract(images[i], resolution));
        return result;
    }

    /// <summary>Raw features of dataset images <paramref name="indices"/> read at <paramref name="resolution"/>, in parallel.</summary>
    public float[][] Extract(IImageDataset dataset, IReadOnlyList<int> indices, int resolution)
    {
        var result = new float[indices.Count][];
        Parallel.For(0, indices.Count, () => new float[3 * resolution * resolution], (i, _, buffer) =>
        {
            dataset.Read(indices[i], resolution, buffer);
            result[i] = Extract(buffer, resolution);
            return buffer;
        }, _ => { });
        return result;
    }
}
