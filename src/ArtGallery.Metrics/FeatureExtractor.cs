using System.Numerics.Tensors;
using ArtGallery.Imaging;

namespace ArtGallery.Metrics;

/// <summary>
/// The fixed feature space every metric works in (no pretrained network can be downloaded here).
/// The image, at any resolution, is first area-averaged to 64x64 and 32x32; then four blocks are concatenated:
/// <list type="bullet">
/// <item>"pixels" (192): the 8x8 RGB thumbnail - layout, composition and where colours sit;</item>
/// <item>"colour" (64): a soft 4x4x4 joint RGB histogram, square-rooted - palette regardless of layout;</item>
/// <item>"texture" (128): global mean and max of a seeded random 3-layer conv net - edges, stripes,
/// noise and other local structure the thumbnail blurs away; its input is standardised per image so it
/// answers pattern, not palette;</item>
/// <item>"structure" (62): spectrum shares, gradient orientations and magnitudes of the 64x64 luminance
/// (see <c>StructureFeatures</c>) - which kind of shapes, at which scale and in how many directions.</item>
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
    public const int Dimensions = PixelLength + ColourHistogram.Length + RandomConvNet.Length + StructureFeatures.Length;

    private const int Side = RandomConvNet.InputSide;
    private const int Thumb = 8;
    private const int PixelLength = 3 * Thumb * Thumb;
    private const ulong NetworkSeed = 0x4172_7447_616C_6C79; // fixed forever: changing it changes every metric

    private readonly RandomConvNet network = new(NetworkSeed);

    /// <summary>The shared instance (the extractor is immutable and thread-safe).</summary>
    public static FeatureExtractor Default { get; } = new();

    /// <summary>The blocks of the feature vector, in order.</summary>
    public static IReadOnlyList<FeatureBlock> Blocks { get; } =
    [
        new("pixels", 0, PixelLength),
        new("colour", PixelLength, ColourHistogram.Length),
        new("texture", PixelLength + ColourHistogram.Length, RandomConvNet.Length),
        new("structure", PixelLength + ColourHistogram.Length + RandomConvNet.Length, StructureFeatures.Length),
    ];

    /// <summary>Raw features of one CHW image in [-1, 1] of side <paramref name="resolution"/>.</summary>
    public float[] Extract(ReadOnlySpan<float> chw, int resolution)
    {
        if (resolution < 1) throw new ArgumentOutOfRangeException(nameof(resolution), "Resolution must be positive.");
        if (chw.Length != 3 * resolution * resolution)
            throw new ArgumentException($"Expected a CHW image of {3 * resolution * resolution} floats at {resolution} px, got {chw.Length}.", nameof(chw));
        // 64 -> 32 -> 8 by exact area averaging equals resizing each size straight from the source.
        var large = new float[3 * StructureFeatures.Side * StructureFeatures.Side];
        AreaResize.Resize(chw, resolution, large, StructureFeatures.Side);
        var small = new float[3 * Side * Side];
        AreaResize.Resize(large, StructureFeatures.Side, small, Side);
        var features = new float[Dimensions];
        int offset = 0;
        AreaResize.Resize(small, Side, features.AsSpan(offset, PixelLength), Thumb);
        ColourHistogram.Compute(small, Side, features.AsSpan(offset += PixelLength, ColourHistogram.Length));
        this.network.Compute(Standardised(small), features.AsSpan(offset += ColourHistogram.Length, RandomConvNet.Length));
        StructureFeatures.Compute(large, features.AsSpan(offset + RandomConvNet.Length, StructureFeatures.Length));
        return features;
    }

    /// <summary>Per-channel mean removed, divided by the overall standard deviation (floored so flat images stay flat).</summary>
    private static float[] Standardised(float[] chw)
    {
        int plane = chw.Length / 3;
        var x = (float[])chw.Clone();
        double sq = 0;
        for (int c = 0; c < 3; c++)
        {
            var p = x.AsSpan(c * plane, plane);
            float mean = TensorPrimitives.Sum<float>(p) / plane;
            TensorPrimitives.Subtract(p, mean, p);
            sq += TensorPrimitives.SumOfSquares<float>(p);
        }
        float inv = 1f / MathF.Max((float)Math.Sqrt(sq / x.Length), 0.02f);
        TensorPrimitives.Multiply(x, inv, x);
        return x;
    }

    /// <summary>Raw features of many images, in parallel.</summary>
    public float[][] Extract(IReadOnlyList<float[]> images, int resolution)
    {
        // Checked before the parallel loop so callers get the ArgumentException, not an AggregateException.
        if (resolution < 1) throw new ArgumentOutOfRangeException(nameof(resolution), "Resolution must be positive.");
        for (int i = 0; i < images.Count; i++)
            if (images[i] is null || images[i].Length != 3 * resolution * resolution)
                throw new ArgumentException($"Image {i}: expected a CHW image of {3 * resolution * resolution} floats at {resolution} px, got " +
                    $"{images[i]?.Length ?? 0}.", nameof(images));
        var result = new float[images.Count][];
        Parallel.For(0, images.Count, i => result[i] = Extract(images[i], resolution));
        return result;
    }

    /// <summary>Raw features of dataset images <paramref name="indices"/> read at <paramref name="resolution"/>, in parallel.</summary>
    public float[][] Extract(IImageDataset dataset, IReadOnlyList<int> indices, int resolution)
    {
        if (resolution < 1) throw new ArgumentOutOfRangeException(nameof(resolution), "Resolution must be positive.");
        var result = new float[indices.Count][];
        try
        {
            Parallel.For(0, indices.Count, () => new float[3 * resolution * resolution], (i, _, buffer) =>
            {
                dataset.Read(indices[i], resolution, buffer);
                result[i] = Extract(buffer, resolution);
                return buffer;
            }, _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Surface the dataset's own error (e.g. an unreadable file) rather than the parallel wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return result;
    }
}
