using TorchSharp;
using ArtGallery.Gan.Recipes.Conditioned;
using ArtGallery.Gan.Recipes.ProGan;
using ArtGallery.Gan.Conditioning;
using ArtGallery.Gan.Models;
using ArtGallery.Gan.Sampling;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Tests;

/// <summary>The conditioned recipe: descriptors, shapes, that conditions steer colour, and the collection a model carries.</summary>
[Collection("Sequential")]
public sealed class ConditionedTests
{
    [Fact]
    public void Describe_SamePicture_SameDescriptorAndUnitPaletteHalf()
    {
        var data = new SyntheticDataset();
        var a = ConditionSet.Describe(data, 3);
        var b = ConditionSet.Describe(data, 3);
        Assert.Equal(a.Descriptors.SelectMany(d => d), b.Descriptors.SelectMany(d => d));
        Assert.All(a.Descriptors, d => Assert.Equal(ConditionDescriptor.Size, d.Length));
        double norm = Math.Sqrt(a.Descriptors[0].Take(ConditionDescriptor.PaletteSize).Sum(v => v * v));
        Assert.Equal(1, norm, 4);
        Assert.All(a.Neighbours, (n, i) => Assert.Equal(i, n[0])); // each picture is its own nearest neighbour
    }

    [Fact]
    public void Describe_RedAgainstBluePicture_PaletteHalvesFarApartAndAFlatLayoutIsZero()
    {
        float[] PaletteHalf(float r, float g, float b) => ConditionDescriptor.Describe(Flat(r, g, b, 16), 16)[..ConditionDescriptor.PaletteSize];
        var red = PaletteHalf(0.8f, 0.08f, 0.08f);
        var blue = PaletteHalf(0.08f, 0.08f, 0.8f);
        var redPicture = PaletteHalf(0.85f, 0.1f, 0.1f);
        Assert.True(ConditionDescriptor.Distance(redPicture, red) < ConditionDescriptor.Distance(redPicture, blue) / 4);
        // A flat picture has no composition: its layout half is zero.
        Assert.All(ConditionDescriptor.Describe(Flat(0.5f, 0.5f, 0.5f, 16), 16).Skip(ConditionDescriptor.PaletteSize), v => Assert.Equal(0, v, 6));
    }

    [Theory]
    [InlineData(4, 1.0)]
    [InlineData(8, 0.5)]
    [InlineData(16, 1.0)]
    [InlineData(32, 0.3)]
    public void ConditionedNetworks_EveryResolution_ShapesMatch(int resolution, double alpha)
    {
        var options = TestOptions.TinyConditioned(32) with { Conditioned = new() { EmbeddingSize = 16, CollectionSize = 5 } };
        using var g = (ProGenerator)ModelFactory.CreateGenerator(options);
        using var d = (ProDiscriminator)ModelFactory.CreateDiscriminator(options);
        (g.Resolution, g.Alpha, d.Resolution, d.Alpha) = (resolution, alpha, resolution, alpha);
        using var scope = NewDisposeScope();
        var latents = randn(3, g.LatentSize);
        Assert.Equal(16 + ConditionDescriptor.Size, g.LatentSize);
        var code = g.Code(latents);
        Assert.Equal(new long[] { 3, g.CodeSize }, code.shape);
        var images = g.Synthesize(code);
        Assert.Equal(new long[] { 3, 3, resolution, resolution }, images.shape);
        Assert.Equal(new long[] { 3, 1 }, d.Score(images, latents.narrow(1, 16, ConditionDescriptor.Size)).shape);
    }

    [Fact]
    public void Training_TwoColourCollection_GeneratorFollowsTheCondition()
    {
        var data = new TwoColours();
        // One neighbour: with 5 of 6 pictures as neighbours, D's "reals" would mix both colours.
        var options = TestOptions.TinyConditioned(4, 100) with { R1Interval = 4, Conditioned = new() { EmbeddingSize = 16, Neighbours = 1 } };
        using var session = new GanSession(options, data);
        var g = session.Ema;
        for (int i = 0; i < 200; i++) session.Step();
        Assert.Equal(0, session.SkippedUpdates);
        var collection = g.Collection!;
        // Mean red minus blue of samples drawn around a red picture and around a blue one.
        double Redness(int picture)
        {
            using var scope = NewDisposeScope();
            var latents = Enumerable.Range(0, 8).Select(s => g.LatentFor(s, like: picture)).ToArray();
            var images = Rendering.Images(g, latents, session.Device);
            int plane = g.Resolution * g.Resolution;
            return images.Average(chw => chw.Take(plane).Average() - chw.Skip(2 * plane).Average());
        }
        Assert.True(Redness(0) > Redness(1) + 0.3, $"red {Redness(0):0.00} vs blue {Redness(1):0.00}");
    }

