using ArtGallery.Gan.Recipes.Projected;
using ArtGallery.Gan.Training;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Tests;

[Collection("Sequential")]
public sealed class ProjectedTests
{
    private static readonly SyntheticDataset Data = new();

    [Theory]
    [InlineData(64, 1, new[] { 5, 5, 5, 1 })] // mixed maps 32/16/8/4 px
    [InlineData(128, 1, new[] { 5, 5, 5, 5 })]
    [InlineData(256, 1, new[] { 5, 5, 5, 5 })]
    [InlineData(32, 2, new[] { 5, 5, 5, 1 })] // input interpolated up to 64 px
    public void HeadOutputs_PerResolution_LogitMapsOfDocumentedSize(int resolution, int inputScale, int[] sides)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var d = new ProjectedDiscriminator(resolution, TestOptions.TinyProjected with { InputScale = inputScale, PixelHeadSize = 0 });
        d.eval();
        var outputs = d.HeadOutputs(zeros(2, 3, resolution, resolution));
        Assert.Equal(sides.Length, outputs.Length);
        for (int i = 0; i < sides.Length; i++) Assert.Equal([2L, 1, sides[i], sides[i]], outputs[i].shape);
        Assert.Equal([2L, sides.Sum(s => s * s)], d.forward(zeros(2, 3, resolution, resolution)).shape);
    }

    [Theory]
    [InlineData(64, 16, 5)] // 16 px colour map -> one down block to 8 px -> 4x4 valid conv
    [InlineData(32, 64, 5)] // capped at the resolution: 32 px -> 8 px -> 5x5
    [InlineData(64, 4, 1)]
    public void PixelHead_AddsAColourHeadLast_OfDocumentedSize(int resolution, int pixelSize, int side)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var d = new ProjectedDiscriminator(resolution, TestOptions.TinyProjected with { PixelHeadSize = pixelSize, Pack = 2 });
        d.eval();
        var outputs = d.HeadOutputs(zeros(4, 3, resolution, resolution));
        Assert.Equal(5, outputs.Length);
        Assert.Equal([2L, 1, side, side], outputs[4].shape);
        Assert.Contains(d.named_parameters(), p => p.name.StartsWith("pixelHead."));
    }

    [Fact]
    public void PixelHead_SeesTheMeanColourTheFeatureHeadsAreGivenToo()
    {
        // Two flat images a colour apart: the pixel head's verdicts differ (it reads colour directly).
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var d = new ProjectedDiscriminator(32, TestOptions.TinyProjected with { PixelHeadSize = 8, HeadBatchNorm = false });
        d.eval();
        var red = zeros(1, 3, 32, 32); red[0, 0] = full(32, 32, 0.8f);
        var blue = zeros(1, 3, 32, 32); blue[0, 2] = full(32, 32, 0.8f);
        var gap = (d.HeadOutputs(red)[4] - d.HeadOutputs(blue)[4]).abs().max().item<float>();
        Assert.True(gap > 1e-3, $"pixel head gap {gap}");
    }

    [Fact]
    public void HeadBatchNorm_Off_NoBatchNormAnywhereInD()
    {
        using var on = new ProjectedDiscriminator(64, TestOptions.TinyProjected with { PixelHeadSize = 16 });
        using var off = new ProjectedDiscriminator(64, TestOptions.TinyProjected with { PixelHeadSize = 16, HeadBatchNorm = false });
        Assert.Contains(on.named_modules(), m => m.module is ArtGallery.Gan.Layers.HeldBatchNorm2d);
        Assert.DoesNotContain(off.named_modules(), m => m.module is ArtGallery.Gan.Layers.HeldBatchNorm2d);
        Assert.True(off.parameters().Count() < on.parameters().Count());
    }

    [Fact]
    public void MinibatchStdDev_EveryHeadScoresTheBatchSpread()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var d = new ProjectedDiscriminator(64, TestOptions.TinyProjected with { MinibatchStdDev = true, PixelHeadSize = 16 });
        d.eval();
        using var plain = new ProjectedDiscriminator(64, TestOptions.TinyProjected with { MinibatchStdDev = false, PixelHeadSize = 16 });
        static long[] OutputInputs(ProjectedDiscriminator x) =>
            [.. x.named_parameters().Where(p => p.name.EndsWith("output.weight")).Select(p => p.parameter.shape[1])];
        Assert.Equal(5, OutputInputs(d).Length); // four feature heads and the pixel head
        Assert.Equal(OutputInputs(plain).Select(c => c + 1), OutputInputs(d)); // one spread channel more each
        // Four copies of one image vs four different images: the spread channel differs, so the verdicts do.
        var copies = rand(1, 3, 64, 64).mul(2).sub(1).repeat(4, 1, 1, 1);
        var varied = copies.clone(); varied[1..] = rand(3, 3, 64, 64).mul(2).sub(1);
        var gap = (d.HeadOutputs(copies)[4][0] - d.HeadOutputs(varied)[4][0]).abs().max().item<float>();
        Assert.True(gap > 1e-4, $"gap {gap}");
    }

    [Theory]
    [InlineData(12)]
    [InlineData(-1)]
    [InlineData(128)]
    public void Validate_PixelHeadSizeNotAPowerOfTwo_ClearError(int size)
    {
        var options = TestOptions.TinyProjected32() with { Projected = TestOptions.TinyProjected with { PixelHeadSize = size } };
        var e = Assert.Throws<ArgumentException>(() => GanRecipes.Validate(options));
        Assert.Contains("pixel head size must be 0 (none) or a power of two up to 64", e.Message);
    }

    [Fact]
    public void Forward_Packed_OneScorePerPack()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var d = new ProjectedDiscriminator(32, TestOptions.TinyProjected with { Pack = 2 });
        Assert.Equal(4L, d.forward(zeros(8, 3, 32, 32)).shape[0]);
    }

    [Fact]
    public void Step_FeatureNetAndMixingFrozen_OnlyHeadsTrainAndGradientsReachG()
    {
        using var session = new GanSession(TestOptions.TinyProjected32(), Data);
        var d = (ProjectedDiscriminator)session.D;
        Assert.All(d.named_parameters(), p => Assert.Matches("^(heads|pixelHead)\\.", p.name));
        var mixingBefore = Snapshot(d.named_buffers().Where(b => b.name.StartsWith("mixing.")));
        Assert.NotEmpty(mixingBefore);
        var featureNet = ProjectedDiscriminator.FeatureNet(session.Device);
        var featuresBefore = Snapshot(featureNet.named_buffers());
        var headsBefore = Snapshot(Params(d));
        var gBefore = Snapshot(Params(session.G));
        for (int i = 0; i < 3; i++) session.Step();

        Assert.Equal(0, session.SkippedUpdates);
        Assert.All(d.named_buffers().Where(b => b.name.StartsWith("mixing.")), b => Assert.False(b.buffer.requires_grad));
        AssertSame(mixingBefore, Snapshot(d.named_buffers().Where(b => b.name.StartsWith("mixing."))));
        AssertSame(featuresBefore, Snapshot(featureNet.named_buffers()));
        Assert.Contains(Snapshot(Params(d)), p => !p.Value.SequenceEqual(headsBefore[p.Key]));
        // G learns only from D's verdict, which reaches it through the frozen feature net and mixing.
        // (toRGB layers of the lower growth stages are unused: the recipe trains at the final resolution only.)
        var used = session.G.named_parameters().Where(p => !p.name.StartsWith("toRgb.") || p.name.StartsWith("toRgb.3.")).ToList();
        Assert.All(used, p => Assert.True(p.parameter.grad is { } g && g.abs().sum().item<float>() > 0, p.name));
        Assert.Contains(Snapshot(Params(session.G)), p => !p.Value.SequenceEqual(gBefore[p.Key]));
    }

    private static IEnumerable<(string, Tensor)> Params(TorchSharp.torch.nn.Module m) => m.named_parameters().Select(p => (p.name, (Tensor)p.parameter));

    private static Dictionary<string, float[]> Snapshot(IEnumerable<(string name, Tensor t)> tensors) =>
        tensors.ToDictionary(x => x.name, x => x.t.detach().cpu().data<float>().ToArray());

    private static void AssertSame(Dictionary<string, float[]> before, Dictionary<string, float[]> after)
    {
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, values) in before) Assert.True(values.SequenceEqual(after[name]), $"{name} changed");
    }

    [Fact]
    public void Defaults_NoColourAugmentHigherRateSpreadAndPixelHead()
    {
        var options = new TrainingOptions { Recipe = GanRecipe.Projected, MaxResolution = 64 };
        Assert.Equal(["translation", "cutout"], options.AugmentOps);
        Assert.Equal(2e-3, options.EffectiveLearningRate);
        Assert.True(options.Projected.MinibatchStdDev);
        Assert.Equal(16, options.Projected.PixelHeadSize);
        Assert.Equal(["color", "translation", "cutout"], new TrainingOptions().AugmentOps); // progan keeps all three
        Assert.Equal(["color"], (options with { AugmentPolicy = "color" }).AugmentOps); // a stated policy wins
    }

    [Fact]
    public void OldProjectedRun_KeepsTheHeadsRateAndAugmentationItTrainedWith()
    {
        // A projected run.json from before the spread, the pixel head and the recipe's own policy and rate.
        var old = new TrainingOptions { Recipe = GanRecipe.Projected, MaxResolution = 64, AugmentPolicy = "color,translation,cutout", LearningRate = 2e-4 }.ToJson();
        var node = System.Text.Json.Nodes.JsonNode.Parse(old)!.AsObject();
        node.Remove("EffectiveAugmentPolicy");
        node["LearningRate"] = null;
        node["EffectiveLearningRate"] = 2e-4;
        var projected = node["Projected"]!.AsObject();
        projected.Remove("MinibatchStdDev");
        projected.Remove("PixelHeadSize");
        projected.Remove("HeadBatchNorm");
        var options = TrainingOptions.FromJson(node.ToJsonString());
        Assert.False(options.Projected.MinibatchStdDev);
        Assert.Equal(0, options.Projected.PixelHeadSize);
        Assert.True(options.Projected.HeadBatchNorm);
        Assert.Equal(2e-4, options.EffectiveLearningRate);
        Assert.Equal(["color", "translation", "cutout"], options.AugmentOps);
        // A hand-written options file naming a few projected settings gets today's defaults for the rest.
        var partial = TrainingOptions.FromJson("""{ "Recipe": "Projected", "Projected": { "Pack": 2 } }""");
        Assert.True(partial.Projected.MinibatchStdDev);
        Assert.Equal(16, partial.Projected.PixelHeadSize);
        // A new run's settings survive their own round trip.
        var fresh = new TrainingOptions { Recipe = GanRecipe.Projected, MaxResolution = 64 };
        Assert.Equal(fresh.Projected, TrainingOptions.FromJson(fresh.ToJson()).Projected);
    }

    [Fact]
    public void Validate_PackNotDividingBatch_ClearError()
    {
        var options = TestOptions.TinyProjected32() with { Projected = TestOptions.TinyProjected with { Pack = 3 } };
        var e = Assert.Throws<ArgumentException>(() => GanRecipes.Validate(options));
        Assert.Contains("pack (3) must divide the batch size (8)", e.Message);
    }

    [Fact]
    public void Validate_TooSmallForTheFeatureNet_ClearError()
    {
        var e = Assert.Throws<ArgumentException>(() => GanRecipes.Validate(TestOptions.TinyProjected32() with { MaxResolution = 16 }));
        Assert.Contains("projected recipe needs a resolution of 32", e.Message);
    }
}
