using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Tests;

/// <summary>
/// Real pictures no one here drew (Resources/clipart: transparency, palettes, grey, 3x2 px, a single-colour one),
/// opened through the same decoder as an upload, trained on with forced collections beside the steps. A run on 300 such
/// pictures once dropped updates for non-finite losses; no step may be dropped now, and every weight stays finite.
/// </summary>
[Trait("Category","Slow")]
[Collection("Sequential")]
public class ClipArtTrainingTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Resources", "clipart");

    [Fact]
    public void Open_ClipArtFolder_EveryPictureImportedWithFinitePixels()
    {
        var (dataset, report) = DatasetSource.Open(Folder);
        Assert.Equal(10, dataset.Count);
        Assert.Empty(report.Refused);
        var pixels = new float[3 * 16 * 16];
        for (int i = 0; i < dataset.Count; i++)
        {
            dataset.Read(i, 16, pixels);
            Assert.All(pixels, v => Assert.True(float.IsFinite(v) && v >= -1.001f && v <= 1.001f));
        }
    }

    [Theory]
    [InlineData(GanRecipe.ProGan)]
    [InlineData(GanRecipe.Conditioned)]
    public void Training_OnClipArt_UnderForcedCollections_DropsNoUpdate(GanRecipe recipe)
    {
        var (dataset, _) = DatasetSource.Open(Folder);
        var options = TestOptions.Tiny(16, 0.1) with
        {
            Recipe = recipe, R1Interval = 2, BatchSizes = new() { [4] = 4 }, Conditioned = new() { EmbeddingSize = 16 },
        };
        using var session = new GanSession(options, dataset);
        long collections;
        using (var gcs = new ForcedCollections())
        {
            // 200 steps of 4 reach 16 px at 0.1 kimg per phase; the deadline bounds the test on a loaded machine (fewer steps).
            var deadline = DateTime.UtcNow.AddSeconds(30);
            for (int i = 0; i < 200 && DateTime.UtcNow < deadline; i++) session.Step();
            collections = gcs.Count;
        }

        Assert.True(session.SkippedUpdates == 0,
            $"{session.SkippedUpdates} updates dropped in {session.Counters.Step} steps ({collections} forced collections)");
        foreach (var p in session.G.parameters().Concat(session.D.parameters()))
            Assert.True(p.isfinite().all().item<bool>(), "a weight is not finite");
        Assert.True(session.Counters.Step >= 1 && collections > 0, $"only {session.Counters.Step} steps and {collections} collections ran");
    }
}
