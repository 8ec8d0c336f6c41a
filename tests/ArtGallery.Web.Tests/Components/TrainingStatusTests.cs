using ArtGallery.Web.Components.Pages.Admin;
using ArtGallery.Web.Training;
using Bunit;

namespace ArtGallery.Web.Tests.Components;

public sealed class TrainingStatusTests : ComponentTestBase
{
    private static TrainingProgressDto Progress(bool collapse = false, double kimg = 3, double total = 12) =>
        new("run-1", "running", "fade-in", 16, 0.25, kimg, total, 1.1, 0.9, 150, 60, 0.1, 0.3, collapse);

    [Theory]
    [InlineData(0.1, 0.004, "0.10 / 0.00 kimg")]
    [InlineData(0.1, 0, "0.10 / ? kimg")]
    [InlineData(3, 12, "3.00 / 12.00 kimg")]
    public void Render_Kimg_SamePrecisionAndUnknownTotalShownAsSuch(double kimg, double total, string expected)
    {
        var status = Render<TrainingStatus>(p => p.Add(c => c.Status, "running").Add(c => c.Progress, Progress(kimg: kimg, total: total)));
        Assert.Contains(expected, status.Find("[data-testid=training-status]").TextContent);
    }

    [Fact]
    public void Render_Running_ShowsStatusPhaseAndPercent()
    {
        var status = Render<TrainingStatus>(p => p.Add(c => c.Status, "running").Add(c => c.Progress, Progress()));
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
        var status = Render<TrainingStatus>(p => p.Add(c => c.Status, "running").Add(c => c.Progress, Progress(collapse: true)));
        Assert.Contains("0.30", status.Find("[data-testid=collapse-warning]").TextContent);
    }

    [Fact]
    public void Render_Idle_ShowsOnlyStatus()
    {
        var status = Render<TrainingStatus>(p => p.Add(c => c.Status, "stopped").Add(c => c.Progress, null));
        Assert.Equal("stopped", status.Find("[data-testid=training-status]").TextContent.Trim());
        Assert.Empty(status.FindAll("[role=progressbar]"));
    }
}
