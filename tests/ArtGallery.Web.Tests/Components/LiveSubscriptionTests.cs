using ArtGallery.Web.Components.Shared;

namespace ArtGallery.Web.Tests.Components;

public sealed class LiveSubscriptionTests
{
    private event Action? Changed;

    [Fact]
    public async Task Event_Raised_RunsThroughInvokeAsyncAndStopsAfterDispose()
    {
        int invoked = 0, handled = 0;
        Task Invoke(Func<Task> work) { invoked++; return work(); }
        var live = LiveSubscription.Start(h => Changed += h, h => Changed -= h, Invoke, _ => Task.CompletedTask, () => { handled++; return Task.CompletedTask; });

        Changed?.Invoke();
        live.Dispose();
        Changed?.Invoke();

        await Task.Yield();
        Assert.Equal((1, 1), (invoked, handled));
        Assert.Null(Changed);
    }

    [Fact]
    public void Handler_Throws_ExceptionGoesToDispatch()
    {
        Exception? dispatched = null;
        using var live = LiveSubscription.Start(h => Changed += h, h => Changed -= h, work => work(),
            ex => { dispatched = ex; return Task.CompletedTask; }, () => throw new InvalidOperationException("boom"));

        Changed?.Invoke();

        Assert.Equal("boom", dispatched?.Message);
    }
}
