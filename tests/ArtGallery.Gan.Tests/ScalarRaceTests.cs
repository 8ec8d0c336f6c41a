using ArtGallery.Gan.Training;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Tests;

/// <summary>
/// The Scalar finalizer race (ENGINE.md, "the Scalar race"): training while another thread forces GCs and
/// finalizers, as the repro does. With Scalar temporaries this dropped updates (non-finite passes) and threw from
/// libtorch; with every Scalar held it must do neither.
/// </summary>
[Trait("Category","Slow")]
[Collection("Sequential")]
public class ScalarRaceTests
{
    [Theory]
    [InlineData(GanRecipe.ProGan)]
    [InlineData(GanRecipe.Dcgan)]
    [InlineData(GanRecipe.Projected)] // its heads once ran TorchSharp's BatchNorm forward: ~1 dropped update per 50 steps here
    [InlineData(GanRecipe.Conditioned)]
    public void Training_UnderForcedGcs_DropsNoUpdateAndThrowsNothing(GanRecipe recipe)
    {
        // Small batches and widths: many TorchSharp calls (and so Scalars) per second of compute.
        var options = recipe == GanRecipe.Projected ? TestOptions.TinyProjected32(100) with { BatchSizes = new() { [4] = 4 } }
            : TestOptions.Tiny(recipe == GanRecipe.Dcgan ? 16 : 8, 100) with
        {
            Recipe = recipe, R1Interval = 2, Widths = new() { [4] = 8 }, BatchSizes = new() { [4] = 4 },
            DcganBatchSize = 4, DcganGenChannels = 4, DcganDiscChannels = 4, Conditioned = new() { EmbeddingSize = 16 },
        };
        using var session = new GanSession(options, new SyntheticDataset());
        var failures = new List<string>();
        long collections;
        using (var gcs = new ForcedCollections())
        {
            // A quiet machine runs the 300 steps in seconds; a loaded one stops at the deadline with fewer.
            var deadline = DateTime.UtcNow.AddSeconds(25);
            for (int i = 0; i < 300 && DateTime.UtcNow < deadline; i++)
            {
                try { session.Step(); }
                catch (Exception e) { failures.Add($"step {session.Counters.Step}: {e.GetType().Name}: {e.Message}"); }
            }
            collections = gcs.Count;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} steps threw:\n{string.Join("\n", failures.Take(5))}");
        Assert.True(session.SkippedUpdates == 0,
            $"{session.SkippedUpdates} updates dropped in {session.Counters.Step} steps ({collections} forced collections)");
        foreach (var p in session.G.parameters().Concat(session.D.parameters()))
            Assert.True(p.isfinite().all().item<bool>(), "a weight is not finite");
        Assert.True(session.Counters.Step >= 1 && collections > 0, $"only {session.Counters.Step} steps and {collections} collections ran");
    }
}
