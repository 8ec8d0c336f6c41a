using ArtGallery.Gan.Models.Projected;
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
        using var d = new ProjectedDiscriminator(resolution, TestOptions.TinyProjected with { InputScale = inputScale });
        d.eval();
        var outputs = d.HeadOutputs(zeros(2, 3, resolution, resolution));
        Assert.Equal(sides.Length, outputs.Length);
        for (int i = 0; i < sides.Length; i++) Assert.Equal([2L, 1, sides[i], sides[i]], outputs[i].shape);
        Assert.Equal([2L, sides.Sum(s => s * s)], d.forward(zeros(2, 3, resolution, resolution)).shape);
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
        Assert.All(d.named_parameters(), p => Assert.StartsWith("heads.", p.name));
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
    public void Validate_PackNotDividingBatch_ClearError()
    {
        var options = TestOptions.TinyProjected32() with { Projected = TestOptions.TinyProjected with { Pack = 3 } };
        var e = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("pack (3) must divide the batch size (8)", e.Message);
    }

    [Fact]
    public void Validate_TooSmallForTheFeatureNet_ClearError()
    {
        var e = Assert.Throws<ArgumentException>((TestOptions.TinyProjected32() with { MaxResolution = 16 }).Validate);
        Assert.Contains("projected recipe needs a resolution of 32", e.Message);
    }
}
