using ArtGallery.Gan.Training;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Tests;

/// <summary>
/// The Scalar finalizer race (ENGINE.md, /shared/repro/scalar-race): training while another thread forces GCs and
/// finalizers, as the repro does. With Scalar temporaries this dropped updates (non-finite passes) and threw from
/// libtorch; with every Scalar held it must do neither.
/// </summary>
[Collection("Sequential")]
public class ScalarRaceTests
{
    [Theory]
    [InlineData(GanRecipe.ProGan)]
    [InlineData(GanRecipe.Seed)]
    public void Training_UnderForcedGcs_DropsNoUpdateAndThrowsNothing(GanRecipe recipe)
    {
        var options = TestOptions.Tiny(recipe == GanRecipe.Seed ? 16 : 8, 100) with { Recipe = recipe, R1Interval = 2, SeedGenChannels = 8, SeedDiscChannels = 8 };
        using var session = new GanSession(options, new SyntheticDataset());
        using var stop = new CancellationTokenSource();
        long collections = 0;
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                collections++;
            }
        }) { IsBackground = true };
        var failures = new List<string>();
        collector.Start();
        try
        {
            // Bounded by steps and by time, whichever ends first (the collector makes steps slower on a loaded machine).
            var deadline = DateTime.UtcNow.AddSeconds(20);
            for (int i = 0; i < 300 && DateTime.UtcNow < deadline; i++)
            {
                try { session.Step(); }
                catch (Exception e) { failures.Add($"step {session.Counters.Step}: {e.GetType().Name}: {e.Message}"); }
            }
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }

        Assert.True(session.Counters.Step >= 20, $"only {session.Counters.Step} steps ran");
        Assert.True(collections > 0);
        Assert.True(failures.Count == 0, $"{failures.Count} steps threw:\n{string.Join("\n", failures.Take(5))}");
        Assert.True(session.SkippedUpdates == 0,
            $"{session.SkippedUpdates} updates dropped in {session.Counters.Step} steps ({collections} forced collections)");
        foreach (var p in session.G.parameters().Concat(session.D.parameters()))
            Assert.True(p.isfinite().all().item<bool>(), "a weight is not finite");
    }
}
