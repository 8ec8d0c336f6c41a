using ArtGallery.Contracts;
using ArtGallery.Web.Components.Pages.Admin;
using ArtGallery.Web.Training.DetailJobs;
using Bunit;

namespace ArtGallery.Web.Tests.Components;

public sealed class DetailStatusTests : ComponentTestBase
{
    private static DetailProgressDto Progress(JobStatus status = JobStatus.Running, double fraction = 0.25) =>
        new("run-1", status, 120, fraction, 0.0412, 0.0518, 90, 30, 0);

    [Fact]
    public void Render_Running_StepLossesPercentEtaAndTheStrip()
    {
        var status = Render<DetailStatus>(p => p.Add(c => c.Progress, Progress()).Add(c => c.Sample, DetailSampleDto.For("run-1", "strip-0000100.png", 100)));
        var line = status.Find("[data-testid=detail-line]").TextContent;
        Assert.Contains("running", line);
        Assert.Contains("step 120", line);
        Assert.Contains("L1 0.0412 (bicubic 0.0518)", line);
        Assert.Contains("25% · ETA 00:01:30", status.Find("[data-testid=detail-progress]").TextContent);
        var strip = status.Find("[data-testid=detail-strip]");
        Assert.Equal("/api/training/detail/samples/strip-0000100.png", strip.GetAttribute("src"));
        Assert.Contains("step 100", strip.GetAttribute("alt"));
    }

    [Theory]
    [InlineData(90.0, "00:01:30")]
    [InlineData(163_000.0, "45:16:40")] // over a day: hours keep counting (TimeSpan's "c" wrote "1.21:16:40")
    [InlineData(null, "?")]
    [InlineData(double.PositiveInfinity, "?")]
    public void Eta_Seconds_HoursMinutesSeconds(double? seconds, string expected) => Assert.Equal(expected, TrainingStatus.Eta(seconds));

    [Fact]
    public void Render_FinishedAndFailed_FullBarAndAnAlertForTheFailure()
    {
        var done = Render<DetailStatus>(p => p.Add(c => c.Progress, Progress(JobStatus.Finished, 0.99)).Add(c => c.Message, "Detail model abc saved."));
        Assert.StartsWith("100%", done.Find("[data-testid=detail-progress]").TextContent.Trim());
        Assert.Equal("status", done.Find("[data-testid=detail-message]").GetAttribute("role"));
        var failed = Render<DetailStatus>(p => p.Add(c => c.Progress, Progress(JobStatus.Failed)).Add(c => c.Message, "The training worker was killed by signal 9."));
        Assert.Equal("alert", failed.Find("[data-testid=detail-message]").GetAttribute("role"));
        Assert.Empty(failed.FindAll("[data-testid=detail-strip]"));
    }

    [Fact]
    public void Render_NothingYet_SaysSo()
    {
        var none = Render<DetailStatus>(p => p.Add(c => c.Progress, null));
        Assert.Contains("No detail model", none.Find("[data-testid=detail-line]").TextContent);
    }
}
