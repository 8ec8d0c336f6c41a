using ArtGallery.Web.Components.Pages.Explore;
using Microsoft.Extensions.Time.Testing;

namespace ArtGallery.Web.Tests.Components;

/// <summary>Explore's slider throttle: a click shows at once; a drag shows at most every 100 ms, always its last value.</summary>
public sealed class ChangeThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task FirstChangeAfterAPause_ShownAtOnce()
    {
        var time = new FakeTimeProvider();
        using var throttle = new ChangeThrottle(Interval, time);
        var first = throttle.TurnAsync();
        Assert.True(first.IsCompletedSuccessfully); // no waiting: a debounce would hold it for 100 ms
        Assert.True(await first);

        time.Advance(TimeSpan.FromMilliseconds(150));
        var afterPause = throttle.TurnAsync();
        Assert.True(afterPause.IsCompletedSuccessfully);
        Assert.True(await afterPause);
    }

    [Fact]
    public async Task ChangesDuringADrag_WaitTheirTurn_AndOnlyTheLastIsShown()
    {
        var time = new FakeTimeProvider();
        using var throttle = new ChangeThrottle(Interval, time);
        Assert.True(await throttle.TurnAsync());

        time.Advance(TimeSpan.FromMilliseconds(30));
        var second = throttle.TurnAsync();
        Assert.False(second.IsCompleted); // 70 ms of the interval left
        var third = throttle.TurnAsync();
        Assert.False(await second.WaitAsync(TimeSpan.FromSeconds(10))); // replaced by the third
        Assert.False(third.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(69));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await third.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
