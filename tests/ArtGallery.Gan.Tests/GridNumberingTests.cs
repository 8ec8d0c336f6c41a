using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Tests;

/// <summary>Issue 15: a resumed run continues sample numbering; no grid written before the stop is overwritten.</summary>
[Collection("Sequential")]
public sealed class GridNumberingTests
{
    private static readonly SyntheticDataset Data = new();

    [Fact]
    public void Resume_AfterStop_KeepsEveryEarlierGridAndAddsNewOnes()
    {
        var options = TestOptions.Tiny(8, 0.024) with { ProgressEverySteps = 1, SampleKimg = 0.016, CheckpointKimg = 0.016 };
        var run = TestOptions.TempDir();
        using (var trainer = Trainer.Create(options, Data, run))
        {
            using var cts = new CancellationTokenSource();
            trainer.Run(new SyncProgress(cts, 5, () => trainer.Counters.Step), cts.Token);
        }
        var samples = Path.Combine(run, "samples");
        var before = Directory.GetFiles(samples, "grid-*.png").ToDictionary(f => f, File.ReadAllBytes);
        Assert.NotEmpty(before);

        using (var resumed = Trainer.Resume(run, Data)) resumed.Run();

        var after = Directory.GetFiles(samples, "grid-*.png");
        Assert.True(after.Length > before.Count, $"{before.Count} grids before the stop, {after.Length} after the resumed run");
        foreach (var (file, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(file)); // nothing overwritten
    }
}
