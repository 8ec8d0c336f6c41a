using ArtGallery.Detail.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Detail.Tests;

/// <summary>A few dozen training steps of a narrow detail net on a handful of small paintings, shared by the tests.</summary>
public sealed class TinyDetail : IDisposable
{
    public static DetailTrainingOptions Options(int steps = 200) => new()
    {
        GeneratorResolution = 16,
        Channels = 12,
        Blocks = 2,
        Batch = 4,
        CropSize = 32,
        Steps = steps,
        Threads = 1,
        Device = "cpu",
        PoolSize = 4,
        Profile = new DegradationProfile(0.5, 0.004),
        LearningRate = 2e-3,
        CleanFraction = 0.3, // pinned: the fixture's recipe must not move with the shipped defaults
    };

    public TinyDetail() => Model = DetailTrainer.Train(Options(), Source);

    /// <summary>Four paintings at 64-128 px.</summary>
    public static IHighResSource Source => new FixedSource();

    public DetailModel Model { get; }

    public void Dispose() => Model.Dispose();

    private sealed class FixedSource : IHighResSource
    {
        private readonly BuiltinHighResSource painter = new(datasetSeed: 5, minSide: 64, maxSide: 128);

        public string Name => "test paintings";

        public HighResImage Get(int index, Random rng) => painter.Get(index % 4, new Random(index % 4));

        public float[] Square(int index, int side) => painter.Square(index % 4, side);
    }
}

/// <summary>A smooth, non-trivial test image (planar RGB in [-1, 1]).</summary>
internal static class TestImages
{
    public static float[] Gradient(int width, int height)
    {
        var chw = new float[3 * width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int i = y * width + x;
                chw[i] = 2f * x / (width - 1) - 1f;
                chw[width * height + i] = 2f * y / (height - 1) - 1f;
                chw[2 * width * height + i] = MathF.Sin(x * 0.3f + y * 0.2f) * 0.5f;
            }
        return chw;
    }

    public static float[] Painting(int seed, int side)
    {
        var chw = new float[3 * side * side];
        new BuiltinAbstractDataset(10, seed, cacheBytes: 0).Read(seed % 10, side, chw);
        return chw;
    }
}
