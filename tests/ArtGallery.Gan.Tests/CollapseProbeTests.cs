using ArtGallery.Gan.Training;
using TorchSharp;

namespace ArtGallery.Gan.Tests;

/// <summary>The one collapse probe: a generator whose every sample is the same picture sets off the live warning, in the
/// probe and in the trainer's own progress reports; real images do not.</summary>
[Collection("Sequential")]
public sealed class CollapseProbeTests
{
    private static readonly Imaging.BuiltinAbstractDataset Data = new(64);

    [Fact]
    public void Probe_CollapsedGenerator_Warns_RealImages_DoNot()
    {
        using var trainer = Trainer.Create(TestOptions.Tiny(8) with { DiversityKimg = 0.01 }, Data, TestOptions.TempDir());
        var ema = trainer.Session.Ema;
        var probe = new CollapseProbe(7, ema, Data);
        Collapse(ema);

        var collapsed = probe.Measure(ema, torch.CPU, minDiversity: 0.5);
        Assert.True(collapsed.Warning);
        Assert.InRange(collapsed.Diversity, 0, 0.01);
        Assert.Equal(1.0, collapsed.NearDuplicates, 6);

        // Positive control: other real images of the same data are as varied as the baseline, so no warning.
        var real = Enumerable.Range(0, 64).Select(i => Read(Data, (i * 7 + 3) % Data.Count, 8)).ToArray();
        var healthy = probe.MeasureImages(real, 8, minDiversity: 0.5);
        Assert.False(healthy.Warning);
        Assert.InRange(healthy.Diversity, 0.7, 1.3);
    }

    [Fact]
    public void Trainer_CollapsedGenerator_ItsProgressCarriesTheWarning()
    {
        // Zero weights give every latent the same picture, and training cannot undo it: no gradient crosses a zero layer.
        var options = TestOptions.Tiny(8, kimgPerPhase: 0.02) with { DiversityKimg = 0.01, ProgressEverySteps = 1 };
        using var trainer = Trainer.Create(options, Data, TestOptions.TempDir());
        Collapse(trainer.Session.G);
        Collapse(trainer.Session.Ema);
        var progress = new SyncProgress();

        var final = trainer.Run(progress);

        Assert.True(final.CollapseWarning);
        Assert.True(final.Diversity < 0.5, $"diversity {final.Diversity}");
        Assert.Contains(progress.Reports, r => r.CollapseWarning && r.Kimg < final.Kimg); // live, not only at the end
    }

    private static void Collapse(Models.GanGenerator g)
    {
        using var _ = torch.no_grad();
        foreach (var p in g.parameters()) p.zero_();
    }

    private static float[] Read(Imaging.IImageDataset data, int index, int res)
    {
        var chw = new float[3 * res * res];
        data.Read(index, res, chw);
        return chw;
    }
}
