namespace ArtGallery.Web.Components.Pages.Explore;

/// <summary>
/// Shows the latest of a stream of changes (slider moves): at once after a pause, then at most once per interval while
/// changes keep coming, and the last one always. A plain debounce made every click wait the whole interval, which was most
/// of a slider move's latency.
/// </summary>
public sealed class ChangeThrottle(TimeSpan interval, TimeProvider time) : IDisposable
{
    private CancellationTokenSource? pending;
    private long? lastShown; // TimeProvider timestamp of the last change shown

    /// <summary>Waits this change's turn: true to show it now, false when a newer change replaced it while it waited.</summary>
    public async Task<bool> TurnAsync()
    {
        Drop();
        var mine = pending = new CancellationTokenSource();
        var wait = lastShown is { } shown ? interval - time.GetElapsedTime(shown) : TimeSpan.Zero;
        if (wait > TimeSpan.Zero)
        {
            try { await Task.Delay(wait, time, mine.Token); }
            catch (TaskCanceledException) { return false; }
        }
        lastShown = time.GetTimestamp();
        return true;
    }

    /// <summary>Drops the waiting change (the page is closing).</summary>
    public void Dispose() => Drop();

    // Cancel runs the waiter's cancellation at once, so the source can be disposed right after.
    private void Drop()
    {
        pending?.Cancel();
        pending?.Dispose();
        pending = null;
    }
}
