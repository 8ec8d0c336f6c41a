using ArtGallery.Contracts;
using ArtGallery.Web.Components.Pages.Admin;
using ArtGallery.Web.Training;
using Bunit;

namespace ArtGallery.Web.Tests.Components;

public sealed class TrainingStatusTests : ComponentTestBase
{
    private static TrainingProgressDto Progress(bool collapse = false, double kimg = 3, double total = 12, long skipped = 0, double eta = 60) =>
        new("run-1", JobStatus.Running, "fade-in", 16, 0.25, kimg, total, 1.1, 0.9, 150, eta, 0.1, 0.3, collapse, skipped);

    [Theory]
    [InlineData(0.1, 0.004, "0.10 / 0.00 kimg")]
    [InlineData(0.1, 0, "0.10 / ? kimg")]
    [InlineData(3, 12, "3.00 / 12.00 kimg")]
    public void Render_Kimg_SamePrecisionAndUnknownTotalShownAsSuch(double kimg, double total, string expected)
    {
        var status = Render<TrainingStatus>(p => p.Add(c => c.Status, JobStatus.Running).Add(c => c.Progress, Progress(kimg: kimg, total: total)));
        Assert.Contains(expected, status.Find("[data-testid=training-status]").TextContent);
    }

    [Fact]
    public void Render_DroppedUpdates_ShowsCountAsAlert()
    {
        var quiet = Render<TrainingStatus>(p => p.Add(c => c.Status, JobStatus.Running).Add(c => c.Progress, Progress()));
        Assert.Equal("Dropped updates: 0", quiet.Find("[data-testid=skipped-updates]").TextContent.Trim());
        var dropped = Render<TrainingStatus>(p => p.Add(c => c.Status, JobStatus.Running).Add(c => c.Progress, Progress(skipped: 3)));
        var alert = dropped.Find("[data-testid=skipped-updates]");
        Assert.Equal("alert", alert.GetAttribute("role"));
        // In words, with what to do: no pointer to an engine document.
        Assert.StartsWith("3 training steps were skipped because the numbers overflowed", alert.TextContent.Trim());
        // Any skipped step means divergence now (the engine holds its Scalars), so even a few say so and what to do.
        Assert.Contains("the run is diverging", alert.TextContent);
        Assert.Contains("make an earlier checkpoint active", alert.TextContent);
        Assert.DoesNotContain("ENGINE.md", alert.TextContent);
    }

    [Fact]
    public void Render_EtaPastTheBudget_WarnsInWordsWhereTheRunWillStop()
    {
        // The run: 4 minutes, ETA 7:30 one minute in.
        var since = DateTime.UtcNow.AddMinutes(-1);
        var late = Render<TrainingStatus>(p => p.Add(c => c.Status, JobStatus.Running).Add(c => c.Progress, Progress(kimg: 20, total: 140, eta: 450))
            .Add(c => c.BudgetMinutes, 4).Add(c => c.RunningSince, since));
        var warning = late.Find("[data-testid=budget-warning]").TextContent;
        Assert.Contains("needs 00:07:30 more, but the budget ends in 00:03:0", warning);
        Assert.Contains("of 140 kimg", warning);
        Assert.Contains("Fit the schedule to the time budget", warning);

        var onTime = Render<TrainingStatus>(p => p.Add(c => c.Status, JobStatus.Running).Add(c => c.Progress, Progress(kimg: 20, total: 140, eta: 120))
            .Add(c => c.BudgetMinutes, 4).Add(c => c.RunningSince, since));
        Assert.Empty(onTime.FindAll("[data-testid=budget-warning]"));
    }

    [Fact]
    public void Render_Running_ShowsStatusPhaseAndPercent()
    {
        var status = Render<TrainingStatus>(p => p.Add(c => c.Status, JobStatus.Running).Add(c => c.Progress, Progress()));
        var text = status.Find("[data-testid=training-status]").TextContent;
        Assert.Contains("running", text);
        Assert.Contains("fade-in", text);
        Assert.Contains("16 px", text);
        Assert.Equal("25", status.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
        Assert.Empty(status.FindAll("[data-testid=collapse-warning]"));
    }

    [Fact]
    public void Render_CollapseWarning_ShowsWarning()
    {
        var status = Render<TrainingStatus>(p => p.Add(c => c.Status, JobStatus.Running).Add(c => c.Progress, Progress(collapse: true)));
        Assert.Contains("0.30", status.Find("[data-testid=collapse-warning]").TextContent);
    }

    [Fact]
    public void Render_Idle_ShowsOnlyStatus()
    {
        var status = Render<TrainingStatus>(p => p.Add(c => c.Status, JobStatus.Stopped).Add(c => c.Progress, null));
        Assert.Equal("stopped", status.Find("[data-testid=training-status]").TextContent.Trim());
        Assert.Empty(status.FindAll("[role=progressbar]"));
    }

    [Fact]
    public void Render_WorkerDied_ShowsTheReasonAsANotice()
    {
        const string reason = "The training worker was killed by signal 9; the run can resume from its last checkpoint.";
        var status = Render<TrainingStatus>(p => p.Add(c => c.Status, JobStatus.Resumable).Add(c => c.Progress, Progress()).Add(c => c.Message, reason));
        var notice = status.Find("[data-testid=training-notice]");
        Assert.Equal("alert", notice.GetAttribute("role"));
        Assert.Equal(reason, notice.TextContent);
    }
}
