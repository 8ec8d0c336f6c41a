using ArtGallery.Gan.Training;
using ArtGallery.Web.Components.Pages.Admin;
using Bunit;

namespace ArtGallery.Web.Tests.Components;

public sealed class TrainingCurvesTests : ComponentTestBase
{
    private static ProgressPoint Point(double kimg, double lossD = 1, double? diversity = 0.3) => new(kimg, lossD, 0.8, 100 + kimg, 0.1, diversity);

    [Fact]
    public void Charts_Points_LossImgsDiversityAndAugmentationOverKimg()
    {
        var charts = TrainingCurves.Charts([Point(0.5, double.NaN, null), Point(1), Point(1.5)]);

        Assert.Equal(["Loss D / G", "Images/s", "Diversity", "Augmentation p"], charts.Select(c => c.Title));
        Assert.Equal(["0.5", "1", "1.5"], charts[0].KimgLabels);
        Assert.Equal(["D", "G"], charts[0].Series.Select(s => s.Name));
        // A NaN loss and a not-yet-measured diversity become gaps, not points that wreck the scale.
        Assert.Equal([null, 1.0, 1.0], charts[0].Series[0].Values);
        Assert.Equal([null, 0.3, 0.3], charts[2].Series[0].Values);
        Assert.Equal([100.5, 101, 101.5], charts[1].Series[0].Values);
    }

    [Theory]
    [InlineData(0.3, 0.5)]
    [InlineData(7, 10)]
    [InlineData(120, 200)]
    [InlineData(0.15, 0.2)]
    public void NiceStep_Raw_RoundedUpTo125(double raw, double step) => Assert.Equal(step, TrainingCurves.NiceStep(raw), 9);

    [Fact]
    public void YTick_ImagesPerSecond_AboutFourTicks()
    {
        var chart = TrainingCurves.Charts([Point(1), Point(2)])[1]; // img/s 101..102 from 0: span 102, step 25.5 -> 50
        Assert.Equal(50, chart.YTick);
        Assert.Equal(1, TrainingCurves.Charts([Point(1), Point(2)])[3].YTick); // augmentation p stays on whole ticks
    }

    [Fact]
    public void Labels_ManyPoints_ThinnedButLastKept()
    {
        var labels = TrainingCurves.Labels([.. Enumerable.Range(0, 100).Select(i => Point(i))]);
        Assert.Equal(100, labels.Count);
        Assert.InRange(labels.Count(l => l.Length > 0), 2, TrainingCurves.MaxLabels + 1);
        Assert.Equal("99", labels[^1]);
    }

    [Fact]
    public void Render_Points_OneChartPerCurveWithItsName()
    {
        var charts = Render<TrainingCharts>(p => p.Add(c => c.Points, [Point(1), Point(2), Point(3)]).Add(c => c.Caption, "Last run: r1"));
        Assert.Equal(["Loss D / G over kimg", "Images/s over kimg", "Diversity over kimg", "Augmentation p over kimg"],
            charts.FindAll("[role=img][aria-label$='over kimg']").Select(e => e.GetAttribute("aria-label")));
        Assert.Equal(4, charts.FindComponents<MudBlazor.MudChart<double>>().Count);
    }
}
