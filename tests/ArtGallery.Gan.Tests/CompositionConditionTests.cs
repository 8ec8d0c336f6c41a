using ArtGallery.Gan.Checkpoints;
using ArtGallery.Gan.Conditioning;
using ArtGallery.Gan.Models;
using ArtGallery.Gan.Recipes.Conditioned;
using ArtGallery.Gan.Recipes.ProGan;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Tests;

/// <summary>A condition's composition part: G and D are told which kind of picture to draw, not only its palette and layout.</summary>
public sealed class CompositionConditionTests
{
    [Fact]
    public void Project_SameFeaturesSameValues_MeanSquaredLengthOne_AndRefusesTooMany()
    {
        var random = new Random(3);
        var features = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 20).Select(j => (float)(random.NextDouble() * (j + 1))).ToArray()).ToArray();
        var a = CompositionCondition.Project(features, 6);
        Assert.Equal(a, CompositionCondition.Project(features, 6));
        Assert.All(a, v => Assert.Equal(6, v.Length));
        Assert.Equal(1.0, a.Average(v => v.Sum(x => (double)x * x)), 3);
        // The first component carries the most variance.
        Assert.True(a.Average(v => v[0] * v[0]) > a.Average(v => v[5] * v[5]));
        Assert.Throws<ArgumentException>(() => CompositionCondition.Project(features, 21));
        Assert.Throws<ArgumentException>(() => CompositionCondition.Project(features, 0));
    }

    [Fact]
    public void Describe_CompositionPart_FollowsTheDescriptor_TellsKindsApart_AndIsCachedApart()
    {
        var data = new BuiltinAbstractDataset(160, seed: 5);
        var path = Path.Combine(TestOptions.TempDir(), "descriptors.agdesc");
        var plain = DescriptorCache.Load(data, 2, path);
        var composed = DescriptorCache.Load(data, 2, path, compositionSize: 16);
        Assert.Equal(160, composed.Described); // a file without the part does not serve one with it
        Assert.Equal(ConditionDescriptor.Size + 16, composed.ConditionSize);
        Assert.All(composed.Descriptors, (c, i) => Assert.Equal(plain.Descriptors[i], c[..ConditionDescriptor.Size]));
        Assert.Equal(0, DescriptorCache.Load(data, 2, path, compositionSize: 16).Described);
        Assert.Equal(160, DescriptorCache.Load(data, 2, path, compositionSize: 8).Described);

        // Nearest other picture by the composition part alone: mostly of the picture's own kind.
        var part = composed.Descriptors.Select(c => c[ConditionDescriptor.Size..]).ToArray();
        var nearest = ConditionSet.NearestNeighbours(part, 2);
        double sameKind = nearest.Count(n => data.FamilyAt(n[1]) == data.FamilyAt(n[0])) / (double)data.Count;
        Assert.True(sameKind >= 0.75, $"nearest other picture by composition part of the same kind: {sameKind:P0}");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    public void Networks_ReadTheLongerCondition(int resolution)
    {
        var options = TestOptions.TinyConditioned(16) with { Conditioned = new() { EmbeddingSize = 16, CollectionSize = 5, CompositionSize = 8 } };
        using var g = (ProGenerator)ModelFactory.CreateGenerator(options);
        using var d = (ProDiscriminator)ModelFactory.CreateDiscriminator(options);
        (g.Resolution, d.Resolution) = (resolution, resolution);
        using var scope = NewDisposeScope();
        Assert.Equal(ConditionDescriptor.Size + 8, g.ConditionSize);
        Assert.Equal(ConditionDescriptor.Size + 8, g.Collection!.ConditionSize);
        var latents = randn(3, g.LatentSize);
        var images = g.forward(latents);
        Assert.Equal(new long[] { 3, 3, resolution, resolution }, images.shape);
        Assert.Equal(new long[] { 3, 1 }, d.Score(images, latents.narrow(1, g.LatentSize - g.ConditionSize, g.ConditionSize)).shape);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void ResumeWithCompositionPart_DrawsAndScoresWhatTheRunDid_ThenStepsOnAsItWould()
    {
        var data = new BuiltinAbstractDataset(24, seed: 7);
        // Neighbours by composition: the same reals with or without the part, so only the condition differs.
        var options = TestOptions.TinyConditioned(8, 0.008) with { R1Interval = 4, Conditioned = new() { EmbeddingSize = 16, NeighboursBy = NeighbourSpace.Composition } };
        var path = Trained(options, data, steps: 8);
        // Each session its own read: a session advances the counters it was given.
        using var plain = GanSession.Restore(CheckpointFile.Read(path), data);
        var checkpoint = CheckpointFile.Read(path);
        using var after = GanSession.RestoreWidened(checkpoint, new ResumeChanges(CompositionSize: 8).Apply(checkpoint.Options), data);
        Assert.Equal(ConditionDescriptor.Size + 8, after.G.ConditionSize);

        using (var scope = NewDisposeScope())
        {
            // Each seed's picture keeps its descriptor and gains a composition part, which the taken-over networks do not yet read.
            var oldLatents = stack(Enumerable.Range(0, 6).Select(s => tensor(plain.G.LatentFor(s))).ToArray());
            var newLatents = stack(Enumerable.Range(0, 6).Select(s => tensor(after.G.LatentFor(s))).ToArray());
            Assert.Equal(oldLatents, newLatents.narrow(1, 0, oldLatents.shape[1]));
            var images = plain.G.forward(oldLatents).detach();
            AssertClose(images, after.G.forward(newLatents), "G");
            AssertClose(plain.Ema.forward(oldLatents), after.Ema.forward(newLatents), "EMA G");
            var oldConditions = oldLatents.narrow(1, oldLatents.shape[1] - ConditionDescriptor.Size, ConditionDescriptor.Size);
            var newConditions = newLatents.narrow(1, newLatents.shape[1] - after.G.ConditionSize, after.G.ConditionSize);
            AssertClose(((ProDiscriminator)plain.D).Score(images, oldConditions), ((ProDiscriminator)after.D).Score(images, newConditions), "D's score");
        }
        // Adam's moments came along: the first step moves every old weight as the plain run's step does, up to rounding
        // (measured: 4e-5 at most; fresh moments move them 7e-3 to 1e-2 apart).
        manual_seed(77);
        plain.Step();
        manual_seed(77);
        after.Step();
        foreach (var name in new[] { "toRgb.1.weight", "convs.1.weight", "dense.weight" })
            AssertClose(Parameter(plain.G, name), Parameter(after.G, name), $"G's {name} after one step", 1e-3);
        Assert.True(ReadsComposition(after.G) > 0, "G's embedding still ignores the composition part after a step");
        for (int i = 0; i < 5; i++) after.Step();
        Assert.Equal(0, after.SkippedUpdates);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Widened_GetsFreshMoments_WhileALongerConditionKeepsThem()
    {
        var data = new BuiltinAbstractDataset(24, seed: 9);
        var checkpoint = CheckpointFile.Read(Trained(TestOptions.TinyConditioned(8, 0.008) with { R1Interval = 4 }, data, steps: 6));
        using var widened = GanSession.RestoreWidened(checkpoint, new ResumeChanges(Widen: new Dictionary<int, int> { [8] = 32 }).Apply(checkpoint.Options), data);
        Assert.False(widened.OptG.TryLoadGrown(checkpoint.GeneratorOptimiser));
        using var grown = GanSession.RestoreWidened(checkpoint, new ResumeChanges(CompositionSize: 4).Apply(checkpoint.Options), data);
        Assert.True(grown.OptG.TryLoadGrown(checkpoint.GeneratorOptimiser));
    }

    private static string Trained(TrainingOptions options, IImageDataset data, int steps)
    {
        using var session = new GanSession(options, data);
        for (int i = 0; i < steps; i++) session.Step();
        var path = Path.Combine(TestOptions.TempDir(), "before.agck");
        CheckpointFile.Write(path, session);
        return path;
    }

    private static Tensor Parameter(nn.Module module, string name) => module.named_parameters().Single(p => p.name == name).parameter.detach();

    [Fact]
    [Trait("Category", "Slow")]
    public void ResumeWithCompositionPart_IsRecorded_AndRefusedWhereItCannotApply()
    {
        var run = TestOptions.TempDir();
        var data = new BuiltinAbstractDataset(24, seed: 8);
        using (var trainer = Trainer.Create(TestOptions.TinyConditioned(4, 0.008), data, run)) trainer.Run();
        using (var resumed = Trainer.Resume(run, data, new ResumeChanges(FinalKimg: 0.016, CompositionSize: 8)))
        {
            Assert.Equal(0, resumed.Run().SkippedUpdates);
        }
        Assert.Equal(8, TrainingOptions.FromJson(File.ReadAllText(new RunFolder(run).OptionsFile)).Conditioned.CompositionSize);
        using (var again = Trainer.Resume(run, data, new ResumeChanges(FinalKimg: 0.02))) Assert.Equal(8, again.Options.Conditioned.CompositionSize);
        Assert.Contains("already has a composition part of 8", Assert.Throws<ArgumentException>(() => Trainer.Resume(run, data, new ResumeChanges(CompositionSize: 4))).Message);
        Assert.Contains("needs at least as many pictures", Assert.Throws<ArgumentException>(() =>
            GanRecipes.Validate(TestOptions.TinyConditioned(4) with { Conditioned = new() { EmbeddingSize = 16, CollectionSize = 6, CompositionSize = 8 } })).Message);

        var progan = TestOptions.TempDir();
        using (var trainer = Trainer.Create(TestOptions.Tiny(4, 0.008), new SyntheticDataset(), progan)) trainer.Run();
        Assert.Contains("conditioned recipe", Assert.Throws<ArgumentException>(() => Trainer.Resume(progan, new SyntheticDataset(), new ResumeChanges(CompositionSize: 8))).Message);
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what, double tolerance = 1e-4)
    {
        Assert.Equal(expected.shape, actual.shape);
        double gap = expected.add(actual, Scalars.MinusOne).abs().max().item<float>();
        Assert.True(gap < tolerance, $"{what}: output differs by up to {gap:E2} once the condition grew");
    }

    // The largest weight G's first embedding layer gives a composition value.
    private static double ReadsComposition(nn.Module g)
    {
        using var scope = NewDisposeScope();
        var w = g.named_parameters().Single(p => p.name.EndsWith("embed1.weight", StringComparison.Ordinal)).parameter.detach();
        return w.narrow(1, ConditionDescriptor.Size, w.shape[1] - ConditionDescriptor.Size).abs().max().item<float>();
    }
}
