using ArtGallery.Web.Components.Pages.Admin;
using ArtGallery.Web.Training;
using Bunit;

namespace ArtGallery.Web.Tests.Components;

public sealed class SampleTimelineTests : ComponentTestBase
{
    private static List<SampleDto> Samples(int n) => [.. Enumerable.Range(1, n).Select(i => SampleDto.For("run-1", $"grid-{i:D6}.png", i))];

    [Fact]
    public void Render_NewGridsArrive_FollowsTheNewest()
    {
        var timeline = Render<SampleTimeline>(p => p.Add(c => c.Samples, Samples(3)));
        Assert.EndsWith("grid-000003.png", timeline.Find("[data-testid=live-sample]").GetAttribute("src"));

        timeline.Render(p => p.Add(c => c.Samples, Samples(4)));

        Assert.True(timeline.Instance.Follow);
        Assert.EndsWith("grid-000004.png", timeline.Find("[data-testid=live-sample]").GetAttribute("src"));
    }

    [Fact]
    public void Scrub_BackInTime_StaysThereWhileNewGridsArrive()
    {
        var timeline = Render<SampleTimeline>(p => p.Add(c => c.Samples, Samples(5)));

        timeline.Find("input[type=range][aria-label='Sample timeline']").Input("1");

        Assert.False(timeline.Instance.Follow);
        Assert.EndsWith("grid-000002.png", timeline.Find("[data-testid=live-sample]").GetAttribute("src"));
        timeline.Render(p => p.Add(c => c.Samples, Samples(6)));
        Assert.EndsWith("grid-000002.png", timeline.Find("[data-testid=live-sample]").GetAttribute("src"));

        timeline.Find("button[aria-label='Follow the newest sample']").Click();
        Assert.EndsWith("grid-000006.png", timeline.Find("[data-testid=live-sample]").GetAttribute("src"));
    }

    [Fact]
    public void Click_StripThumbnail_ShowsThatGrid()
    {
        var timeline = Render<SampleTimeline>(p => p.Add(c => c.Samples, Samples(3)));
        timeline.Find("button[aria-label='Sample at 1 kimg']").Click();
        Assert.Equal(0, timeline.Instance.Shown);
    }

    [Theory]
    [InlineData(0, null, 0)]
    [InlineData(5, null, 4)]
    [InlineData(5, 9, 4)]
    [InlineData(5, 2, 2)]
    public void Pick_CountAndChoice_IndexShown(int count, int? picked, int shown) => Assert.Equal(shown, SampleTimeline.Pick(count, picked));
}