    [Fact]
    public void ModeSeeking_TwoLatentsForOneCondition_DrawMoreDifferentPictures()
    {
        // The same run twice but for the mode-seeking weight: without it G soon ignores its latent for a condition.
        double Spread(double weight)
        {
            using var session = TrainedOnTwoColours(4, new() { EmbeddingSize = 16, Neighbours = 1, ModeSeekingWeight = weight }, 150);
            var g = session.G;
            using var scope = NewDisposeScope();
            var images = Rendering.Images(g, Enumerable.Range(0, 8).Select(s => g.LatentFor(s, like: 0)).ToArray(), session.Device);
            return images.Skip(1).Average(other => other.Zip(images[0], (a, b) => Math.Abs(a - b)).Average());
        }
        double without = Spread(0), with = Spread(2);
        Assert.True(with > 1.5 * without, $"spread around one picture: {with:0.000} with mode seeking, {without:0.000} without");
    }

    [Fact]
    public void ConsistencyDescribe_AGeneratedLookingPicture_MatchesTheManagedDescriptor()
    {
        // A 64 px picture with smooth colour ramps, a hard edge and values outside [-1, 1] (G's raw output is unclamped).
        const int side = 64, small = ConditionDescriptor.Resolution;
        var picture = new float[3 * side * side];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < side; y++)
                for (int x = 0; x < side; x++)
                    picture[(c * side + y) * side + x] = (float)(1.3 * Math.Sin(0.11 * x * (c + 1) + 0.07 * y) + (x > 40 && y < 20 ? 0.5 : 0) - 0.2 * c);
        var area = new float[3 * small * small];
        ArtGallery.Metrics.AreaResize.Resize(picture, side, area, small);
        var expected = ConditionDescriptor.Describe(area, small);
        using var scope = NewDisposeScope();
        var actual = ConditionConsistency.Describe(tensor(picture, [1, 3, side, side])).data<float>().ToArray();
        for (int i = 0; i < ConditionDescriptor.Size; i++)
        {
            // The palette half keeps an epsilon under its square root (at most 0.01 a bin); the layout half is exact.
            double tolerance = i < ConditionDescriptor.PaletteSize ? 0.011 : 1e-4;
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"descriptor[{i}]: managed {expected[i]:0.0000}, tensor {actual[i]:0.0000}");
        }
    }

    [Fact]
    public void ConsistencyWeight_SamplesLieNearerThePictureTheyWereDrawnFor()
    {
        // The same run twice but for the consistency weight; D's reals are 3 neighbours, so only the term asks for the picture itself.
        double Distance(double weight)
        {
            using var session = TrainedOnTwoColours(8, new() { EmbeddingSize = 16, Neighbours = 3, ConsistencyWeight = weight }, 120);
            using var scope = NewDisposeScope();
            var (images, latents) = SamplesAroundEachPicture(session);
            var conditions = tensor(latents.SelectMany(l => l.TakeLast(ConditionDescriptor.Size)).ToArray(), [12, ConditionDescriptor.Size]);
            return ConditionConsistency.Loss(images, conditions).item<float>();
        }
        double without = Distance(0), with = Distance(4);
        Assert.True(with < 0.6 * without, $"descriptor distance to the drawn-for picture: {with:0.000} with the term, {without:0.000} without");
    }

    [Fact]
    public void EdgeDistribution_ZeroForTheSameSteps_AndItsGradientSharpensASoftEdge()
    {
        // A hard vertical edge, and the same edge spread over 4 pixels.
        const int side = 16;
        float Value(int x, bool soft) => soft ? Math.Clamp((x - 6) / 4f, 0, 1) * 1.6f - 0.8f : (x >= 8 ? 0.8f : -0.8f);
        float[] Picture(bool soft) => [.. Enumerable.Range(0, 3 * side * side).Select(i => Value(i % side, soft))];
        using var scope = NewDisposeScope();
        var crisp = tensor(Picture(false), [1, 3, side, side]);
        var softened = tensor(Picture(true), [1, 3, side, side]).requires_grad_(true);
        Assert.Equal(0f, GanLosses.EdgeDistribution(crisp, crisp).item<float>());
        // Mirrored, the steps are the same: the term does not say where an edge goes.
        Assert.Equal(0f, GanLosses.EdgeDistribution(crisp.flip(3), crisp).item<float>());
        float LargestStep(Tensor x) => GanLosses.Steps(x.detach()).max().item<float>();
        float before = GanLosses.EdgeDistribution(softened, crisp).item<float>(), startStep = LargestStep(softened);
        Assert.True(before > 0);
        using var step = (-20).ToScalar();
        var x = softened;
        for (int i = 0; i < 30; i++)
        {
            var loss = GanLosses.EdgeDistribution(x, crisp);
            var grad = autograd.grad([loss], [x])[0];
            x = x.detach().add(grad, step).requires_grad_(true);
        }
        float after = GanLosses.EdgeDistribution(x, crisp).item<float>();
        Assert.True(after < 0.5 * before, $"edge term {before:0.0000} -> {after:0.0000}");
        Assert.True(LargestStep(x) > 1.5 * startStep, $"largest step {startStep:0.000} -> {LargestStep(x):0.000}");
    }

    [Fact]
    public void EdgeWeight_SamplesStepLikeTheirReals()
    {
        // The same run twice but for the edge weight: the samples' steps are nearer those of the pictures they were drawn for.
        double Distance(double weight)
        {
            using var session = TrainedOnTwoColours(8, new() { EmbeddingSize = 16, Neighbours = 3, EdgeWeight = weight }, 120);
            using var scope = NewDisposeScope();
            var (images, _) = SamplesAroundEachPicture(session);
            int side = session.G.Resolution, size = 3 * side * side;
            var reals = new float[12 * size];
            for (int s = 0; s < 12; s++) new TwoColours().Read(s % 6, side, reals.AsSpan(s * size, size));
            return GanLosses.EdgeDistribution(images, tensor(reals, [12, 3, side, side])).item<float>();
        }
        double without = Distance(0), with = Distance(20);
        Assert.True(with < 0.6 * without, $"edge term against the drawn-for pictures: {with:0.0000} with the term, {without:0.0000} without");
    }

    [Fact]
    public void Resume_NewNeighboursModeSeekingAndLoss_TakeEffectAndOtherRecipesRefuseThem()
    {
        var run = TestOptions.TempDir();
        using (var trainer = Trainer.Create(TestOptions.TinyConditioned(4, 0.008), new TwoColours(), run)) trainer.Run();
        var changes = new ResumeChanges(FinalKimg: 0.016, Neighbours: 2, ModeSeeking: 0.5, Loss: ConditionedLoss.RpGan, Gamma: 0.5, Consistency: 1.5, Edges: 3);
        using (var resumed = Trainer.Resume(run, new TwoColours(), changes))
        {
            var c = resumed.Options.Conditioned;
            Assert.Equal((2, 0.5, ConditionedLoss.RpGan, (double?)0.5, 1.5, 3.0), (c.Neighbours, c.ModeSeekingWeight, c.Loss, c.Gamma, c.ConsistencyWeight, c.EdgeWeight));
            var end = resumed.Run();
            Assert.Equal(0, end.SkippedUpdates);
            Assert.True(end.Kimg > 0.008);
        }
        Assert.Throws<ArgumentException>(() => Trainer.Resume(run, new TwoColours(), new ResumeChanges(ModeSeeking: -1)));
        Assert.Throws<ArgumentException>(() => Trainer.Resume(run, new TwoColours(), new ResumeChanges(Consistency: -1)));
        Assert.Throws<ArgumentException>(() => Trainer.Resume(run, new TwoColours(), new ResumeChanges(Edges: -1)));

        var progan = TestOptions.TempDir();
        using (var trainer = Trainer.Create(TestOptions.Tiny(4, 0.008), new SyntheticDataset(), progan)) trainer.Run();
        var refused = Assert.Throws<ArgumentException>(() => Trainer.Resume(progan, new SyntheticDataset(), new ResumeChanges(Neighbours: 3)));
        Assert.Contains("conditioned recipe", refused.Message);
        Assert.Throws<ArgumentException>(() => Trainer.Resume(progan, new SyntheticDataset(), new ResumeChanges(Loss: ConditionedLoss.RpGan)));
    }

    [Fact]
    public void Export_ConditionedModel_CarriesItsCollectionAndLikeAndPaletteWork()
    {
        var run = TestOptions.TempDir();
        using (var trainer = Trainer.Create(TestOptions.TinyConditioned(8, 0.008), new TwoColours(), run)) trainer.Run();
        var modelPath = Path.Combine(run, "m.agmodel");
        ArtGenerator.Export(run, modelPath);
        using var generator = ArtGenerator.Load(modelPath);
        Assert.Equal(6, generator.Collection!.Count);
        Assert.Equal(3 * 32 * 32, generator.Collection.Thumbnail(0).Length);
        Assert.NotEqual(generator.Render(generator.LatentFor(3, like: 0)), generator.Render(generator.LatentFor(3, like: 1)));
        Assert.NotEqual(generator.Render(generator.LatentFor(3)), generator.Render(generator.LatentFor(3), palette: [(0f, 0f, 1f), (0f, 1f, 0f)]));
        Assert.Equal(generator.Render(generator.LatentFor(3, like: 1)), generator.Render(generator.LatentFor(3, like: 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.LatentFor(3, like: 6));

        // evaluate's "more like this" check; an 8 px model's samples are compared at the thumbnails' 32 px.
        var like = LikeCheck.Measure(generator, pictures: 6, perPicture: 2);
        Assert.Equal((6, 2), (like.Pictures, like.PerPicture));
        Assert.InRange(like.Nearer, 0, 1);
        Assert.Equal(0, like.Copies); // a barely trained model draws no copy of its pictures

        // Truncation pulls towards the picture's own mean, not the collection's: at 0 every seed of one picture draws the
        // same image, and two pictures still differ.
        float[] Calmest(long seed, int like) => generator.Render(generator.LatentFor(seed, like), truncation: 0f);
        Assert.Equal(Calmest(1, like: 2), Calmest(9, like: 2));
        Assert.NotEqual(Calmest(1, like: 2), Calmest(1, like: 4));
        Assert.Equal(generator.Render(generator.LatentFor(5, like: 3)), generator.Render(generator.LatentFor(5, like: 3), truncation: 1f));

        // Principal sliders move the picture's own code, not the condition's embedding (the "like" control owns that).
        Assert.True(generator.EditableCodeSize < generator.CodeSize);
        var directions = EditDirections.Compute(generator, 3, 24);
        foreach (var (name, vector) in directions.Vectors.Where(d => d.Key.StartsWith("pc")))
        {
            Assert.All(vector[generator.EditableCodeSize..], v => Assert.Equal(0f, v));
            Assert.True(vector[..generator.EditableCodeSize].Sum(v => v * v) > 0.99, $"{name} is not a unit direction in the editable code");
        }
    }

    [Fact]
    public void SeedOrder_NewModelsWalkAShuffle_OlderOptionsKeepTheHash_ExportCanChoose()
    {
        // A new run's seeds walk a shuffle: any 6 consecutive seeds (negative ones too) draw all 6 pictures.
        var run = TestOptions.TempDir();
        using (var trainer = Trainer.Create(TestOptions.TinyConditioned(8, 0.008), new TwoColours(), run)) trainer.Run();
        var shuffled = Path.Combine(run, "shuffled.agmodel");
        string shuffledId = ArtGenerator.Export(run, shuffled);
        using (var g = ArtGenerator.Load(shuffled))
        {
            Assert.Equal(CollectionSeedOrder.Shuffled, g.Collection!.Order);
            foreach (long start in new long[] { 0, 4, -3, 1_000_000 })
                Assert.Equal(Enumerable.Range(0, 6), Enumerable.Range(0, 6).Select(i => g.Collection.IndexFor(start + i)).Order());
        }

        // Options saved before the setting existed read as hashed, and the hash picks the pictures it always picked.
        var fresh = TestOptions.TinyConditioned(8) with { Conditioned = new() { EmbeddingSize = 16, CollectionSize = 1000 } };
        var json = System.Text.Json.Nodes.JsonNode.Parse(fresh.ToJson())!.AsObject();
        Assert.Equal(CollectionSeedOrder.Shuffled, TrainingOptions.FromJson(json.ToJsonString()).Conditioned.SeedOrder);
        json[nameof(TrainingOptions.Conditioned)]!.AsObject().Remove(nameof(ConditionedOptions.SeedOrder));
        var old = TrainingOptions.FromJson(json.ToJsonString());
        Assert.Equal(CollectionSeedOrder.Hashed, old.Conditioned.SeedOrder);
        using (var g = ArtGenerator.CreateUntrained(old, 8))
            Assert.Equal([246, 673, 480, 932, 808], Enumerable.Range(0, 5).Select(s => g.Collection!.IndexFor(s)));

        // Export re-chooses the order (a new model); an unconditioned model has none to choose.
        var hashed = Path.Combine(run, "hashed.agmodel");
        Assert.NotEqual(shuffledId, ArtGenerator.Export(shuffled, hashed, CollectionSeedOrder.Hashed));
        using (var g = ArtGenerator.Load(hashed)) Assert.Equal(CollectionSeedOrder.Hashed, g.Collection!.Order);
        var progan = TestOptions.TempDir();
        using (var trainer = Trainer.Create(TestOptions.Tiny(4, 0.008), new SyntheticDataset(), progan)) trainer.Run();
        Assert.Contains("conditioned model's setting", Assert.Throws<ArgumentException>(() =>
            ArtGenerator.Export(progan, Path.Combine(progan, "m.agmodel"), CollectionSeedOrder.Shuffled)).Message);
    }

    [Fact]
    public void LatentFor_UnconditionedModel_RefusesLikeAndPalette()
    {
        using var generator = ArtGenerator.CreateUntrained(TestOptions.Tiny(8), 8);
        Assert.Null(generator.Collection);
        Assert.Throws<InvalidOperationException>(() => generator.LatentFor(1, like: 0));
        Assert.Throws<InvalidOperationException>(() => generator.Render(generator.LatentFor(1), palette: [(0f, 0f, 1f), (0f, 1f, 0f)]));
    }

    [Theory]
    [InlineData("FF0000-00FF00", true)]
    [InlineData("ff0000-00ff00-0000ff", true)]
    [InlineData("FF0000", false)]
    [InlineData("FF0000-00FF00-0000FF-000000-111111-222222-333333-444444-555555", false)]
    [InlineData("FF0000-GG0000", false)]
    [InlineData("FF000-00FF00", false)]
    public void PaletteText_TwoToEightHexColours(string text, bool valid)
    {
        Assert.Equal(valid, PaletteText.TryParse(text, out var colours, out var problem));
        if (valid) Assert.Equal(text.ToUpperInvariant(), PaletteText.Format(colours));
        else Assert.NotEmpty(problem);
    }

    private static float[] Flat(float r, float g, float b, int side) =>
        [.. Enumerable.Repeat(r * 2 - 1, side * side), .. Enumerable.Repeat(g * 2 - 1, side * side), .. Enumerable.Repeat(b * 2 - 1, side * side)];

    // Seeds 0-11, each drawn around picture seed % 6 of the collection: images [12, 3, R, R] and their latents.
    private static (Tensor Images, float[][] Latents) SamplesAroundEachPicture(GanSession session)
    {
        var g = session.G;
        var latents = Enumerable.Range(0, 12).Select(s => g.LatentFor(s, like: s % 6)).ToArray();
        return (tensor(Rendering.Images(g, latents, session.Device).SelectMany(i => i).ToArray(), [12, 3, g.Resolution, g.Resolution]), latents);
    }

    // A tiny conditioned session on TwoColours after some steps, none of them dropped.
    private static GanSession TrainedOnTwoColours(int maxResolution, ConditionedOptions conditioned, int steps)
    {
        var session = new GanSession(TestOptions.TinyConditioned(maxResolution, 100) with { R1Interval = 4, Conditioned = conditioned }, new TwoColours());
        for (int i = 0; i < steps; i++) session.Step();
        Assert.Equal(0, session.SkippedUpdates);
        return session;
    }

    /// <summary>Even pictures red, odd ones blue, each with a stripe so compositions differ too.</summary>
    private sealed class TwoColours : IImageDataset
    {
        public string Name => "test:two-colours";
        public int Count => 6;
        public void Read(int index, int resolution, Span<float> destination)
        {
            int plane = resolution * resolution;
            for (int p = 0; p < plane; p++)
            {
                float stripe = (p % resolution) * 3 / resolution == index % 3 ? 0.2f : 0;
                destination[p] = index % 2 == 0 ? 0.8f - stripe : -0.8f + stripe;
                destination[plane + p] = -0.7f + stripe;
                destination[2 * plane + p] = index % 2 == 0 ? -0.8f + stripe : 0.8f - stripe;
            }
        }
    }
}
