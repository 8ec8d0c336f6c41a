using ArtGallery.Gan.Checkpoints;
using ArtGallery.Gan.Sampling;
using ArtGallery.Gan.Training;
using TorchSharp;

namespace ArtGallery.Gan.Tests;

[Trait("Category","Slow")]
[Collection("Sequential")]
public sealed class TrainingTests
{
    private static readonly SyntheticDataset Data = new();

    [Theory]
    [InlineData(GanRecipe.ProGan, 8, 0.5)]
    [InlineData(GanRecipe.Dcgan, 16, 0.8)] // lr 2e-4 as published: slower, and 200 steps only
    [InlineData(GanRecipe.Projected, 32, 0.8)] // frozen ImageNet features, 70 steps; see the options below
    public void Run_TinyDataset_MeanColourMovesTowardData(GanRecipe recipe, int resolution, double factor)
    {
        var options = TestOptions.Tiny(resolution, recipe switch { GanRecipe.Dcgan => 0.32, GanRecipe.Projected => 0.08, _ => 0.4 }) with
        {
            Recipe = recipe, DcganGenChannels = 8, DcganDiscChannels = 8, DcganLatentSize = 16,
            Projected = TestOptions.TinyProjected,
        };
        // Projected runs with its defaults: no colour DiffAugment (at p = 1 it hides the mean colour from D) and lr 2e-3.
        var run = TestOptions.TempDir();
        using var trainer = Trainer.Create(options, Data, run);
        double before = Distance(run, trainer);
        trainer.Run();
        double after = Distance(run, trainer);
        Assert.True(after < factor * before, $"mean-colour distance {before:F3} -> {after:F3}");
    }

    private static double Distance(string run, Trainer trainer)
    {
        trainer.SaveCheckpoint();
        using var g = ArtGenerator.Load(run);
        var images = g.RenderBatch(Enumerable.Range(0, 32).Select(i => g.LatentFor(i)).ToArray());
        int plane = g.Resolution * g.Resolution;
        double sum = 0;
        for (int c = 0; c < 3; c++)
        {
            double mean = images.Average(img => img.AsSpan(c * plane, plane).ToArray().Average());
            sum += Math.Pow(mean - SyntheticDataset.BaseColour[c], 2);
        }
        return Math.Sqrt(sum);
    }

    [Fact]
    public void Step_ManySteps_NoLiveTensorGrowth()
    {
        using var session = new GanSession(TestOptions.Tiny(8, 1), Data);
        for (int i = 0; i < 20; i++) session.Step(); // includes an R1 step and ADA updates
        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 40; i++) session.Step();
        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Run_WithCadence_WritesCheckpointsGridsDiversityAndProgress()
    {
        var options = TestOptions.Tiny(8, 0.032) with { CheckpointKimg = 0.04, SampleKimg = 0.02, DiversityKimg = 0.02, KeepCheckpoints = 2 };
        var run = TestOptions.TempDir();
        var progress = new SyncProgress();
        using var trainer = Trainer.Create(options, Data, run);
        var final = trainer.Run(progress);
        Assert.True(File.Exists(Path.Combine(run, "run.json")));
        Assert.Equal(2, CheckpointStore.List(run).Count);
        Assert.Contains(progress.Reports, r => r.SampleGridPath is not null && File.Exists(r.SampleGridPath));
        // The run folder keeps every report's curve point and every grid, for pages that show a finished run.
        var folder = new RunFolder(run);
        Assert.Equal(progress.Reports.Select(r => r.Kimg), folder.ReadProgress().Select(p => p.Kimg));
        Assert.Equal(progress.Reports.Where(r => r.SampleGridPath is not null).Select(r => Path.GetFileName(r.SampleGridPath)).Distinct().Order(),
            folder.SampleGrids().Select(g => g.FileName).Order());
        Assert.Contains(progress.Reports, r => r.Phase == "fade-in" && r.Alpha is > 0 and < 1);
        Assert.NotNull(final.Diversity);
        Assert.InRange(final.Diversity!.Value, 0.01, 10);
        Assert.Equal(final.TotalKimg, final.Kimg, 3);
        Assert.True(final.ImagesPerSecond > 0);
        Assert.Equal(8, final.Resolution);
    }

    [Fact]
    public void Run_MinutesBudget_StopsEarlyWithCheckpoint()
    {
        var run = TestOptions.TempDir();
        using var trainer = Trainer.Create(TestOptions.Tiny(8, 100) with { Minutes = 0.02 }, Data, run);
        var final = trainer.Run();
        Assert.True(final.Kimg < final.TotalKimg);
        Assert.True(File.Exists(final.CheckpointPath));
    }

    [Fact]
    public void Ada_DiscriminatorOverconfident_RaisesAugmentP()
    {
        // A fast ADA speed shows the controller reacting within a few steps of a tiny run.
        var options = TestOptions.Tiny(4, 0.4) with { AdaSpeedKimg = 0.5, AdaTarget = 0.1 };
        using var session = new GanSession(options, Data);
        double maxP = 0;
        for (int i = 0; i < 40; i++) { session.Step(); maxP = Math.Max(maxP, session.Counters.AugmentP); }
        Assert.True(maxP > 0, "p never rose although D(real) signs exceeded the target");
    }

    [Fact]
    public void Run_WganGp_LossesFinite()
    {
        var run = TestOptions.TempDir();
        using var trainer = Trainer.Create(TestOptions.Tiny(8, 0.016) with { Loss = GanLoss.WganGp }, Data, run);
        var final = trainer.Run();
        Assert.True(double.IsFinite(final.LossD) && double.IsFinite(final.LossG));
        Assert.True(final.SkippedUpdates <= trainer.Counters.Step / 4, $"{final.SkippedUpdates} of {trainer.Counters.Step} steps had non-finite WGAN-GP losses");
    }
}
