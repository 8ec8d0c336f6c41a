using ArtGallery.Gan.Benchmarks;
using ArtGallery.Gan.Sampling;
using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Tests;

[Collection("Sequential")]
public sealed class SamplingTests : IClassFixture<SamplingTests.TrainedRun>
{
    private readonly TrainedRun run;

    public SamplingTests(TrainedRun run) => this.run = run;

    /// <summary>One short training run shared by the sampling tests.</summary>
    public sealed class TrainedRun
    {
        public TrainedRun()
        {
            Dir = TestOptions.TempDir();
            using var trainer = Trainer.Create(TestOptions.Tiny(8, 0.05), new SyntheticDataset(), Dir);
            Checkpoint = trainer.Run().CheckpointPath!;
        }

        public string Dir { get; }
        public string Checkpoint { get; }
    }

    [Fact]
    public void Render_TruncationZero_SameImageForDifferentSeeds()
    {
        using var g = ArtGenerator.Load(run.Dir);
        var a = g.Render(g.LatentFor(1), truncation: 0);
        var b = g.Render(g.LatentFor(2), truncation: 0);
        Assert.Equal(a, b);
        Assert.NotEqual(g.Render(g.LatentFor(1)), g.Render(g.LatentFor(2)));
        Assert.Equal(3 * 8 * 8, a.Length);
        Assert.All(a, v => Assert.InRange(v, -1f, 1f));
    }

    [Fact]
    public void LatentFor_SameSeed_DeterministicAcrossInstances()
    {
        using var g1 = ArtGenerator.Load(run.Dir);
        using var g2 = ArtGenerator.Load(run.Checkpoint);
        Assert.Equal(g1.LatentFor(42), g2.LatentFor(42));
        Assert.NotEqual(g1.LatentFor(42), g1.LatentFor(43));
        Assert.Equal(g1.Render(g1.LatentFor(42)), g2.Render(g2.LatentFor(42)));
        Assert.Equal(g1.ModelId, g2.ModelId);
    }

    [Fact]
    public void Export_ThenLoad_SamePixelsAndModelId()
    {
        var model = Path.Combine(TestOptions.TempDir(), "art.agmodel");
        var id = ArtGenerator.Export(run.Checkpoint, model);
        using var fromCheckpoint = ArtGenerator.Load(run.Checkpoint);
        using var fromModel = ArtGenerator.Load(model);
        Assert.Equal(fromCheckpoint.ModelId, id);
        Assert.Equal(id, fromModel.ModelId);
        Assert.Matches("^[0-9a-f]{12}$", id);
        Assert.True(new FileInfo(model).Length < new FileInfo(run.Checkpoint).Length / 2);
        var latent = fromModel.LatentFor(9);
        Assert.Equal(fromCheckpoint.Render(latent, 0.7f), fromModel.Render(latent, 0.7f));
    }

    [Fact]
    public void Render_CodeOffset_ChangesImageAndWrongLengthRejected()
    {
        using var g = ArtGenerator.Load(run.Dir);
        var latent = g.LatentFor(5);
        var offset = new float[g.CodeSize];
        offset[0] = 3;
        Assert.NotEqual(g.Render(latent), g.Render(latent, codeOffset: offset));
        Assert.Throws<ArgumentException>(() => g.Render(latent, codeOffset: new float[3]));
        Assert.Throws<ArgumentException>(() => g.Render(new float[g.LatentSize + 1]));
    }

    [Fact]
    public void Slerp_Endpoints_ReturnsInputsAndKeepsNorm()
    {
        float[] a = [1, 0, 0], b = [0, 2, 0];
        Assert.Equal(a, LatentMath.Slerp(a, b, 0));
        Assert.Equal(2, LatentMath.Slerp(a, b, 1)[1], 5);
        var mid = LatentMath.Slerp([3, 0], [0, 3], 0.5);
        Assert.Equal(3, LatentMath.Norm(mid), 4);
    }

    [Fact]
    public void Principal_Codes_UnitOrthogonalDirectionsWithDecreasingStd()
    {
        using var g = ArtGenerator.Load(run.Dir);
        var dirs = DirectionFinder.Principal(g, 3, 64);
        Assert.Equal(3, dirs.Count);
        foreach (var d in dirs) Assert.Equal(1, LatentMath.Norm(d.Vector), 3);
        Assert.True(Math.Abs(dirs[0].Vector.Zip(dirs[1].Vector, (x, y) => x * y).Sum()) < 1e-3);
        Assert.True(dirs[0].StdDev >= dirs[1].StdDev && dirs[1].StdDev >= dirs[2].StdDev && dirs[2].StdDev > 0);
    }

    [Fact]
    public void ForAttribute_Brightness_DirectionRaisesBrightness()
    {
        using var g = ArtGenerator.Load(run.Dir);
        static double Brightness(float[] chw) => chw.Average();
        var dir = DirectionFinder.ForAttribute(g, 48, Brightness);
        Assert.True(dir.Correlation > 0.3, $"correlation {dir.Correlation:F2}");
        var latent = g.LatentFor(77);
        var step = dir.Vector.Select(v => (float)(v * 2 * dir.StdDev)).ToArray();
        var minus = step.Select(v => -v).ToArray();
        Assert.True(Brightness(g.Render(latent, codeOffset: step)) > Brightness(g.Render(latent, codeOffset: minus)));
    }

    [Fact]
    public void Benchmarks_TinyModels_PositiveRates()
    {
        var training = TrainingBenchmark.Run(TestOptions.Tiny(16), new SyntheticDataset(), 16, 3);
        Assert.True(training.ImagesPerSecond > 0 && training.GflopsPerSecond > 0);
        Assert.Equal(8, training.BatchSize);
        using var g = ArtGenerator.CreateUntrained(TestOptions.Tiny(16), 16);
        Assert.InRange(GenerationBenchmark.Run(g, 4), 0.001, 10_000);
    }
}
