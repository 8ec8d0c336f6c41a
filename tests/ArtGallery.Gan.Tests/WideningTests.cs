using ArtGallery.Gan.Checkpoints;
using ArtGallery.Gan.Recipes;
using ArtGallery.Gan.Recipes.ProGan;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Tests;

/// <summary>train --resume --widen: a trained run takes over wider networks that compute what the narrow ones did,
/// and the copied channels then learn apart.</summary>
[Trait("Category", "Slow")]
public class WideningTests
{
    private static readonly Dictionary<int, int> Wider = new() { [8] = 32, [16] = 16 }; // Tiny: 16 and 8 channels

    [Theory]
    [InlineData(GanRecipe.ProGan)]
    [InlineData(GanRecipe.Conditioned)]
    public void Widened_DrawsAndScoresWhatTheNarrowRunDid(GanRecipe recipe)
    {
        var options = (recipe == GanRecipe.Conditioned ? TestOptions.TinyConditioned(16, 0.008) : TestOptions.Tiny(16, 0.008)) with { R1Interval = 4 };
        var dataset = new SyntheticDataset();
        using var narrow = new GanSession(options, dataset);
        for (int i = 0; i < 12; i++) narrow.Step();
        Assert.Equal((16, 1.0), (narrow.Phase.Resolution, narrow.Phase.Alpha));
        using var wide = Widen(narrow, dataset);
        Assert.Equal([16, 32, 16], new[] { 4, 8, 16 }.Select(wide.Options.WidthAt));

        using var scope = NewDisposeScope();
        var latents = stack(Enumerable.Range(0, 6).Select(s => tensor(narrow.G.LatentFor(s))).ToArray());
        var images = narrow.G.forward(latents);
        AssertClose(images, wide.G.forward(latents), "G");
        AssertClose(narrow.Ema.forward(latents), wide.Ema.forward(latents), "EMA G");
        AssertClose(narrow.D.forward(images.detach()), wide.D.forward(images.detach()), "D");
        if (recipe == GanRecipe.Conditioned)
        {
            var conditions = latents.narrow(1, latents.shape[1] - Conditioning.ConditionDescriptor.Size, Conditioning.ConditionDescriptor.Size);
            AssertClose(((ProDiscriminator)narrow.D).Score(images.detach(), conditions), ((ProDiscriminator)wide.D).Score(images.detach(), conditions), "D's projection score");
        }
    }

    [Fact]
    public void Widened_CopiedChannelsLearnApart()
    {
        var dataset = new SyntheticDataset();
        using var narrow = new GanSession(TestOptions.Tiny(16, 0.008) with { R1Interval = 4 }, dataset);
        for (int i = 0; i < 12; i++) narrow.Step();
        using var wide = Widen(narrow, dataset);
        // The 8 px stage's first conv: 32 output filters on the unwidened 4 px block, each of the 16 narrow ones twice.
        double before = HalvesApart(wide.G, "convs.0.weight");
        for (int i = 0; i < 6; i++) wide.Step();
        Assert.Equal(0, wide.SkippedUpdates);
        double after = HalvesApart(wide.G, "convs.0.weight");
        Assert.Equal(0, before);
        Assert.True(after > 1e-3, $"copied filters still {after:E2} apart after 6 steps: the split did not break their symmetry");
    }

    [Fact]
    public void ResumeWiden_RecordsTheNewWidthsAndRefusesWhatCannotWiden()
    {
        var run = TestOptions.TempDir();
        using (var trainer = Trainer.Create(TestOptions.TinyConditioned(16, 0.004), new SyntheticDataset(), run)) trainer.Run();
        using (var resumed = Trainer.Resume(run, new SyntheticDataset(), new ResumeChanges(FinalKimg: 0.03, Widen: Wider)))
        {
            var end = resumed.Run();
            Assert.Equal(0, end.SkippedUpdates);
            Assert.Equal(32, CheckpointFile.Read(end.CheckpointPath!).Options.WidthAt(8));
        }
        Assert.Equal(16, TrainingOptions.FromJson(File.ReadAllText(new RunFolder(run).OptionsFile)).WidthAt(16));
        // The next resume is plain: the checkpoint already has the wide shapes.
        using (var again = Trainer.Resume(run, new SyntheticDataset(), new ResumeChanges(FinalKimg: 0.04))) Assert.Equal(32, again.Options.WidthAt(8));

        foreach (var (widen, words) in new (Dictionary<int, int>, string)[]
        {
            (new() { [8] = 48 }, "multiple of 32"),
            (new() { [16] = 8 }, "multiple of 16"),
            (new() { [4] = 32 }, "latent"),
            (new() { [64] = 32 }, "not a stage"),
        })
            Assert.Contains(words, Assert.Throws<ArgumentException>(() => Trainer.Resume(run, new SyntheticDataset(), new ResumeChanges(Widen: widen))).Message);

        var dcgan = TestOptions.TempDir();
        using (var trainer = Trainer.Create(TestOptions.TinyDcgan(0.008), new SyntheticDataset(), dcgan)) trainer.Run();
        Assert.Contains("cannot be widened", Assert.Throws<ArgumentException>(() => Trainer.Resume(dcgan, new SyntheticDataset(), new ResumeChanges(Widen: new Dictionary<int, int> { [8] = 32 }))).Message);
    }

    private static GanSession Widen(GanSession narrow, IImageDataset dataset)
    {
        var path = Path.Combine(TestOptions.TempDir(), "narrow.agck");
        CheckpointFile.Write(path, narrow);
        var data = CheckpointFile.Read(path);
        return GanSession.RestoreWidened(data, new ResumeChanges(Widen: Wider).Apply(data.Options), dataset);
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        double gap = expected.add(actual, Scalars.MinusOne).abs().max().item<float>();
        Assert.True(gap < 1e-4, $"{what}: widened output differs by up to {gap:E2}");
    }

    private static double HalvesApart(nn.Module g, string name)
    {
        using var scope = NewDisposeScope();
        var w = g.named_parameters().Single(p => p.name == name).parameter.detach();
        long half = w.shape[0] / 2;
        return w.narrow(0, 0, half).add(w.narrow(0, half, half), Scalars.MinusOne).abs().max().item<float>();
    }
}
