using ArtGallery.Gan.Training;
using ArtGallery.Imaging;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Tests;

/// <summary>A non-finite loss or gradient must never reach the weights (see GanSession.StepIfFinite).</summary>
[Collection("Sequential")]
public class NonFiniteGuardTests
{
    /// <summary>Every other image is all NaN, so roughly every D loss on a batch holding one is NaN.</summary>
    private sealed class PoisonedDataset : IImageDataset
    {
        private readonly SyntheticDataset inner = new();
        public string Name => "test:poisoned";
        public int Count => inner.Count;

        public void Read(int index, int resolution, Span<float> destination)
        {
            inner.Read(index, resolution, destination);
            if (index % 2 == 1) destination.Fill(float.NaN);
        }
    }

    [Theory]
    [InlineData(GanRecipe.ProGan)]
    [InlineData(GanRecipe.Dcgan)]
    public void Step_NanLoss_UpdateSkippedAndWeightsStayFinite(GanRecipe recipe)
    {
        using var session = new GanSession(TestOptions.Tiny() with { Recipe = recipe }, new PoisonedDataset());
        for (int i = 0; i < 6; i++) session.Step();

        Assert.True(session.SkippedUpdates > 0);
        foreach (var module in new nn.Module[] { session.G, session.D, session.Ema })
            foreach (var p in module.parameters())
                Assert.True(p.isfinite().all().item<bool>(), "a NaN update reached the weights");
        Assert.True(double.IsFinite(session.Counters.AugmentP));
        foreach (var module in new nn.Module[] { session.G, session.D })
            foreach (var b in module.buffers().Where(b => b.is_floating_point()))
                Assert.True(b.isfinite().all().item<bool>(), "a NaN pass left non-finite BatchNorm statistics");
    }
}
