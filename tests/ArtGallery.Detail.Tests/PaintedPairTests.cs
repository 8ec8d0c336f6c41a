using ArtGallery.Detail.Quality;
using ArtGallery.Detail.Training;
using ArtGallery.Imaging;
using static TorchSharp.torch;

namespace ArtGallery.Detail.Tests;

/// <summary>builtin:abstract's detail pairs: the input is the painter's own quarter-size rendering, as the generator's
/// training images were, cropped exactly where the target is.</summary>
[Collection("Sequential")]
public sealed class PaintedPairTests
{
    [Fact]
    public void BuiltinSource_PaintedLow_IsThePainterAtAQuarterSize_NotTheAreaAverage()
    {
        var source = new BuiltinHighResSource(datasetSeed: 5, minSide: 128, maxSide: 128);
        var paintings = new BuiltinAbstractDataset(10_000_000, 5, cacheBytes: 0);
        double worst = double.PositiveInfinity;
        for (int i = 0; i < 8; i++)
        {
            var image = source.Get(i, new Random(i));
            var expected = new float[3 * 32 * 32];
            paintings.Read(i, 32, expected);
            Assert.Equal(expected, image.Low);
            Assert.Equal(expected, source.LowSquare(i, 32));
            worst = Math.Min(worst, ImageQuality.Psnr(image.Low!, AreaDown(image.Chw, 128)));
        }
        // Why it matters: the painter point-samples its canvas texture, so small renders are not area averages of big ones.
        Assert.True(worst < 40, $"every painting at 32 px is within {worst:0.0} dB of the area average: the painted input would add nothing");
        Assert.Contains("painted", source.Name, StringComparison.Ordinal);

        var areaOnly = new BuiltinHighResSource(datasetSeed: 5, minSide: 128, maxSide: 128, paintedLow: false);
        Assert.Null(areaOnly.Get(0, new Random(0)).Low);
        Assert.Null(areaOnly.LowSquare(0, 32));
        Assert.DoesNotContain("painted", areaOnly.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void PairSampler_PaintedLow_InputIsTheSameCropOfTheLowImage_UnderFlipsAndTransposes()
    {
        // Target: 4x4 blocks of an asymmetric pattern; the low image: the same pattern plus 0.1, so an input equal to the
        // target's area average plus 0.1 proves both that the painted image was used and that its crop lines up.
        var options = new DetailTrainingOptions { CropSize = 32, Batch = 16, CleanFraction = 1, PoolSize = 2, Seed = 3 };
        var sampler = new PairSampler(options, new PatternSource());
        using var rng = new Generator(1);
        using var scope = NewDisposeScope();
        var (input, target) = sampler.Next(0, rng, CPU);
        var area = nn.functional.avg_pool2d(target, [4, 4]);
        double worst = (input - area - 0.1).abs().max().item<float>();
        Assert.True(worst < 1.01 / 127.5, $"input is off the painted crop by {worst * 127.5:0.00}/255");
    }

    [Fact]
    public void Calibration_WithTheSourcesLowImages_ComparesAgainstThem()
    {
        var source = new BuiltinHighResSource(datasetSeed: 5, minSide: 64, maxSide: 64);
        var high = Enumerable.Range(0, 8).Select(i => source.Square(i, 64)).ToList();
        var low = Enumerable.Range(0, 8).Select(i => source.LowSquare(i, 16)!).ToList();
        // "Generator samples" that are exactly the painter's 16 px images: against those, clean fits perfectly.
        var withLow = SpectrumCalibration.Fit(low, high, 16, realLow: low);
        var areaOnly = SpectrumCalibration.Fit(low, high, 16);
        Assert.Equal(DegradationProfile.Clean, withLow.Profile);
        Assert.True(withLow.CleanError < 1e-9, $"clean error {withLow.CleanError}");
        Assert.True(areaOnly.CleanError > 1e-4, $"area-averaged clean error {areaOnly.CleanError}");
    }

    private static float[] AreaDown(float[] chw, int side)
    {
        int low = side / 4;
        var result = new float[3 * low * low];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < side; y++)
                for (int x = 0; x < side; x++)
                    result[c * low * low + y / 4 * low + x / 4] += chw[c * side * side + y * side + x] / 16;
        return result;
    }

    private sealed class PatternSource : IHighResSource
    {
        private const int Side = 96;

        public string Name => "pattern";

        public HighResImage Get(int index, Random rng) => new(Pattern(Side, 4, 0), Side, Side, Pattern(Side / 4, 1, 0.1f));

        public float[] Square(int index, int side) => Pattern(side, 4, 0);

        // Values on the 8-bit grid, different along x and y, so a flip or transpose that misses shows.
        private static float[] Pattern(int side, int block, float offset)
        {
            var chw = new float[3 * side * side];
            for (int c = 0; c < 3; c++)
                for (int y = 0; y < side; y++)
                    for (int x = 0; x < side; x++)
                    {
                        int v = (x / block * 7 + y / block * 3 + c * 5) % 17;
                        chw[c * side * side + y * side + x] = MathF.Round(v * 10 - 85) / 127.5f + offset;
                    }
            return chw;
        }
    }
}
